/**
 * A session state is plain data: the flow set and the derivations belong to the engine, so a
 * state can be copied, saved as JSON or sent to a worker and the engine goes on from the copy
 * exactly as from the original.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type EngineState } from '../../src/engine/engine.ts';
import type { Derivations } from '../../src/engine/session-types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

// The pool follows from the target, so the pool question is answered by a derivation.
const derivations: Derivations = {
  'p2s.addressPool': { inputs: ['target.host'], compute: (lookup) => (lookup('target.host') === 'db.contoso.local' ? ['10.1.0.0/24'] : undefined) },
};
const engine = createEngine(miniFlowSet(), derivations);

/** Facts from ARM, a preset answer with its file line, a typed answer and a derived fact: every part of a state filled in. */
function midSession(): EngineState {
  const started = engine.start(
    { 'app.isLinux': { value: false, source: 'arm', detail: 'site app1' } },
    { 'eligible/ask-tier': 'Basic' },
    { presetAnswerDetails: { 'eligible/ask-tier': 'answers file line 2' } },
  );
  return engine.answer(started, { host: 'db.contoso.local', port: 1433 });
}

/** Every value reachable from `value`, with where it sits. */
function* everyValue(value: unknown, at: string): Generator<[string, unknown]> {
  yield [at, value];
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) yield* everyValue(inner, `${at}.${key}`);
}

test('a state holds neither the flow set, the derivations nor any function', () => {
  const state = midSession();
  assert.equal(engine.currentQuestion(state)?.id, 'triage/ask-timeout', 'the derivation answered the pool question');
  assert.equal(state.path.find((entry) => entry.question === 'triage/ask-pool')?.auto?.source, 'derived');
  assert.equal(Object.getPrototypeOf(state), Object.prototype);
  for (const key of ['flowSet', 'derivations']) {
    assert.ok(!Object.hasOwn(state, key), `no ${key} in the state`);
    assert.ok(!Object.hasOwn(state.options, key), `no ${key} in the state's options`);
  }
  for (const [at, value] of everyValue(state, 'state')) assert.notEqual(typeof value, 'function', `${at} is data`);
});

test('a state survives structuredClone and a JSON round trip, and the engine goes on from the copy as from the original', () => {
  const state = midSession();
  const cloned = structuredClone(state);
  assert.deepEqual(cloned, state);
  const json = JSON.stringify(state);
  const parsed = JSON.parse(json) as EngineState;
  assert.equal(JSON.stringify(parsed), json, 'the JSON copy reads back as the same JSON');

  for (const copy of [cloned, parsed]) {
    assert.deepEqual(engine.currentQuestion(copy), engine.currentQuestion(state));
    assert.deepEqual(engine.resolveFact(copy, 'p2s.addressPool'), { value: ['10.1.0.0/24'], source: 'derived' });
    const finished = engine.answer(copy, true);
    assert.equal(JSON.stringify(finished), JSON.stringify(engine.answer(state, true)));
    assert.deepEqual(finished.findings.map((finding) => finding.id), ['tcp-timeout-firewall']);
    assert.equal(JSON.stringify(engine.back(copy)), JSON.stringify(engine.back(state)));
    const overridden = engine.override(copy, 'p2s.addressPool');
    assert.equal(engine.currentQuestion(overridden)?.id, 'triage/ask-pool', 'a derived fact can be answered by hand from a copy too');
    assert.equal(JSON.stringify(overridden), JSON.stringify(engine.override(state, 'p2s.addressPool')));
  }
});
