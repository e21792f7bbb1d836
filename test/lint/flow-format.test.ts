/**
 * The flow format is defined once (src/engine/flow-format.ts): the schema file editors read is
 * generated from it, and the format document names everything it defines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { flowSchemaText } from '../../src/engine/flow-schema.ts';
import {
  ANSWER_TYPES, COMPARISON_OPERATORS, DERIVED_FORM_NAMES, END_OUTCOMES, FACT_FIELDS, FACT_SOURCES, FACT_TYPES, FINDING_FIELDS, NODE_FIELDS, NODE_KINDS, STEP_KINDS,
} from '../../src/engine/flow-format.ts';
import { factCatalogueSchemaText, findingCatalogueSchemaText } from '../../src/engine/catalogue-schema.ts';
import { validateFlow } from '../../src/engine/validate-flow.ts';

test('schema/flow.schema.json is the schema built from the format definition (run npm run schema after changing it)', () => {
  assert.equal(readFileSync(new URL('../../schema/flow.schema.json', import.meta.url), 'utf8'), flowSchemaText());
});

test('schema/facts.schema.json and schema/findings.schema.json are the catalogue schemas built from the same definition', () => {
  assert.equal(readFileSync(new URL('../../schema/facts.schema.json', import.meta.url), 'utf8'), factCatalogueSchemaText());
  assert.equal(readFileSync(new URL('../../schema/findings.schema.json', import.meta.url), 'utf8'), findingCatalogueSchemaText());
});

test('docs/flow-format.md names every node kind, field, answer type, fact type, operator, derived form, catalogue field, step kind and outcome', () => {
  const doc = readFileSync(new URL('../../docs/flow-format.md', import.meta.url), 'utf8');
  const fields = NODE_KINDS.flatMap((kind) => Object.keys(NODE_FIELDS[kind]));
  const catalogue = [...Object.keys(FACT_FIELDS), ...FACT_SOURCES, ...DERIVED_FORM_NAMES, ...Object.keys(FINDING_FIELDS)];
  const missing = [...NODE_KINDS, ...fields, ...ANSWER_TYPES, ...FACT_TYPES, ...COMPARISON_OPERATORS, ...catalogue, ...STEP_KINDS, ...END_OUTCOMES]
    .filter((word) => !doc.includes(`\`${word}\``));
  assert.deepEqual([...new Set(missing)], []);
});

test('the loader refuses a field the definition does not give a node kind, and names the kind', () => {
  const flow = { id: 'x', title: 'X', summary: 'X', entry: 'e', nodes: { e: { kind: 'end', outcome: 'resolved', severity: 'error' } } };
  assert.deepEqual(validateFlow('x.yaml', flow, new Map()).errors.map((error) => error.message), ['unknown field "severity" for a end node']);
});
