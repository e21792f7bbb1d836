/**
 * A new integration subnet is proposed with real values (issue 12 item 16: fill every value the
 * tool knows): a range of the VNet that no subnet uses, sized for twice the plan's largest scale
 * (at least a /26), and a name no subnet has. Unknown while the VNet's subnets are not read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstFreeBlock } from '../../src/engine/net.ts';
import type { FactValue } from '../../src/engine/types.ts';
import { engine } from '../flows/shipped.ts';

/** A fact as the engine derives it from these values (code and catalogue derivations alike). */
function derive(key: string, values: Record<string, FactValue>): FactValue | undefined {
  const facts = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { value, source: 'arm' as const }]));
  return engine.resolveFact(engine.start(facts), key)?.value;
}

const VNET = { 'vnet.addressSpace': ['10.20.0.0/16'], 'vnet.subnetPrefixes': ['10.20.0.0/24', '10.20.1.0/26', '10.20.1.64/27'], 'vnet.subnetNames': ['GatewaySubnet', 'snet-vms', 'appservice-integration'] };

test('the first free /26 after the subnets in use, and a name not yet taken', () => {
  assert.equal(derive('migration.newSubnetPrefix', VNET), '10.20.1.128/26');
  assert.equal(derive('migration.newSubnetName', VNET), 'appservice-integration-2');
});

test('a plan that scales to 30 instances gets a /25 (twice 30 plus the 5 addresses Azure keeps)', () => {
  assert.equal(derive('migration.newSubnetPrefix', { ...VNET, 'plan.maxInstances': 30 }), '10.20.1.128/25');
});

test('a full VNet or unread subnets give no range, so the step stays a template', () => {
  assert.equal(derive('migration.newSubnetPrefix', { ...VNET, 'vnet.subnetPrefixes': ['10.20.0.0/16'] }), undefined);
  assert.equal(derive('migration.newSubnetPrefix', { 'vnet.addressSpace': ['10.20.0.0/16'] }), undefined);
  assert.equal(derive('migration.newSubnetName', {}), undefined);
});

test('the subnet to connect to: the free one when large enough, else the new one', () => {
  assert.equal(derive('migration.integrationSubnetName', { ...VNET, 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-free', 'migration.freeSubnetPrefix': '10.20.9.0/26' }), 'snet-free');
  assert.equal(derive('migration.integrationSubnetName', { ...VNET, 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-tiny', 'migration.freeSubnetPrefix': '10.20.9.0/29' }), 'appservice-integration-2');
  assert.equal(derive('migration.integrationSubnetName', { ...VNET, 'migration.hasFreeSubnet': false }), 'appservice-integration-2');
});

test('free blocks are aligned, skip every overlap, and span several address spaces', () => {
  assert.equal(firstFreeBlock(['10.0.0.0/24'], ['10.0.0.0/25', '10.0.0.128/26'], 26), '10.0.0.192/26');
  assert.equal(firstFreeBlock(['10.0.0.0/24', '10.5.0.0/16'], ['10.0.0.0/24'], 26), '10.5.0.0/26');
  assert.equal(firstFreeBlock(['10.0.0.0/28'], [], 26), undefined, 'a space smaller than the block');
  assert.equal(firstFreeBlock(['10.0.0.0/8'], ['10.0.0.0/9', '10.128.0.0/10'], 26), '10.192.0.0/26');
});

test('a new VNet in the app\'s region: named after the VNet and region, with a range that overlaps no known network', () => {
  const values = {
    'vnet.name': 'vnet-hub', 'app.location': 'West Europe', 'app.subscriptionId': 'sub-1', 'app.resourceGroup': 'rg-web',
    'vnet.addressSpace': ['10.0.0.0/16'], 'p2s.addressPool': ['10.1.0.0/24'], 'onprem.prefixes': ['10.1.1.0/24', '10.2.0.0/15'],
  };
  assert.equal(derive('migration.newVnetName', values), 'vnet-hub-westeurope');
  assert.equal(derive('migration.newVnetRange', values), '10.1.2.0/24');
  assert.equal(derive('migration.newVnetSubnetPrefix', values), '10.1.2.0/26');
  assert.equal(derive('migration.newVnetId', values), '/subscriptions/sub-1/resourceGroups/rg-web/providers/Microsoft.Network/virtualNetworks/vnet-hub-westeurope');
  assert.deepEqual([derive('migration.newPeeringName', values), derive('migration.backPeeringName', values)], ['to-vnet-hub-westeurope', 'to-vnet-hub']);
  const large = { ...values, 'plan.maxInstances': 300 };
  assert.deepEqual([derive('migration.newVnetRange', large), derive('migration.newVnetSubnetPrefix', large)], ['10.1.4.0/22', '10.1.4.0/22'], 'a plan of 300 instances needs a /22 subnet, so the VNet is a /22 too');
});
