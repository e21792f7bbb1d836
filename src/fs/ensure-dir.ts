/**
 * Creates a directory and its missing parents. Not `mkdirSync(dir, { recursive: true })`: where a
 * parent exists but refuses new entries with ENOENT (/proc, some FUSE mounts) Node's recursive
 * mkdir retries for ever; here every level is tried once and the first refusal is thrown.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function ensureDir(dir: string, mode = 0o700): void {
  const missing: string[] = [];
  let at = dir;
  // Walk up to the deepest directory that exists (bounded by the path's own depth).
  for (;;) {
    try {
      if (statSync(at).isDirectory()) break;
      throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const path of missing.reverse()) {
    try {
      mkdirSync(path, { mode });
    } catch (error) {
      // Created meanwhile by another process: fine, as long as it is a directory.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(path).isDirectory()) throw error;
    }
  }
}
