/**
 * Writes a file so that readers only ever see the old content or the complete new content:
 * the text goes to a temporary file in the same directory (same file system, so the final step
 * is atomic), is flushed to disk, then renamed over the target. Without `overwrite`, the final
 * step is a hard link instead of a rename: link fails with EEXIST when the target appeared in
 * the meantime, so two writers racing for the same new path cannot clobber each other.
 *
 * The sync variant exists for exit and signal handlers, where awaiting is not possible.
 */
import { closeSync, constants, copyFileSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { copyFile, link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Replace an existing file (default false: fail with EEXIST). */
  readonly overwrite?: boolean;
  /** Permission bits of a newly created file (default 0o644). */
  readonly mode?: number;
}

const DEFAULT_MODE = 0o644;

let written = 0;

/**
 * A hidden, unique name next to the target, so the rename never crosses file systems. Not from
 * node:crypto: the wizard saves its session from start-up on, where crypto is not loaded (it is
 * opened with O_EXCL anyway, so a name taken already fails instead of being shared).
 */
export function temporaryPathFor(path: string): string {
  written += 1;
  const unique = `${process.pid}.${written}.${Math.floor(Math.random() * 0x1_0000_0000).toString(16)}`;
  return join(dirname(path), `.${basename(path)}.${unique}.tmp`);
}

/** File systems without hard links (some network and FAT mounts) answer with one of these. */
const NO_LINK_SUPPORT = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']);
const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

export async function writeFileAtomic(path: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const temporary = temporaryPathFor(path);
  try {
    const handle = await open(temporary, 'wx', options.mode ?? DEFAULT_MODE);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temporary, path);
    } else {
      try {
        await link(temporary, path);
      } catch (error) {
        if (!NO_LINK_SUPPORT.has(errorCode(error) ?? '')) throw error;
        // Exclusive copy: still never replaces an existing file, though not atomic for readers.
        await copyFile(temporary, path, constants.COPYFILE_EXCL);
      }
    }
    await syncDirectory(dirname(path));
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

export function writeFileAtomicSync(path: string, text: string, options: AtomicWriteOptions = {}): void {
  const temporary = temporaryPathFor(path);
  try {
    const fd = openSync(temporary, 'wx', options.mode ?? DEFAULT_MODE);
    try {
      const bytes = Buffer.from(text, 'utf8');
      for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite) {
      renameSync(temporary, path);
    } else {
      try {
        linkSync(temporary, path);
      } catch (error) {
        if (!NO_LINK_SUPPORT.has(errorCode(error) ?? '')) throw error;
        copyFileSync(temporary, path, constants.COPYFILE_EXCL);
      }
    }
    syncDirectorySync(dirname(path));
  } finally {
    try {
      unlinkSync(temporary);
    } catch {
      // Already renamed away, or never created.
    }
  }
}

/** Makes the rename itself durable; not every platform lets a directory be opened, so best effort. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some file systems refuse; the data itself is already flushed.
  }
}

function syncDirectorySync(directory: string): void {
  try {
    const fd = openSync(directory, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // See syncDirectory.
  }
}
