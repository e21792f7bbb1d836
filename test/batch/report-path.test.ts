/** `--report PATH` is checked when `check` starts: before the flows, the answers file or any Azure call. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { checkCommand } from '../../src/cli/check-command.ts';
import { main } from '../../src/cli/main.ts';
import { UsageError } from '../../src/errors.ts';
import type { Output } from '../../src/cli/output.ts';

const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-report-path-'));
after(() => rmSync(work, { recursive: true, force: true }));
const APP = '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Web/sites/app1';

function spyCredential() {
  const calls: string[] = [];
  const credential: TokenCredential = { getToken: async (scope) => { calls.push(String(scope)); return { token: 't', expiresOnTimestamp: Date.now() + 60_000 }; } };
  return { credential, calls };
}
const quiet: Output = { print: () => {}, error: () => {} };

test('an existing --report file is refused before any Azure call, and left as it was', async () => {
  const path = join(work, 'existing.md');
  writeFileSync(path, 'the engineer\'s earlier report\n');
  const spy = spyCredential();
  await assert.rejects(
    checkCommand({ app: APP, 'arm-endpoint': 'https://127.0.0.1:9', report: path }, quiet, { credential: spy.credential }),
    (error: Error) => error instanceof UsageError && /already exists; pass --force/.test(error.message),
  );
  assert.deepEqual(spy.calls, [], 'no token was asked for, so no ARM call was made');
  assert.equal(readFileSync(path, 'utf8'), 'the engineer\'s earlier report\n');
});

test('a --report in a missing directory is refused at start with exit 2 and the reason', async () => {
  const lines: string[] = [];
  const code = await main(['check', '--app', APP, '--arm-endpoint', 'https://127.0.0.1:9', '--report', join(work, 'no-such-dir', 'r.md')], { print: () => {}, error: (text) => lines.push(text) });
  assert.equal(code, 2);
  assert.match(lines.join('\n'), /^vnet-doctor: --report .*r\.md: the directory .*no-such-dir does not exist/);
});

test('--force lets an existing --report file be replaced', async () => {
  const path = join(work, 'forced.json');
  writeFileSync(path, '{}');
  const code = await checkCommand({ offline: true, report: path, force: true }, quiet, { now: () => new Date('2026-11-25T10:00:00Z') });
  assert.equal(code, 0);
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).target.mode, 'offline');
});
