/**
 * Issue 20 item 6: every peering of the app's VNet is read, and the one whose peered range holds the
 * target is checked (a hub's first spoke is arbitrary); a peering out of sync with an address space
 * change is a finding of its own (peeringSyncLevel; az network vnet peering sync).
 * The facts are the golden gathering of the hub-spokes and peering-not-in-sync demos (real SDK
 * clients against the emulator, test/arm/scenarios.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AnswerValue, FactValue } from '../../src/engine/types.ts';
import { arm, engine, session } from './shipped.ts';

const gathered = (demo: string): Record<string, FactValue> =>
  JSON.parse(readFileSync(new URL(`../fixtures/arm/golden/${demo}.json`, import.meta.url), 'utf8')) as Record<string, FactValue>;

function walk(flow: string, values: Record<string, FactValue>, answers: Record<string, AnswerValue>) {
  const facts = { ...session('2026-06-01'), ...Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null).map(([key, value]) => [key, arm(value)])) };
  let state = engine.start(facts, {}, { flow });
  while (state.status === 'asking') {
    const id = engine.currentQuestion(state)!.id;
    if (!Object.hasOwn(answers, id)) break;
    state = engine.answer(state, answers[id]!);
  }
  return state;
}

test('a hub with two spokes: the peering that holds the target is the one checked, with its own names', () => {
  const hub = gathered('hub-spokes');
  assert.equal(hub['peering.count'], 2);
  assert.equal(hub['peering.name'], undefined, 'no arbitrary first peering');
  const spoke2 = walk('peering', hub, { 'peering/ask-peering-target': '10.30.1.4' });
  assert.deepEqual(spoke2.findings.map((f) => f.id), ['peering-forwarded-traffic-missing', 'peering-gateway-transit-missing', 'peering-remote-forwarded-traffic-missing', 'peering-remote-gateways-missing']);
  assert.equal(spoke2.findings[1]!.steps[0]!.command,
    'az network vnet peering update -g rg-contoso-network --vnet-name vnet-hub -n hub-to-spoke2 --set allowGatewayTransit=true --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b');
  assert.match(spoke2.findings[3]!.steps[0]!.command!, /--vnet-name vnet-spoke2 -n spoke2-to-hub --set useRemoteGateways=true/);
  // The well-configured spoke, with its range among the plan routes: nothing to fix in the peering.
  const spoke1 = walk('peering', hub, { 'peering/ask-peering-target': '10.20.1.4' });
  assert.deepEqual(spoke1.findings, []);
});

test('a peering out of sync after an address space change: sync both sides', () => {
  const s = walk('peering', gathered('peering-not-in-sync'), {});
  const finding = s.findings.find((f) => f.id === 'peering-not-in-sync')!;
  assert.equal(finding.title, 'The peering hub-to-spoke between vnet-hub and vnet-spoke is not in sync (RemoteNotInSync)');
  assert.deepEqual(finding.steps.map((step) => step.command), [
    'az network vnet peering sync -g rg-contoso-network --vnet-name vnet-hub -n hub-to-spoke --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b',
    'az network vnet peering sync -g rg-contoso-network --vnet-name vnet-spoke -n spoke-to-hub --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b',
  ]);
});
