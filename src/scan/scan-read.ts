/**
 * One ARM read of a scan: with the per-call timeout (its timer cleared when the read ends), the
 * user's Ctrl-C, and the time bound of the subscription it belongs to. A failure is structured
 * (scan-types.ts ScanProblem), never ARM's text alone; a user abort is thrown.
 */
import { describeFailure, statusOf, UserAbortError } from '../facts/arm/call.ts';
import type { ArmContext } from '../facts/arm/context.ts';
import { ArmGuardError, ArmTimeoutError, UnexpectedAnswerError } from '../facts/arm/guard-errors.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { ARM_SUBSCRIPTION_READ_BUCKET, ARM_SUBSCRIPTION_READS_PER_SECOND, SCAN_HUNG_READS, SCAN_SUBSCRIPTION_BOUND_MS } from '../facts/limits.ts';
import { retryAfterMs } from './throttle.ts';
import type { Priority, RequestSlots } from './pool.ts';
import type { ScanError } from './scan-types.ts';

export type ReadFailure = Pick<ScanError, 'problem' | 'status' | 'detail'>;
export type ReadResult<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure };

/** The structured failure of a read that threw. */
export function failureOf(error: unknown, timeoutMs: number, timedOut: boolean): ReadFailure {
  const detail = describeFailure(error, timeoutMs, timedOut);
  if (timedOut || error instanceof ArmTimeoutError) return { problem: 'timeout', detail };
  const status = statusOf(error) ?? (error as { status?: unknown }).status;
  if (typeof status === 'number' && (status < 200 || status > 299)) return { problem: 'status', status, detail };
  if (error instanceof UnexpectedAnswerError || error instanceof TypeError) return { problem: 'unusable', detail };
  if (error instanceof ArmGuardError) return { problem: 'refused', detail };
  return { problem: 'network', detail };
}

/**
 * The reads of one subscription share a time bound (SCAN_SUBSCRIPTION_BOUND_MS from the scan's
 * start), and stop at once when SCAN_HUNG_READS reads in a row time out with none answered (a
 * hanging subscription). Reads not made by then are counted as not read, and the subscription is
 * reported as cut short.
 */
export class SubscriptionReads {
  private readonly stop = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  private timeoutsInARow = 0;
  cutShort = false;
  /** Reads that succeeded. */
  answered = 0;
  /** Plans whose VNet connections were read. */
  plansRead = 0;
  plansNotRead = 0;
  appsNotRead = 0;
  listFailed = false;

  constructor(readonly id: string, boundMs = SCAN_SUBSCRIPTION_BOUND_MS) {
    this.timer = setTimeout(() => this.cut(), boundMs);
    this.timer.unref?.();
  }

  get signal(): AbortSignal { return this.stop.signal; }

  cut(): void {
    if (this.cutShort) return;
    this.cutShort = true;
    this.stop.abort();
  }

  /** An answer came (a success, or an error ARM sent): the subscription is not hanging. */
  noteAnswer(success: boolean): void {
    this.timeoutsInARow = 0;
    if (success) this.answered += 1;
  }

  noteTimeout(): void {
    this.timeoutsInARow += 1;
    if (this.timeoutsInARow >= SCAN_HUNG_READS) this.cut();
  }

  dispose(): void { clearTimeout(this.timer); }

  // ARM's read throttling (limits.ts): each answer says how many reads are left in the
  // subscription's bucket; the scan keeps its reads within that, waits out a 429's Retry-After, and
  // sends one read alone until the first answer says where the bucket stands.
  private readsLeft: number | undefined;
  private readsLeftAt = 0;
  /** The most reads an answer has reported left, plus the one it used: the bucket holds at least that many, and the estimate never refills past it. */
  private bucketSeen = 0;
  private inFlight = 0;
  private pausedUntil = 0;
  private firstAnswer: Promise<void> | undefined;
  private seeFirstAnswer: () => void = () => {};

  /** An answer's rate-limit headers (call for every answer of this subscription, retries included). */
  observe(status: number, header: (name: string) => string | undefined): void {
    const remaining = Number(header('x-ms-ratelimit-remaining-subscription-reads') ?? NaN);
    // Answers can arrive out of order: an older, higher count never raises the estimate.
    if (Number.isFinite(remaining)) {
      this.bucketSeen = Math.max(this.bucketSeen, remaining + 1);
      const reported = remaining - Math.max(0, this.inFlight - 1);
      this.readsLeft = this.readsLeft === undefined ? reported : Math.min(this.refilled(), reported);
      this.readsLeftAt = performance.now();
    }
    if (status === 429) this.pausedUntil = Math.max(this.pausedUntil, performance.now() + (retryAfterMs({ get: header }) ?? 1000));
    this.seeFirstAnswer();
  }

