/**
 * `check --app` tells on stderr what it could not read: the app itself unreadable (ARM down,
 * token refused, no access) stops it with exit 2 and the reason; other failed reads get one
 * line each besides the report. The real SDK clients against the emulator, or against a port
 * where nothing listens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { CliOptions } from '../../src/cli/args.ts';
import type { Output } from '../../src/cli/output.ts';
import type { Fault } from '../../src/emulator/server.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { TEST_TOKEN, withEmulator } from './support.ts';

const NOW = () => new Date('2026-11-25T10:00:00Z');

async function check(options: CliOptions, tlsCa?: string) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
  const code = await checkCommand({ format: 'json', ...options }, out, { now: NOW, credential: staticTokenCredential(TEST_TOKEN), ...(tlsCa ? { tlsCa } : {}) });
  return { code, stdout: stdout.join('\n'), stderr };
}

/** A loopback port where nothing listens: connections are refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('ARM unreachable: check exits 2, the reason on stderr, no report on stdout', async () => {
  const app = loadScenario('healthy').target.app;
  const run = await check({ app, 'arm-endpoint': `https://127.0.0.1:${await closedPort()}` });
  assert.equal(run.code, 2, run.stderr.join('\n'));
  assert.equal(run.stdout, '');
  const line = run.stderr.find((text) => /cannot read the app contoso-api/.test(text));
  assert.ok(line, run.stderr.join('\n'));
  assert.match(line, /ECONNREFUSED/);
});

test('the app itself refused (403): exit 2 with ARM\'s reason', async () => {
  await withEmulator('healthy', { faults: [{ path: '/sites/contoso-api?', status: 403 }] }, async (emulator, scenario) => {
    const run = await check({ app: scenario.target.app, 'arm-endpoint': emulator.url }, emulator.ca);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.ok(run.stderr.some((text) => /cannot read the app contoso-api from Azure: ARM 403 Forbidden/.test(text)), run.stderr.join('\n'));
  });
});

test('partial failures: the report as usual, and one stderr line per failed read naming it and why', async () => {
  const faults: Fault[] = [{ path: '/virtualNetworkGateways', status: 403 }, { path: '/serverfarms/asp-contoso?', status: 404 }];
  await withEmulator('healthy', { faults }, async (emulator, scenario) => {
    const run = await check({ app: scenario.target.app, 'arm-endpoint': emulator.url }, emulator.ca);
    assert.ok(run.code === 0 || run.code === 1, `exit follows the findings, got ${run.code}`);
    const report = JSON.parse(run.stdout) as { errors: { source: string }[] };
    assert.equal(report.errors.length, 2);
    const lines = run.stderr.filter((text) => /could not read/.test(text));
    assert.equal(lines.length, 2, run.stderr.join('\n'));
    assert.ok(lines.some((text) => /LIST virtualNetworkGateways in rg-contoso-network: ARM 403 Forbidden/.test(text)));
    assert.ok(lines.some((text) => /GET serverfarms\/asp-contoso: ARM 404 Not Found/.test(text)));
  });
});
