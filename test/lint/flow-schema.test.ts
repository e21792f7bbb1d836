import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import schema from '../../schema/flow.schema.json' with { type: 'json' };
import factsSchema from '../../schema/facts.schema.json' with { type: 'json' };
import findingsSchema from '../../schema/findings.schema.json' with { type: 'json' };
import { MINI_ELIGIBLE, MINI_TRIAGE } from '../support/mini-flows.ts';
import { validateFactCatalogue } from '../../src/engine/catalogue.ts';

// The JSON Schema ships for editors; the loader validates in code with friendlier messages.
// This test keeps the two in step: what the loader accepts the schema accepts, and the
// structural mistakes the loader refuses the schema refuses too.
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const flowsDir = new URL('../../flows/', import.meta.url);
const brokenDir = new URL('../fixtures/broken/', import.meta.url);

test('every shipped flow file validates against schema/flow.schema.json', () => {
  const files = readdirSync(flowsDir).filter((name) => name.endsWith('.yaml') && !name.endsWith('.test.yaml'));
  assert.ok(files.length > 0);
  for (const name of files) {
    const flow = parse(readFileSync(new URL(name, flowsDir), 'utf8'));
    assert.ok(validate(flow), `${name}: ${JSON.stringify(validate.errors, null, 1)}`);
  }
});

test('the engine test flows validate against the schema', () => {
  for (const text of [MINI_TRIAGE, MINI_ELIGIBLE]) assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
});

for (const name of ['unknown-kind', 'missing-field', 'bad-operator', 'prototype-node-id']) {
  test(`the schema also refuses the structural mistake in ${name}.yaml`, () => {
    const flow = parse(readFileSync(new URL(`${name}.yaml`, brokenDir), 'utf8'));
    assert.equal(validate(flow), false);
  });
}

test('the shipped catalogues validate against their schemas, which refuse a cut-short label and two derived forms', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const facts = ajv.compile(factsSchema);
  const findings = ajv.compile(findingsSchema);
  const shipped = (name: string) => parse(readFileSync(new URL(`catalog/${name}`, flowsDir), 'utf8'));
  assert.ok(facts(shipped('facts.yaml')), JSON.stringify(facts.errors, null, 1));
  assert.ok(findings(shipped('findings.yaml')), JSON.stringify(findings.errors, null, 1));
  assert.equal(facts(parse('facts:\n  a.b: { type: text, label: one, two, source: arm }')), false, 'an unquoted ", " leaves a stray field');
  assert.equal(facts(parse('facts:\n  a.b: { type: number, label: n, source: derived, count: c.d, product: [c.d, 2] }')), false);
  assert.equal(facts(parse('facts:\n  a.b: { type: text, label: n, source: derived, count: c.d }')), false, 'count gives a number');
  assert.equal(findings(parse('findings:\n  x-y: { severity: fatal, title: T }')), false);
});

test('a malformed derived form is refused by the catalogue loader and by facts.schema.json alike', () => {
  const facts = new Ajv2020({ strict: false }).compile(factsSchema);
  const base = { 'a.list': { type: 'text-list', label: 'l', source: 'arm' }, 'a.text': { type: 'text', label: 't', source: 'arm' } };
  const good = { type: 'text-list', label: 'x', source: 'derived', take: { fact: 'a.list', count: 2 } };
  assert.deepEqual(validateFactCatalogue('f.yaml', { facts: { ...base, 'a.x': good } }, new Map()).errors, []);
  assert.ok(facts({ facts: { ...base, 'a.x': good } }), JSON.stringify(facts.errors));
  for (const bad of [
    { type: 'text-list', label: 'x', source: 'derived', take: { fact: 'a.list', count: 0 } },
    { type: 'text-list', label: 'x', source: 'derived', except: { fact: 'a.list' } },
    { type: 'text-list', label: 'x', source: 'derived', append: { fact: 'a.list', item: 'a.text', extra: 1 } },
    { type: 'number', label: 'x', source: 'derived', product: ['a.list'] },
    { type: 'text', label: 'x', source: 'derived', map: { fact: 'a.text', to: {} } },
    { type: 'text', label: 'x', source: 'derived', cases: [{ when: { fact: 'a.text', known: true } }] },
    { type: 'text', label: 'x', source: 'derived', replace: { fact: 'a.text', with: '' } },
    { type: 'text', label: 'x', source: 'derived', unusedName: { base: '-x', taken: 'a.list' } },
    { type: 'yes-no', label: 'x', source: 'derived', when: { fact: 'a.list', sameItems: 3 } },
    { type: 'text', label: 'x', source: 'somewhere' },
  ]) {
    assert.notDeepEqual(validateFactCatalogue('f.yaml', { facts: { ...base, 'a.x': bad } }, new Map()).errors, [], JSON.stringify(bad));
    assert.equal(facts({ facts: { ...base, 'a.x': bad } }), false, JSON.stringify(bad));
  }
});
