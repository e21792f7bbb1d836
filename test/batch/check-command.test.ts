/** `vnet-doctor check` in-process: report on stdout or to a file, messages on stderr, exit codes. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import { main } from '../../src/cli/main.ts';
import type { CliOptions } from '../../src/cli/args.ts';
import type { Output } from '../../src/cli/output.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';

const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-check-'));
after(() => rmSync(work, { recursive: true, force: true }));
const flows = writeFlowDir();
const NOW = () => new Date('2026-11-25T10:00:00Z');

function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
  return { out, stdout: () => stdout.join('\n'), stderr: () => stderr.join('\n') };
}

let files = 0;
function answersFile(text: string, extension = 'yaml'): string {
  const path = join(work, `answers-${(files += 1)}.${extension}`);
  writeFileSync(path, text);
  return path;
}

async function check(options: CliOptions) {
  const io = capture();
  const code = await checkCommand({ offline: true, flows, ...options }, io.out, { now: NOW });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const OUTSIDE_POOL = 'answers:\n  triage/ask-target: db.contoso.local:1433\nfacts:\n  app.isLinux: no\n  plan.tier: Basic\n  p2s.addressPool: 172.32.0.0/16\n';

test('an error finding gives exit 1 and the JSON report on stdout alone', async () => {
  const run = await check({ answers: answersFile(OUTSIDE_POOL), format: 'json' });
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  assert.equal(report.schemaVersion, 1);
  assert.deepEqual(report.target, { mode: 'offline' });
  assert.deepEqual(report.findings.map((f: { id: string; severity: string }) => [f.id, f.severity]), [['p2s-range-not-rfc1918', 'error']]);
  assert.equal(report.findings[0].steps[0].text, 'Change the pool 172.32.0.0/16');
  assert.deepEqual(report.facts.find((f: { key: string }) => f.key === 'target.host'), { key: 'target.host', value: 'db.contoso.local', source: 'answer', detail: 'answers file line 2' });
  assert.deepEqual(report.openQuestions, []);
  assert.deepEqual(report.errors, []);
  assert.match(run.stderr, /^vnet-doctor: Diagnosis: 1 error, 0 warnings, 0 notes \(complete\)\. Fix the error first\.$/m, 'the report\'s verdict, word for word');
  assert.ok(run.stderr.includes(JSON.parse(run.stdout).summary.verdict));
});

test('without error findings the exit code is 0, and unanswered questions are listed as open', async () => {
  const run = await check({ answers: answersFile('facts:\n  app.isLinux: no\n  plan.tier: Standard\n', 'yaml'), format: 'json' });
  assert.equal(run.code, 0);
  const report = JSON.parse(run.stdout);
  assert.equal(report.status, 'partial');
  assert.deepEqual(report.findings, []);
  assert.deepEqual(report.openQuestions, [{ question: 'triage/ask-target', text: 'Which host and port?', flow: 'triage' }]);
});

test('with no answers at all, every flow stops at its first question', async () => {
  const run = await check({ format: 'json' });
  assert.equal(run.code, 0);
  assert.deepEqual(JSON.parse(run.stdout).openQuestions.map((q: { question: string }) => q.question), ['eligible/ask-linux']);
});

test('--flow walks only that flow', async () => {
  const run = await check({ answers: answersFile('{"facts": {"app.isLinux": false, "plan.tier": "Free"}}', 'json'), flow: 'eligible', format: 'json' });
  assert.equal(run.code, 1);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(report.findings.map((f: { id: string }) => f.id), ['plan-tier-unsupported']);
  assert.deepEqual(report.summary.flows, ['eligible']);
});

test('Markdown is the default format', async () => {
  const run = await check({ answers: answersFile(OUTSIDE_POOL) });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /^# /);
  assert.match(run.stdout, /Pool 172\.32\.0\.0\/16 is outside RFC 1918/);
  assert.equal(run.stdout.includes('"schemaVersion"'), false);
});

test('a bad answers file is exit 2 with file:line and the reason, and no report', async () => {
  const path = answersFile('answers:\n  eligible/ask-tier: Gold\nfacts:\n  target.port: 99999\n');
  const run = await check({ answers: path, format: 'json' });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.ok(run.stderr.includes(`${path}:2: eligible/ask-tier: Gold is not one of: Free, Basic, Standard`), run.stderr);
  assert.ok(run.stderr.includes(`${path}:4: target.port (port): 99999 is not a TCP port`), run.stderr);
});

test('a missing answers file is exit 2', async () => {
  const run = await check({ answers: join(work, 'nope.yaml') });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /nope\.yaml: cannot read the answers file: no such file/);
});

test('broken flow files are exit 2 with each problem located', async () => {
  const broken = writeFlowDir({ 'broken.yaml': 'id: broken\ntitle: B\nsummary: S.\nentry: a\nnodes:\n  a: { kind: goto, flow: nowhere }\n' });
  const run = await check({ flows: broken });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /broken\.yaml:6: node "a": .*nowhere/);
});

test('--report writes the file (format by extension), keeps stdout empty and refuses to overwrite without --force', async () => {
  const path = join(work, 'report.json');
  const first = await check({ answers: answersFile(OUTSIDE_POOL), report: path });
  assert.equal(first.code, 1);
  assert.equal(first.stdout, '');
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')).findings.map((f: { id: string }) => f.id), ['p2s-range-not-rfc1918']);
  assert.match(first.stderr, /Report written to .*report\.json/);
  const io = capture();
  const again = await main(['check', '--offline', '--flows', flows, '--answers', answersFile(OUTSIDE_POOL), '--report', path], io.out);
  assert.equal(again, 2);
  assert.match(io.stderr(), /already exists; pass --force/);
  const forced = await check({ answers: answersFile(OUTSIDE_POOL), report: path, force: true });
  assert.equal(forced.code, 1);
});

test('--redact replaces host names in the report on stdout', async () => {
  const run = await check({ answers: answersFile(OUTSIDE_POOL), format: 'json', redact: true });
  assert.equal(run.code, 1);
  assert.equal(run.stdout.includes('db.contoso.local'), false);
  assert.equal(JSON.parse(run.stdout).redacted, true);
});

test('usage errors are exit 2 before any work: unknown flow, report extension, --resume', async () => {
  for (const [args, message] of [
    [['check', '--offline', '--flows', flows, '--flow', 'nope'], /unknown flow "nope"; the flows are: eligible, triage/],
    [['check', '--offline', '--flows', flows, '--report', join(work, 'r.txt')], /ends in "\.txt"; it needs an extension that names its format: \.md or \.markdown for Markdown, or \.json for JSON/],
    [['check', '--offline', '--resume'], /--resume continues an interactive session/],
    [['check', '--offline', '--flows', flows, '--format', 'json', '--report', join(work, 'r.md')], /--format json contradicts --report .*r\.md, which is written as md/],
    [['check', '--offline', '--format', 'xml'], /--format must be md or json/],
    [['check', '--app', 'not-an-id', '--flows', flows], /--app must be an App Service resource id/],
  ] as const) {
    const io = capture();
    assert.equal(await main(args, io.out), 2, args.join(' '));
    assert.match(io.stderr(), message);
    assert.equal(io.stdout(), '');
  }
  assert.equal(existsSync(join(work, 'r.txt')), false);
  assert.equal(existsSync(join(work, 'r.md')), false);
});

test('no credential for ARM is exit 2 with a hint to use --offline or --access-token', async () => {
  const io = capture();
  const failing = { getToken: async () => { throw new Error('no account signed in'); } };
  const code = await checkCommand({ app: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/app1', 'arm-endpoint': 'https://127.0.0.1:9', flows }, io.out, { now: NOW, credential: failing });
  assert.equal(code, 2);
  assert.match(io.stderr(), /no Azure credential available/);
  assert.match(io.stderr(), /--access-token/);
  assert.match(io.stderr(), /--offline/);
  assert.equal(io.stdout(), '');
});

test('an interrupt while reading facts is exit 130 with no report', async () => {
  const io = capture();
  const stop = new AbortController();
  stop.abort();
  const code = await checkCommand({ demo: 'healthy', format: 'json', flows }, io.out, { now: NOW, signal: stop.signal });
  assert.equal(code, 130);
  assert.equal(io.stdout(), '');
  assert.match(io.stderr(), /interrupted while reading facts/);
});
