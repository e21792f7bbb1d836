import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/fs/atomic-write.ts';

const CHILD = join(import.meta.dirname, 'support', 'write-child.ts');
const created: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-atomic-'));
  created.push(dir);
  return dir;
};
after(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

for (const [variant, write] of [
  ['async', writeFileAtomic],
  ['sync', async (...args: Parameters<typeof writeFileAtomicSync>) => writeFileAtomicSync(...args)],
] as const) {
  test(`${variant}: writes a new file with the given mode and leaves no temporary file`, async () => {
    const dir = fresh();
    const file = join(dir, 'report.md');
    await write(file, 'héllo\n', { mode: 0o600 });
    assert.equal(readFileSync(file, 'utf8'), 'héllo\n');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(leftovers(dir), []);
  });

  test(`${variant}: refuses to replace an existing file unless overwrite is set`, async () => {
    const dir = fresh();
    const file = join(dir, 'report.md');
    writeFileSync(file, 'old');
    await assert.rejects(write(file, 'new'), { code: 'EEXIST' });
    assert.equal(readFileSync(file, 'utf8'), 'old');
    await write(file, 'new', { overwrite: true });
    assert.equal(readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(leftovers(dir), []);
  });

  test(`${variant}: a failed write leaves neither a partial target nor a temporary file`, async () => {
    const dir = fresh();
    const occupied = join(dir, 'report.md');
    mkdirSync(occupied);
    writeFileSync(join(occupied, 'keep'), 'x');
    await assert.rejects(write(occupied, 'new', { overwrite: true }));
    assert.ok(statSync(occupied).isDirectory(), 'the directory in the way is untouched');
    assert.deepEqual(leftovers(dir), []);
    await assert.rejects(write(join(dir, 'missing', 'report.md'), 'new'), { code: 'ENOENT' });
    assert.deepEqual(readdirSync(dir), ['report.md']);
  });
}

test('concurrent writers without overwrite: exactly one wins and its content is whole', async () => {
  const dir = fresh();
  const file = join(dir, 'report.json');
  const size = 2_000_000;
  const fills = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const results = await Promise.allSettled(fills.map((fill) => writeFileAtomic(file, fill.repeat(size))));
  const winners = results.flatMap((result, index) => (result.status === 'fulfilled' ? [fills[index]!] : []));
  assert.equal(winners.length, 1);
  for (const result of results) if (result.status === 'rejected') assert.equal((result.reason as NodeJS.ErrnoException).code, 'EEXIST');
  assert.equal(readFileSync(file, 'utf8'), winners[0]!.repeat(size));
  assert.deepEqual(leftovers(dir), []);
});

/** Runs a writer process; resolves `ready` when it has paused before publishing its file, `done` with its last line. */
function racer(file: string, fill: string, size: number, mode: 'sync' | 'async') {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, fill, String(size), 'false', mode, 'barrier'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let markReady: () => void;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('ready\n')) markReady();
  });
  const done = new Promise<{ fill: string; said: string | undefined }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve({ fill, said: out.trim().split('\n').at(-1) }));
  });
  return { ready, done, release: () => child.stdin.end('go\n') };
}

test('concurrent processes racing for a new file: one wins, the others get EEXIST, nothing is mixed', async () => {
  const dir = fresh();
  const file = join(dir, 'report.md');
  const size = 4_000_000;
  const racers = ['p', 'q', 'r', 's'].map((fill, index) => racer(file, fill, size, index % 2 ? 'sync' : 'async'));
  // Every writer holds a complete temporary file before any of them publishes: the writes overlap.
  await Promise.all(racers.map((writer) => writer.ready));
  assert.equal(leftovers(dir).length, racers.length, 'each writer has its own temporary file at the same time');
  assert.equal(existsSync(file), false, 'nothing is published before the writers are released');
  for (const writer of racers) writer.release();
  const outcomes = await Promise.all(racers.map((writer) => writer.done));
  const winners = outcomes.filter((outcome) => outcome.said === 'ok');
  assert.equal(winners.length, 1, JSON.stringify(outcomes));
  assert.ok(outcomes.every((outcome) => outcome.said === 'ok' || outcome.said === 'EEXIST'), JSON.stringify(outcomes));
  assert.equal(readFileSync(file, 'utf8'), winners[0]!.fill.repeat(size));
  assert.deepEqual(leftovers(dir), []);
});

test('concurrent overwriting writers: the file always holds one complete version', async () => {
  const dir = fresh();
  const file = join(dir, 'report.md');
  writeFileSync(file, 'old');
  const size = 2_000_000;
  const fills = ['a', 'b', 'c', 'd'];
  await Promise.all(fills.map((fill) => writeFileAtomic(file, fill.repeat(size), { overwrite: true })));
  const content = readFileSync(file, 'utf8');
  assert.ok(fills.some((fill) => content === fill.repeat(size)), 'content is one whole version');
  assert.deepEqual(leftovers(dir), []);
});

for (const mode of ['async', 'sync'] as const) {
  test(`${mode}: a writer killed mid-write leaves the previous content, never half of the new one`, async () => {
    const dir = fresh();
    const file = join(dir, 'report.md');
    writeFileSync(file, 'previous report\n');
    const size = 1_000_000;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, 'z', String(size), 'true', mode, 'pause-mid-write'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; if (out.includes('half-written')) resolve(); });
      void exited.then(() => reject(new Error(`the writer exited before writing half: ${out}`)));
    });
    // Half of the new bytes are on disk somewhere: in a temporary file (atomic) or in the target (not).
    const onDisk = [...leftovers(dir), 'report.md'].map((name) => statSync(join(dir, name)).size);
    assert.ok(onDisk.includes(size / 2), `half of the new report is written (sizes ${onDisk.join(', ')})`);
    child.kill('SIGKILL');
    await exited;
    assert.equal(readFileSync(file, 'utf8'), 'previous report\n', 'a partial write became visible');
  });
}
