import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, EngineError, type EngineState } from '../../src/engine/engine.ts';
import type { Facts } from '../../src/engine/types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flows = miniFlowSet();
const { start, answer, back, restart, override, currentQuestion } = createEngine(flows);
const arm = (value: Facts[string]['value'], detail = 'gateway gw-hub'): Facts[string] => ({ value, source: 'arm', detail });
const questionIdOf = (state: EngineState) => currentQuestion(state)?.id;

test('a session walks from the entry through a called flow to a finding with filled-in steps', () => {
  let s = start();
  assert.equal(questionIdOf(s), 'eligible/ask-linux');
  s = answer(s, false);
  s = answer(s, 'Standard');
  assert.equal(questionIdOf(s), 'triage/ask-target', 'returns to the caller after the called flow passes');
  s = answer(s, { host: 'db.contoso.local', port: 1433 });
  s = answer(s, ['10.10.0.0/24']);
  assert.equal(currentQuestion(s)?.text, 'Does tcpping db.contoso.local:1433 time out?');
  s = answer(s, true);
  assert.equal(s.status, 'done');
  assert.deepEqual(s.findings.map((f) => f.id), ['tcp-timeout-firewall']);
  assert.equal(s.findings[0]!.steps[0]!.command, 'tcpping db.contoso.local:1433');
  assert.equal(s.outcome?.kind, 'resolved');
});

test('a terminal finding in a called flow ends the session', () => {
  let s = start();
  s = answer(s, true);
  assert.equal(s.status, 'done');
  assert.equal(s.outcome?.kind, 'finding');
  assert.deepEqual(s.findings.map((f) => f.id), ['app-is-linux']);
});

test('known facts answer questions automatically and record their provenance', () => {
  const s = start({ 'app.isLinux': arm(false, 'site app1'), 'plan.tier': arm('Basic', 'plan asp1') });
  assert.equal(questionIdOf(s), 'triage/ask-target');
  const auto = s.path.filter((entry) => entry.auto);
  assert.deepEqual(auto.map((e) => [e.question, e.answer, e.auto?.source, e.auto?.detail]), [
    ['eligible/ask-linux', false, 'arm', 'site app1'],
    ['eligible/ask-tier', 'Basic', 'arm', 'plan asp1'],
  ]);
  assert.deepEqual(s.factsUsed, ['app.isLinux', 'plan.tier']);
});

test('a fact that could not be read leaves the question to the user', () => {
  const s = start({ 'app.isLinux': { value: null, source: 'arm', reason: 'ARM 403 Forbidden' } });
  assert.equal(questionIdOf(s), 'eligible/ask-linux');
});

test('a fact value that fits no option is not used to answer', () => {
  const s = start({ 'plan.tier': arm('Premium'), 'app.isLinux': arm(false) });
  assert.equal(questionIdOf(s), 'eligible/ask-tier');
});

test('check nodes decide RFC 1918 membership from the answer, with exact boundaries', () => {
  const base = answer(answer(answer(start(), false), 'Basic'), { host: 'h', port: 80 });
  const outside = answer(base, ['172.32.0.0/16']);
  assert.deepEqual(outside.findings.map((f) => f.id), ['p2s-range-not-rfc1918']);
  assert.equal(outside.findings[0]!.title, 'Pool 172.32.0.0/16 is outside RFC 1918');
  const inside = answer(base, ['172.31.255.0/24', '192.168.1.0/24']);
  assert.equal(questionIdOf(inside), 'triage/ask-timeout');
});

test('"don\'t know" follows the unknown branch and templates show what to substitute', () => {
  let s = answer(answer(start(), false), null);
  assert.equal(questionIdOf(s), 'triage/ask-target');
  s = answer(s, null);
  s = answer(s, null);
  assert.equal(currentQuestion(s)?.text, 'Does tcpping <target host>:<target port> time out?');
});

test('"don\'t know" on a yes-no question without an unknown branch ends with an open question', () => {
  const s = answer(start(), null);
  assert.equal(s.status, 'done');
  assert.equal(s.outcome?.kind, 'open-question');
  assert.deepEqual(s.openQuestions.map((q) => q.question), ['eligible/ask-linux']);
});

test('back undoes exactly the last answer, including its findings', () => {
  let s = answer(answer(answer(start(), false), 'Basic'), { host: 'h', port: 80 });
  s = answer(s, ['8.8.8.0/24']);
  assert.equal(s.findings.length, 1);
  s = back(s);
  assert.equal(questionIdOf(s), 'triage/ask-pool');
  assert.equal(s.findings.length, 0);
  assert.equal(s.inputs.length, 3);
  s = back(back(back(s)));
  assert.equal(questionIdOf(s), 'eligible/ask-linux');
  assert.equal(back(s), s, 'back at the first question changes nothing');
});

