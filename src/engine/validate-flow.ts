/**
 * Structural validation of one parsed flow file: every field has the right type and every node
 * kind its required fields. It mirrors schema/flow.schema.json (a test keeps the two in step)
 * but words each problem for a person and names the node it is in.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { Flow } from './types.ts';
import { COMPARED } from './expression.ts';
import { patternProblem } from './safe-pattern.ts';
import {
  ANSWER_TYPES, COMPARISON_OPERATORS, END_OUTCOMES, FLOW_FIELDS, ID_PATTERN, NODE_FIELDS, NODE_KINDS, STEP_FIELDS, STEP_KINDS, type FieldSpec,
} from './flow-format.ts';

export { ID_PATTERN };
const COMPARISONS: readonly string[] = COMPARISON_OPERATORS;

const fieldsOf = (table: Readonly<Record<string, FieldSpec>>) => ({
  required: Object.keys(table).filter((name) => table[name]!.required),
  optional: Object.keys(table).filter((name) => !table[name]!.required),
  /** Fields that hold a text of some kind (any text, non-empty text, an id). */
  texts: Object.keys(table).filter((name) => ['string', 'text', 'id'].includes(table[name]!.value)),
});
const FIELDS = Object.fromEntries(NODE_KINDS.map((kind) => [kind, fieldsOf(NODE_FIELDS[kind])])) as Record<(typeof NODE_KINDS)[number], ReturnType<typeof fieldsOf>>;
const FLOW_KEYS = Object.keys(FLOW_FIELDS);

export type Report = (message: string, node?: string, key?: string) => void;

export function validateFlow(file: string, value: unknown, lines: ReadonlyMap<string, number>): { flow?: Flow; errors: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const report: Report = (message, node, key) => {
    const line = (key === undefined ? undefined : lines.get(key)) ?? (node === undefined ? undefined : lines.get(`nodes.${node}`));
    errors.push({ file, ...(node === undefined ? {} : { node }), ...(line === undefined ? {} : { line }), message });
  };
  if (!isRecord(value)) {
    report('a flow file must be a mapping with id, title, summary, entry and nodes');
    return { errors };
  }
  unknownKeys(value, [...FLOW_KEYS, 'nodes', '$schema'], (key) => report(`unknown field "${key}" (a flow has ${[...FLOW_KEYS, 'nodes'].join(', ')})`, undefined, key));
  for (const key of FLOW_KEYS) {
    if (typeof value[key] !== 'string' || value[key] === '') report(`"${key}" must be a non-empty text`, undefined, key);
  }
  if (typeof value.id === 'string' && !ID_PATTERN.test(value.id)) report(`flow id "${value.id}" must use lower-case letters, digits and hyphens`, undefined, 'id');
  if (!isRecord(value.nodes) || Object.keys(value.nodes).length === 0) {
    report('"nodes" must be a mapping of node ids to nodes', undefined, 'nodes');
    return { errors };
  }
  for (const [id, node] of Object.entries(value.nodes)) {
    if (!ID_PATTERN.test(id)) report(`node id "${id}" must use lower-case letters, digits and hyphens`, id);
    validateNode(id, node, report);
  }
  return errors.length > 0 ? { errors } : { flow: value as unknown as Flow, errors };
}

function validateNode(id: string, node: unknown, report: Report): void {
  if (!isRecord(node)) return report('a node must be a mapping with a "kind"', id);
  const kind = node.kind;
  if (typeof kind !== 'string' || !(NODE_KINDS as readonly string[]).includes(kind)) {
    return report(`unknown node kind ${JSON.stringify(kind ?? null)} (expected one of ${NODE_KINDS.join(', ')})`, id);
  }
  const fields = FIELDS[kind as (typeof NODE_KINDS)[number]];
  unknownKeys(node, ['kind', ...fields.required, ...fields.optional], (key) => report(kind === 'finding' && key === 'severity'
    ? 'severity is given once, by the finding catalogue (flows/catalog/findings.yaml): remove it from the node'
    : `unknown field "${key}" for a ${kind} node`, id));
  for (const key of fields.required) if (node[key] === undefined) report(`a ${kind} node needs "${key}"`, id);
  for (const key of fields.texts) {
    if (node[key] !== undefined && typeof node[key] !== 'string') report(`"${key}" must be a text`, id);
  }
  switch (kind) {
    case 'question': return validateQuestion(id, node, report);
    case 'check': return validateCondition(id, node.when, report, 'when');
    case 'finding': return validateFinding(id, node, report);
    case 'end':
      if (!(END_OUTCOMES as readonly string[]).includes(node.outcome as string)) report(`outcome must be one of ${END_OUTCOMES.join(', ')}`, id);
      return;
  }
}

