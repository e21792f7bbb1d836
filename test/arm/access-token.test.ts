/**
 * The access token: from standard input (`--access-token -`) or VNET_DOCTOR_ACCESS_TOKEN, so it
 * stays out of the process list; and masked wherever it would be printed, even when it is not
 * JWT-shaped, here when a hostile endpoint quotes it back in an error message.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { UsageError } from '../../src/errors.ts';
import { startEmulator, type Fault } from '../../src/emulator/server.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { ACCESS_TOKEN_ENV, checkTokenInput, tokenFromInput, userAccessToken } from '../../src/facts/arm/access-token.ts';
import { TOKEN_MARKER } from '../../src/text/secrets.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-token-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Not JWT-shaped: only the literal can be masked. */
const PLAIN_TOKEN = 'plain-opaque-token-5d8e1b';
const ECHO: Fault[] = [{ path: '/virtualNetworks/vnet-hub?', echoAuthorization: true }];

const stdin = (text: string, isTTY = false) => Object.assign(Readable.from([Buffer.from(text)]), { isTTY });

test('--access-token - reads the token from standard input, trimmed; the flag value itself is never the token', async () => {
  assert.equal(await userAccessToken('-', {}, stdin('  tok-from-stdin-123\n')), 'tok-from-stdin-123');
});

test('the environment variable gives the token when no flag does; none at all means DefaultAzureCredential', async () => {
  assert.equal(await userAccessToken(undefined, { [ACCESS_TOKEN_ENV]: ' env-token-abc123 ' }), 'env-token-abc123');
  assert.equal(await userAccessToken(undefined, {}), undefined);
});

test('--access-token - with a terminal on standard input is refused with a way out (the wizard reads keys there)', () => {
  assert.throws(() => checkTokenInput('-', { isTTY: true }), (error: Error) => error instanceof UsageError && error.message.includes(ACCESS_TOKEN_ENV));
  assert.doesNotThrow(() => checkTokenInput('-', { isTTY: false }));
  assert.doesNotThrow(() => checkTokenInput('some-token', { isTTY: true }));
});

test('standard input that is not one token is refused, without echoing it', async () => {
  await assert.rejects(tokenFromInput(stdin('   \n')), (error: Error) => error instanceof UsageError && /no token/.test(error.message));
  await assert.rejects(tokenFromInput(stdin('secret-one secret-two')), (error: Error) => error instanceof UsageError && !error.message.includes('secret-one'));
  await assert.rejects(tokenFromInput(stdin('x'.repeat(100 * 1024))), (error: Error) => error instanceof UsageError && /not an access token/.test(error.message));
  await assert.rejects(tokenFromInput(stdin('tok-abcdefgh', true)), (error: Error) => error instanceof UsageError && /terminal/.test(error.message));
});

test('a non-JWT token quoted back by the endpoint is masked in the reason, the stderr lines and the report', async () => {
  const scenario = loadScenario('healthy');
  const emulator = await startEmulator({ scenario, token: PLAIN_TOKEN, faults: ECHO });
  try {
    for (const format of ['json', 'md'] as const) {
      const stdout: string[] = [];
      const stderr: string[] = [];
      const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
      await checkCommand({ app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': PLAIN_TOKEN, format }, out, { tlsCa: emulator.ca });
      const printed = `${stdout.join('\n')}\n${stderr.join('\n')}`;
      assert.equal(printed.includes(PLAIN_TOKEN), false, `${format}: the token is never printed`);
      assert.ok(stderr.some((line) => line.includes(TOKEN_MARKER)), 'the failed read is reported, with the token masked');
      // Markdown escapes the marker's brackets.
      const marker = format === 'md' ? TOKEN_MARKER.replace(/[[\]]/g, '\\$&') : TOKEN_MARKER;
      assert.ok(stdout.join('\n').includes(marker), `${format}: the report carries the masked reason`);
    }
  } finally {
    await emulator.stop();
  }
});

test('bin: check --access-token - with the token piped in reads ARM, and the token is in no argument and no output', async () => {
  const scenario = loadScenario('healthy');
  const emulator = await startEmulator({ scenario, token: PLAIN_TOKEN, faults: ECHO });
  const ca = join(work, 'ca.pem');
  writeFileSync(ca, emulator.ca);
  try {
    const args = [BIN, 'check', '--app', scenario.target.app, '--arm-endpoint', emulator.url, '--access-token', '-', '--format', 'json'];
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: ca, NO_COLOR: '1', [ACCESS_TOKEN_ENV]: '' };
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin.end(`${PLAIN_TOKEN}\n`);
    const code = await exit;
    assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
    assert.ok(args.every((arg) => !arg.includes(PLAIN_TOKEN)));
    const report = JSON.parse(stdout) as { facts: { key: string; value: unknown }[] };
    assert.equal(report.facts.find((fact) => fact.key === 'plan.tier')?.value, 'Standard', 'ARM was read with the piped token');
    assert.equal(`${stdout}${stderr}`.includes(PLAIN_TOKEN), false);
    assert.ok(stderr.includes(TOKEN_MARKER), stderr);
    assert.ok(emulator.requests.some((request) => request.status === 200), 'the emulator accepted the piped token');
  } finally {
    await emulator.stop();
  }
});
