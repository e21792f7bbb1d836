/**
 * The customer's traffic path, drawn: hops in order with the blocking one marked by what blocks it
 * (NSG rule, missing route, missing certificate), the return path only where the flows checked it,
 * a Mermaid diagram hostile names cannot configure, and the same path as one line on the findings screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FactValue, Severity } from '../../src/engine/types.ts';
import { pathLine, pathMermaid, trafficPath, type PathInputs } from '../../src/report/traffic-path.ts';
import { findingsPage } from '../../src/ui/findings-lines.ts';
import { facts, walk } from '../flows/shipped.ts';

const BASE: Record<string, FactValue> = {
  'app.name': 'shop-api', 'app.integrationType': 'gateway-required', 'p2s.addressPool': ['172.16.50.0/24'], 'gateway.name': 'gw-shop', 'vnet.name': 'vnet-shop',
  'target.host': 'sql01.shop.local', 'target.port': 1433,
};

function inputs(values: Record<string, FactValue>, findings: [string, Severity][] = [], answers: Record<string, unknown> = {}): PathInputs {
  return { fact: (key) => values[key], findings: findings.map(([id, severity]) => ({ id, severity })), answer: (question) => answers[question] };
}

test('an NSG that blocks the pool marks the target hop with its name and rule', () => {
  const path = trafficPath(inputs({ ...BASE, 'nsg.name': 'nsg-db', 'nsg.blockingRule': 'deny-vpn' }, [['nsg-blocks-p2s-range', 'error']]))!;
  assert.deepEqual(path.hops.map((hop) => hop.id), ['app', 'tunnel', 'gateway', 'vnet', 'target']);
  assert.equal(pathLine(path), 'Path: app shop-api → point-to-site tunnel (pool 172.16.50.0/24) → gateway gw-shop → VNet vnet-shop → ✗ target sql01.shop.local:1433 [NSG nsg-db rule deny-vpn]');
  assert.match(pathMermaid(path), /class h4 blocked/);
});

test('a missing route marks the VNet hop, a missing root certificate the tunnel; info findings mark nothing', () => {
  const path = trafficPath(inputs({ ...BASE, 'target.missingRoute': '192.168.10.0/24' }, [['plan-route-missing', 'error'], ['root-certificate-missing', 'error'], ['integration-retiring', 'info']]))!;
  assert.deepEqual(path.hops.find((hop) => hop.id === 'vnet')!.blocked, ['missing route 192.168.10.0/24']);
  assert.deepEqual(path.hops.find((hop) => hop.id === 'tunnel')!.blocked, ['root certificate missing on the gateway']);
  assert.deepEqual(path.hops.filter((hop) => hop.blocked.length > 0).map((hop) => hop.id), ['tunnel', 'vnet']);
});

test('an on-premises target goes through the site-to-site hop; the way back is drawn only once the flows checked it', () => {
  const onprem = { ...BASE, 'target.location': 'on-premises', 's2s.connectionName': 'cn-branch' };
  const unchecked = trafficPath(inputs(onprem))!;
  assert.deepEqual(unchecked.hops.map((hop) => hop.id), ['app', 'tunnel', 'gateway', 'vnet', 'site-to-site', 'target']);
  assert.equal(unchecked.returnPath, undefined);
  const missing = trafficPath(inputs(onprem, [['onprem-routes-missing-p2s', 'error']]))!;
  assert.deepEqual(missing.returnPath, { label: 'on-premises routes 172.16.50.0/24 back through the tunnel', blocked: ['no route back to the pool on-premises'] });
  assert.match(pathMermaid(missing), /h5 -\.->\|"✗ return: on-premises routes 172\.16\.50\.0\/24 back through the tunnel: no route back to the pool on-premises"\| h2/);
  const fine = trafficPath(inputs(onprem, [], { 'onprem-routes/ask-route-back': true }))!;
  assert.match(pathLine(fine), /⇠ return: on-premises routes 172\.16\.50\.0\/24 back through the tunnel ✓$/);
});

test('no path for an app on regional integration or none', () => {
  assert.equal(trafficPath(inputs({ ...BASE, 'app.integrationType': 'regional' })), undefined);
  assert.equal(trafficPath(inputs({ ...BASE, 'app.integrationType': 'none' })), undefined);
});

test('names from outside cannot configure or break the Mermaid diagram', () => {
  const path = trafficPath(inputs({ ...BASE, 'app.name': 'a"]; click h0 call evil() %%{init: {"theme":"dark"}}%%', 'vnet.name': 'v\nflowchart TD' }))!;
  const mermaid = pathMermaid(path);
  assert.doesNotMatch(mermaid, /%%|\{init|click h0 call evil\(\)"\]/);
  assert.equal(mermaid.split('\n').filter((line) => line.startsWith('flowchart')).length, 1);
  for (const line of mermaid.split('\n').slice(1)) assert.match(line, /^ {2}(h\d+\[".*"\]|h\d+ --> h\d+|h\d+ -\.->\|".*"\| h\d+|classDef blocked .*|class [h\d,]+ blocked)$/, line);
});

test('the findings screen shows the path in one line above the findings', () => {
  const state = walk('triage', facts({ 'target.host': 'sql01.contoso.local', 'target.port': 1433 }), {
    'eligibility/ask-second-vnet': false, 'eligibility/ask-service-endpoint': false, 'eligibility/ask-keyvault': false,
    'triage/ask-symptom': 'after-change', 'triage/ask-change': 'address-space', 'gateway-down/ask-health': true, 'gateway-setup/ask-connections': 10,
  });
  const first = findingsPage(state, 400).lines[0]!;
  assert.match(first.text, /^Path: app app-orders → point-to-site tunnel \(pool 172\.16\.200\.0\/24\) → gateway gw-hub → VNet vnet-hub → target sql01\.contoso\.local:1433$/);
  assert.equal(first.tone, 'dim');
});
