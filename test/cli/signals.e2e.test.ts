/**
 * Ctrl-C, SIGTERM and a hung-up terminal end every batch command the same way (command-run.ts):
 * 130 for SIGINT/SIGTERM, 129 for SIGHUP, a line saying nothing was written, and nothing on
 * stdout. The commands are stopped while their first ARM call hangs (a server that accepts and
 * never answers).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from '../support/run-cli.ts';

const APP = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Web/sites/app1';

async function stopWhileReading(args: readonly string[], signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const sockets: Socket[] = [];
  let connected!: () => void;
  const firstCall = new Promise<void>((resolve) => { connected = resolve; });
  const server = createServer((socket) => { sockets.push(socket); connected(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
  const child = spawn(process.execPath, [BIN, ...args, '--arm-endpoint', endpoint], {
    env: { ...process.env, VNET_DOCTOR_ACCESS_TOKEN: 'signal-test-token', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => { stdout += chunk; });
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  try {
    await Promise.race([firstCall, exited]);
    child.kill(signal);
    return { code: await exited, stdout, stderr };
  } finally {
    for (const socket of sockets) socket.destroy();
    server.close();
  }
}

test('check, scan and migrate stopped during their first ARM call: 130 for SIGINT or SIGTERM, 129 for SIGHUP', async () => {
  const out = mkdtempSync(join(tmpdir(), 'vnet-doctor-signals-'));
  try {
    const commands = [
      [['check', '--app', APP], /^vnet-doctor: interrupted while reading facts; no report was written$/m, 'SIGINT'],
      [['scan', '--subscription', 's1'], /^vnet-doctor: scan interrupted; nothing was written$/m, 'SIGTERM'],
      [['migrate', '--app', APP, '--out', out], /^vnet-doctor: interrupted; no runbook was written$/m, 'SIGINT'],
    ] as const;
    for (const [args, said, interrupt] of commands) {
      for (const [signal, code] of [[interrupt, 130], ['SIGHUP', 129]] as const) {
        const run = await stopWhileReading(args, signal);
        assert.equal(run.code, code, `${args[0]} ${signal}: ${run.stderr}`);
        assert.match(run.stderr, said, `${args[0]} ${signal}`);
        assert.equal(run.stdout, '', `${args[0]} ${signal}`);
      }
    }
    assert.deepEqual(readdirSync(out), [], 'no runbook file');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
