/**
 * The schema of a saved session file, checked field by field before anything uses it. The file
 * is data from disk (hand-edited, truncated, written by another version): a wrong type anywhere
 * must end in "moved aside, with the reason", never in a crash later (a `savedAt` that is a
 * number, a fact value `{"toString": 1}` that cannot even be turned into text).
 */
import type { Input } from '../engine/session-types.ts';
import type { AnswerValue, FactSource, Facts } from '../engine/types.ts';
import type { ReportError, ReportTarget } from '../facts/read-outcome.ts';

/** An interactive session as saved on disk: enough to resume it and to write its report. */
export interface SavedSession {
  readonly format: typeof SESSION_FORMAT;
  readonly savedAt: string;
  readonly target: ReportTarget;
  readonly facts: Facts;
  readonly presetAnswers: Readonly<Record<string, AnswerValue>>;
  readonly inputs: readonly Input[];
  /** Flow the session started in, when not the entry flow. */
  readonly flow?: string;
  /** Facts that could not be read, kept for the report. */
  readonly errors?: readonly ReportError[];
  /** The report files this session wrote, so a resumed session rewrites them instead of adding files. */
  readonly reports?: readonly WrittenReport[];
}

/**
 * A report file a session wrote, with the SHA-256 of what was written. The session file is data:
 * a resumed session rewrites the file only when it still holds exactly those bytes
 * (report-reclaim.ts), so a path put in a session file by hand cannot aim the write elsewhere.
 */
export interface WrittenReport {
  readonly format: 'md' | 'json';
  readonly path: string;
  readonly sha256: string;
}

export const SESSION_FORMAT = 1;

// Records over the union types: a new fact source or target mode fails the type check here
// instead of moving every session that uses it aside.
const FACT_SOURCES = Object.keys({ arm: true, answer: true, derived: true, probe: true } satisfies Record<FactSource, true>);
const TARGET_MODES = Object.keys({ arm: true, offline: true, demo: true } satisfies Record<ReportTarget['mode'], true>);
const INPUT_TYPES = Object.keys({ answer: true, override: true } satisfies Record<Input['type'], true>);

type Check = (value: unknown, at: string) => string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';

const text: Check = (value, at) => (isText(value) ? undefined : `${at} is not a text`);
const optional = (check: Check): Check => (value, at) => (value === undefined ? undefined : check(value, at));
const oneOf = (values: readonly string[]): Check => (value, at) => (isText(value) && values.includes(value) ? undefined : `${at} is not one of ${values.join(', ')}`);
const listOf = (check: Check): Check => (value, at) => {
  if (!Array.isArray(value)) return `${at} is not a list`;
  for (let i = 0; i < value.length; i += 1) {
    const problem = check(value[i], `${at}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
};
const recordOf = (check: Check): Check => (value, at) => {
  if (!isRecord(value)) return `${at} is not an object`;
  for (const [key, item] of Object.entries(value)) {
    const problem = check(item, `${at}.${key}`);
    if (problem) return problem;
  }
  return undefined;
};
/** An object with these fields; others are ignored (nothing reads them). */
const shape = (fields: Readonly<Record<string, Check>>): Check => (value, at) => {
  if (!isRecord(value)) return `${at} is not an object`;
  for (const [key, check] of Object.entries(fields)) {
    const problem = check(value[key], `${at}.${key}`);
    if (problem) return problem;
  }
  return undefined;
};

const finiteNumber: Check = (value, at) => (typeof value === 'number' && Number.isFinite(value) ? undefined : `${at} is not a number`);
const scalar: Check = (value, at) => (isText(value) || typeof value === 'boolean' ? undefined : finiteNumber(value, at));
const factValue: Check = (value, at) => (Array.isArray(value) ? listOf(text)(value, at) : scalar(value, at));
const hostPort = shape({ host: text, port: finiteNumber });
const answerValue: Check = (value, at) => {
  if (value === null) return undefined;
  if (isRecord(value)) return hostPort(value, at);
  return factValue(value, at);
};
const fact = shape({
  value: (value, at) => (value === null ? undefined : factValue(value, at)),
  source: oneOf(FACT_SOURCES),
  detail: optional(text),
  reason: optional(text),
  follows: optional(text),
});
const input: Check = (value, at) => {
  if (!isRecord(value)) return `${at} is not an object`;
  if (value.type === 'answer') return shape({ type: text, question: text, value: (v, a) => (Object.hasOwn(value, 'value') ? answerValue(v, a) : `${a} is missing`) })(value, at);
  if (value.type === 'override') return shape({ type: text, fact: text })(value, at);
  return `${at} is not one of ${INPUT_TYPES.join(', ')}`;
};
const isoTime: Check = (value, at) => (isText(value) && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : `${at} is not a date and time`);

const session = shape({
  format: (value, at) => (value === SESSION_FORMAT ? undefined : `unknown session format ${JSON.stringify(value)?.slice(0, 20)} at ${at} (expected ${SESSION_FORMAT})`),
  savedAt: isoTime,
  target: shape({ mode: oneOf(TARGET_MODES), appId: optional(text), appName: optional(text), scenario: optional(text) }),
  facts: recordOf(fact),
  presetAnswers: recordOf(answerValue),
  inputs: listOf(input),
  flow: optional(text),
  errors: optional(listOf(shape({ facts: listOf(text), reason: text, source: optional(text) }))),
  reports: optional(listOf(shape({ format: oneOf(['md', 'json']), path: text, sha256: (value, at) => (isText(value) && /^[0-9a-f]{64}$/.test(value) ? undefined : `${at} is not a SHA-256 digest`) }))),
});

/** What is wrong with a parsed session file ("session.facts.x.value is not a text"), or undefined when it is a valid session. */
export function sessionProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'not a JSON object';
  // The format first: a file of another version gets that reason, not its first unknown field.
  if (value.format !== SESSION_FORMAT) return `unknown session format ${JSON.stringify(value.format)?.slice(0, 20)} (expected ${SESSION_FORMAT})`;
  return session(value, 'session');
}

export function isSavedSession(value: unknown): value is SavedSession {
  return sessionProblem(value) === undefined;
}
