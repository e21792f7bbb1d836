/**
 * The guard every ARM client gets (clientOptions adds it to the SDK clients and to the
 * project's own fetches), so no call site can forget it:
 * - only the ARM endpoint in use (scheme, host and port of --arm-endpoint / --cloud) is ever
 *   contacted: a request anywhere else (a nextLink or redirect to another host) is refused
 *   before it is sent, so the bearer token cannot leave;
 * - every request, each page of a list included, gets the per-call timeout and the user's
 *   abort signal (the SDKs fetch later pages without the caller's signal);
 * - an answer is read up to MAX_ARM_RESPONSE_BYTES, and a 2xx answer must be JSON: otherwise
 *   the error says what ARM sent (status, content type, first bytes).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PipelinePolicy, PipelineResponse } from '@azure/core-rest-pipeline';
import { MAX_ARM_RESPONSE_BYTES } from '../limits.ts';
import type { ArmContext } from './context.ts';
import { ArmTimeoutError, ForeignHostError, ResponseTooLargeError, SecretAnswerError, UnexpectedAnswerError, hostOf } from './guard-errors.ts';

/** The last answer read within one ARM call (armCall opens the scope), for describing answers the SDK cannot use. */
export interface AnswerSample {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}
export const lastAnswer = new AsyncLocalStorage<{ sample?: AnswerSample }>();

/**
 * A call whose answer is secret (the app settings list holds every setting, secrets included):
 * inside this scope the guard keeps no sample of the body, empties the body of an answer that is
 * not a success before the SDK turns it into an error, and refuses a success that is not JSON by
 * status and content type only. It records what may be said about the answer: status and type.
 */
export interface SecretAnswer {
  status?: number;
  contentType?: string | undefined;
}
export const secretAnswer = new AsyncLocalStorage<SecretAnswer>();
const SAMPLE_CHARS = 200;

type GuardSettings = Pick<ArmContext, 'endpoint' | 'signal' | 'timeoutMs' | 'onAnswer'> & { readonly maxResponseBytes?: number };

/** For the SDK clients' `additionalPolicies`: the deadline once per call (around retries), the wire checks on every attempt. */
export function armGuardPolicies(ctx: GuardSettings): { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[] {
  return [
    { policy: deadlinePolicy(ctx), position: 'perCall' },
    { policy: wirePolicy(ctx), position: 'perRetry' },
  ];
}

/** Each request (with its retries) gets the per-call timeout and the user's abort signal, and settles when either fires. */
function deadlinePolicy(ctx: GuardSettings): PipelinePolicy {
  return {
    name: 'vnetDoctorArmDeadline',
    async sendRequest(request, next) {
      // A timer cleared when the request settles (AbortSignal.timeout would stay alive for the
      // whole timeout after every answer: thousands of them in a fleet scan).
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), ctx.timeoutMs);
      const caller = request.abortSignal as AbortSignal | undefined;
      const signal = AbortSignal.any([timeout.signal, ...(ctx.signal ? [ctx.signal] : []), ...(caller instanceof AbortSignal ? [caller] : [])]);
      request.abortSignal = signal;
      try {
        return await untilAborted(next(request), signal);
      } catch (error) {
        if (timeout.signal.aborted && !ctx.signal?.aborted && !caller?.aborted) throw new ArmTimeoutError(ctx.timeoutMs);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

const EVERY_STATUS = new Set([Number.POSITIVE_INFINITY]);
const FOLLOWED_REDIRECTS = new Set([300, 301, 302, 307]);

/** Closest to the network (after retries and redirects): the origin check, the size cap and the answer check. */
function wirePolicy(ctx: GuardSettings): PipelinePolicy {
  const endpoint = new URL(ctx.endpoint).origin;
  const limit = ctx.maxResponseBytes ?? MAX_ARM_RESPONSE_BYTES;
  return {
    name: 'vnetDoctorArmWire',
    async sendRequest(request, next) {
      if (originOf(request.url) !== endpoint) {
        request.headers.delete('Authorization');
        throw new ForeignHostError(hostOf(request.url), endpoint);
      }
      // Streamed, so this policy decides how much of the body is read.
      request.streamResponseStatusCodes = EVERY_STATUS;
      const response = await next(request);
      ctx.onAnswer?.(request.url, response.status, (name) => response.headers.get(name));
      const stream = response.readableStreamBody;
      delete response.readableStreamBody;
      // Content-Length counts compressed bytes; the cap applies to what is decompressed too.
      const declared = response.headers.get('content-encoding') ? undefined : Number(response.headers.get('content-length'));
      if (stream) response.bodyAsText = await readCapped(stream, limit, request.abortSignal as AbortSignal | undefined, declared);
      const secret = secretAnswer.getStore();
      if (secret) return checkSecretAnswer(response, secret);
      const scope = lastAnswer.getStore();
      if (scope) scope.sample = { status: response.status, contentType: response.headers.get('content-type'), body: (response.bodyAsText ?? '').slice(0, SAMPLE_CHARS) };
      checkAnswer(response, endpoint);
      return response;
    },
  };
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** A redirect elsewhere or a 2xx answer that is not JSON becomes an error saying what ARM sent. */
function checkAnswer(response: PipelineResponse, endpoint: string): void {
  const { status } = response;
  const body = response.bodyAsText ?? '';
  const contentType = response.headers.get('content-type');
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    const target = location === undefined ? undefined : originOf(new URL(location, response.request.url).href);
    if (target === endpoint && FOLLOWED_REDIRECTS.has(status)) return;
    const where = location === undefined ? 'a redirect without a Location' : `a redirect to ${hostOf(new URL(location, response.request.url).href)}`;
    throw new UnexpectedAnswerError(status, contentType, body, `(${where}; not followed: only the ARM endpoint in use receives the access token)`);
  }
  if (status < 200 || status >= 300 || status === 204 || body.trim() === '') return;
  if (!/json/i.test(contentType ?? '') || !parses(body)) throw new UnexpectedAnswerError(status, contentType, body, 'instead of JSON');
}

/** A secret answer: only a JSON success keeps its body (for the caller to pick from); nothing else of it goes further. */
function checkSecretAnswer(response: PipelineResponse, secret: SecretAnswer): PipelineResponse {
  const { status } = response;
  const contentType = response.headers.get('content-type');
  secret.status = status;
  secret.contentType = contentType;
  const body = response.bodyAsText ?? '';
  if (status >= 200 && status < 300 && /json/i.test(contentType ?? '') && parses(body)) return response;
  response.bodyAsText = '';
  if (status >= 200 && status < 300) throw new SecretAnswerError(status, contentType, 'instead of JSON');
  return response;
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The body as text, refused (and the connection dropped) beyond `limit` bytes or when the request is aborted. */
function readCapped(stream: NodeJS.ReadableStream, limit: number, signal: AbortSignal | undefined, declared: number | undefined): Promise<string> {
  const readable = stream as NodeJS.ReadableStream & { destroy(error?: Error): void };
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      signal?.removeEventListener('abort', onAbort);
      readable.removeListener('data', onData);
      if (error) {
        readable.destroy();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    };
    const onAbort = () => finish(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > limit) finish(new ResponseTooLargeError(limit));
      else chunks.push(bytes);
    };
    if (declared !== undefined && Number.isFinite(declared) && declared > limit) return finish(new ResponseTooLargeError(limit));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    readable.on('data', onData);
    readable.once('end', () => finish());
    readable.once('error', (error: Error) => finish(error));
  });
}

/** Settles with `work`, or rejects with an AbortError as soon as `signal` fires, whatever `work` is waiting on. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  const aborted = () => Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(aborted());
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error); },
    );
  });
}
