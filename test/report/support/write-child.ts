/**
 * Child process for the atomic-write tests: writes `size` bytes of `fill` to `path`, then prints
 * "ok" or the error code. It prints "writing" just before the write.
 *
 * With `barrier`, the write pauses at its last step (the hard link that publishes the temporary
 * file): the child prints "ready" and waits for a line on stdin. The racing test releases every
 * writer only once all of them are ready, so their writes provably overlap: each has a complete
 * temporary file before any of them publishes. The pause wraps Node's `link`, so the code under
 * test runs unchanged.
 *
 * With `pause-mid-write`, the write stops after half of the bytes (wrapping Node's write calls),
 * prints "half-written" and waits to be killed: a crash in the middle of writing, on cue.
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

if (barrier === 'pause-mid-write') {
  const { open } = fsPromises;
  const { writeSync } = fs;
  const halfThenWait = (bytes: Buffer, write: (half: Buffer) => void) => {
    write(bytes.subarray(0, bytes.length >> 1));
    writeSync(1, 'half-written\n');
    fs.readSync(0, Buffer.alloc(64)); // blocks: the test kills this process now
  };
  fsPromises.open = async (...args: Parameters<typeof open>) => {
    const handle = await open(...args);
    handle.writeFile = async (data: unknown) => {
      const bytes = Buffer.from(data as string, 'utf8');
      await handle.write(bytes.subarray(0, bytes.length >> 1));
      writeSync(1, 'half-written\n');
      await new Promise(() => undefined);
    };
    return handle;
  };
  fs.writeSync = ((fd: number, buffer: Buffer) => {
    halfThenWait(buffer, (half) => writeSync(fd, half));
    return buffer.length;
  }) as typeof fs.writeSync;
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