function validateQuestion(id: string, node: Record<string, unknown>, report: Report): void {
  const type = node.answer as string;
  if (!(ANSWER_TYPES as readonly string[]).includes(type)) return report(`unknown answer type ${JSON.stringify(type)} (expected one of ${ANSWER_TYPES.join(', ')})`, id);
  if (type === 'choice') {
    if (!Array.isArray(node.options) || node.options.length < 2) return report('a choice question needs at least two options', id);
    const seen = new Set<string>();
    node.options.forEach((option, index) => {
      if (!isRecord(option) || typeof option.value !== 'string' || typeof option.label !== 'string' || typeof option.next !== 'string') {
        return report(`option ${index + 1} needs value, label and next (all texts)`, id);
      }
      unknownKeys(option, ['value', 'label', 'next'], (key) => report(`option "${option.value}" has unknown field "${key}"`, id));
      if (seen.has(option.value)) report(`option value "${option.value}" appears twice`, id);
      seen.add(option.value);
    });
  } else if (node.options !== undefined) report(`only choice questions have options (this one is ${type})`, id);
  if (type === 'yes-no') {
    if (node.yes === undefined || node.no === undefined) report('a yes-no question needs both "yes" and "no"', id);
  } else if (node.yes !== undefined || node.no !== undefined) report(`only yes-no questions have "yes"/"no" (this one is ${type})`, id);
  if (type !== 'choice' && type !== 'yes-no' && node.next === undefined) report(`a ${type} question needs "next"`, id);
}

export function validateCondition(id: string, condition: unknown, report: Report, where: string): void {
  if (!isRecord(condition)) return report(`${where}: a condition must be a mapping`, id);
  const keys = Object.keys(condition);
  if (keys.length === 1 && (keys[0] === 'all' || keys[0] === 'any')) {
    const parts = condition[keys[0]];
    if (!Array.isArray(parts) || parts.length === 0) return report(`${where}.${keys[0]} must be a non-empty list of conditions`, id);
    parts.forEach((part, index) => validateCondition(id, part, report, `${where}.${keys[0]}[${index}]`));
    return;
  }
  if (keys.length === 1 && keys[0] === 'not') return validateCondition(id, condition.not, report, `${where}.not`);
  if (typeof condition.fact !== 'string') return report(`${where}: a comparison needs "fact" (or use all/any/not)`, id);
  const operators = keys.filter((key) => key !== 'fact');
  const bad = operators.filter((key) => !COMPARISONS.includes(key));
  if (bad.length > 0) return report(`${where}: unknown operator "${bad[0]}" (expected one of ${COMPARISONS.join(', ')})`, id);
  if (operators.length !== 1) return report(`${where}: a comparison needs exactly one operator, found ${operators.length}`, id);
  const op = operators[0]!;
  const operand = condition[op];
  const path = `${where}.${op}`;
  // eq, ne, gt, gte, lt, lte, contains and countGte may compare with another fact: { fact: key }.
  if ((COMPARED as readonly string[]).includes(op) && isRecord(operand)) {
    const keys = Object.keys(operand);
    if (keys.length !== 1 || keys[0] !== 'fact' || typeof operand.fact !== 'string' || operand.fact === '') report(`${path}: compare with a value or with { fact: key }`, id);
    return;
  }
  const numericOps = ['gt', 'gte', 'lt', 'lte', 'countGte'];
  if (numericOps.includes(op) && typeof operand !== 'number') report(`${path} must be a number or { fact: key }`, id);
  if ((op === 'eq' || op === 'ne') && !['string', 'number', 'boolean'].includes(typeof operand)) report(`${path} must be a text, number, yes/no or { fact: key }`, id);
  if ((op === 'known' || op === 'rfc1918') && typeof operand !== 'boolean') report(`${path} must be true or false`, id);
  if (op === 'contains' && typeof operand !== 'string') report(`${path} must be a text or { fact: key }`, id);
  if (op === 'within' && typeof operand !== 'string') report(`${path} must be a fact key`, id);
  if (op === 'in' && !Array.isArray(operand)) report(`${path} must be a list`, id);
  if (op === 'sameItems' && !(Array.isArray(operand) && operand.every((item) => typeof item === 'string'))) report(`${path} must be a list of texts or { fact: key }`, id);
  if (op === 'matches') {
    const problem = patternProblem(operand);
    if (problem) report(`${path}: the pattern ${problem}`, id);
  }
}

function validateFinding(id: string, node: Record<string, unknown>, report: Report): void {
  if (!Array.isArray(node.steps) || node.steps.length === 0) return report('a finding needs at least one step', id);
  node.steps.forEach((step, index) => {
    if (!isRecord(step)) return report(`step ${index + 1} must be a mapping with kind and text`, id);
    if (!(STEP_KINDS as readonly string[]).includes(step.kind as string)) report(`step ${index + 1}: kind must be one of ${STEP_KINDS.join(', ')}`, id);
    if (typeof step.text !== 'string') report(`step ${index + 1} needs "text"`, id);
    if (step.command !== undefined && typeof step.command !== 'string') report(`step ${index + 1}: "command" must be a text`, id);
    unknownKeys(step, Object.keys(STEP_FIELDS), (key) => report(`step ${index + 1} has unknown field "${key}"`, id));
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unknownKeys(value: Record<string, unknown>, allowed: readonly string[], report: (key: string) => void): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) report(key);
}
