/**
 * Child process for the atomic-write tests: writes `size` bytes of `fill` to `path`, either
 * racing siblings (waits for `startAt`, a shared wall-clock instant) or to be killed mid-write.
 * Prints "writing" just before the write and "ok" or the error code after it.
 */
import { writeFileAtomic, writeFileAtomicSync } from '../../../src/fs/atomic-write.ts';

const [path, fill, size, overwrite, mode, startAt] = process.argv.slice(2);
const text = fill!.repeat(Number(size));
while (Date.now() < Number(startAt ?? 0)) {
  // Spin so every racer starts within the same millisecond; a timer would add jitter.
}
process.stdout.write('writing\n');
try {
  if (mode === 'sync') writeFileAtomicSync(path!, text, { overwrite: overwrite === 'true' });
  else await writeFileAtomic(path!, text, { overwrite: overwrite === 'true' });
  process.stdout.write('ok\n');
} catch (error) {
  process.stdout.write(`${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
}
