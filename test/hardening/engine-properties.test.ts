/**
 * Random sessions over the mini flows and the shipped flows: whatever the facts and whatever
 * the user types, the engine never crashes, never strands the user (a pending question always
 * accepts "don't know"), and an ended session always says how it ended.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createEngine, EngineError, type Engine, type EngineState } from '../../src/engine/engine.ts';
import type { AnswerType, AnswerValue, FactDefinition, Facts, FlowSet, QuestionNode } from '../../src/engine/types.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { propertyRuns } from '../support/property-runs.ts';

type Action =
  | { readonly kind: 'valid'; readonly pick: number }
  | { readonly kind: 'dont-know' }
  | { readonly kind: 'back' }
  | { readonly kind: 'typed'; readonly text: string }
  | { readonly kind: 'override'; readonly pick: number };

/** Valid values per answer type and fact type: every typed answer type must be here (the type checker says so). */
const SAMPLES: Readonly<Record<Exclude<AnswerType, 'choice' | 'yes-no'> | 'text-list', readonly AnswerValue[]>> = {
  ip: ['10.1.2.3', '172.32.0.1', '8.8.8.8'],
  cidr: ['10.0.0.0/8', '172.16.200.0/24', '100.64.0.0/10'],
  'cidr-list': [['172.16.200.0/24'], ['172.32.0.0/16'], ['10.0.0.0/16', '192.168.0.0/24']],
  'ip-list': [['10.0.0.4'], ['10.0.0.4', '10.0.0.5'], ['168.63.129.16']],
  'host-port': [{ host: 'db.contoso.local', port: 1433 }, { host: '10.1.2.3', port: 443 }],
  hostname: ['db.contoso.local', 'storage1.blob.core.windows.net', '10.1.2.3'],
  port: [1, 443, 1433, 65535],
  number: [0, 1, 5, 100],
  text: ['gw-hub', 'Standard', 'x'],
  'error-text': ['An attempt was made to access a socket in a way forbidden by its access permissions', 'tcpping db:1433\nComplete: 0/4 successful', 'x'],
  date: ['2026-11-25', '2027-03-31', '2019-01-01'],
  'text-list': [['10.0.0.4'], ['168.63.129.16', '10.0.0.5'], ['SSTP', 'IkeV2']],
};

function validAnswer(node: QuestionNode, pick: number): AnswerValue {
  if (node.answer === 'choice') return node.options![pick % node.options!.length]!.value;
  if (node.answer === 'yes-no') return pick % 2 === 0;
  const samples = SAMPLES[node.answer];
  return samples[pick % samples.length]!;
}

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((pick) => ({ kind: 'valid' as const, pick })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'dont-know' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'back' as const }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map((text) => ({ kind: 'typed' as const, text })) },
  { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'override' as const, pick })) },
);

/** Facts for a random subset of the catalogue: well-typed values, wrong-typed ones and unreadable ones. */
function factsFor(catalogue: Readonly<Record<string, FactDefinition>>): fc.Arbitrary<Facts> {
  const keys = Object.keys(catalogue);
  const value = (definition: FactDefinition) => fc.oneof(
    definition.type === 'choice' ? fc.constantFrom(...definition.values!) : definition.type === 'yes-no' ? fc.boolean() : fc.constantFrom(...((SAMPLES as Readonly<Record<string, readonly AnswerValue[]>>)[definition.type] ?? ['x'])),
    fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null)),
  );
  return fc.subarray(keys).chain((chosen) => fc.tuple(...chosen.map((key) => value(catalogue[key]!))).map((values) =>
    Object.fromEntries(chosen.map((key, index) => [key, values[index] === null
      ? { value: null, source: 'arm' as const, reason: 'ARM 403 Forbidden' }
      : { value: values[index] as Facts[string]['value'], source: 'arm' as const, detail: 'fuzz' }]))));
}

function assertWayForward({ answer, currentQuestion }: Engine, state: EngineState): void {
  if (state.status === 'asking') {
    const pending = currentQuestion(state);
    assert.ok(pending, 'an asking session has a pending question');
    if (pending.node.answer === 'choice') assert.ok(pending.node.options!.length >= 2, `${pending.id} offers options`);
    assert.doesNotThrow(() => answer(state, null), `${pending.id} accepts "don't know"`);
  } else {
    assert.equal(state.status, 'done');
    assert.ok(state.outcome, 'an ended session has an outcome');
    assert.equal(currentQuestion(state), undefined);
  }
}

function apply({ answer, back, currentQuestion, override }: Engine, state: EngineState, step: Action): EngineState {
  const pending = currentQuestion(state);
  switch (step.kind) {
    case 'back': return back(state);
    case 'dont-know': return pending ? answer(state, null) : state;
    case 'valid': return pending ? answer(state, validAnswer(pending.node, step.pick)) : state;
    case 'typed': {
      if (!pending) return state;
      try {
        return answer(state, step.text);
      } catch (error) {
        assert.ok(error instanceof EngineError, `typed text is refused with an EngineError, not ${String(error)}`);
        return state;
      }
    }
    case 'override': {
      const automatic = state.path.flatMap((entry) => (entry.auto?.fact ? [entry.auto.fact] : []));
      return automatic.length === 0 ? state : override(state, automatic[step.pick % automatic.length]!);
    }
  }
}

/** From any reachable state, answering "don't know" from then on ends the session. */
function endsOnDontKnow({ answer }: Engine, state: EngineState): void {
  let current = state;
  for (let steps = 0; steps < 1000 && current.status === 'asking'; steps += 1) current = answer(current, null);
  assert.equal(current.status, 'done', 'repeated "don\'t know" ends the session');
}

function randomSessions(flowSet: FlowSet, runs: number): void {
  const engine = createEngine(flowSet, DERIVATIONS);
  const flowIds = Object.keys(flowSet.flows);
  fc.assert(fc.property(factsFor(flowSet.facts), fc.constantFrom(...flowIds), fc.array(action, { maxLength: 40 }), (facts, flow, actions) => {
    let state = engine.start({ ...facts, 'session.today': { value: '2026-11-25', source: 'derived' } }, {}, { flow });
    assertWayForward(engine, state);
    for (const step of actions) {
      state = apply(engine, state, step);
      assertWayForward(engine, state);
    }
    endsOnDontKnow(engine, state);
  }), { numRuns: runs });
}

test('random sessions over the mini flows never crash or strand the user', () => {
  randomSessions(miniFlowSet(), propertyRuns(1500));
});

test('random sessions over the shipped flows never crash or strand the user', () => {
  randomSessions(loadFlowDir(), propertyRuns(400));
});
