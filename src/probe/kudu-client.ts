/**
 * Kudu's command API (POST https://<scm host>/api/command) for the fixed probe commands. The
 * bearer token goes to the app's SCM origin and nowhere else: redirects are not followed, and
 * the origin is checked before every request. Answers are read up to a cap; a probe that runs
 * too long is cut off.
 */
import { request as httpsRequest } from 'node:https';
import { STATUS_CODES } from 'node:http';
import { KUDU_WORKING_DIR } from './kudu-commands.ts';

/** Kudu answers { Output, Error, ExitCode }; more than this is not a probe's output. */
const MAX_ANSWER_BYTES = 256 * 1024;

export interface KuduTarget {
  /** https://<scm host>[:port], no path. */
  readonly origin: string;
  readonly token: () => Promise<string>;
  /** Extra CA (PEM) to trust: the local Kudu emulator in tests. */
  readonly tlsCa?: string;
  readonly signal?: AbortSignal;
  /** The instance to run on (`?instance=`); without it Kudu picks one. learn.microsoft.com/azure/app-service/resources-kudu */
  readonly instance?: string;
}

export interface KuduAnswer {
  readonly output: string;
  readonly error: string;
  readonly exitCode: number;
  readonly elapsedMs: number;
}

/** Why a command could not run: the report shows `reason`, and the question is asked instead. */
export class KuduError extends Error {
  constructor(readonly reason: string, readonly status?: number) {
    super(reason);
    this.name = 'KuduError';
  }
}

export async function runKuduCommand(target: KuduTarget, command: string, timeoutMs: number): Promise<KuduAnswer> {
  const url = new URL('/api/command', target.origin);
  if (target.instance !== undefined) url.searchParams.set('instance', target.instance);
  if (url.origin !== target.origin || url.protocol !== 'https:') throw new KuduError(`refusing to send the token to ${url.origin}: not the app's SCM site`);
  const token = await target.token();
  const body = JSON.stringify({ command, dir: KUDU_WORKING_DIR });
  const started = performance.now();
  const signal = target.signal ? AbortSignal.any([target.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  return new Promise<KuduAnswer>((resolve, reject) => {
    const request = httpsRequest(url, {
      method: 'POST', signal,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), accept: 'application/json' },
      ...(target.tlsCa ? { ca: target.tlsCa } : {}),
    }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) { response.destroy(); reject(new KuduError(`the SCM site sent more than ${MAX_ANSWER_BYTES / 1024} KB`)); return; }
        chunks.push(chunk);
      });
      response.on('error', (error) => reject(failure(error, signal, target.signal, timeoutMs)));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        if (status === 401 || status === 403) {
          const restricted = /ip forbidden|access restriction|forbidden by the scm site/i.test(text);
          reject(new KuduError(restricted
            ? `the SCM site's access restrictions block this machine (HTTP ${status})`
            : `the SCM site refused the credential (HTTP ${status} ${STATUS_CODES[status]}): it needs Website Contributor, Contributor or Owner, or a custom role with Microsoft.Web/sites/publish/Action on the app`, status));
          return;
        }
        if (status >= 300 && status < 400) { reject(new KuduError(`the SCM site redirected to another address (HTTP ${status}); not followed`, status)); return; }
        if (status !== 200) { reject(new KuduError(`the SCM site answered HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trim(), status)); return; }
        let parsed: { Output?: unknown; Error?: unknown; ExitCode?: unknown };
        try {
          parsed = JSON.parse(text) as typeof parsed;
        } catch {
          reject(new KuduError('the SCM site did not answer with JSON'));
          return;
        }
        resolve({
          output: typeof parsed.Output === 'string' ? parsed.Output : '', error: typeof parsed.Error === 'string' ? parsed.Error : '',
          exitCode: typeof parsed.ExitCode === 'number' ? parsed.ExitCode : -1, elapsedMs: performance.now() - started,
        });
      });
    });
    request.on('error', (error) => reject(failure(error, signal, target.signal, timeoutMs)));
    request.end(body);
  });
}

function failure(error: Error, signal: AbortSignal, user: AbortSignal | undefined, timeoutMs: number): Error {
  if (user?.aborted) return error;
  if (signal.aborted) return new KuduError(`the command did not finish within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`);
  return new KuduError(`the SCM site could not be reached: ${error.message.split('\n')[0]}`);
}
