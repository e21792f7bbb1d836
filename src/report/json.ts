/**
 * The JSON export (schema/report.schema.json). Keys come out in one fixed order whatever order
 * the report object was built in, so two runs over the same data give byte-identical files
 * (diffable, and golden-testable). Every string passes through maskSecrets.
 */
import type { Report } from './report-model.ts';
import { maskSecrets } from '../text/secrets.ts';

/** Order of the report's own fields: what a reader needs first comes first. */
const TOP_LEVEL_ORDER = [
  'schemaVersion', 'tool', 'generatedAt', 'target', 'status', 'interrupted', 'redacted', 'summary', 'retirement',
  'findings', 'facts', 'path', 'openQuestions', 'unknowns', 'errors',
];
/** Preferred position of keys inside nested objects; keys not listed follow in alphabetical order. */
const NESTED_ORDER = [
  'name', 'version', 'mode', 'appId', 'appName', 'scenario', 'errors', 'warnings', 'infos', 'flows', 'date', 'daysLeft',
  'id', 'severity', 'title', 'explanation', 'steps', 'kind', 'flow', 'question', 'key', 'facts', 'text', 'command', 'blanks',
  'value', 'answer', 'answerLabel', 'host', 'port', 'reason', 'source', 'detail', 'fact', 'overridden', 'auto',
];

const comparatorFor = (order: readonly string[]) => {
  const rank = new Map(order.map((key, index) => [key, index]));
  return ([a]: [string, unknown], [b]: [string, unknown]): number => {
    const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  };
};
const TOP_LEVEL = comparatorFor(TOP_LEVEL_ORDER);
const NESTED = comparatorFor(NESTED_ORDER);

/** A copy with object keys in canonical order, undefined fields dropped and secrets masked. */
function canonical(value: unknown, topLevel = false): unknown {
  if (typeof value === 'string') return maskSecrets(value);
  if (Array.isArray(value)) return value.map((item) => canonical(item));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(topLevel ? TOP_LEVEL : NESTED);
    return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

/**
 * JSON.stringify escapes C0 controls but writes DEL and C1 controls (U+009B is a one-character
 * CSI) raw, and `check` prints this to a terminal; it also writes bidi controls (U+202E reorders
 * what follows it on screen) and the line separators U+2028/U+2029 raw. Writing them as \u escapes
 * keeps the JSON equivalent while the file shows exactly what it holds.
 */
const RAW_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function toJson(report: Report): string {
  const text = JSON.stringify(canonical(report, true), null, 2)
    .replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
