/**
 * One wizard per saved session: a lock file beside the session names the process that holds it
 * (pid, when that process started, host). A second wizard sees who holds it and can start a
 * separate session instead of overwriting the first one's answers. A lock left by a process that
 * has died (or whose pid now belongs to another process) is stale and taken over, by one process
 * only however many race for it (removeIfStill).
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { writeFileAtomicSync } from '../fs/atomic-write.ts';
import { readRegularFile } from '../fs/read-bounded.ts';

export interface LockHolder {
  readonly pid: number;
  /** When the holding process started (ISO time). */
  readonly startedAt: string;
  readonly host: string;
}

export type LockResult =
  | { readonly ok: true }
  /** Another live process holds the session. */
  | { readonly ok: false; readonly heldBy: LockHolder };

/** This process, as a lock holder. */
export function currentHolder(): LockHolder {
  return { pid: process.pid, startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(), host: hostname() };
}

export class SessionLock {
  #held = false;

  constructor(readonly file: string, private readonly me: LockHolder = currentHolder()) {}

  get held(): boolean { return this.#held; }

  /** Takes the lock, or says who holds it. Taking it again from the same process succeeds. */
  acquire(): LockResult {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      try {
        // Written in full to a temporary file and then linked: the lock never exists half-written.
        writeFileAtomicSync(this.file, `${JSON.stringify(this.me)}\n`, { mode: 0o600 });
        this.#held = true;
        return { ok: true };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = readLock(this.file);
      if (seen.holder && sameHolder(seen.holder, this.me)) {
        this.#held = true;
        return { ok: true };
      }
      if (seen.holder && isAlive(seen.holder)) return { ok: false, heldBy: seen.holder };
      // Stale (dead holder, reused pid, unreadable lock): removed only by whoever wins its takeover.
      if (seen.text !== undefined && removeIfStill(this.file, seen.text, this.me) === 'busy') pause();
    }
    const last = readLock(this.file).holder;
    if (last) return { ok: false, heldBy: last };
    throw new Error(`cannot take the session lock ${this.file}`);
  }

  /** Gives the lock up (only a lock this process holds). */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    const { holder } = readLock(this.file);
    if (holder && sameHolder(holder, this.me)) {
      try {
        unlinkSync(this.file);
      } catch {
        // Already gone.
      }
    }
  }

}

/** Rounds of "create, else judge the holder": each round either ends or sees a lock removed or taken. */
const MAX_ATTEMPTS = 200;
/** Takeover markers of takeover markers (a process that died while taking over) are followed this deep. */
const MAX_MARKER_DEPTH = 3;

function readLock(file: string): { text?: string; holder?: LockHolder } {
  let text: string;
  try {
    text = readRegularFile(file, 4096);
  } catch {
    return {};
  }
  return { text, holder: parseHolder(text) };
}

/**
 * Removes `file` if it still holds `text`, atomically with respect to every other process doing
 * the same: "the text is unchanged" and the unlink are two steps, so a process may only take them
 * while it holds the takeover marker of that very text, `<file>.takeover-<hash of text>`, which
 * it creates with O_EXCL (a hard link that fails when the name exists). Only one process at a
 * time holds it; the stale lock cannot change meanwhile (its holder is dead, and nobody else may
 * remove it), and whoever creates the marker later re-reads and finds the text gone. A marker
 * whose creator died is itself stale and removed the same way, one level down.
 *
 * 'removed' when this call removed it, 'gone' when it no longer holds `text`, 'busy' when a live
 * process is taking it over now (look again shortly).
 */
function removeIfStill(file: string, text: string, me: LockHolder, depth = 0): 'removed' | 'gone' | 'busy' {
  const marker = `${file}.takeover-${hash(text)}`;
  try {
    writeFileAtomicSync(marker, `${JSON.stringify(me)}\n`, { mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = readLock(marker);
    if (other.text === undefined) return 'busy';
    if (other.holder && sameHolder(other.holder, me)) unlinkQuietly(marker); // left by an earlier failure of this process
    else if (depth < MAX_MARKER_DEPTH && !(other.holder && isAlive(other.holder))) removeIfStill(marker, other.text, me, depth + 1);
    return 'busy';
  }
  try {
    if (readLock(file).text !== text) return 'gone';
    try {
      unlinkSync(file);
    } catch {
      return 'gone';
    }
    return 'removed';
  } finally {
    unlinkQuietly(marker);
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing is left to tidy.
  }
}

/** 64-bit FNV-1a of the text, in hex: names the takeover marker (node:crypto is not loaded at start-up). */
function hash(text: string): string {
  let value = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index += 1) {
    value ^= BigInt(text.charCodeAt(index));
    value = (value * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return value.toString(16).padStart(16, '0');
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** A millisecond's wait while another process finishes a takeover (acquire is synchronous). */
function pause(): void {
  Atomics.wait(sleeper, 0, 0, 1);
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { pid, startedAt, host } = value as Record<string, unknown>;
    if (!Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof startedAt !== 'string' || typeof host !== 'string') return undefined;
    return { pid: pid as number, startedAt, host };
  } catch {
    return undefined;
  }
}

const sameHolder = (a: LockHolder, b: LockHolder) => a.pid === b.pid && a.host === b.host && Math.abs(Date.parse(a.startedAt) - Date.parse(b.startedAt)) < 2000;

/**
 * Whether the holder still runs. On another host it cannot be told, so it counts as running.
 * A live pid whose process started at another time (Linux tells through /proc) is a reused pid.
 */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const started = processStartTime(holder.pid);
  return started === undefined || Math.abs(started - Date.parse(holder.startedAt)) < 5000;
}

/** Start time of a process in ms since the epoch, from /proc (Linux); undefined elsewhere. */
function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 of the whole line: start time in clock ticks after boot
    const bootLine = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!bootLine || !Number.isFinite(ticks)) return undefined;
    return Number(bootLine[1]) * 1000 + (ticks / 100) * 1000;
  } catch {
    return undefined;
  }
}
