/**
 * The two catalogues the flows are checked against: fact keys (with types and the label a step
 * shows when the value is unknown) and finding ids (stable: reports and scripts depend on them).
 */
import type { Diagnostic } from './diagnostic.ts';
import type { FactDefinition, FindingDefinition } from './types.ts';
import { isRecord, validateCondition } from './validate-flow.ts';
import { placeholders } from './template.ts';
import { derivedForm, derivedInputs } from './derive.ts';
import { patternProblem } from './safe-pattern.ts';
import { DERIVED_FORM_NAMES, DERIVED_FORMS, FACT_FIELDS, FACT_SOURCES, FACT_TYPES, FINDING_FIELDS, SEVERITIES, type DerivedForm } from './flow-format.ts';


const FACT_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;
const FINDING_ID = /^[a-z0-9][a-z0-9-]*$/;

export function validateFactCatalogue(file: string, value: unknown, lines: ReadonlyMap<string, number>): { facts: Record<string, FactDefinition>; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const facts: Record<string, FactDefinition> = Object.create(null);
  const entries = isRecord(value) && isRecord(value.facts) ? value.facts : undefined;
  if (!entries) return { facts, errors: [{ file, message: 'the fact catalogue must be a mapping "facts:" of fact keys' }] };
  for (const [key, definition] of Object.entries(entries)) {
    const at = { file, node: key, ...(lines.has(`facts.${key}`) ? { line: lines.get(`facts.${key}`) } : {}) };
    const report = (message: string): void => { errors.push({ ...at, message }); };
    if (!FACT_KEY.test(key)) report('a fact key is dotted camelCase words, e.g. gateway.vpnType');
    if (!isRecord(definition) || !(FACT_TYPES as readonly string[]).includes(definition.type as string) || typeof definition.label !== 'string') {
      report(`a fact needs "type" (one of ${FACT_TYPES.join(', ')}) and "label"`);
      continue;
    }
    const before = errors.length;
    for (const field of Object.keys(definition)) {
      if (!Object.hasOwn(FACT_FIELDS, field) && !Object.hasOwn(DERIVED_FORMS, field)) {
        report(`unknown field "${field}" (a fact has ${[...Object.keys(FACT_FIELDS), ...DERIVED_FORM_NAMES].join(', ')}; a text holding ", " or ": " goes in quotes)`);
      }
    }
    if (definition.source !== undefined && !(FACT_SOURCES as readonly string[]).includes(definition.source as string)) report(`"source" must be one of ${FACT_SOURCES.join(', ')}`);
    if (definition.type === 'choice' && !Array.isArray(definition.values)) report('a choice fact needs "values"');
    const forms = DERIVED_FORM_NAMES.filter((form) => definition[form] !== undefined);
    if (forms.length > 1) report(`a derived fact has one of ${DERIVED_FORM_NAMES.join(', ')}, not ${forms.join(' and ')}`);
    else if (forms.length === 1) validateDerivedForm(key, forms[0]!, definition, report);
    if (errors.length > before) continue;
    facts[key] = definition as unknown as FactDefinition;
  }
  errors.push(...derivationErrors(facts, file, lines));
  return { facts, errors };
}

