/**
 * Issue 20 item 1: the app's routes are read by routeType, as App Service reports them (VnetRoute:
 * DEFAULT, INHERITED, STATIC; learn.microsoft.com/rest/api/appservice/web-apps/list-vnet-connections).
 * `routes: null` or [] (what real connections carry in the Azure CLI recordings) is unknown, so no
 * Sync Network and no missing plan route is claimed from it; DEFAULT RFC 1918 entries never count as
 * ranges in the tunnel; a transit peer gets one answer in every flow: a plan route to add.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionFacts } from '../../src/facts/arm/map-app.ts';
import { routesByType } from '../../src/facts/arm/route-ranges.ts';
import type { AnswerValue, FactValue } from '../../src/engine/types.ts';
import { arm, engine, HEALTHY, session, TODAY } from './shipped.ts';

const VNET = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub';
const route = (startAddress: string, endAddress: string, routeType: string) => ({ startAddress, endAddress, routeType });
const DEFAULTS = [route('10.0.0.0', '10.255.255.255', 'DEFAULT'), route('172.16.0.0', '172.31.255.255', 'DEFAULT'), route('192.168.0.0', '192.168.255.255', 'DEFAULT')];

const readRoutes = (routes: unknown) => {
  const { facts } = connectionFacts([{ vnetResourceId: VNET, isSwift: false, routes: routes as never }], undefined);
  return { routes: facts['app.routes']?.value, inherited: facts['app.inheritedRoutes']?.value };
};

test('null, [] and untyped routes are unknown, never "no routes"', () => {
  assert.deepEqual(readRoutes(null), { routes: undefined, inherited: undefined });
  assert.deepEqual(readRoutes([]), { routes: undefined, inherited: undefined });
  assert.deepEqual(readRoutes([{ startAddress: '10.20.0.0', endAddress: '10.20.255.255' }]), { routes: undefined, inherited: undefined });
});

test('typed routes split: STATIC are the plan routes, INHERITED the VNet ranges, DEFAULT kept out', () => {
  assert.deepEqual(readRoutes([...DEFAULTS, route('10.20.0.0', '10.20.255.255', 'INHERITED'), route('10.50.0.0', '10.50.255.255', 'STATIC')]),
    { routes: ['10.50.0.0/16'], inherited: ['10.20.0.0/16'] });
  assert.deepEqual(routesByType([route('10.20.0.0', '10.20.255.255', 'inherited')])?.INHERITED, ['10.20.0.0/16'], 'case as sent');
});

/** The facts a gathering leaves when ARM sends `routes: null`: no routes at all. */
const withoutRoutes = (): Record<string, FactValue> => Object.fromEntries(Object.entries(HEALTHY).filter(([key]) => key !== 'app.routes' && key !== 'app.inheritedRoutes'));

/** Runs a flow on ARM facts, answering the given questions; stops at the first other question. */
function walk(flow: string, values: Record<string, FactValue>, answers: Record<string, AnswerValue> = {}) {
  let state = engine.start({ ...session(TODAY), ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, arm(value)])) }, {}, { flow });
  while (state.status === 'asking') {
    const id = engine.currentQuestion(state)!.id;
    if (!Object.hasOwn(answers, id)) break;
    state = engine.answer(state, answers[id]!);
  }
  return state;
}

test('routes: null claims no Sync Network, whatever the VNet\'s ranges', () => {
  const s = walk('certificate-sync', { ...withoutRoutes(), 'vnet.addressSpace': ['10.20.0.0/16', '10.21.0.0/16'] });
  assert.ok(!s.findings.some((f) => f.id === 'routes-changed-sync-required'), 'no evidence, no claim');
  const typed = walk('certificate-sync', { ...HEALTHY, 'vnet.addressSpace': ['10.20.0.0/16', '10.21.0.0/16'] });
  assert.ok(typed.findings.some((f) => f.id === 'routes-changed-sync-required'), 'INHERITED routes missing a VNet range: Sync Network');
  const onlyStatic = walk('certificate-sync', { ...withoutRoutes(), 'app.routes': ['10.50.0.0/16'], 'app.inheritedRoutes': [] });
  assert.ok(!onlyStatic.findings.some((f) => f.id === 'routes-changed-sync-required'), 'no INHERITED entry is no evidence');
});

test('routes: null claims no missing plan route for a private target', () => {
  const s = walk('rfc1918', withoutRoutes(), { 'rfc1918/ask-target-ip': '10.50.1.4' });
  assert.deepEqual(s.findings, []);
});

test('DEFAULT routes do not hide a missing plan route', () => {
  // ARM sent only DEFAULT and INHERITED entries: no STATIC route covers 10.50.1.4, although 10.0.0.0/8 (DEFAULT) does.
  const read = readRoutes([...DEFAULTS, route('10.20.0.0', '10.20.255.255', 'INHERITED')]);
  const s = walk('rfc1918', { ...withoutRoutes(), 'app.routes': read.routes!, 'app.inheritedRoutes': read.inherited! }, { 'rfc1918/ask-target-ip': '10.50.1.4' });
  assert.deepEqual(s.findings.map((f) => f.id), ['plan-route-missing']);
});

test('a transit peer gets one answer in every flow: a plan route, not Sync Network, not "in the tunnel"', () => {
  const peer = {
    ...HEALTHY, 'peering.exists': true, 'peering.name': 'hub-to-spoke', 'peering.remoteVnetName': 'vnet-spoke', 'peering.remoteResourceGroup': 'rg-spoke',
    'peering.remotePeeringName': 'spoke-to-hub', 'peering.remoteAddressSpace': ['10.30.0.0/16'], 'peering.state': 'Connected',
    'peering.allowVnetAccess': true, 'peering.allowForwardedTraffic': true, 'peering.allowGatewayTransit': true,
    'peering.remoteAllowVnetAccess': true, 'peering.remoteAllowForwardedTraffic': true, 'peering.remoteUseGateways': true,
  };
  assert.deepEqual(walk('peering', peer).findings.map((f) => f.id), ['peering-route-missing']);
  assert.equal(walk('peering', peer).outcome?.kind, 'resolved', 'fix first, then test again');
  assert.equal(walk('peering', peer).path.some((step) => step.question === 'peering/ask-routes'), false, 'the typed routes answer it');
  assert.deepEqual(walk('rfc1918', peer, { 'rfc1918/ask-target-ip': '10.30.1.4' }).findings.map((f) => f.id), ['plan-route-missing']);
  assert.ok(!walk('certificate-sync', peer).findings.some((f) => f.id === 'routes-changed-sync-required'));
  // With the plan route in place, all three agree that nothing is missing.
  const routed = { ...peer, 'app.routes': ['10.30.0.0/16'] };
  assert.deepEqual(walk('peering', routed).findings, []);
  assert.deepEqual(walk('rfc1918', routed, { 'rfc1918/ask-target-ip': '10.30.1.4' }).findings, []);
});
