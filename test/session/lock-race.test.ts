/**
 * Stale-lock takeover is atomic: several processes race for the same stale session locks (each
 * left by a process that has died) and every lock ends with exactly one holder. Before the
 * takeover was made atomic, 3 processes x 300 stale locks gave two holders within 5 rounds.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('lock-race-child.ts', import.meta.url));
const CONTENDERS = 3;
const ROUNDS = 5;
const LOCKS = 300;
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-lock-race-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The pid of a process that has already ended, as a crashed wizard leaves it in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  assert.ok(child.pid);
  return child.pid;
}

function contender(name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, work, String(CONTENDERS), String(ROUNDS), String(LOCKS), name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`contender ${name} exited ${code}: ${err}`))));
  });
}

test('racing processes over many stale locks: every lock has exactly one holder, every round', async () => {
  const pid = deadPid();
  const stale = `${JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00.000Z', host: hostname() })}\n`;
  for (let round = 0; round < ROUNDS; round += 1) {
    mkdirSync(join(work, `round-${round}`));
    for (let lock = 0; lock < LOCKS; lock += 1) writeFileSync(join(work, `round-${round}`, `lock-${lock}`), stale);
  }
  const outputs = await Promise.all(Array.from({ length: CONTENDERS }, (_, index) => contender(`c${index}`)));
  const holders = new Map<string, number>();
  for (const line of outputs.join('').split('\n').filter(Boolean)) holders.set(line, (holders.get(line) ?? 0) + 1);
  const wrong: string[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let lock = 0; lock < LOCKS; lock += 1) {
      const count = holders.get(`taken ${round} ${lock}`) ?? 0;
      if (count !== 1) wrong.push(`round ${round} lock ${lock}: ${count} holders`);
    }
  }
  assert.deepEqual(wrong, []);
  const leftOver = Array.from({ length: ROUNDS }, (_, round) => readdirSync(join(work, `round-${round}`)).filter((name) => !/^lock-\d+$/.test(name))).flat();
  assert.deepEqual(leftOver, [], 'no takeover marker or temporary file stays behind');
});
