/** The command line as a user meets it: each command's own help, clean usage errors, exit 2 for conflicts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/run-cli.ts';

test('check, flows and the wizard each print their own --help', () => {
  const check = runCli(['check', '--help']);
  assert.equal(check.status, 0);
  assert.match(check.stdout, /^vnet-doctor check: batch mode/);
  assert.match(check.stdout, /--format md\|json/);
  assert.doesNotMatch(check.stdout, /flows lint \[dir\]/, 'not the global help');
  const flows = runCli(['flows', '--help']);
  assert.equal(flows.status, 0);
  assert.match(flows.stdout, /^vnet-doctor flows: /);
  assert.doesNotMatch(flows.stdout, /--access-token/);
  const wizard = runCli(['wizard', '--help']);
  assert.equal(wizard.status, 0);
  assert.match(wizard.stdout, /^vnet-doctor: the interactive wizard/);
  assert.match(wizard.stdout, /--resume/);
});

test('the exit codes are documented once, the same for the wizard and check', () => {
  for (const args of [['--help'], ['check', '--help'], ['wizard', '--help']]) {
    const help = runCli(args).stdout;
    assert.match(help, /130 {2}stopped by Ctrl-C or SIGTERM before the findings/, args.join(' '));
    assert.match(help, /0 {4}the session ended \(finished, or quit with q\)/, args.join(' '));
  }
});

test('an unknown option is one clean line with the prefix, exit 2', () => {
  const run = runCli(['check', '--bogus']);
  assert.equal(run.status, 2);
  assert.equal(run.stderr.split('\n')[0], 'vnet-doctor: unknown option --bogus');
  assert.doesNotMatch(run.stderr, /positional argument|'--/);
  assert.equal(run.stdout, '');
});

test('flows lint on a missing directory names it with the vnet-doctor prefix, exit 2', () => {
  const run = runCli(['flows', 'lint', '/nope-vnet-doctor']);
  assert.equal(run.status, 2);
  assert.equal(run.stderr.trim(), 'vnet-doctor: cannot read flows from /nope-vnet-doctor: no such file or directory');
});

test('conflicting targets are refused with exit 2, in check and in the wizard', () => {
  const APP = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Web/sites/app1';
  for (const args of [['check', '--demo', 'healthy', '--offline'], ['--demo', 'healthy', '--offline'], ['check', '--app', APP, '--demo'], ['--app', APP, '--demo', 'healthy']]) {
    const run = runCli(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, /^vnet-doctor: --demo and --(offline|app) each name what to examine; give only one of them/, args.join(' '));
  }
});

test('--read-dns-settings with --offline is refused: there is no app to read', () => {
  for (const args of [['check', '--offline', '--read-dns-settings'], ['--offline', '--read-dns-settings']]) {
    const run = runCli(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, /^vnet-doctor: --read-dns-settings reads an app's settings in Azure, which --offline never calls/, args.join(' '));
  }
});

test('--version prints the version in package.json (the bundle gets it at build time)', async () => {
  const { readFileSync } = await import('node:fs');
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const run = runCli(['--version']);
  assert.equal(run.status, 0);
  assert.equal(run.stdout.trim(), pkg.version);
});
