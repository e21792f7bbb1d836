import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { MAX_VNETS_PER_PLAN, SSTP_MAX_CONNECTIONS, TCP_TIMEOUT_SECONDS } from '../../src/facts/limits.ts';
import { engine, facts } from './shipped.ts';

const { start, currentQuestion } = engine;

test('limits shown in flow texts come from limits.ts, where each is defined once with its source', () => {
  const state = start(facts(), { 'firewall-timeout/ask-target': { host: 'sql01.contoso.local', port: 1433 } }, { flow: 'firewall-timeout' });
  const question = currentQuestion(state)!;
  assert.equal(question.id, 'firewall-timeout/ask-tcpping');
  assert.ok(question.node.options!.some((option) => option.label.includes(`about ${TCP_TIMEOUT_SECONDS} seconds`)), 'option labels are filled in too');
  const timeout = start(facts(), { 'firewall-timeout/ask-target': { host: 'sql01.contoso.local', port: 1433 }, 'firewall-timeout/ask-tcpping': 'timeout' }, { flow: 'firewall-timeout' });
  assert.match(timeout.findings.find((f) => f.id === 'tcp-timeout-firewall')!.explanation, new RegExp(`after ${TCP_TIMEOUT_SECONDS} seconds`));
});

test('limit checks follow the constants: the plan VNet limit and the SSTP connection limit', () => {
  const atLimit = start(facts({ 'plan.vnetCount': MAX_VNETS_PER_PLAN + 1 }), {}, { flow: 'eligibility' });
  assert.ok(atLimit.findings.some((f) => f.id === 'plan-vnet-limit' && f.title.endsWith(`${MAX_VNETS_PER_PLAN} is the limit`)));
  const under = start(facts({ 'plan.vnetCount': MAX_VNETS_PER_PLAN - 1 }), {}, { flow: 'eligibility' });
  assert.ok(!under.findings.some((f) => f.id === 'plan-vnet-limit'));
  const atSstpLimit = (count: number) => engine.resolveFact(start(facts({ 'p2s.connectionCount': count }), {}, { flow: 'eligibility' }), 'p2s.atSstpLimit')?.value;
  assert.equal(atSstpLimit(SSTP_MAX_CONNECTIONS), true);
  assert.equal(atSstpLimit(SSTP_MAX_CONNECTIONS - 1), false);
});

test('flow texts carry no hard-coded copies of the limits', () => {
  const dir = new URL('../../flows/', import.meta.url);
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.yaml'))) {
    const text = readFileSync(new URL(name, dir), 'utf8');
    assert.doesNotMatch(text, /\b(21|128)[- ]second|\b21 seconds|at most (128|five)\b|31 March 2027|\b30 minutes/, name);
  }
});
