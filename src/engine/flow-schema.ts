/**
 * The JSON Schema of a flow file, built from the format's one definition (flow-format.ts).
 * schema/flow.schema.json is this object written out (`npm run schema`); a test keeps the file
 * equal to it, so the schema editors read cannot drift from what the loader accepts.
 */
import {
  ANSWER_TYPES, COMPARISONS, END_OUTCOMES, FLOW_FIELDS, ID_PATTERN, MAX_PATTERN_LENGTH, NODE_FIELDS, NODE_KINDS, OPTION_FIELDS, SEVERITIES, STEP_FIELDS, STEP_KINDS,
  type FieldSpec, type OperandKind, type ValueKind,
} from './flow-format.ts';

export type Json = Record<string, unknown>;

const VALUES: Record<ValueKind, Json> = {
  string: { type: 'string' },
  text: { $ref: '#/$defs/text' },
  id: { $ref: '#/$defs/id' },
  answer: { enum: [...ANSWER_TYPES] },
  severity: { enum: [...SEVERITIES] },
  outcome: { enum: [...END_OUTCOMES] },
  'step-kind': { enum: [...STEP_KINDS] },
  condition: { $ref: '#/$defs/condition' },
  options: { type: 'array', minItems: 2, items: { $ref: '#/$defs/option' } },
  steps: { type: 'array', minItems: 1, items: { $ref: '#/$defs/step' } },
};

const FACT = { $ref: '#/$defs/factOperand' };
const OPERANDS: Record<OperandKind, Json> = {
  'scalar-or-fact': { anyOf: [{ type: ['string', 'number', 'boolean'] }, FACT] },
  'number-or-fact': { anyOf: [{ type: 'number' }, FACT] },
  'text-or-fact': { anyOf: [{ type: 'string' }, FACT] },
  'list-or-fact': { anyOf: [{ type: 'array', items: { type: 'string' } }, FACT] },
  'scalar-list': { type: 'array', items: { type: ['string', 'number', 'boolean'] } },
  boolean: { type: 'boolean' },
  'fact-key': { type: 'string', description: 'A fact key holding prefixes.' },
  pattern: { type: 'string', minLength: 1, maxLength: MAX_PATTERN_LENGTH, description: 'A regular expression (case-insensitive; no backreferences, lookaround or nested repeats).' },
};

/** An object of the given fields (plus `extra` properties), nothing else. */
function object(fields: Readonly<Record<string, FieldSpec>>, extra: Json = {}, required: readonly string[] = []): Json {
  const properties: Json = { ...extra };
  for (const [name, spec] of Object.entries(fields)) properties[name] = spec.description ? { ...VALUES[spec.value], description: spec.description } : VALUES[spec.value];
  return {
    type: 'object',
    additionalProperties: false,
    required: [...required, ...Object.entries(fields).filter(([, spec]) => spec.required).map(([name]) => name)],
    properties,
  };
}

/** Which transition fields go with which answer types: the rules a question's fields obey beyond their types. */
const QUESTION_RULES = [
  { if: { properties: { answer: { const: 'choice' } } }, then: { required: ['options'] }, else: { not: { required: ['options'] } } },
  { if: { properties: { answer: { const: 'yes-no' } } }, then: { required: ['yes', 'no'] }, else: { not: { anyOf: [{ required: ['yes'] }, { required: ['no'] }] } } },
  { if: { properties: { answer: { enum: ['choice', 'yes-no'] } } }, else: { required: ['next'] } },
];

export function flowSchema(): Json {
  const nodes: Json = {};
  for (const kind of NODE_KINDS) {
    nodes[kind] = object(NODE_FIELDS[kind], { kind: { const: kind } }, ['kind']);
  }
  (nodes.question as Json).allOf = QUESTION_RULES;
  const top = object(FLOW_FIELDS, { $schema: { type: 'string' } });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://vnet-doctor.dev/schema/flow.schema.json',
    title: 'vnet-doctor flow',
    description: 'One troubleshooting decision tree (flows/<id>.yaml). Add `# yaml-language-server: $schema=../schema/flow.schema.json` at the top of a flow file for editor validation. Generated from src/engine/flow-format.ts (npm run schema).',
    ...top,
    required: [...(top.required as string[]), 'nodes'],
    properties: {
      ...(top.properties as Json),
      nodes: { type: 'object', minProperties: 1, propertyNames: { $ref: '#/$defs/id' }, additionalProperties: { $ref: '#/$defs/node' } },
    },
    $defs: {
      id: { type: 'string', pattern: ID_PATTERN.source },
      text: { type: 'string', minLength: 1 },
      node: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: [...NODE_KINDS] } },
        allOf: NODE_KINDS.map((kind) => ({ if: { properties: { kind: { const: kind } } }, then: { $ref: `#/$defs/${kind}` } })),
      },
      ...nodes,
      option: object(OPTION_FIELDS),
      step: object(STEP_FIELDS),
      ...conditionDefs(),
    },
  };
}

/** `factOperand` and `condition`, shared by the flow and the fact catalogue schemas. */
export function conditionDefs(): Json {
  const comparison = {
    type: 'object',
    additionalProperties: false,
    required: ['fact'],
    minProperties: 2,
    maxProperties: 2,
    properties: { fact: { type: 'string' }, ...Object.fromEntries(Object.entries(COMPARISONS).map(([op, operand]) => [op, OPERANDS[operand]])) },
  };
  return {
    factOperand: {
      type: 'object', additionalProperties: false, required: ['fact'],
      properties: { fact: { type: 'string', minLength: 1 } },
      description: "Compare with another fact's current value instead of a literal.",
    },
    condition: {
      oneOf: [
        ...(['all', 'any'] as const).map((key) => ({
          type: 'object', additionalProperties: false, required: [key], properties: { [key]: { type: 'array', minItems: 1, items: { $ref: '#/$defs/condition' } } },
        })),
        { type: 'object', additionalProperties: false, required: ['not'], properties: { not: { $ref: '#/$defs/condition' } } },
        comparison,
      ],
    },
  };
}

/** The schema file's text: two-space JSON, short objects and lists on one line, a final line break. */
export const flowSchemaText = (): string => `${pretty(flowSchema(), '')}\n`;

export function pretty(value: unknown, indent: string): string {
  const flat = JSON.stringify(value).replace(/(?<!\\)":(?!\/)/g, '": ').replace(/,(?=["{[\d])/g, ', ');
  if (typeof value !== 'object' || value === null || indent.length + flat.length <= 110) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => inner + pretty(item, inner)).join(',\n')}\n${indent}]`;
  return `{\n${Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pretty(item, inner)}`).join(',\n')}\n${indent}}`;
}
