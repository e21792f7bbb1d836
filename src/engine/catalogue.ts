/**
 * The two catalogues the flows are checked against: fact keys (with types and the label a step
 * shows when the value is unknown) and finding ids (stable: reports and scripts depend on them).
 */
import type { Diagnostic } from './diagnostic.ts';
import type { FactDefinition, FindingDefinition } from './types.ts';
import { isRecord, validateCondition } from './validate-flow.ts';
import { conditionKeys } from './expression.ts';
import { placeholders } from './template.ts';
import { FACT_TYPES, SEVERITIES } from './flow-format.ts';

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
    if (!isRecord(definition) || !(FACT_TYPES as readonly string[]).includes(definition.type as string) || typeof definition.label !== 'string') {
      errors.push({ ...at, message: `a fact needs "type" (one of ${FACT_TYPES.join(', ')}) and "label"` });
      continue;
    }
    if (definition.type === 'choice' && !Array.isArray(definition.values)) errors.push({ ...at, message: 'a choice fact needs "values"' });
    const forms = DERIVED_FORMS.filter((form) => definition[form] !== undefined);
    if (forms.length > 0) {
      const before = errors.length;
      if (forms.length > 1) errors.push({ ...at, message: `a derived fact has one of ${DERIVED_FORMS.join(', ')}, not ${forms.join(' and ')}` });
      if ((definition.source ?? 'derived') !== 'derived') errors.push({ ...at, message: `a fact derived by "${forms[0]}" has source derived` });
      if (definition.when !== undefined) {
        if (definition.type !== 'yes-no') errors.push({ ...at, message: 'a fact derived by "when" is of type yes-no with source derived' });
        validateCondition(key, definition.when, (message) => errors.push({ ...at, message }), 'when');
      }
      if (definition.first !== undefined && (!Array.isArray(definition.first) || definition.first.length < 2 || !definition.first.every((item) => typeof item === 'string'))) {
        errors.push({ ...at, message: '"first" is a list of two or more fact keys' });
      }
      if (definition.text !== undefined && (definition.type !== 'text' || typeof definition.text !== 'string' || placeholders(definition.text).length === 0)) {
        errors.push({ ...at, message: '"text" is a template naming at least one fact, for a fact of type text' });
      }
      if (errors.length > before) continue;
    }
    facts[key] = definition as unknown as FactDefinition;
  }
  errors.push(...derivationErrors(facts, file, lines));
  return { facts, errors };
}

/** Ways a catalogue entry says how its fact is derived from others. */
const DERIVED_FORMS = ['when', 'first', 'text'] as const;

/** The facts a catalogue derivation reads (none for a fact that is not derived in the catalogue). */
export function derivedInputs(definition: FactDefinition): string[] {
  if (definition.when) return conditionKeys(definition.when);
  if (definition.first) return [...definition.first];
  if (definition.text) return placeholders(definition.text).map((placeholder) => placeholder.key);
  return [];
}

/** A `when`, `first` or `text` names catalogue facts only, and no derived fact depends on itself (it would never be known). */
function derivationErrors(facts: Readonly<Record<string, FactDefinition>>, file: string, lines: ReadonlyMap<string, number>): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const at = (key: string, message: string): Diagnostic => ({ file, node: key, ...(lines.has(`facts.${key}`) ? { line: lines.get(`facts.${key}`) } : {}), message });
  const inputs = (key: string): string[] => derivedInputs(facts[key]!);
  for (const key of Object.keys(facts)) {
    for (const input of inputs(key)) if (!Object.hasOwn(facts, input)) errors.push(at(key, `${DERIVED_FORMS.find((form) => facts[key]![form] !== undefined)}: unknown fact key "${input}" (not in the fact catalogue)`));
  }
  const done = new Set<string>();
  const visit = (key: string, path: string[]): void => {
    if (done.has(key)) return;
    const loop = path.indexOf(key);
    if (loop >= 0) {
      errors.push(at(key, `derived facts depend on each other in a circle: ${[...path.slice(loop), key].join(' -> ')}`));
      return;
    }
    for (const input of inputs(key)) if (Object.hasOwn(facts, input)) visit(input, [...path, key]);
    done.add(key);
  };
  for (const key of Object.keys(facts)) visit(key, []);
  return errors;
}

export function validateFindingCatalogue(file: string, value: unknown, lines: ReadonlyMap<string, number>): { findings: Record<string, FindingDefinition>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const findings: Record<string, FindingDefinition> = Object.create(null);
  const entries = isRecord(value) && isRecord(value.findings) ? value.findings : undefined;
  if (!entries) return { findings, errors: [{ file, message: 'the finding catalogue must be a mapping "findings:" of finding ids' }] };
  for (const [id, definition] of Object.entries(entries)) {
    const at = { file, node: id, ...(lines.has(`findings.${id}`) ? { line: lines.get(`findings.${id}`) } : {}) };
    if (!FINDING_ID.test(id)) errors.push({ ...at, message: 'a finding id uses lower-case letters, digits and hyphens' });
    if (!isRecord(definition) || typeof definition.title !== 'string' || !(SEVERITIES as readonly string[]).includes(definition.severity as string)) {
      errors.push({ ...at, message: 'a finding needs "title" and "severity" (error, warning or info)' });
      continue;
    }
    findings[id] = definition as unknown as FindingDefinition;
  }
  return { findings, errors };
}
