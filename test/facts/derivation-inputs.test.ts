/**
 * Derivations in code declare what they read, and the engine hands them nothing else; the ones
 * the flow language can say live in the fact catalogue (`when:`, `cases:`, ...), never in both places.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { derivedForm } from '../../src/engine/derive.ts';
import type { FactValue } from '../../src/engine/types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { engine, flowSet, SITUATIONS } from '../flows/shipped.ts';

test('every derivation in code reads only its declared inputs, under every fact situation', () => {
  const undeclared = new Set<string>();
  for (const facts of Object.values(SITUATIONS)) {
    for (const target of [undefined, '10.20.1.5', '192.168.4.4', 'db.contoso.local']) {
      const state = engine.start(target === undefined ? facts : { ...facts, 'target.host': { value: target, source: 'answer' } });
      for (const [key, derivation] of Object.entries(DERIVATIONS)) {
        derivation.compute((input) => {
          if (!derivation.inputs.includes(input)) undeclared.add(`${key} reads ${input}`);
          return engine.resolveFact(state, input)?.value;
        });
      }
    }
  }
  assert.deepEqual([...undeclared], []);
});

test('derived facts and their inputs are catalogue facts, and each is defined in code or in the catalogue, not both', () => {
  const problems: string[] = [];
  for (const [key, derivation] of Object.entries(DERIVATIONS)) {
    if (!Object.hasOwn(flowSet.facts, key)) problems.push(`${key} is not in the fact catalogue`);
    else if (derivedForm(flowSet.facts[key])) problems.push(`${key} is derived in code and by "${derivedForm(flowSet.facts[key])}" in the catalogue`);
    for (const input of derivation.inputs) if (!Object.hasOwn(flowSet.facts, input)) problems.push(`${key}: input ${input} is not in the fact catalogue`);
  }
  assert.deepEqual(problems, []);
});

test('every fact the catalogue marks derived has exactly one derivation: a form in the catalogue or one in code', () => {
  const missing = Object.entries(flowSet.facts)
    .filter(([key, definition]) => definition.source === 'derived' && !derivedForm(definition) && !Object.hasOwn(DERIVATIONS, key))
    .map(([key]) => key);
  assert.deepEqual(missing, []);
});

test('the engine gives a derivation its declared inputs only', () => {
  const seen: (FactValue | undefined)[] = [];
  const restricted = createEngine(miniFlowSet(), {
    'p2s.addressPool': { inputs: ['target.host'], compute: (get) => { seen.push(get('target.host'), get('plan.tier')); return undefined; } },
  });
  const state = restricted.start({ 'target.host': { value: 'db', source: 'arm' }, 'plan.tier': { value: 'Basic', source: 'arm' } });
  restricted.resolveFact(state, 'p2s.addressPool');
  assert.deepEqual(seen.slice(0, 2), ['db', undefined]);
});
