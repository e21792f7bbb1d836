/**
 * `--redact`: a copy of the report safe to hand to people outside the customer's organisation.
 * Names are learnt first from where their meaning is certain (name facts, ARM ids, the target),
 * then every string in the report is rewritten with the same pseudonyms, so a gateway name inside
 * a step command or a question text disappears too. Identifiers the tool itself defines (fact
 * keys, finding and question ids, flow ids, enum values) are left alone: they name no customer.
 */
import type { FactSource, FactValue } from '../engine/types.ts';
import { parseIPv4 } from '../engine/net.ts';
import { Pseudonyms, type PseudonymCategory } from './pseudonyms.ts';
import type { Report } from './report-model.ts';

/** Object keys whose string values are tool-defined identifiers or enums. */
const STRUCTURAL_KEYS = new Set(['schemaVersion', 'tool', 'generatedAt', 'mode', 'status', 'id', 'severity', 'kind', 'flow', 'flows', 'question', 'key', 'fact', 'facts', 'scenario']);
const FACT_SOURCES: ReadonlySet<string> = new Set<FactSource>(['arm', 'answer', 'derived', 'probe']);

/** What a fact's value is, judged from its key (catalogue naming: app.resourceGroup, gateway.name, target.host...). */
export function categoryForFactKey(key: string): PseudonymCategory | undefined {
  const last = key.split('.').at(-1)!.toLowerCase();
  if (last.endsWith('subscriptionid') || last.endsWith('tenantid')) return 'subscription';
  if (last.endsWith('resourcegroup')) return 'rg';
  if (last === 'host' || last === 'testname' || last.endsWith('hostname') || last.endsWith('fqdn')) return 'host';
  if (last.endsWith('name') || last.endsWith('names') || last.endsWith('rule') || last.endsWith('id')) return 'resource';
  return undefined;
}

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function learnNames(report: Report, pseudonyms: Pseudonyms): void {
  const learn = (value: FactValue | unknown, category: PseudonymCategory | undefined) => {
    if (!category) return;
    for (const text of strings(value)) {
      if (text.trim() === '' || parseIPv4(text) || text.startsWith('/')) continue;
      pseudonyms.register(text, category);
    }
  };
  // ARM ids first: their segments say exactly what each name is.
  walkStrings(report, (text) => pseudonyms.registerArmIds(text));
  for (const fact of report.facts) {
    learn(fact.value, categoryForFactKey(fact.key));
    if (fact.overridden) learn(fact.overridden.value, categoryForFactKey(fact.key));
  }
  for (const entry of report.path) {
    const answer = entry.answer;
    if (answer !== null && typeof answer === 'object' && !Array.isArray(answer)) learn((answer as { host: string }).host, 'host');
    if (entry.auto?.fact) learn(answer, categoryForFactKey(entry.auto.fact));
  }
  learn(report.target.appName, 'resource');
}

function walkStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => walkStrings(item, visit));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => walkStrings(item, visit));
}

function rewrite(value: unknown, pseudonyms: Pseudonyms, key?: string): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && STRUCTURAL_KEYS.has(key)) return value;
    if (key === 'source' && FACT_SOURCES.has(value)) return value;
    return pseudonyms.redact(value);
  }
  if (Array.isArray(value)) {
    // `facts` is both the fact table (objects: redact) and an error's list of fact keys (keep).
    const identifiers = key !== undefined && STRUCTURAL_KEYS.has(key) && value.every((item) => typeof item === 'string');
    return identifiers ? value : value.map((item) => rewrite(item, pseudonyms));
  }
  if (value !== null && typeof value === 'object') {
    if (key !== undefined && STRUCTURAL_KEYS.has(key)) return value;
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, rewrite(item, pseudonyms, name)]));
  }
  return value;
}

export function redactReport(report: Report): Report {
  const pseudonyms = new Pseudonyms();
  learnNames(report, pseudonyms);
  const redacted = rewrite(report, pseudonyms) as Report;
  return { ...redacted, redacted: true };
}
