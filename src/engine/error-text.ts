/**
 * Reading an `error-text` answer: the error text an engineer pastes ("I have an error message",
 * `check --error TEXT`). It records what the text says as plain facts beside it, and the fact
 * catalogue derives the cause from them (`error.kind`, a `cases` form):
 * - `error.message`: the documented message of gateway-required integration it holds
 *   (learn.microsoft.com/azure/app-service/configure-gateway-required-vnet-integration,
 *   troubleshooting; FACTS.md "Documented error texts");
 * - `error.tcpping`, `error.nameresolver`: what a pasted tcpping or nameresolver transcript says,
 *   in the probe's words (tool-output.ts, the one parser the probe reads its own runs with).
 * Pure, like the rest of the engine.
 */
import { parseNameresolver, parseTcpping, type DnsOutcome, type TcpOutcome } from './tool-output.ts';

export type DocumentedMessage = 'socket-forbidden' | 'database-lookup' | 'legacy-cmak';

/** WSAEACCES from a socket the app opens to an address the tunnel does not route. */
export const SOCKET_FORBIDDEN = /an attempt was made to access a socket in a way forbidden by its access permissions/i;
/** WSANO_RECOVERY: the point-to-site tunnel cannot be built (pool outside RFC 1918, or IKEv2 on the gateway). */
export const DATABASE_LOOKUP = /non-recoverable error (?:occurred )?during a database lookup/i;
/** Connecting a VNet whose gateway has IKEv2 enabled. */
export const LEGACY_CMAK = /legacy cmak generation is not supported/i;

/** A text holding tcpping's own lines (its command, a "Connecting to"/"Connected to" line, its summary). */
const TCPPING_TEXT = /\btcpping\b|^Connect(?:ing|ed) to\b|Complete:\s*\d+\/\d+/im;
/** A text holding nameresolver's own lines (its command or the "Server:" line). */
const NAMERESOLVER_TEXT = /^\s*Server:|nameresolver/im;

/** The most of a pasted text that is read (an answer holds far less: answer-types.ts MAX_ANSWER_LENGTH). */
const MAX_READ = 20_000;

/** What a pasted error text says; a part it does not show is left out (unknown). */
export interface ErrorTextReading {
  readonly message?: DocumentedMessage;
  readonly tcpping?: Exclude<TcpOutcome, 'unrecognized'>;
  readonly nameresolver?: Exclude<DnsOutcome, 'unrecognized'>;
}

/** The facts an `error-text` answer records beside its text, named after it: `error.text` -> `error.message`, ... */
export const ERROR_TEXT_FIELDS = ['message', 'tcpping', 'nameresolver'] as const satisfies readonly (keyof ErrorTextReading)[];

export function readErrorText(text: string): ErrorTextReading {
  const input = text.slice(0, MAX_READ);
  const message: DocumentedMessage | undefined = SOCKET_FORBIDDEN.test(input) ? 'socket-forbidden'
    : DATABASE_LOOKUP.test(input) ? 'database-lookup'
      : LEGACY_CMAK.test(input) ? 'legacy-cmak' : undefined;
  const tcpping = TCPPING_TEXT.test(input) ? parseTcpping(input) : 'unrecognized';
  const nameresolver = NAMERESOLVER_TEXT.test(input) ? parseNameresolver(input).outcome : 'unrecognized';
  return {
    ...(message === undefined ? {} : { message }),
    ...(tcpping === 'unrecognized' ? {} : { tcpping }),
    ...(nameresolver === 'unrecognized' ? {} : { nameresolver }),
  };
}

/** The key of a field recorded beside the text fact `key` (`error.text`, `message` -> `error.message`). */
export const errorTextFieldKey = (key: string, field: (typeof ERROR_TEXT_FIELDS)[number]): string => `${key.slice(0, key.lastIndexOf('.') + 1)}${field}`;

/** The facts an `error-text` answer records beside its text fact `key`. */
export function errorTextFacts(key: string, text: string): [string, string][] {
  const reading = readErrorText(text);
  return ERROR_TEXT_FIELDS.flatMap((field) => (reading[field] === undefined ? [] : [[errorTextFieldKey(key, field), reading[field]!] as [string, string]]));
}
