/**
 * One ARM call with a timeout and the user's abort signal. A failure never throws: it becomes a
 * ReportError naming the facts it leaves unknown, so the wizard asks those questions instead.
 * A user abort does throw (the session is being cancelled).
 */
import { STATUS_CODES } from 'node:http';
import type { ReportError } from '../../report/report-model.ts';
import type { ArmContext } from './context.ts';

export interface CallLog {
  readonly errors: ReportError[];
  /** Fact keys left unknown, with the reason. */
  readonly failed: Map<string, string>;
  requests: number;
}

export const newCallLog = (): CallLog => ({ errors: [], failed: new Map(), requests: 0 });

export class UserAbortError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

const MAX_MESSAGE = 300;

/** "ARM 403 Forbidden: <message>", "timed out after 15 s", or the network error. */
export function describeFailure(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `ARM call timed out after ${timeoutMs / 1000} s`;
  const status = (error as { statusCode?: number }).statusCode;
  const message = (armMessage(error) ?? String((error as Error)?.message ?? error)).split('\n')[0]!.slice(0, MAX_MESSAGE);
  // Paged lists replace ARM's message with a generic one but keep ARM's error code.
  const code = (error as { code?: string }).code;
  const shown = /^Pagination failed/.test(message) && code ? code : message;
  if (typeof status === 'number') return `ARM ${status} ${STATUS_CODES[status] ?? 'error'}: ${shown}`;
  return `ARM call failed: ${shown}`;
}

/** ARM's own `error.message` from the response body (paged lists wrap it in a generic message). */
function armMessage(error: unknown): string | undefined {
  const response = (error as { response?: { bodyAsText?: string } }).response;
  try {
    const message = JSON.parse(response?.bodyAsText ?? '')?.error?.message;
    return typeof message === 'string' && message.length > 0 ? message : undefined;
  } catch {
    return undefined;
  }
}

export const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | undefined)?.statusCode;

/**
 * Runs `run` with an abort signal combining the user's signal and a per-call timeout.
 * Returns the value, or `{ failed: reason }` after recording the error against `facts`.
 */
export async function armCall<T>(
  ctx: ArmContext,
  log: CallLog,
  source: string,
  facts: readonly string[],
  run: (abortSignal: AbortSignal) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; reason: string; status?: number }> {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  log.requests += 1;
  try {
    return { ok: true, value: await run(signal) };
  } catch (error) {
    if (ctx.signal?.aborted) throw new UserAbortError();
    const reason = describeFailure(error, ctx.timeoutMs, timeout.aborted);
    log.errors.push({ facts: [...facts], reason, source });
    for (const key of facts) if (!log.failed.has(key)) log.failed.set(key, reason);
    return { ok: false, reason, status: statusOf(error) };
  }
}
