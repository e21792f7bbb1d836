/**
 * The two catalogues the flows are checked against: fact keys (with types and the label a step
 * shows when the value is unknown) and finding ids (stable: reports and scripts depend on them).
 */
import type { Diagnostic } from './diagnostic.ts';
import type { FactDefinition, FindingDefinition } from './types.ts';
import { isRecord } from './validate-flow.ts';

const FACT_TYPES = ['yes-no', 'choice', 'ip', 'cidr', 'cidr-list', 'hostname', 'port', 'number', 'text', 'text-list', 'date'];
const FACT_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;
const FINDING_ID = /^[a-z0-9][a-z0-9-]*$/;

export function validateFactCatalogue(file: string, value: unknown, lines: ReadonlyMap<string, number>): { facts: Record<string, FactDefinition>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const facts: Record<string, FactDefinition> = Object.create(null);
  const entries = isRecord(value) && isRecord(value.facts) ? value.facts : undefined;
  if (!entries) return { facts, errors: [{ file, message: 'the fact catalogue must be a mapping "facts:" of fact keys' }] };
  for (const [key, definition] of Object.entries(entries)) {
    const at = { file, node: key, ...(lines.has(`facts.${key}`) ? { line: lines.get(`facts.${key}`) } : {}) };
    if (!FACT_KEY.test(key)) errors.push({ ...at, message: 'a fact key is dotted camelCase words, e.g. gateway.vpnType' });
    if (!isRecord(definition) || !FACT_TYPES.includes(definition.type as string) || typeof definition.label !== 'string') {
      errors.push({ ...at, message: `a fact needs "type" (one of ${FACT_TYPES.join(', ')}) and "label"` });
      continue;
    }
    if (definition.type === 'choice' && !Array.isArray(definition.values)) errors.push({ ...at, message: 'a choice fact needs "values"' });
    facts[key] = definition as unknown as FactDefinition;
  }
  return { facts, errors };
}

export function validateFindingCatalogue(file: string, value: unknown, lines: ReadonlyMap<string, number>): { findings: Record<string, FindingDefinition>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const findings: Record<string, FindingDefinition> = Object.create(null);
  const entries = isRecord(value) && isRecord(value.findings) ? value.findings : undefined;
  if (!entries) return { findings, errors: [{ file, message: 'the finding catalogue must be a mapping "findings:" of finding ids' }] };
  for (const [id, definition] of Object.entries(entries)) {
    const at = { file, node: id, ...(lines.has(`findings.${id}`) ? { line: lines.get(`findings.${id}`) } : {}) };
    if (!FINDING_ID.test(id)) errors.push({ ...at, message: 'a finding id uses lower-case letters, digits and hyphens' });
    if (!isRecord(definition) || typeof definition.title !== 'string' || !['error', 'warning', 'info'].includes(definition.severity as string)) {
      errors.push({ ...at, message: 'a finding needs "title" and "severity" (error, warning or info)' });
      continue;
    }
    findings[id] = definition as unknown as FindingDefinition;
  }
  return { findings, errors };
}
