/**
 * The JSON Schemas of the two catalogues (flows/catalog/facts.yaml, findings.yaml), built from the
 * same definition as the flow schema (flow-format.ts: FACT_FIELDS, DERIVED_FORMS, FINDING_FIELDS).
 * schema/facts.schema.json and schema/findings.schema.json are these objects written out
 * (`npm run schema`); a test keeps the files equal to them.
 */
import {
  DERIVED_FORMS, DERIVED_FORM_NAMES, FACT_FIELDS, FACT_SOURCES, FACT_TYPES, FINDING_FIELDS, MAX_PATTERN_LENGTH, SEVERITIES,
  type CatalogueFieldSpec, type CatalogueValueKind,
} from './flow-format.ts';
import { conditionDefs, pretty, type Json } from './flow-schema.ts';

const KEY = { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*(\\.[a-z][a-zA-Z0-9]*)*$' };
const PATTERN = { type: 'string', minLength: 1, maxLength: MAX_PATTERN_LENGTH };
const LITERAL = { type: ['string', 'number', 'boolean'] };

const VALUES: Record<CatalogueValueKind, Json> = {
  string: { type: 'string' },
  text: { type: 'string', minLength: 1 },
  severity: { enum: [...SEVERITIES] },
  'fact-type': { enum: [...FACT_TYPES] },
  'fact-source': { enum: [...FACT_SOURCES] },
  'string-list': { type: 'array', items: { type: 'string' } },
  condition: { $ref: '#/$defs/condition' },
  'fact-keys': { type: 'array', minItems: 2, items: KEY },
  template: { type: 'string', pattern: '\\{\\{' },
  'fact-key': KEY,
  factors: { type: 'array', minItems: 2, items: { anyOf: [KEY, { type: 'number' }] } },
  lookup: { type: 'object', additionalProperties: false, required: ['fact', 'to'], properties: { fact: KEY, to: { type: 'object', minProperties: 1, additionalProperties: LITERAL } } },
  cases: {
    type: 'array', minItems: 1,
    items: {
      type: 'object', additionalProperties: false, required: ['when', 'value'],
      properties: { when: { $ref: '#/$defs/condition' }, value: { anyOf: [LITERAL, { type: 'array', items: { type: 'string' } }, { $ref: '#/$defs/factOperand' }] } },
    },
  },
  replace: {
    type: 'object', additionalProperties: false, required: ['fact', 'pattern', 'with'],
    properties: { fact: KEY, pattern: PATTERN, with: { type: 'string' }, lower: { type: 'boolean' } },
  },
  take: { type: 'object', additionalProperties: false, required: ['fact', 'count'], properties: { fact: KEY, count: { type: 'integer', minimum: 1, maximum: 1000 } } },
  except: { type: 'object', additionalProperties: false, required: ['fact', 'remove'], properties: { fact: KEY, remove: KEY } },
  append: { type: 'object', additionalProperties: false, required: ['fact', 'item'], properties: { fact: KEY, item: KEY } },
  'unused-name': { type: 'object', additionalProperties: false, required: ['base', 'taken'], properties: { base: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 64 }, taken: KEY } },
};

const property = (spec: CatalogueFieldSpec): Json => (spec.description ? { ...VALUES[spec.value], description: spec.description } : VALUES[spec.value]);
const properties = (fields: Readonly<Record<string, CatalogueFieldSpec>>): Json => Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, property(spec)]));
const required = (fields: Readonly<Record<string, CatalogueFieldSpec>>): string[] => Object.entries(fields).filter(([, spec]) => spec.required).map(([name]) => name);

export function factCatalogueSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://vnet-doctor.dev/schema/facts.schema.json',
    title: 'vnet-doctor fact catalogue',
    description: 'Every fact key the flows may read (flows/catalog/facts.yaml). Generated from src/engine/flow-format.ts (npm run schema).',
    type: 'object', additionalProperties: false, required: ['facts'],
    properties: { $schema: { type: 'string' }, facts: { type: 'object', propertyNames: KEY, additionalProperties: { $ref: '#/$defs/fact' } } },
    $defs: {
      fact: {
        type: 'object', additionalProperties: false, required: required(FACT_FIELDS),
        properties: { ...properties(FACT_FIELDS), ...properties(DERIVED_FORMS) },
        // At most one derived form, and the fact type the form gives.
        allOf: [
          { not: { anyOf: DERIVED_FORM_NAMES.flatMap((a, i) => DERIVED_FORM_NAMES.slice(i + 1).map((b) => ({ required: [a, b] }))) } },
          ...DERIVED_FORM_NAMES.flatMap((form) => {
            const type = (DERIVED_FORMS[form] as { type?: string }).type;
            return type === undefined ? [] : [{ if: { required: [form] }, then: { properties: { type: { const: type } } } }];
          }),
        ],
      },
      ...conditionDefs(),
    },
  };
}

export function findingCatalogueSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://vnet-doctor.dev/schema/findings.schema.json',
    title: 'vnet-doctor finding catalogue',
    description: 'Every finding id with its severity and title (flows/catalog/findings.yaml). Generated from src/engine/flow-format.ts (npm run schema).',
    type: 'object', additionalProperties: false, required: ['findings'],
    properties: {
      $schema: { type: 'string' },
      findings: {
        type: 'object', propertyNames: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
        additionalProperties: { type: 'object', additionalProperties: false, required: required(FINDING_FIELDS), properties: properties(FINDING_FIELDS) },
      },
    },
  };
}

export const factCatalogueSchemaText = (): string => `${pretty(factCatalogueSchema(), '')}\n`;
export const findingCatalogueSchemaText = (): string => `${pretty(findingCatalogueSchema(), '')}\n`;
