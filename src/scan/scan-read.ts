/**
 * One ARM read of a scan: with the per-call timeout (its timer cleared when the read ends), the
 * user's Ctrl-C, and the time bound of the subscription it belongs to. A failure is structured
 * (scan-types.ts ScanProblem), never ARM's text alone; a user abort is thrown.
 */
import { describeFailure, statusOf, UserAbortError } from '../facts/arm/call.ts';
import type { ArmContext } from '../facts/arm/context.ts';
import { ArmGuardError, ArmTimeoutError, UnexpectedAnswerError } from '../facts/arm/guard-errors.ts';
import { SCAN_HUNG_READS, SCAN_SUBSCRIPTION_BOUND_MS } from '../facts/limits.ts';
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
}

export async function attempt<T>(ctx: ArmContext, run: (signal: AbortSignal) => Promise<T>, budget?: SubscriptionReads): Promise<ReadResult<T>> {
  if (budget?.signal.aborted) return { ok: false, failure: { problem: 'cut-short' } };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), ctx.timeoutMs);
  const signal = AbortSignal.any([deadline.signal, ...(ctx.signal ? [ctx.signal] : []), ...(budget ? [budget.signal] : [])]);
  try {
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
  }
}
