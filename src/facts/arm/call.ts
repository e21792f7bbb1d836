/**
 * One ARM call with the user's abort signal (the request guard gives each request, every page of
 * a list included, the per-call timeout). A failure never throws: it becomes a ReportError naming
 * the facts it leaves unknown, so the wizard asks those questions instead. A user abort does
 * throw, at once, whatever the call is still waiting on (the session is being cancelled).
 */
import { STATUS_CODES } from 'node:http';
import type { ReportError } from '../read-outcome.ts';
import { maskKnownSecrets } from '../../text/secrets.ts';
import type { ArmContext } from './context.ts';
import { ArmGuardError, UnexpectedAnswerError } from './guard-errors.ts';
import { lastAnswer, untilAborted, type AnswerSample } from './request-guard.ts';

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

/**
 * "ARM 403 Forbidden: <message>", "timed out after 15 s", what the guard refused, what ARM sent
 * when it is not ARM JSON, or the network error.
 */
export function describeFailure(error: unknown, timeoutMs: number, timedOut: boolean): string {
  // An endpoint may echo the request, token included: the reason goes to reports, stderr and the screen.
  return maskKnownSecrets(failureText(error, timeoutMs, timedOut));
}

function failureText(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `ARM call timed out after ${timeoutMs / 1000} s`;
  if (error instanceof ArmGuardError || error instanceof ArmReadError) return error.message;
  const status = (error as { statusCode?: number }).statusCode;
  const sent = foreignBody(error);
  if (sent) return sent;
  const message = (armMessage(error) ?? String((error as Error)?.message ?? error)).split('\n').map((line) => line.trim()).filter(Boolean).join(': ').slice(0, MAX_MESSAGE);
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

/** An error answer that is not ARM's JSON (a proxy's HTML page, say): status, content type and first bytes. */
function foreignBody(error: unknown): string | undefined {
  const response = (error as { response?: { status?: number; bodyAsText?: string; headers?: { get(name: string): string | undefined } } }).response;
  if (typeof response?.status !== 'number' || typeof response.bodyAsText !== 'string') return undefined;
  try {
    JSON.parse(response.bodyAsText);
    return undefined;
  } catch {
    return new UnexpectedAnswerError(response.status, response.headers?.get('content-type'), response.bodyAsText).message;
  }
}

/**
 * JSON the SDK could not turn into the resource (an object where a list belongs, a string where an
 * array belongs): its models throw TypeErrors ("e.map is not a function"). Say what ARM sent instead.
 */
function unusableAnswer(error: unknown, sample: AnswerSample | undefined): string | undefined {
  if (!sample || sample.status < 200 || sample.status >= 300) return undefined;
  const message = String((error as Error)?.message ?? '');
  if (!(error instanceof TypeError) && !/^Couldn't paginate response|^Body Property/.test(message)) return undefined;
  return maskKnownSecrets(new UnexpectedAnswerError(sample.status, sample.contentType, sample.body, 'that does not have the shape of this resource').message);
}

export const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | undefined)?.statusCode;

/**
 * Runs `run` with the user's abort signal; the request guard times each request.
 * Returns the value, or `{ failed: reason }` after recording the error against `facts`.
 */
export async function armCall<T>(
  ctx: ArmContext,
  log: CallLog,
  source: string,
  facts: readonly string[],
  run: (abortSignal: AbortSignal) => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; reason: string; status?: number }> {
  log.requests += 1;
  try {
    return { ok: true, value: await armRead(ctx, run) };
  } catch (error) {
    if (ctx.signal?.aborted) throw new UserAbortError();
    const reason = (error as Error).message;
    log.errors.push({ facts: [...facts], reason, source });
    for (const key of facts) if (!log.failed.has(key)) log.failed.set(key, reason);
    return { ok: false, reason, status: (error as ArmReadError).status };
  }
}

/** A failed read: `message` is the reason to show (never a token). */
export class ArmReadError extends Error {
  constructor(reason: string, readonly status: number | undefined) {
    super(reason);
  }
}

/**
 * Runs `run` with the user's abort signal, ending at once when it fires. A failure rejects with an
 * ArmReadError saying why: ARM's status and message, what the guard refused, or what ARM sent.
 */
export async function armRead<T>(ctx: ArmContext, run: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = ctx.signal ?? new AbortController().signal;
  const answers: { sample?: AnswerSample } = {};
  try {
    return await untilAborted(lastAnswer.run(answers, () => run(signal)), ctx.signal);
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    throw new ArmReadError(unusableAnswer(error, answers.sample) ?? describeFailure(error, ctx.timeoutMs, false), statusOf(error));
  }
}
