/** `check` with facts from ARM: every demo scenario, and a real ARM client against the local emulator. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import { UsageError, type CliOptions } from '../../src/cli/args.ts';
import type { Output } from '../../src/cli/output.ts';
import { listScenarios, loadScenario } from '../../src/emulator/scenarios.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import type { Report } from '../../src/report/report-model.ts';

const NOW = () => new Date('2026-11-25T10:00:00Z');

async function check(options: CliOptions, context: { tlsCa?: string } = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
  const code = await checkCommand({ format: 'json', ...options }, out, { now: NOW, ...context });
  return { code, report: JSON.parse(stdout.join('\n')) as Report, stderr: stderr.join('\n') };
}

const expectedExit = (report: Report) => (report.findings.some((finding) => finding.severity === 'error') ? 1 : 0);

test('every demo scenario gives a report whose exit code follows its findings', async () => {
  const scenarios = listScenarios();
  assert.ok(scenarios.length > 0);
  for (const { id } of scenarios) {
    const { code, report } = await check({ demo: id });
    assert.equal(code, expectedExit(report), id);
    assert.equal(report.target.mode, 'demo');
    assert.equal(report.target.scenario, id);
    assert.ok(report.facts.some((fact) => fact.source === 'arm'), `${id}: facts come from the emulator`);
  }
});

test('the pool-not-rfc1918 scenario reports the pool finding with the real range filled in', async () => {
  const { code, report } = await check({ demo: 'pool-not-rfc1918' });
  assert.equal(code, 1);
  const pool = report.facts.find((fact) => fact.key === 'p2s.addressPool');
  assert.ok(pool && pool.source === 'arm');
  const finding = report.findings.find((f) => f.id === 'p2s-range-not-rfc1918');
  assert.ok(finding, JSON.stringify(report.findings.map((f) => f.id)));
  assert.ok(JSON.stringify(finding).includes(String((pool.value as string[])[0])), 'the finding names the range');
});

test('--app with --arm-endpoint and --access-token reads the same facts from the emulator as the demo', async () => {
  const scenario = loadScenario('pool-not-rfc1918');
  const token = 'in-process-token-81d3';
  const emulator = await startEmulator({ scenario, token });
  try {
    // A demo is set on its scenario's day; the ARM run gets the same day so dates compare.
    const onScenarioDay = scenario.today === undefined ? {} : { now: () => new Date(`${scenario.today}T10:00:00Z`) };
    const arm = await check({ app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': token }, { tlsCa: emulator.ca, ...onScenarioDay });
    const demo = await check({ demo: scenario.id });
    assert.equal(arm.code, demo.code);
    assert.equal(arm.report.target.mode, 'arm');
    assert.deepEqual(arm.report.findings.map((f) => f.id), demo.report.findings.map((f) => f.id));
    // The same facts, except the target flags each report suggests in its commands.
    const withoutTarget = (facts: typeof arm.report.facts) => facts.filter((f) => f.key !== 'session.targetArgs').map((f) => [f.key, f.value]);
    assert.deepEqual(withoutTarget(arm.report.facts), withoutTarget(demo.report.facts));
    assert.deepEqual(arm.report.facts.find((f) => f.key === 'session.targetArgs')?.value, ['--app', scenario.target.app]);
    assert.deepEqual(demo.report.facts.find((f) => f.key === 'session.targetArgs')?.value, ['--demo', scenario.id]);
    assert.equal(arm.stderr.includes(token), false);
  } finally {
    await emulator.stop();
  }
});

test('an ARM call that fails is listed under errors and its questions stay open; the run still reports', async () => {
  const scenario = loadScenario('pool-not-rfc1918');
  const token = 'in-process-token-403';
  const emulator = await startEmulator({ scenario, token, faults: [{ path: '/virtualnetworkgateways', status: 403 }] });
  try {
    const run = await check({ app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': token }, { tlsCa: emulator.ca });
    assert.ok(run.report.errors.some((error) => /403/.test(error.reason)), JSON.stringify(run.report.errors));
    assert.equal(run.report.facts.some((fact) => fact.key === 'p2s.addressPool'), false, 'the pool could not be read');
    assert.equal(run.report.findings.some((finding) => finding.id === 'p2s-range-not-rfc1918'), false, 'no finding from a value nobody read');
    assert.equal(run.code, expectedExit(run.report));
  } finally {
    await emulator.stop();
  }
});

test('an app ARM does not know is refused as an unknown target, a usage error (exit 2)', async () => {
  const scenario = loadScenario('healthy');
  const token = 'in-process-token-404';
  const emulator = await startEmulator({ scenario, token });
  try {
    const missing = scenario.target.app.replace(/[^/]+$/, 'no-such-app');
    await assert.rejects(check({ app: missing, 'arm-endpoint': emulator.url, 'access-token': token }, { tlsCa: emulator.ca }), (error: unknown) =>
      error instanceof UsageError && /unknown target: there is no app "no-such-app"/.test(error.message));
  } finally {
    await emulator.stop();
  }
});

test('a fact in the answers file wins over the value read from ARM, and the report says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-arm-answers-'));
  try {
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'facts:\n  p2s.addressPool: [172.16.200.0/24]\n');
    const { report } = await check({ demo: 'pool-not-rfc1918', answers });
    const pool = report.facts.find((fact) => fact.key === 'p2s.addressPool');
    assert.deepEqual(pool, { key: 'p2s.addressPool', value: ['172.16.200.0/24'], source: 'answer', detail: 'answers file line 2' });
    assert.equal(report.findings.some((finding) => finding.id === 'p2s-range-not-rfc1918'), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