/** The checks of one derived form (flow-format.ts DERIVED_FORMS), each problem worded for the person who wrote it. */
function validateDerivedForm(key: string, form: DerivedForm, definition: Record<string, unknown>, report: (message: string) => void): void {
  if ((definition.source ?? 'derived') !== 'derived') report(`a fact derived by "${form}" has source derived`);
  const gives: string | undefined = (DERIVED_FORMS[form] as { type?: string }).type;
  if (gives !== undefined && definition.type !== gives && form !== 'text') report(`a fact derived by "${form}" is of type ${gives}${form === 'when' ? ' with source derived' : ''}`);
  const operand = definition[form];
  const isKey = (item: unknown): item is string => typeof item === 'string' && FACT_KEY.test(item);
  const literal = (item: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof item) || (Array.isArray(item) && item.every((entry) => typeof entry === 'string'));
  switch (form) {
    case 'when':
      return validateCondition(key, operand, report, 'when');
    case 'first':
      if (!Array.isArray(operand) || operand.length < 2 || !operand.every(isKey)) report('"first" is a list of two or more fact keys');
      return;
    case 'text':
      if (definition.type !== 'text' || typeof operand !== 'string' || placeholders(operand).length === 0) report('"text" is a template naming at least one fact, for a fact of type text');
      return;
    case 'count':
      if (!isKey(operand)) report('"count" names one list fact, e.g. count: vnet.dnsServers');
      return;
    case 'product':
      if (!Array.isArray(operand) || operand.length < 2 || !operand.every((item) => isKey(item) || (typeof item === 'number' && Number.isFinite(item)))) {
        report('"product" is a list of two or more number facts or numbers');
      }
      return;
    case 'map': {
      if (!isRecord(operand) || !isKey(operand.fact) || !isRecord(operand.to) || Object.keys(operand).length !== 2) return report('"map" is { fact: key, to: { value: result, ... } }');
      const bad = Object.entries(operand.to).find(([, result]) => !['string', 'number', 'boolean'].includes(typeof result));
      if (bad) report(`map.to.${bad[0]} must be a text, number or yes/no`);
      const misfit = Object.entries(operand.to).find(([, result]) => !fitsType(definition.type as string, result));
      if (!bad && misfit) report(`map.to.${misfit[0]} is not a value of a ${String(definition.type)} fact`);
      if (Object.keys(operand.to).length === 0) report('"map.to" needs at least one entry');
      return;
    }
    case 'cases':
      if (!Array.isArray(operand) || operand.length === 0) return report('"cases" is a non-empty list of { when: condition, value: literal or { fact: key } }');
      operand.forEach((item, index) => {
        const where = `cases[${index}]`;
        if (!isRecord(item) || item.when === undefined || item.value === undefined || Object.keys(item).length !== 2) return report(`${where} needs exactly "when" and "value"`);
        validateCondition(key, item.when, report, `${where}.when`);
        if (isRecord(item.value) ? !(Object.keys(item.value).length === 1 && isKey(item.value.fact)) : !literal(item.value)) {
          report(`${where}.value must be a text, number, yes/no, list of texts or { fact: key }`);
        } else if (!isRecord(item.value) && !fitsType(definition.type as string, item.value)) report(`${where}.value is not a value of a ${String(definition.type)} fact`);
      });
      return;
    case 'replace': {
      if (!isRecord(operand) || !isKey(operand.fact) || typeof operand.with !== 'string' || !(operand.lower === undefined || typeof operand.lower === 'boolean')) {
        return report('"replace" is { fact: key, pattern: regular expression, with: text, lower: true or false }');
      }
      const extra = Object.keys(operand).find((field) => !['fact', 'pattern', 'with', 'lower'].includes(field));
      if (extra) report(`replace has unknown field "${extra}"`);
      const problem = patternProblem(operand.pattern);
      if (problem) report(`replace.pattern: the pattern ${problem}`);
      return;
    }
    case 'take':
      if (!isRecord(operand) || !isKey(operand.fact) || !Number.isInteger(operand.count) || (operand.count as number) < 1 || (operand.count as number) > 1000 || Object.keys(operand).length !== 2) {
        report('"take" is { fact: list fact, count: a whole number from 1 to 1000 }');
      }
      return;
    case 'except':
      if (!isRecord(operand) || !isKey(operand.fact) || !isKey(operand.remove) || Object.keys(operand).length !== 2) report('"except" is { fact: list fact, remove: fact }');
      return;
    case 'append':
      if (!isRecord(operand) || !isKey(operand.fact) || !isKey(operand.item) || Object.keys(operand).length !== 2) report('"append" is { fact: list fact, item: fact }');
      return;
    case 'unusedName':
      if (!isRecord(operand) || !isKey(operand.taken) || typeof operand.base !== 'string' || !NAME.test(operand.base) || Object.keys(operand).length !== 2) {
        report('"unusedName" is { base: a name of letters, digits, ".", "_" or "-", taken: list fact }');
      }
      return;
  }
}

/** Whether a literal a derived form gives can be a value of a fact of this type (yes/no, number, list or text). */
function fitsType(type: string, value: unknown): boolean {
  if (type === 'yes-no') return typeof value === 'boolean';
  if (type === 'number' || type === 'port') return typeof value === 'number';
  if (type.endsWith('-list')) return Array.isArray(value);
  return typeof value === 'string';
}

/** A base name for `unusedName`: what Azure accepts in most resource names. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A derived form names catalogue facts only, and no derived fact depends on itself (it would never be known). */
function derivationErrors(facts: Readonly<Record<string, FactDefinition>>, file: string, lines: ReadonlyMap<string, number>): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const at = (key: string, message: string): Diagnostic => ({ file, node: key, ...(lines.has(`facts.${key}`) ? { line: lines.get(`facts.${key}`) } : {}), message });
  const inputs = (key: string): string[] => derivedInputs(facts[key]!);
  for (const key of Object.keys(facts)) {
    for (const input of inputs(key)) if (!Object.hasOwn(facts, input)) errors.push(at(key, `${derivedForm(facts[key])}: unknown fact key "${input}" (not in the fact catalogue)`));
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
    const extra = Object.keys(definition).find((field) => !Object.hasOwn(FINDING_FIELDS, field));
    if (extra !== undefined) {
      errors.push({ ...at, message: `unknown field "${extra}" (a finding has ${Object.keys(FINDING_FIELDS).join(' and ')}; a text holding ", " or ": " goes in quotes)` });
      continue;
    }
    findings[id] = definition as unknown as FindingDefinition;
  }
  return { findings, errors };
}
