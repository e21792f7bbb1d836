/**
 * The one way input files are read (answers files, flow directories, the saved session): only
 * regular files, and never more than a stated number of bytes.
 *
 * `stat().size` cannot be trusted for this: /dev/zero, a FIFO or a /proc file report 0 bytes, and
 * a symbolic link can point at any of them. So the file is opened first (following links), the
 * opened file itself is checked with fstat, and the read stops one byte past the limit whatever
 * the size claimed. O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

export class InputFileError extends Error {
  constructor(readonly path: string, readonly reason: string, readonly code: 'missing' | 'not-regular' | 'too-large' | 'unreadable') {
    super(`${path}: ${reason}`);
    this.name = 'InputFileError';
  }
}

/** Not defined on Windows, where there are no FIFOs to open anyway. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most `maxBytes` bytes as UTF-8; throws InputFileError otherwise. */
export function readRegularFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw openFailure(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputFileError(path, `${kindOf(stats)}, not a regular file; only regular files are read`, 'not-regular');
    if (stats.size > maxBytes) throw tooLarge(path, `${stats.size} bytes`, maxBytes);
    // One byte more than allowed tells "exactly at the limit" from "over it"; the file may have
    // grown since fstat, so the size it claimed is not relied on.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (length > maxBytes) throw tooLarge(path, `more than ${maxBytes} bytes`, maxBytes);
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const read = readChunk(fd, chunk, length, path);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) throw tooLarge(path, `more than ${maxBytes} bytes`, maxBytes);
    return chunk.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

function readChunk(fd: number, buffer: Buffer, offset: number, path: string): number {
  try {
    return readSync(fd, buffer, offset, buffer.length - offset, null);
  } catch (error) {
    throw new InputFileError(path, `cannot be read (${describeError(error)})`, 'unreadable');
  }
}

function tooLarge(path: string, size: string, maxBytes: number): InputFileError {
  return new InputFileError(path, `file is ${size}; at most ${maxBytes} are accepted`, 'too-large');
}

function openFailure(path: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputFileError(path, 'no such file', 'missing');
  if (code === 'EISDIR') return new InputFileError(path, 'it is a directory, not a regular file', 'not-regular');
  return new InputFileError(path, `cannot be opened (${describeError(error)})`, 'unreadable');
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    ELOOP: 'too many levels of symbolic links',
    ENOTDIR: 'a part of the path is not a directory',
    EAGAIN: 'nothing to read without waiting',
    EIO: 'input/output error',
  };
  return (code !== undefined && known[code]) || (error as Error).message;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'it is a directory';
  if (stats.isFIFO()) return 'it is a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'it is a character device';
  if (stats.isBlockDevice()) return 'it is a block device';
  if (stats.isSocket()) return 'it is a socket';
  return 'it is a special file';
}
