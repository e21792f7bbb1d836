import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowsToWalk, walkFlows } from '../../src/answers/walk-flows.ts';
import { parseAnswers } from '../../src/answers/answers-file.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { createEngine } from '../../src/engine/engine.ts';
import type { Facts } from '../../src/engine/types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flows = miniFlowSet();
const engine = createEngine(flows);
const answered = (value: Facts[string]['value']): Facts[string] => ({ value, source: 'answer', detail: 'answers file line 1' });

test('every flow is walked, the entry flow first', () => {
  assert.deepEqual(flowsToWalk(flows), ['triage', 'eligible']);
  assert.deepEqual(flowsToWalk(flows, 'eligible'), ['eligible']);
});

const SIDE = `
id: side
title: Side
summary: A flow nothing calls.
entry: ask-port
nodes:
  ask-port: { kind: question, text: Which port?, answer: port, fact: target.port, next: done }
  done: { kind: end, outcome: resolved }
`;

test('with nothing known, each flow stops at its first question and records it as open', () => {
  const { sessions, failures } = walkFlows(createEngine(miniFlowSet({ 'side.yaml': SIDE })), {}, {});
  assert.deepEqual(failures, []);
  assert.ok(sessions.every((session) => session.status === 'done' && session.outcome?.kind === 'open-question'));
  assert.deepEqual(sessions.map((session) => session.openQuestions.map((q) => q.question)), [['eligible/ask-linux'], ['side/ask-port']]);
});

test('a flow already run from its entry through a goto is not walked again', () => {
  const { sessions } = walkFlows(engine, { 'app.isLinux': answered(false), 'plan.tier': answered('Basic') }, {});
  assert.equal(sessions.length, 1, 'eligible ran inside triage');
  assert.deepEqual(sessions[0]!.openQuestions.map((q) => q.question), ['triage/ask-target']);
  assert.equal(walkFlows(engine, {}, {}, { flow: 'eligible' }).sessions.length, 1, '--flow walks the named flow itself');
});

test('facts and preset answers carry a flow to its findings; the report merges them once by id', () => {
  const facts: Facts = { 'app.isLinux': answered(false), 'plan.tier': answered('Basic'), 'p2s.addressPool': answered(['172.32.0.0/16']) };
  const { sessions } = walkFlows(engine, facts, { 'triage/ask-target': { host: 'db.contoso.local', port: 1433 } });
  const triage = sessions[0]!;
  assert.deepEqual(triage.findings.map((f) => f.id), ['p2s-range-not-rfc1918']);
  assert.equal(triage.outcome?.kind, 'finding');
  const report = buildReport({ engine, sessions, target: { mode: 'offline' }, now: new Date('2026-11-25T00:00:00Z'), version: 't' });
  assert.deepEqual(report.findings.map((f) => f.id), ['p2s-range-not-rfc1918']);
  assert.deepEqual(report.openQuestions, []);
});

test('a question only the user can answer stops the flow there, after what could be answered', () => {
  const file = parseAnswers('a.yaml', 'answers:\n  triage/ask-target: db:80\nfacts:\n  app.isLinux: no\n  plan.tier: Standard\n  p2s.addressPool: 10.0.0.0/24\n', flows);
  const { sessions } = walkFlows(engine, file.answers!.facts, file.answers!.answers, { flow: 'triage' });
  assert.equal(sessions.length, 1);
  assert.deepEqual(sessions[0]!.openQuestions, [{ question: 'triage/ask-timeout', text: 'Does tcpping db:80 time out?', flow: 'triage' }]);
});

test('a preset "don\'t know" follows the unknown branch instead of stopping', () => {
  const { sessions } = walkFlows(engine, { 'app.isLinux': answered(false) }, { 'eligible/ask-tier': null }, { flow: 'eligible' });
  assert.equal(sessions[0]!.outcome?.kind, 'pass');
  assert.deepEqual(sessions[0]!.openQuestions, []);
});

test('an error finding in a called flow is reported once and counted as an error', () => {
  const { sessions } = walkFlows(engine, { 'app.isLinux': answered(true) }, {});
  assert.deepEqual(sessions.map((s) => s.findings.map((f) => f.id)), [['app-is-linux']]);
  const report = buildReport({ engine, sessions, target: { mode: 'offline' }, now: new Date('2026-11-25T00:00:00Z'), version: 't' });
  assert.equal(report.summary.errors, 1);
});

test('a flow the engine cannot finish is reported as a failure, not a crash', () => {
  const looping = miniFlowSet();
  const { sessions, failures } = walkFlows(createEngine(looping, {}), { 'app.isLinux': answered(false) }, {}, { flow: 'triage' });
  assert.equal(failures.length, 0);
  const broken = { ...looping, flows: { ...looping.flows, triage: { ...looping.flows.triage!, entry: 'missing-node' } } };
  const result = walkFlows(createEngine(broken), {}, {}, { flow: 'triage' });
  assert.deepEqual(result.sessions, []);
  assert.match(result.failures[0]!.reason, /triage\/missing-node does not exist/);
  assert.equal(sessions.length, 1);
});
