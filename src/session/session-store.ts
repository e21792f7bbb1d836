/**
 * The saved wizard session: everything needed to rebuild the engine state exactly (facts,
 * preset answers, target, the user's inputs). Written synchronously and atomically after every
 * answer, so Ctrl-C, SIGTERM, a closed terminal or a crash can never lose more than the answer
 * being typed.
 *
 * How callers use it (the wizard's session controller and start-up):
 * - `acquire()` first: one wizard per session file. When another running wizard holds it, the
 *   result names that process; `separate()` then gives a store of its own (session-2.json, ...)
 *   so neither overwrites the other. `release()` when the wizard ends.
 * - `save()` throws SessionSaveError when the session could not be written (state directory not
 *   writable, disk full): show `error.reason` at once and never claim the answers are saved.
 *   Nothing half-written stays behind. `trySave()` returns the same as a value.
 * - `load()` says 'none', 'saved', or 'corrupt': a file that is not a valid session (bad JSON,
 *   any field of the wrong type, not a regular file, too big) is moved aside with the reason,
 *   and only the newest few moved-aside copies are kept (they hold customer names).
 */
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeFileAtomicSync } from '../fs/atomic-write.ts';
import { ensureDir } from '../fs/ensure-dir.ts';
import { InputFileError, readRegularFile } from '../fs/read-bounded.ts';
import { SESSION_FORMAT, sessionProblem, type SavedSession } from './session-schema.ts';
import { SessionLock, type LockResult } from './session-lock.ts';

export type { LockHolder, LockResult } from './session-lock.ts';

export const SESSION_FILE = 'session.json';
/** A session holds a few hundred facts and answers; far above that, the file is not ours. */
export const MAX_SESSION_BYTES = 4_000_000;
/** Moved-aside copies of unreadable sessions kept: enough to recover from, few enough not to pile up. */
export const KEPT_CORRUPT_COPIES = 3;
/** Separate sessions (a second wizard while one runs) are session-2.json up to this number. */
const MAX_SEPARATE_SESSIONS = 20;


export type LoadedSession =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly session: SavedSession }
  /** The file could not be used; it was renamed to `movedTo` so nothing is lost. */
  | { readonly kind: 'corrupt'; readonly reason: string; readonly movedTo: string };

export type SaveResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * A save that did not happen. The message is the reason in words ("no space left on the disk");
 * callers add where: `could not save the session to ${error.file}: ${error.message}`.
 */
export class SessionSaveError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(reason);
    this.name = 'SessionSaveError';
  }
}

export interface SessionStoreOptions {
  /** File name inside `dir` (default session.json; separate sessions are session-2.json, ...). */
  readonly name?: string;
}

export class SessionStore {
  readonly file: string;
  readonly #lock: SessionLock;

  constructor(readonly dir: string, private readonly now: () => Date = () => new Date(), private readonly options: SessionStoreOptions = {}) {
    this.file = join(dir, options.name ?? SESSION_FILE);
    this.#lock = new SessionLock(`${this.file}.lock`);
  }

  /**
   * Claims this session file for this process. `{ok: false, heldBy}` when another running
   * wizard holds it (its pid, start time and host); a lock left by a dead process is taken over.
   */
  acquire(): LockResult {
    try {
      ensureDir(this.dir);
      return this.#lock.acquire();
    } catch {
      // No lock can be written where no session can be saved either: save() will say why.
      return { ok: true };
    }
  }

  /** Gives up the claim taken by acquire() (at the end of the wizard; a crash leaves a stale lock that the next start takes over). */
  release(): void {
    this.#lock.release();
  }

  /**
   * A store of its own for a second wizard while another holds this one: the first of
   * session-2.json, session-3.json, ... that no running wizard holds and that holds no session,
   * already acquired. Undefined when all are taken.
   */
  separate(): SessionStore | undefined {
    for (let n = 2; n <= MAX_SEPARATE_SESSIONS; n += 1) {
      const store = new SessionStore(this.dir, this.now, { ...this.options, name: `session-${n}.json` });
      if (!store.acquire().ok) continue;
      if (store.load().kind === 'none') return store;
      store.release();
    }
    return undefined;
  }

  /**
   * Writes to a temporary file and renames it over the old one: a reader sees the old or the
   * new session, never half of one. Throws SessionSaveError (temporary file removed) when the
   * session could not be written.
   */
  save(session: Omit<SavedSession, 'format' | 'savedAt'>): void {
    const full: SavedSession = { format: SESSION_FORMAT, savedAt: this.now().toISOString(), ...session };
    try {
      ensureDir(this.dir);
      writeFileAtomicSync(this.file, `${JSON.stringify(full, null, 2)}\n`, { overwrite: true, mode: 0o600 });
    } catch (error) {
      throw new SessionSaveError(this.file, saveFailure(error));
    }
  }

  /** save() as a value: `{ok: false, reason}` instead of an exception. */
  trySave(session: Omit<SavedSession, 'format' | 'savedAt'>): SaveResult {
    try {
      this.save(session);
      return { ok: true };
    } catch (error) {
      if (error instanceof SessionSaveError) return { ok: false, reason: error.reason };
      throw error;
    }
  }

  load(): LoadedSession {
    let reason: string;
    try {
      const parsed: unknown = JSON.parse(readRegularFile(this.file, MAX_SESSION_BYTES));
      const problem = sessionProblem(parsed);
      if (problem === undefined) return { kind: 'saved', session: parsed as SavedSession };
      reason = problem;
    } catch (error) {
      if (error instanceof InputFileError && error.code === 'missing') return { kind: 'none' };
      reason = error instanceof InputFileError ? error.reason : (error as Error).message;
    }
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const movedTo = `${this.file}.corrupt-${stamp}`;
    renameSync(this.file, movedTo);
    this.#pruneCorruptCopies();
    return { kind: 'corrupt', reason, movedTo };
  }

  /** Forgets the session (it ended normally). */
  clear(): void {
    rmSync(this.file, { force: true });
  }

  /** Keeps the newest KEPT_CORRUPT_COPIES moved-aside copies of this session file; their names sort by time. */
  #pruneCorruptCopies(): void {
    const prefix = `${basename(this.file)}.corrupt-`;
    try {
      const copies = readdirSync(this.dir).filter((name) => name.startsWith(prefix)).sort();
      for (const name of copies.slice(0, -KEPT_CORRUPT_COPIES)) rmSync(join(this.dir, name), { recursive: true, force: true });
    } catch {
      // Pruning is tidying up; the session itself is unaffected.
    }
  }
}

/** Why a save failed, in words; the system's message for anything unexpected. */
function saveFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC': return 'no space left on the disk';
    case 'EDQUOT': return 'the disk quota is used up';
    case 'EFBIG': return 'the file system refused a file of this size';
    case 'EACCES':
    case 'EPERM': return 'no permission to write to the state directory';
    case 'EROFS': return 'the state directory is on a read-only file system';
    case 'ENOTDIR':
    case 'EEXIST': return 'a file is in the way of the state directory';
    case 'ENOENT': return 'the state directory cannot be created';
    default: return (error as Error).message;
  }
}
