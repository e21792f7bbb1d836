/**
 * Ctrl-C and SIGTERM end `check` and the wizard with exit 130 while ARM's next page never
 * answers: the real bin against the emulator, with a nextLink to a page that hangs. Each run
 * would wait far longer than any test if the hanging page held the process (the per-call
 * timeout is the SDK default of 15 s per page, and the page never answers).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type Fault, type RunningEmulator } from '../../src/emulator/server.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { PseudoTerminal } from '../ui/pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const TOKEN = 'interrupt-e2e-token-7c1d';
const GATEWAYS = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworkGateways';
const HANGING_SECOND_PAGE: Fault[] = [
  { path: 'skiptoken=hang', hang: true },
  { path: '/virtualNetworkGateways', nextLink: `{origin}${GATEWAYS}?api-version=2024-05-01&$skiptoken=hang` },
];
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-interrupt-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function withHangingArm(run: (emulator: RunningEmulator, args: string[], env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
  const scenario = loadScenario('healthy');
  const emulator = await startEmulator({ scenario, token: TOKEN, faults: HANGING_SECOND_PAGE });
  const ca = join(work, `ca-${Date.now()}-${Math.random().toString(16).slice(2)}.pem`);
  writeFileSync(ca, emulator.ca);
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: ca, VNET_DOCTOR_STATE_DIR: join(work, 'state'), VNET_DOCTOR_ACCESS_TOKEN: TOKEN };
    await run(emulator, ['--app', scenario.target.app, '--arm-endpoint', emulator.url], env);
  } finally {
    await emulator.stop();
  }
}

const hangingPage = (emulator: RunningEmulator) => emulator.waitForRequest((request) => request.url.includes('skiptoken=hang'));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`check: ${signal} while the next page hangs exits 130 with nothing on stdout`, async () => {
    await withHangingArm(async (emulator, args, env) => {
      const child = spawn(process.execPath, [BIN, 'check', ...args], { env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
      const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await hangingPage(emulator);
      child.kill(signal);
      assert.equal(await exit, 130, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /interrupted/);
    });
  });
}

test('wizard: Ctrl-C while the next page hangs quits with 130', async () => {
  await withHangingArm(async (emulator, args, env) => {
    const term = new PseudoTerminal([process.execPath, BIN, ...args], { cwd: work, env: { ...env, TERM: 'xterm-256color' } });
    try {
      await hangingPage(emulator);
      term.send('\u0003');
      assert.equal(await term.exit, 130, term.since().slice(-2000));
    } finally {
      term.close();
    }
  });
});

test('wizard: SIGTERM while the next page hangs quits with 130', async () => {
  await withHangingArm(async (emulator, args, env) => {
    const term = new PseudoTerminal([process.execPath, BIN, ...args], { cwd: work, env: { ...env, TERM: 'xterm-256color' } });
    try {
      await hangingPage(emulator);
      await term.waitFor(/PID=\d+/, 'the program started');
      term.kill('SIGTERM');
      assert.equal(await term.exit, 130, term.since().slice(-2000));
    } finally {
      term.close();
    }
  });
});
