/**
 * What the request guard and the pager refuse, as errors whose message is the reason shown to
 * the user (in the report, on stderr, on the wizard's screen). Each says what ARM sent, so an
 * engineer can tell a hostile or broken endpoint from a permissions problem. Never a token.
 */
import { STATUS_CODES } from 'node:http';

/** Base class: `message` is complete and safe to show; describeFailure shows it as is. */
export class ArmGuardError extends Error {
  override name = 'ArmGuardError';
}

/** `host:port` of a URL, or the text itself (escaped, shortened) when it is not one. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return escapeSample(url, 80);
  }
}

/** A request to anything but the ARM endpoint in use: refused before anything is sent. */
export class ForeignHostError extends ArmGuardError {
  constructor(readonly host: string, endpoint: string, what = 'a request') {
    super(`refused ${what} to ${host}: only the ARM endpoint in use (${hostOf(endpoint)}) receives the access token`);
  }
}

/** A list whose nextLink names another host: not followed, the list stays unknown. */
export class ForeignNextLinkError extends ForeignHostError {
  constructor(host: string, endpoint: string) {
    super(host, endpoint, 'to follow a nextLink');
  }
}

/** A paged list that repeats a page or runs past the page cap. */
export class EndlessListError extends ArmGuardError {}

/** An answer bigger than MAX_ARM_RESPONSE_BYTES: reading stops there. */
export class ResponseTooLargeError extends ArmGuardError {
  constructor(limitBytes: number) {
    super(`ARM's answer is larger than ${Math.round(limitBytes / (1024 * 1024))} MB; it was not read (the limit keeps memory bounded)`);
  }
}

/** No answer within the per-call time (each page of a list gets the full time). */
export class ArmTimeoutError extends ArmGuardError {
  constructor(timeoutMs: number) {
    super(`ARM call timed out after ${timeoutMs / 1000} s`);
  }
}

/** An answer that is not ARM JSON, or a redirect elsewhere: status, content type and the first bytes, escaped. */
export class UnexpectedAnswerError extends ArmGuardError {
  constructor(status: number, contentType: string | undefined, body: string, detail?: string) {
    const type = contentType ? contentType.split(';')[0]!.trim() : 'no content type';
    const sample = body.trim() === '' ? 'an empty body' : `"${escapeSample(body, 60)}"`;
    super(`ARM answered ${status} with ${escapeSample(type, 60)}${detail ? ` ${detail}` : ''}: ${sample}`);
  }
}

/** An answer whose body is secret (the app settings list): said by status and content type only, never a byte of the body. */
export class SecretAnswerError extends ArmGuardError {
  constructor(readonly status: number, contentType: string | null | undefined, detail?: string) {
    const type = contentType ? escapeSample(contentType.split(';')[0]!.trim(), 60) : 'no content type';
    super(`ARM answered ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''} with ${type}${detail ? ` ${detail}` : ''} (the body is not shown: it holds every app setting)`);
  }
}

/** The first `max` characters on one line, control and non-ASCII characters as \x / \u escapes. */
export function escapeSample(text: string, max: number): string {
  const head = [...text.slice(0, max * 2)].slice(0, max).join('');
  const escaped = head.replace(/[^\x20-\x7e]|\\/g, (char) => {
    if (char === '\\') return '\\\\';
    const code = char.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
  return text.length > head.length ? `${escaped}…` : escaped;
}
