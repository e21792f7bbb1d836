/** Random answers files never crash the reader: they give answers, or problems that each name the file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseAnswers } from '../../src/answers/answers-file.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { propertyRuns } from '../support/property-runs.ts';

const flows = miniFlowSet();
const QUESTION_IDS = ['eligible/ask-linux', 'eligible/ask-tier', 'triage/ask-target', 'triage/ask-pool', 'triage/ask-timeout', 'triage/check-pool', '__proto__', 'constructor'];
const FACT_KEYS = ['app.isLinux', 'p2s.addressPool', 'target.host', 'target.port', 'plan.tier', 'toString', 'target'];

function assertWellFormed(text: string): void {
  const { answers, diagnostics } = parseAnswers('fuzz.yaml', text, flows);
  if (answers) {
    assert.deepEqual(diagnostics, []);
    for (const fact of Object.values(answers.facts)) assert.equal(fact.source, 'answer');
    return;
  }
  assert.ok(diagnostics.length > 0);
  for (const diagnostic of diagnostics) {
    assert.equal(diagnostic.file, 'fuzz.yaml');
    assert.ok(diagnostic.message.length > 0);
  }
}

test('random answers files with plausible ids and random values are read or refused, never a crash', () => {
  // Keys such as toString make objects that cannot even be turned into text.
  const tricky = fc.anything({ key: fc.constantFrom('toString', 'valueOf', 'host', 'port', 'a'), maxDepth: 2 });
  const value = fc.oneof(fc.anything(), tricky, fc.array(tricky, { maxLength: 3 }), fc.constantFrom('yes', 'no', 'Basic', '10.0.0.0/8', 'db:1433', 'db', 1433, true, null));
  const file = fc.record({
    answers: fc.dictionary(fc.constantFrom(...QUESTION_IDS), value),
    facts: fc.dictionary(fc.constantFrom(...FACT_KEYS), value),
  }, { requiredKeys: [] });
  fc.assert(fc.property(fc.oneof(file, fc.anything()), fc.boolean(), (content, asJson) => {
    assertWellFormed(asJson ? (JSON.stringify(content) ?? '') : (stringify(content) ?? ''));
  }), { numRuns: propertyRuns(800) });
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('random text as an answers file is read or refused with problems, never a crash', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => assertWellFormed(text)), { numRuns: propertyRuns(800) });
});
