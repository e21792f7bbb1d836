/**
 * The real `bin/vnet-doctor.js check` in a child process: offline with an answers file, the
 * built-in demo, and a real ARM client against the local ARM emulator. stdout holds only the
 * report; the exit code says whether an error finding was found.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listScenarios, loadScenario } from '../../src/emulator/scenarios.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import { runCli, type CliRun } from '../support/run-cli.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/answers/${name}`, import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-check-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

interface JsonReport {
  target: { mode: string; scenario?: string; appId?: string };
  status: string;
  findings: { id: string; severity: string; title: string; steps: unknown[] }[];
  facts: { key: string; value: unknown; source: string; detail?: string }[];
  path: { question: string; answer: unknown; auto?: { source: string } }[];
  openQuestions: { question: string }[];
  errors: unknown[];
}

function jsonReport(run: CliRun): JsonReport {
  assert.ok(run.stdout.trimStart().startsWith('{'), `stdout is the JSON report alone:\n${run.stdout.slice(0, 300)}\n${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

/** Exit code 1 exactly when the report holds an error finding, else 0. */
function assertExitMatches(run: CliRun, report: JsonReport): void {
  const expected = report.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
  assert.equal(run.status, expected, run.stderr);
}

test('check --offline --answers F --format json on the mini flows: report on stdout, exit 1 for an error finding', () => {
  const answers = join(work, 'answers.yaml');
  writeFileSync(answers, 'answers:\n  triage/ask-target: db.contoso.local:1433\nfacts:\n  app.isLinux: no\n  plan.tier: Basic\n  p2s.addressPool: 172.32.0.0/16\n');
  const run = runCli(['check', '--offline', '--flows', writeFlowDir(), '--answers', answers, '--format', 'json']);
  assert.equal(run.status, 1, run.stderr);
  const report = jsonReport(run);
  assert.deepEqual(report.findings.map((finding) => finding.id), ['p2s-range-not-rfc1918']);
  assert.match(run.stderr, /Diagnosis: 1 error/);
});

test('check --offline --answers with the example file applies every answer to the shipped flows', () => {
  const run = runCli(['check', '--offline', '--answers', fixture('reach-vnet.yaml'), '--format', 'json']);
  const report = jsonReport(run);
  assertExitMatches(run, report);
  assert.equal(report.target.mode, 'offline');
  const symptom = report.path.find((entry) => entry.question === 'triage/ask-symptom');
  assert.equal(symptom?.answer, 'reach-vnet');
  assert.equal(symptom?.auto?.source, 'answer');
  for (const fact of report.facts.filter((f) => f.source === 'answer')) assert.match(fact.detail ?? '', /^answers file line \d+$/);
});

test('check with a bad answers file exits 2, naming each bad line, with nothing on stdout', () => {
  const run = runCli(['check', '--offline', '--answers', fixture('invalid-values.yaml'), '--format', 'json']);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  for (const line of [4, 5, 7, 8, 9, 10]) assert.match(run.stderr, new RegExp(`invalid-values\\.yaml:${line}: `));
});

test('check --demo <scenario> --format json: facts from the built-in demo, exit code by severity', async () => {
  // Three in child processes (each starts Node and an emulator); every scenario runs in-process in check-arm.test.ts.
  const scenarios = listScenarios().filter(({ id }) => ['healthy', 'pool-not-rfc1918', 'linux-app'].includes(id));
  assert.equal(scenarios.length, 3, 'the demo ships these scenarios');
  const runs = await Promise.all(scenarios.map(({ id }) => runCliAsync(['check', '--demo', id, '--format', 'json'])));
  for (const [index, run] of runs.entries()) {
    const id = scenarios[index]!.id;
    const report = jsonReport(run);
    assertExitMatches(run, report);
    assert.equal(report.target.mode, 'demo');
    assert.equal(report.target.scenario, id);
    assert.ok(report.facts.some((fact) => fact.source === 'arm'), `${id}: facts were read from the emulator`);
  }
});

test('check --demo with an unknown scenario exits 2', () => {
  const run = runCli(['check', '--demo', 'no-such-scenario']);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
});

test('check --app against the ARM emulator gives the same findings as the demo, and never prints the token', async () => {
  const [first] = listScenarios();
  const scenario = loadScenario(first!.id);
  const token = 'check-e2e-token-4f2a9c';
  const emulator = await startEmulator({ scenario, token });
  try {
    const ca = join(work, 'emulator-ca.pem');
    writeFileSync(ca, emulator.ca);
    // spawnSync would block the emulator in this process, so the child runs asynchronously.
    const run = await runCliAsync(['check', '--app', scenario.target.app, '--arm-endpoint', emulator.url, '--access-token', token, '--format', 'json'], { NODE_EXTRA_CA_CERTS: ca });
    const report = jsonReport(run);
    assertExitMatches(run, report);
    assert.equal(report.target.mode, 'arm');
    assert.equal(report.target.appId?.toLowerCase(), scenario.target.app.toLowerCase());
    assert.equal(`${run.stdout}${run.stderr}`.includes(token), false, 'the access token is never printed');
    const demo = jsonReport(runCli(['check', '--demo', scenario.id, '--format', 'json']));
    assert.deepEqual(report.findings.map((f) => f.id), demo.findings.map((f) => f.id));
  } finally {
    await emulator.stop();
  }
});

test('Ctrl-C while ARM is slow stops check with exit 130 and nothing on stdout', async () => {
  const scenario = loadScenario('healthy');
  const token = 'check-e2e-token-sigint';
  // ARM never answers: check can only finish because the interrupt stops it.
  const emulator = await startEmulator({ scenario, token, faults: [{ path: '/', hang: true }] });
  try {
    const ca = join(work, 'emulator-ca-sigint.pem');
    writeFileSync(ca, emulator.ca);
    let interrupted = false;
    const run = await runCliAsync(['check', '--app', scenario.target.app, '--arm-endpoint', emulator.url, '--access-token', token], { NODE_EXTRA_CA_CERTS: ca }, {
      // Interrupt once, when the first ARM read is under way, as a user would.
      onStderr: (text, child) => {
        if (interrupted || !/Reading app/.test(text)) return;
        interrupted = true;
        child.kill('SIGINT');
      },
    });
    assert.equal(run.status, 130, run.stderr);
    assert.equal(run.stdout, '');
  } finally {
    await emulator.stop();
  }
});

interface AsyncRunOptions {
  readonly onStderr?: (text: string, child: import('node:child_process').ChildProcess) => void;
}

async function runCliAsync(args: readonly string[], env: NodeJS.ProcessEnv = {}, options: AsyncRunOptions = {}): Promise<CliRun> {
  const { spawn } = await import('node:child_process');
  const { BIN } = await import('../support/run-cli.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; options.onStderr?.(stderr, child); });
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
  });
}