test('restart forgets the answers but keeps the facts', () => {
  const facts = { 'app.isLinux': arm(false) };
  const s = restart(answer(start(facts), 'Basic'));
  assert.equal(questionIdOf(s), 'eligible/ask-tier');
  assert.equal(s.inputs.length, 0);
});

test('override asks a fact-backed question again and the answer wins over the fact', () => {
  const facts = { 'app.isLinux': arm(false), 'plan.tier': arm('Basic') };
  let s = start(facts);
  s = answer(s, { host: 'h', port: 1 });
  s = override(s, 'plan.tier');
  assert.equal(questionIdOf(s), 'eligible/ask-tier');
  s = answer(s, 'Free');
  assert.deepEqual(s.findings.map((f) => f.id), ['plan-tier-unsupported']);
  assert.equal(s.facts['plan.tier']!.value, 'Basic', 'the original fact is kept for the report');
  assert.equal(s.answerFacts['plan.tier']!.value, 'Free');
  s = back(s);
  assert.equal(questionIdOf(s), 'eligible/ask-tier', 'back after an override answer returns to that question');
});

test('preset answers (answers file) answer questions with their own provenance', () => {
  const s = start({}, { 'eligible/ask-linux': false, 'eligible/ask-tier': 'Standard' });
  assert.equal(questionIdOf(s), 'triage/ask-target');
  assert.equal(s.path[1]!.auto?.detail, 'answers file');
});

test('invalid answers are refused with the reason and change nothing', () => {
  const s = answer(answer(answer(start(), false), 'Basic'), { host: 'h', port: 80 });
  assert.throws(() => answer(s, ['300.1.2.3/24']), (error: Error) => error instanceof EngineError && /300\.1\.2\.3/.test(error.message));
  assert.throws(() => answer(answer(start(), false), 'Gold'), /not one of: Free, Basic, Standard/);
});

test('the runtime guard stops a loop of automatic nodes', () => {
  // Built by hand: the linter would refuse this flow.
  const looping = { ...flows, flows: { ...flows.flows, triage: { id: 'triage', title: 't', summary: 's', entry: 'a', nodes: {
    a: { kind: 'check' as const, when: { fact: 'app.isLinux', known: true }, then: 'b', else: 'b' },
    b: { kind: 'check' as const, when: { fact: 'app.isLinux', known: true }, then: 'a', else: 'a' },
  } } } };
  assert.throws(() => createEngine(looping).start({}, {}, { maxAutoSteps: 1000 }), /1000 automatic steps/);
});

test('a session can start in any flow', () => {
  const s = start({}, {}, { flow: 'eligible' });
  assert.equal(questionIdOf(s), 'eligible/ask-linux');
  assert.throws(() => start({}, {}, { flow: 'nope' }), /unknown flow "nope"/);
});

test('end and check texts are templated like questions and steps', () => {
  const withText = miniFlowSet({ 'ending.yaml': `
id: ending
title: Ending
summary: Templated end text.
entry: check
nodes:
  check:
    kind: check
    text: Is {{target.host}} known?
    when: { fact: target.host, known: true }
    then: done
    else: done
  done:
    kind: end
    outcome: resolved
    text: Checked {{target.host}}:{{target.port}}.
` });
  const s = createEngine(withText).start({ 'target.host': arm('db.contoso.local'), 'target.port': arm(1433) }, {}, { flow: 'ending' });
  assert.equal(s.path[0]!.text, 'Is db.contoso.local known?');
  assert.equal(s.outcome?.text, 'Checked db.contoso.local:1433.');
});

test('earlier states never change when the session moves on or branches after back', () => {
  const first = answer(start(), false);
  const pathBefore = first.path.map((entry) => entry.node);
  const inputsBefore = first.inputs.length;
  const tierFree = answer(first, 'Free');
  const tierBasic = answer(first, 'Basic');
  assert.deepEqual(first.path.map((entry) => entry.node), pathBefore);
  assert.equal(first.inputs.length, inputsBefore);
  assert.deepEqual(tierFree.findings.map((f) => f.id), ['plan-tier-unsupported']);
  assert.deepEqual(tierBasic.findings, []);
  assert.equal(questionIdOf(tierBasic), 'triage/ask-target');
  const copied = { ...tierBasic, status: 'done' as const };
  assert.deepEqual(copied.path, tierBasic.path, 'a spread copy carries the path as a plain array');
  assert.equal(back(answer(tierBasic, { host: 'h', port: 1 })).inputs.length, 2);
});
