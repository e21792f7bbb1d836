/**
 * A comparison may take a fact on its right (`{ fact: plan.vnetCount, gt: { fact: limit.vnetsPerPlan } }`),
 * so derived yes-no facts are written in the fact catalogue (`when:`) instead of TypeScript.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import schema from '../../schema/flow.schema.json' with { type: 'json' };
import { conditionKeys, evaluate } from '../../src/engine/expression.ts';
import { validateFactCatalogue } from '../../src/engine/catalogue.ts';
import { validateFlow } from '../../src/engine/validate-flow.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { buildFlowSet } from '../../src/engine/load.ts';
import type { Condition, FactValue } from '../../src/engine/types.ts';
import { MINI_ELIGIBLE, MINI_FINDINGS, MINI_TRIAGE } from '../support/mini-flows.ts';

const lookupOf = (values: Record<string, FactValue>) => (key: string) => (Object.hasOwn(values, key) ? values[key] : undefined);
const over: Condition = { fact: 'plan.vnetCount', gt: { fact: 'limit.vnetsPerPlan' } };

test('a fact on the right is compared by its current value, and unknown when it is unknown', () => {
  assert.equal(evaluate(over, lookupOf({ 'plan.vnetCount': 6, 'limit.vnetsPerPlan': 5 })), true);
  assert.equal(evaluate(over, lookupOf({ 'plan.vnetCount': 5, 'limit.vnetsPerPlan': 5 })), false);
  assert.equal(evaluate(over, lookupOf({ 'plan.vnetCount': 6 })), undefined);
  const sameSub: Condition = { fact: 'app.subscriptionId', ne: { fact: 'app.vnetSubscriptionId' } };
  assert.equal(evaluate(sameSub, lookupOf({ 'app.subscriptionId': 'ABC', 'app.vnetSubscriptionId': 'abc' })), false, 'texts compare without case');
  const holds: Condition = { fact: 'p2s.rootCertThumbprints', contains: { fact: 'app.certThumbprint' } };
  assert.equal(evaluate(holds, lookupOf({ 'p2s.rootCertThumbprints': ['AA11', 'BB22'], 'app.certThumbprint': 'bb22' })), true);
  assert.deepEqual(conditionKeys({ all: [over, holds] }), ['plan.vnetCount', 'limit.vnetsPerPlan', 'p2s.rootCertThumbprints', 'app.certThumbprint']);
});

test('a malformed right side is refused by the loader and by the schema alike', () => {
  const flow = (operand: unknown) => ({ id: 'x', title: 'X', summary: 'X', entry: 'c', nodes: {
    c: { kind: 'check', when: { fact: 'plan.vnetCount', gt: operand }, then: 'e', else: 'e' }, e: { kind: 'end', outcome: 'resolved' },
  } });
  const validate = new Ajv2020({ strict: false }).compile(schema);
  assert.deepEqual(validateFlow('x.yaml', flow({ fact: 'limit.vnetsPerPlan' }), new Map()).errors, []);
  assert.ok(validate(flow({ fact: 'limit.vnetsPerPlan' })));
  for (const bad of [{ fcat: 'limit.vnetsPerPlan' }, { fact: 'a', extra: 1 }, 'five']) {
    assert.match(validateFlow('x.yaml', flow(bad), new Map()).errors[0]?.message ?? '', /when\.gt/);
    assert.equal(validate(flow(bad)), false, JSON.stringify(bad));
  }
});

test('a catalogue `when` is a yes-no derived fact over known keys, with no circle', () => {
  const check = (facts: Record<string, unknown>) => validateFactCatalogue('facts.yaml', { facts }, new Map()).errors.map((error) => `${error.node}: ${error.message}`);
  const count = { type: 'number', label: 'count' };
  assert.deepEqual(check({ count, limit: count, over: { type: 'yes-no', label: 'over', source: 'derived', when: { fact: 'count', gt: { fact: 'limit' } } } }), []);
  assert.deepEqual(check({ count, over: { type: 'number', label: 'over', when: { fact: 'count', gt: 1 } } }), ['over: a fact derived by "when" is of type yes-no with source derived']);
  assert.deepEqual(check({ count, over: { type: 'yes-no', label: 'over', when: { fact: 'count', gt: { fact: 'nope' } } } }), ['over: when: unknown fact key "nope" (not in the fact catalogue)']);
  assert.deepEqual(check({ a: { type: 'yes-no', label: 'a', when: { fact: 'b', eq: true } }, b: { type: 'yes-no', label: 'b', when: { not: { fact: 'a', eq: true } } } }),
    ['a: derived facts depend on each other in a circle: a -> b -> a']);
});

test('the engine answers from a catalogue derivation, with provenance "derived"', () => {
  const facts = `
facts:
  app.isLinux: { type: yes-no, label: whether the app runs on Linux, source: derived, when: { fact: plan.tier, eq: { fact: target.host } } }
  p2s.addressPool: { type: cidr-list, label: point-to-site address pool }
  target.host: { type: hostname, label: target host }
  target.port: { type: port, label: target port }
  plan.tier: { type: choice, values: [Free, Basic, Standard], label: plan tier }
`;
  const { flowSet, diagnostics } = buildFlowSet({
    flows: [{ path: 'triage.yaml', text: MINI_TRIAGE }, { path: 'eligible.yaml', text: MINI_ELIGIBLE }],
    facts: { path: 'facts.yaml', text: facts }, findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  });
  assert.ok(flowSet, JSON.stringify(diagnostics));
  const engine = createEngine(flowSet);
  const state = engine.start({ 'plan.tier': { value: 'Free', source: 'arm' }, 'target.host': { value: 'free', source: 'arm' } });
  assert.deepEqual(state.path[1]?.auto, { fact: 'app.isLinux', source: 'derived', detail: undefined });
  assert.equal(state.findings[0]?.id, 'app-is-linux');
  assert.equal(engine.currentQuestion(engine.start({ 'plan.tier': { value: 'Free', source: 'arm' } }))?.id, 'eligible/ask-linux', 'unknown while target.host is');
});

test('a catalogue fact may be the first known of several, or a text built from facts once all are known', () => {
  const facts = `
facts:
  app.isLinux: { type: yes-no, label: whether the app runs on Linux }
  p2s.addressPool: { type: cidr-list, label: point-to-site address pool }
  target.host: { type: hostname, label: target host }
  target.port: { type: port, label: target port }
  plan.tier: { type: choice, values: [Free, Basic, Standard], label: plan tier }
  plan.name: { type: text, label: plan name }
  plan.knownName: { type: text, label: plan name, source: derived, first: [plan.name, target.host] }
  plan.id: { type: text, label: plan id, source: derived, text: "plans/{{plan.knownName}}/tier/{{plan.tier}}" }
`;
  const { flowSet, diagnostics } = buildFlowSet({
    flows: [{ path: 'triage.yaml', text: MINI_TRIAGE }, { path: 'eligible.yaml', text: MINI_ELIGIBLE }],
    facts: { path: 'facts.yaml', text: facts }, findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  });
  assert.ok(flowSet, JSON.stringify(diagnostics));
  const engine = createEngine(flowSet);
  const resolve = (values: Record<string, FactValue>) => {
    const state = engine.start(Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, source: 'arm' as const }])));
    return [engine.resolveFact(state, 'plan.knownName')?.value, engine.resolveFact(state, 'plan.id')?.value];
  };
  assert.deepEqual(resolve({ 'plan.name': 'asp-1', 'target.host': 'db', 'plan.tier': 'Basic' }), ['asp-1', 'plans/asp-1/tier/Basic']);
  assert.deepEqual(resolve({ 'target.host': 'db', 'plan.tier': 'Basic' }), ['db', 'plans/db/tier/Basic']);
  assert.deepEqual(resolve({ 'plan.name': 'asp-1' }), ['asp-1', undefined], 'a text with an unknown part is unknown, never half filled');
  const check = (entries: Record<string, unknown>) => validateFactCatalogue('facts.yaml', { facts: { a: { type: 'text', label: 'a' }, ...entries } }, new Map()).errors.map((error) => `${error.node}: ${error.message}`);
  assert.deepEqual(check({ b: { type: 'text', label: 'b', first: ['a'] } }), ['b: "first" is a list of two or more fact keys']);
  assert.deepEqual(check({ b: { type: 'number', label: 'b', text: 'x {{a}}' } }), ['b: "text" is a template naming at least one fact, for a fact of type text']);
  assert.deepEqual(check({ b: { type: 'text', label: 'b', text: 'x {{nope}}' } }), ['b: text: unknown fact key "nope" (not in the fact catalogue)']);
  assert.deepEqual(check({ b: { type: 'text', label: 'b', first: ['a', 'c'] }, c: { type: 'text', label: 'c', text: '{{b}}' } }), ['b: derived facts depend on each other in a circle: b -> c -> b']);
});
