import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/engine/engine.ts';
import { RETIREMENT_DATE } from '../../src/facts/limits.ts';
import { toMarkdown } from '../../src/report/markdown.ts';
import { ARM_FACTS, batchSessions, completeSession, interruptedSession, reportFlowSet, reportOf } from './support/report-sessions.ts';

const flows = reportFlowSet();
const { start, answer } = createEngine(flows);

test('findings are grouped error, warning, info and keep discovery order within a group', () => {
  const report = reportOf([completeSession(flows)]);
  assert.deepEqual(report.findings.map((f) => [f.severity, f.id]), [
    ['error', 'p2s-range-not-rfc1918'],
    ['error', 'tcp-timeout-firewall'],
    ['warning', 'integration-retiring'],
  ]);
  assert.deepEqual([report.summary.errors, report.summary.warnings, report.summary.infos], [2, 1, 0]);
});

test('a finding raised by several sessions appears once, as the first session worded it', () => {
  const report = reportOf(batchSessions(flows));
  const retiring = report.findings.filter((f) => f.id === 'integration-retiring');
  assert.equal(retiring.length, 1);
  assert.equal(retiring[0]!.title, 'Gateway-required integration is retiring');
  assert.equal(retiring[0]!.flow, 'triage');
  assert.deepEqual(report.summary.flows, ['triage', 'dns']);
});

test('an overridden fact shows the answer as its value and keeps the ARM value in overridden', () => {
  const pool = reportOf([completeSession(flows)]).facts.find((f) => f.key === 'p2s.addressPool');
  assert.deepEqual(pool, {
    key: 'p2s.addressPool', value: ['203.0.113.0/24'], source: 'answer', detail: 'answer to triage/ask-pool',
    overridden: { value: ['172.32.10.0/24'], source: 'arm', detail: 'gateway gw-hub-weu vpnClientAddressPool' },
  });
});

test('facts list what the session read, what answers gave and what its steps filled in, each once', () => {
  const keys = reportOf([completeSession(flows)]).facts.map((f) => f.key);
  assert.deepEqual(keys, ['app.integrationType', 'p2s.addressPool', 'target.host', 'target.port', 'app.name', 'gateway.name', 'gateway.resourceGroup']);
  assert.equal(new Set(keys).size, keys.length);
});

test('the path lists questions only, with automatic answers marked by their source', () => {
  const report = reportOf([completeSession(flows)]);
  assert.deepEqual(report.path.map((p) => [p.question, p.auto?.source ?? 'user']), [
    ['triage/ask-type', 'arm'], ['triage/ask-pool', 'user'], ['triage/ask-target', 'user'], ['triage/ask-nsg', 'user'], ['triage/ask-timeout', 'user'],
  ]);
  assert.equal(report.path[0]!.auto?.fact, 'app.integrationType');
});

test('"don\'t know" answers are unknowns; a flow stopped by one is also an open question and makes the report partial', () => {
  const complete = reportOf([completeSession(flows)]);
  assert.deepEqual(complete.unknowns.map((u) => u.question), ['triage/ask-nsg']);
  assert.deepEqual(complete.openQuestions, []);
  assert.equal(complete.status, 'complete');
  const batch = reportOf(batchSessions(flows));
  assert.deepEqual(batch.openQuestions.map((q) => q.question), ['dns/ask-resolve']);
  assert.equal(batch.status, 'partial');
});

test('an interrupted session is partial and its pending question is open, with the text as shown', () => {
  const report = reportOf([interruptedSession(flows)], { interrupted: true });
  assert.equal(report.status, 'partial');
  assert.equal(report.interrupted, true);
  assert.deepEqual(report.openQuestions, [{ question: 'triage/ask-nsg', text: 'Does NSG <network security group name> block the pool?', flow: 'triage' }]);
});

test('errors hold the caller\'s errors first, then facts handed over unreadable, without repeating a fact', () => {
  const report = reportOf([completeSession(flows)], {
    errors: [{ facts: ['peering.state'], reason: 'ARM 429' }, { facts: ['nsg.name'], reason: 'ARM 403 from the collector' }],
  });
  assert.deepEqual(report.errors, [
    { facts: ['peering.state'], reason: 'ARM 429' },
    { facts: ['nsg.name'], reason: 'ARM 403 from the collector' },
  ]);
  const own = reportOf([completeSession(flows)]);
  assert.deepEqual(own.errors, [{ facts: ['nsg.name'], reason: 'ARM 403 Forbidden: no read access to rg-net-hub', source: 'GET networkSecurityGroups in rg-net-hub' }]);
});

test('the retirement notice counts days from the session date, and is left out for regional integration', () => {
  const report = reportOf([completeSession(flows)]);
  assert.deepEqual(report.retirement, { date: RETIREMENT_DATE, daysLeft: 126, asOf: '2026-11-25' });
  const later = start({ ...ARM_FACTS, 'session.today': { value: '2027-04-02', source: 'derived' } }, {}, { flow: 'triage' });
  assert.equal(reportOf([later]).retirement?.daysLeft, -2);
  const regional = start({ ...ARM_FACTS, 'app.integrationType': { value: 'regional', source: 'arm' } }, {}, { flow: 'triage' });
  assert.equal(regional.status, 'done');
  assert.equal(reportOf([regional]).retirement, undefined);
});

test('with the integration type unknown the notice is shown, dated from `now` when the session has no date', () => {
  const s = start({}, {}, { flow: 'triage' });
  const report = reportOf([s], { now: new Date('2027-03-30T23:00:00Z') });
  assert.deepEqual(report.retirement, { date: RETIREMENT_DATE, daysLeft: 1, asOf: '2027-03-30' });
});

test('buildReport is pure: same input, same report, and the sessions are not changed', () => {
  const session = completeSession(flows);
  const before = JSON.stringify(session.path);
  assert.deepEqual(reportOf([session]), reportOf([session]));
  assert.equal(JSON.stringify(session.path), before);
});

test('a session answered to the end with no findings is complete with empty lists', () => {
  let s = start({ 'session.today': { value: '2026-11-25', source: 'derived' } }, {}, { flow: 'triage' });
  s = answer(s, 'none');
  const report = reportOf([s]);
  assert.equal(report.status, 'complete');
  assert.deepEqual([report.findings, report.openQuestions, report.unknowns, report.errors], [[], [], [], []]);
  assert.equal(report.retirement, undefined);
});

test('a demo set on another day says which day its retirement count starts from', () => {
  const report = reportOf([completeSession()]);
  const later = { ...report, generatedAt: '2026-12-24T09:00:00.000Z' };
  assert.match(toMarkdown(later), /will be retired on 2027-03-31, 126 days after 2026-11-25, the day this session is set on\./);
  assert.match(toMarkdown(report), /126 days after this report\./);
});