  /** Waits until a read may be sent without being throttled, and counts it as in flight. */
  async pace(signal: AbortSignal): Promise<void> {
    if (this.firstAnswer) await this.firstAnswer;
    else this.firstAnswer = new Promise((resolve) => { this.seeFirstAnswer = resolve; });
    for (;;) {
      const left = this.readsLeft === undefined ? undefined : this.refilled();
      const wait = Math.max(this.pausedUntil - performance.now(), left !== undefined && left < 1 ? ((1 - left) * 1000) / ARM_SUBSCRIPTION_READS_PER_SECOND : 0);
      if (wait <= 0) break;
      await sleep(wait, undefined, { signal });
    }
    if (this.readsLeft !== undefined) this.readsLeft -= 1;
    this.inFlight += 1;
  }

  /**
   * The estimate with the tokens ARM has put back since (its documented refill rate), up to the
   * bucket: the documented size, or less when no answer ever reported that many (a smaller
   * bucket refilled past its size would let a burst of reads through after a pause).
   */
  private refilled(): number {
    const now = performance.now();
    const bucket = this.bucketSeen > 0 ? Math.min(ARM_SUBSCRIPTION_READ_BUCKET, this.bucketSeen) : ARM_SUBSCRIPTION_READ_BUCKET;
    this.readsLeft = Math.min(bucket, (this.readsLeft ?? 0) + ((now - this.readsLeftAt) / 1000) * ARM_SUBSCRIPTION_READS_PER_SECOND);
    this.readsLeftAt = now;
    return this.readsLeft;
  }

  /** A read ended (answered or not). */
  settled(): void {
    this.inFlight -= 1;
    this.seeFirstAnswer();
  }
}

/** Where a read waits for its turn: the scan's shared request slots, at a priority. */
export interface ReadTurn {
  readonly slots: RequestSlots;
  readonly priority: Priority;
}

/**
 * One read: a slot of the shared pool first (while waiting, nothing runs: no timer, no signal),
 * then the subscription's throttling, then the call with its own timeout, cleared when it ends.
 */
export async function attempt<T>(ctx: ArmContext, run: (signal: AbortSignal) => Promise<T>, budget?: SubscriptionReads, turn?: ReadTurn): Promise<ReadResult<T>> {
  if (budget?.signal.aborted) return { ok: false, failure: { problem: 'cut-short' } };
  if (turn && !(await turn.slots.acquire(turn.priority, [ctx.signal, budget?.signal]))) {
    if (ctx.signal?.aborted) throw new UserAbortError();
    return { ok: false, failure: { problem: 'cut-short' } };
  }
  try {
    return await attemptHolding(ctx, run, budget);
  } finally {
    turn?.slots.release();
  }
}

async function attemptHolding<T>(ctx: ArmContext, run: (signal: AbortSignal) => Promise<T>, budget?: SubscriptionReads): Promise<ReadResult<T>> {
  if (budget?.signal.aborted) return { ok: false, failure: { problem: 'cut-short' } };
  const deadline = new AbortController();
  const signal = AbortSignal.any([deadline.signal, ...(ctx.signal ? [ctx.signal] : []), ...(budget ? [budget.signal] : [])]);
  let paced = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (budget) { await budget.pace(signal); paced = true; }
    // The call's own time starts when it is sent, not while it waited for the subscription's bucket.
    timer = setTimeout(() => deadline.abort(), ctx.timeoutMs);
    const value = await run(signal);
    budget?.noteAnswer(true);
    return { ok: true, value };
  } catch (error) {
    if (ctx.signal?.aborted) throw new UserAbortError();
    if (budget?.signal.aborted) return { ok: false, failure: { problem: 'cut-short' } };
    const failure = failureOf(error, ctx.timeoutMs, deadline.signal.aborted);
    if (failure.problem === 'timeout') budget?.noteTimeout();
    else budget?.noteAnswer(false);
    return { ok: false, failure };
  } finally {
    clearTimeout(timer);
    if (paced) budget?.settled();
  }
}
