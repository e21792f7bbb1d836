/**
 * Waiting as Resource Graph asks: `Retry-After` on a 429, and the per-user quota headers
 * (`x-ms-user-quota-remaining`, `x-ms-user-quota-resets-after` as hh:mm:ss) on every answer.
 * Waits are capped, so a scan never hangs for long on a throttled tenant; they end on Ctrl-C.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { RESOURCE_GRAPH_MAX_WAIT_MS } from '../facts/limits.ts';

/** The longest single wait; a longer quota reset makes the query fail (and the scan fall back). */
export const MAX_WAIT_MS = RESOURCE_GRAPH_MAX_WAIT_MS;

/** Resource Graph asked for a longer wait than a scan makes. */
export class QuotaWaitTooLong extends Error {
  constructor(readonly waitMs: number) {
    super(`Resource Graph asked to wait ${Math.ceil(waitMs / 1000)} s, longer than ${MAX_WAIT_MS / 1000} s`);
  }
}

/** `Retry-After` in seconds or as an HTTP date, or `retry-after-ms`; undefined when absent. */
export function retryAfterMs(headers: { get(name: string): string | undefined | null }, now = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? headers.get('x-ms-retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** "00:00:05" -> 5000; undefined when absent or malformed. */
export function parseResetsAfter(value: string | undefined | null): number | undefined {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  return ((Number(match[1]) * 60 + Number(match[2])) * 60 + Number(match[3])) * 1000;
}

/**
 * Shared by every query of one scan. The quota headers of an answer do not count the queries
 * still in flight, so those are subtracted: when the estimate reaches zero, the next query
 * waits for the reset instead of being refused with a 429.
 */
export class QuotaGate {
  private resumeAt = 0;
  /** Queries left in this quota window, as far as we know (undefined: no header seen yet). */
  private budget: number | undefined;
  private resetAt = 0;
  private inFlight = 0;
  /** Total time spent waiting, for the summary. */
  waitedMs = 0;

  /** `onWait(ms)` is told when a wait starts (the scan shows a countdown) and `onWait(0)` when it ends. */
  constructor(private readonly now: () => number = () => performance.now(), private readonly onWait: (ms: number) => void = () => {}) {}

  /** Records what an answer's headers say about the remaining quota (call before release()). */
  observe(headers: { get(name: string): string | undefined | null }): void {
    const remaining = Number(headers.get('x-ms-user-quota-remaining') ?? NaN);
    const resetMs = parseResetsAfter(headers.get('x-ms-user-quota-resets-after'));
    if (!Number.isFinite(remaining) || resetMs === undefined) return;
    this.budget = remaining - (this.inFlight - 1);
    this.resetAt = this.now() + resetMs;
  }

  /** Pushes the next query back by `ms` (after a 429). */
  delay(ms: number): void {
    this.resumeAt = Math.max(this.resumeAt, this.now() + ms);
  }

  /** Resolved when the first answer has been seen: until then one query is in flight, so the quota is known before a burst. */
  private firstAnswer: Promise<void> | undefined;
  private seeFirstAnswer: () => void = () => {};

  /** Waits until a query may be sent, and counts it as in flight. */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (this.firstAnswer) await this.firstAnswer;
    else this.firstAnswer = new Promise((resolve) => { this.seeFirstAnswer = resolve; });
    for (;;) {
      let until = this.resumeAt;
      if (this.budget !== undefined && this.budget <= 0) until = Math.max(until, this.resetAt);
      const wait = until - this.now();
      if (wait <= 0) break;
      if (wait > MAX_WAIT_MS) throw new QuotaWaitTooLong(wait);
      this.waitedMs += wait;
      this.onWait(wait);
      try {
        await sleep(wait, undefined, { signal });
      } finally {
        this.onWait(0);
      }
      // After the reset the window is fresh: the next answer says how much is left.
      if (this.budget !== undefined && this.now() >= this.resetAt) this.budget = undefined;
    }
    if (this.budget !== undefined) this.budget -= 1;
    this.inFlight += 1;
  }

  release(): void {
    this.inFlight -= 1;
    this.seeFirstAnswer();
  }
}
