/**
 * The JSON export (schema/report.schema.json). Keys come out in one fixed order whatever order
 * the report object was built in, so two runs over the same data give byte-identical files
 * (diffable, and golden-testable). Every string passes through maskSecrets.
 */
import type { Report } from './report-model.ts';
import { maskSecrets } from './secrets.ts';

/** Preferred position of each key; keys not listed follow in alphabetical order. */
const KEY_ORDER = [
  'schemaVersion', 'tool', 'name', 'version', 'generatedAt', 'target', 'mode', 'appId', 'appName', 'scenario',
  'status', 'redacted', 'summary', 'errors', 'warnings', 'infos', 'flows', 'retirement', 'date', 'daysLeft',
  'findings', 'id', 'severity', 'title', 'explanation', 'steps', 'kind', 'text', 'command', 'flow',
  'facts', 'key', 'question', 'value', 'answer', 'host', 'port', 'source', 'detail', 'fact', 'overridden', 'auto',
  'path', 'openQuestions', 'unknowns', 'reason',
];
const RANK = new Map(KEY_ORDER.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
}

/** A copy with object keys in canonical order, undefined fields dropped and secrets masked. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return maskSecrets(value);
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => compareKeys(a, b));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

export function toJson(report: Report): string {
  return `${JSON.stringify(canonical(report), null, 2)}\n`;
}
