/** `vnet-doctor migrate` as a user runs it: its own help, three files, no overwrite without --force, bad flags refused with exit 2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.ts';

test('migrate --help is its own help', () => {
  const run = runCli(['migrate', '--help']);
  assert.equal(run.status, 0);
  assert.match(run.stdout, /^vnet-doctor migrate: a runbook/);
  assert.match(run.stdout, /--slot S/);
  assert.match(runCli(['--help']).stdout, /vnet-doctor migrate \[target\] \[--slot S\] \[--out DIR\]/);
});

test('migrate --demo writes the Markdown runbook and both scripts (the bash one executable), and never overwrites them without --force', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-migrate-cli-'));
  try {
    const run = runCli(['migrate', '--demo', 'healthy', '--out', dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.deepEqual(readdirSync(dir).sort(), ['runbook-contoso-api.md', 'runbook-contoso-api.ps1', 'runbook-contoso-api.sh']);
    assert.equal(statSync(join(dir, 'runbook-contoso-api.sh')).mode & 0o111, 0o111);
    const again = runCli(['migrate', '--demo', 'healthy', '--out', dir]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /runbook-contoso-api\.md exists; use --force to replace it/);
    assert.equal(runCli(['migrate', '--demo', 'healthy', '--out', dir, '--force']).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad slot name, a slot the app does not have, a missing --out directory and a stray argument are refused with exit 2', () => {
  const slot = runCli(['migrate', '--demo', 'healthy', '--slot', 'st aging;rm']);
  assert.equal(slot.status, 2);
  assert.match(slot.stderr, /--slot "st aging;rm" is not a slot name/);
  const out = runCli(['migrate', '--demo', 'healthy', '--out', '/nope-vnet-doctor-migrate']);
  assert.equal(out.status, 2);
  assert.match(out.stderr, /--out \/nope-vnet-doctor-migrate: no such directory/);
  assert.equal(runCli(['migrate', 'contoso-api']).status, 2);
  const missing = runCli(['migrate', '--demo', 'healthy', '--slot', 'nope', '--out', tmpdir()]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /unknown slot: the app has no deployment slot "nope" \(ARM 404\)/);
});
