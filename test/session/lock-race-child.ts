/**
 * One contender of the stale-lock race (run with --import tsx): `DIR CONTENDERS ROUNDS LOCKS NAME`.
 * Each round it waits until every contender is ready (files in DIR, no clock), then tries to take
 * each of the round's stale locks once and prints the ones it took: "taken ROUND LOCK". It keeps
 * what it took until every contender is done.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SessionLock } from '../../src/session/session-lock.ts';

const [dir, contenders, rounds, locks, name] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
/** Waits (no clock) until every contender has reached the same point. */
function barrier(point: string): void {
  writeFileSync(join(dir!, `${point}-${name}`), '');
  while (readdirSync(dir!).filter((file) => file.startsWith(`${point}-`)).length < Number(contenders)) Atomics.wait(pause, 0, 0, 1);
}

for (let round = 0; round < Number(rounds); round += 1) {
  barrier(`ready-${round}`);
  const taken: string[] = [];
  for (let lock = 0; lock < Number(locks); lock += 1) {
    const file = join(dir!, `round-${round}`, `lock-${lock}`);
    if (new SessionLock(file).acquire().ok) taken.push(`taken ${round} ${lock}`);
  }
  process.stdout.write(taken.map((line) => `${line}\n`).join(''));
}
// A contender that ended would leave its locks stale for the others to take over: all end together.
barrier('done');
