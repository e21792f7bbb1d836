/**
 * The fleet plan: plans moving into one VNet get subnets that overlap neither each other nor the
 * VNet's subnets (checked here with ip-address itself), small plans share a free /26 (multi-plan
 * subnet join), slots go first, and every blocked row says what unblocks it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Address4 } from 'ip-address';
import type { FactValue } from '../../src/engine/types.ts';
import { allocateVnetSubnets } from '../../src/migrate/fleet-subnets.ts';
import { planWaves, type FleetRow } from '../../src/migrate/waves.ts';
import { wavesToCsv, wavesToMarkdown } from '../../src/migrate/render-waves.ts';
import type { RunbookFact } from '../../src/migrate/runbook-types.ts';

const SUB = '8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33';
const vnetId = (vnet: string) => `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/${vnet}`;
const facts = (values: Record<string, FactValue>): Record<string, RunbookFact> => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, source: 'arm' }]));

function vnetFacts(vnet: string, more: Record<string, FactValue> = {}): Record<string, FactValue> {
  return {
    'vnet.name': vnet, 'vnet.resourceId': vnetId(vnet), 'app.vnetResourceGroup': 'rg-net', 'app.vnetSubscriptionId': SUB, 'app.location': 'West Europe',
    'vnet.addressSpace': ['10.10.0.0/16'], 'vnet.subnetPrefixes': ['10.10.0.0/24', '10.10.1.0/24', '10.10.2.0/26'], 'vnet.subnetNames': ['default', 'snet-data', 'snet-free'],
    'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-free', 'migration.freeSubnetPrefix': '10.10.2.0/26', 'migration.freeSubnetLength': 26, 'migration.freeSubnetDelegated': true,
    'plan.maxInstances': 3, ...more,
  };
}

function row(app: string, plan: string, vnet: string, more: Partial<FleetRow> = {}, values: Record<string, FactValue> = {}): FleetRow {
  return {
    appId: `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/sites/${app}`, slot: null,
    planId: `/subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/${plan}`, vnetId: vnetId(vnet),
    readiness: 'ready', blockers: [], daysLeft: 115, facts: facts(vnetFacts(vnet, values)), ...more,
  };
}

const range = (prefix: string) => { const address = new Address4(prefix); return [address.startAddress().bigInt(), address.endAddress().bigInt()] as const; };
const overlapping = (a: string, b: string) => { const [a0, a1] = range(a); const [b0, b1] = range(b); return a0 <= b1 && b0 <= a1; };

test('plans too big to share a VNet\'s free subnet get distinct ranges that overlap nothing (checked with ip-address)', () => {
  const big = { 'plan.maxInstances': 20 };
  const plan = planWaves([row('a1', 'plan-a', 'vnet-1', {}, big), row('b1', 'plan-b', 'vnet-1', {}, big), row('c1', 'plan-c', 'vnet-1', {}, big), row('c2', 'plan-c', 'vnet-1', {}, big)]);
  const perPlan = new Map(plan.moves.map((move) => [move.row.planId.split('/').pop(), move.subnet]));
  assert.equal(perPlan.get('plan-a')!.name, 'snet-free', 'the first plan takes the free subnet (a /26 holds 2 x 20)');
  const prefixes = [...perPlan.values()].map((subnet) => subnet.prefix!);
  assert.equal(new Set(prefixes).size, 3);
  const existing = ['10.10.0.0/24', '10.10.1.0/24'];
  for (const [index, prefix] of prefixes.entries()) {
    assert.ok(new Address4(prefix).isInSubnet(new Address4('10.10.0.0/16')), `${prefix} lies in the VNet`);
    for (const other of [...prefixes.slice(index + 1), ...existing]) assert.ok(!overlapping(prefix, other), `${prefix} overlaps ${other}`);
  }
  assert.deepEqual([...perPlan.values()].map((subnet) => subnet.name), ['snet-free', 'appservice-integration', 'appservice-integration-2']);
  // Both apps of plan-c share the plan's subnet.
  assert.equal(plan.moves.filter((move) => move.row.planId.endsWith('plan-c')).map((move) => move.subnet.prefix).filter((value, index, all) => all.indexOf(value) === index).length, 1);
});

test('small plans share a free /26 (multi-plan subnet join) when their combined scale fits', () => {
  const assigned = allocateVnetSubnets([{ planId: 'p1', facts: facts(vnetFacts('vnet-1')) }, { planId: 'p2', facts: facts(vnetFacts('vnet-1')) }]);
  assert.deepEqual(assigned.map((entry) => [entry.choice.name, entry.choice.prefix, entry.sharedWith]), [['snet-free', '10.10.2.0/26', ['p2']], ['snet-free', '10.10.2.0/26', ['p1']]]);
  // A /27 is too small to be shared: the second plan gets its own range.
  const small = { 'migration.freeSubnetPrefix': '10.10.2.0/27', 'migration.freeSubnetLength': 27, 'vnet.subnetPrefixes': ['10.10.0.0/24', '10.10.1.0/24', '10.10.2.0/27'] };
  const apart = allocateVnetSubnets([{ planId: 'p1', facts: facts(vnetFacts('vnet-1', small)) }, { planId: 'p2', facts: facts(vnetFacts('vnet-1', small)) }]);
  assert.equal(apart[0]!.choice.prefix, '10.10.2.0/27');
  assert.equal(apart[1]!.choice.mode, 'new-subnet');
  assert.ok(!overlapping(apart[1]!.choice.prefix!, '10.10.2.0/27'));
});

test('slots move in wave 1, production in wave 2; blocked rows say what unblocks them, a missing subnet with its proposed range', () => {
  const plan = planWaves([
    row('orders', 'plan-orders', 'vnet-1'),
    row('orders', 'plan-orders', 'vnet-1', { slot: 'staging' }),
    row('search', 'plan-search', 'vnet-1', { readiness: 'blocked', blockers: ['migration-subnet-missing'] }, { 'migration.hasFreeSubnet': false, 'plan.maxInstances': 40 }),
    row('billing', 'plan-billing', 'vnet-2', { readiness: 'blocked', blockers: ['migration-blocked-cross-region'] }),
    row('hr', 'plan-hr', 'vnet-3', { readiness: 'unknown', blockers: ['the VNet could not be read (ARM 403)'], vnetId: null }),
  ]);
  assert.deepEqual(plan.moves.map((move) => [move.wave, move.row.slot]), [[1, 'staging'], [2, null]]);
  const hints = new Map(plan.blocked.map((entry) => [entry.row.appId.split('/').pop(), entry.unblock.join('; ')]));
  assert.match(hints.get('search')!, /^create subnet appservice-integration 10\.10\.2\.128\/25 in vnet-1, delegated to Microsoft\.Web\/serverFarms/);
  assert.match(hints.get('billing')!, /create a VNet there and peer it with vnet-2 \(vnet-doctor migrate --app \/subscriptions\/.*\/sites\/billing writes those steps\)/);
  assert.equal(hints.get('hr'), 'find out: the VNet could not be read (ARM 403)');
  const csv = wavesToCsv(plan, { runbookOf: (entry) => (entry.readiness === 'ready' ? `runbook-orders${entry.slot ? `-${entry.slot}` : ''}` : undefined) });
  assert.equal(csv.split('\n')[0], 'wave,subscription,plan,vnet,subnet,subnet_range,subnet_mode,shared_with,app,slot,readiness,days_left,runbook,unblock,vnet_id');
  assert.match(csv, /^1,8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33,plan-orders,vnet-1,snet-free,10\.10\.2\.0\/26,existing,,orders,staging,ready,115,runbook-orders-staging,,\/subscriptions\/.*\/virtualNetworks\/vnet-1$/m);
  const markdown = wavesToMarkdown(plan, { runbookOf: () => undefined }, '2026-12-06');
  assert.match(markdown, /## Wave 1: slots first/);
  assert.match(markdown, /## Not ready: what unblocks them/);
});

test('names from ARM cannot break the CSV into formulas or the Markdown table', () => {
  const hostile = row('=cmd', 'plan|x', 'vnet-1', { readiness: 'blocked', blockers: ['migration-blocked-cross-region'] }, { 'vnet.name': '@SUM(1)|x' });
  const plan = planWaves([hostile]);
  const csv = wavesToCsv(plan, { runbookOf: () => undefined });
  assert.doesNotMatch(csv, /,=cmd|,@SUM/);
  const line = wavesToMarkdown(plan, { runbookOf: () => undefined }, '2026-12-06').split('\n').find((text) => text.includes('cmd'))!;
  assert.equal(line.split(/(?<!\\)\|/).length, 8, 'six cells');
});

test('the fleet\'s files: one runbook (three files) per ready app or slot, with the subnet the plan was assigned, and the waves', async () => {
  const { buildFlowSetFromParsed } = await import('../../src/engine/load.ts');
  const { shippedFlowFiles } = await import('../../src/flows/shipped-flow-files.ts');
  const { fleetFiles } = await import('../../src/migrate/fleet-runbooks.ts');
  const catalogue = buildFlowSetFromParsed(shippedFlowFiles()).flowSet!.facts;
  const big = { 'plan.maxInstances': 20, 'app.resourceGroup': 'rg-web', 'app.subscriptionId': SUB, 'app.integrationType': 'gateway-required', 'vnet.crossRegion': false };
  const rows = [
    row('shop', 'plan-a', 'vnet-1', {}, { ...big, 'app.name': 'shop' }),
    row('shop', 'plan-a', 'vnet-1', { slot: 'staging' }, { ...big, 'app.name': 'shop' }),
    row('blog', 'plan-b', 'vnet-1', {}, { ...big, 'app.name': 'blog' }),
    row('wiki', 'plan-c', 'vnet-2', { readiness: 'blocked', blockers: ['migration-blocked-classic-vnet'] }),
  ];
  const { files } = fleetFiles(rows, { catalogue, today: '2026-12-06', version: 'test', origin: 'a scan', poolRules: () => ({ ok: false, reason: 'not read in this test' }) });
  assert.deepEqual(files.map((file) => file.name).sort(), [
    'runbook-blog.md', 'runbook-blog.ps1', 'runbook-blog.sh', 'runbook-shop-staging.md', 'runbook-shop-staging.ps1', 'runbook-shop-staging.sh',
    'runbook-shop.md', 'runbook-shop.ps1', 'runbook-shop.sh', 'waves.csv', 'waves.md',
  ]);
  const text = (fileName: string) => files.find((file) => file.name === fileName)!.text;
  // plan-a (first by name) takes the free subnet; plan-b gets a new range of its own, in its runbook too.
  assert.match(text('runbook-shop.md'), /in snet-free \(10\.10\.2\.0\/26\) of vnet-1/);
  assert.match(text('runbook-blog.md'), /in appservice-integration \(10\.10\.2\.64\/26\) of vnet-1/);
  assert.match(text('runbook-blog.sh'), /^run az network vnet subnet create -g rg-net --vnet-name vnet-1 -n appservice-integration --address-prefixes 10\.10\.2\.64\/26 --delegations Microsoft\.Web\/serverFarms/m);
  assert.match(text('runbook-shop-staging.sh'), /--slot staging/);
  assert.match(text('runbook-shop.md'), /Run the runbook of slot staging first \(runbook-shop-staging\.md, written next to this one\)/);
  assert.equal(files.find((file) => file.name === 'runbook-blog.sh')!.mode, 0o755);
  assert.match(text('waves.csv'), /^,8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33,plan-c,vnet-2,,,,,wiki,,blocked,115,,"vnet-2 is a classic VNet: migrate it to Resource Manager, or integrate/m);
});
