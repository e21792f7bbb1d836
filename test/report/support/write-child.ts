/**
 * Child process for the atomic-write tests: writes `size` bytes of `fill` to `path`, then prints
 * "ok" or the error code. It prints "writing" just before the write.
 *
 * With `barrier`, the write pauses at its last step (the hard link that publishes the temporary
 * file): the child prints "ready" and waits for a line on stdin. The racing test releases every
 * writer only once all of them are ready, so their writes provably overlap: each has a complete
 * temporary file before any of them publishes. The pause wraps Node's `link`, so the code under
 * test runs unchanged.
 */
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const [path, fill, size, overwrite, mode, barrier] = process.argv.slice(2);

if (barrier === 'barrier') {
  const { link } = fsPromises;
  const { linkSync } = fs;
  fsPromises.link = async (...args: Parameters<typeof link>) => {
    process.stdout.write('ready\n');
    await new Promise((resolve) => process.stdin.once('data', resolve));
    process.stdin.destroy();
    return link(...args);
  };
  fs.linkSync = (...args: Parameters<typeof linkSync>) => {
    fs.writeSync(1, 'ready\n');
    // Blocks until the test writes a line: this variant must not return to the event loop.
    fs.readSync(0, Buffer.alloc(64));
    return linkSync(...args);
  };
  syncBuiltinESMExports();
}

const { writeFileAtomic, writeFileAtomicSync } = await import('../../../src/fs/atomic-write.ts');
const text = fill!.repeat(Number(size));
process.stdout.write('writing\n');
try {
  if (mode === 'sync') writeFileAtomicSync(path!, text, { overwrite: overwrite === 'true' });
  else await writeFileAtomic(path!, text, { overwrite: overwrite === 'true' });
  process.stdout.write('ok\n');
} catch (error) {
  process.stdout.write(`${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
}
