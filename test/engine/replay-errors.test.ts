import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/engine/engine.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flows = miniFlowSet();

test('replay stops quietly at an answer the flows no longer accept', () => {
  const { start, answer, replay } = createEngine(flows);
  const state = answer(start(), false);
  const replayed = replay(state, [{ type: 'answer', question: 'eligible/ask-linux', value: false }, { type: 'answer', question: 'eligible/ask-tier', value: 'NoSuchTier' }]);
  assert.equal(replayed.inputs.length, 1, 'the valid answer is kept, the stale one dropped');
});

test('replay lets a programming error through instead of silently cutting a resumed session short', () => {
  const derivations = {
    // A derivation with a bug: it throws when the tier question is reached, after the first answer.
    'plan.tier': { inputs: [], compute: () => { throw new TypeError('boom'); } },
  };
  const engine = createEngine(flows, derivations);
  const initial = engine.start();
  assert.throws(() => engine.replay(initial, [
    { type: 'answer', question: 'eligible/ask-linux', value: false },
    { type: 'answer', question: 'eligible/ask-tier', value: 'Basic' },
  ]), TypeError);
});
