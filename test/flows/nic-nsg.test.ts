/**
 * The target's own network interface can carry an NSG as well: traffic from the point-to-site
 * pool must pass the subnet's NSG and then the NIC's. A NIC NSG that denies the pool is found and
 * named, with a free priority ahead of its deny rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScenario, type Scenario } from '../../src/emulator/scenarios.ts';
import { fetchNsgFacts } from '../../src/facts/arm/fetch-nsg.ts';
import { contextFor, withEmulator } from '../arm/support.ts';

const NET = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network';

/** The healthy demo with an NSG on the DNS server's NIC that denies the pool on port 53. */
function nicNsgScenario(): Scenario {
  type Resource = { id: string; properties: Record<string, unknown>; [field: string]: unknown };
  const scenario = JSON.parse(JSON.stringify(loadScenario('healthy'))) as Omit<Scenario, 'resources'> & { resources: Resource[] };
  const nic = scenario.resources.find((r) => r.id.endsWith('/networkInterfaces/vm-dns01-nic'))!;
  nic.properties.networkSecurityGroup = { id: `${NET}/networkSecurityGroups/nsg-vm-dns01` };
  scenario.resources.push({
    id: `${NET}/networkSecurityGroups/nsg-vm-dns01`, name: 'nsg-vm-dns01', type: 'Microsoft.Network/networkSecurityGroups', location: 'northeurope',
    properties: { securityRules: [
      { name: 'deny-vpn-clients', properties: { priority: 300, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '172.16.200.0/24', destinationAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '*' } },
    ] },
  });
  return scenario as unknown as Scenario;
}

const query = { vnet: { subscriptionId: '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b', resourceGroup: 'rg-contoso-network', name: 'vnet-hub' }, targetIp: '10.10.1.4', port: 53, p2sPool: ['172.16.200.0/24'] };

test('an NSG on the target NIC that denies the pool is named, even though the subnet has no NSG', async () => {
  const scenario = nicNsgScenario();
  await withEmulator(scenario, {}, async (emulator) => {
    const { facts, errors } = await fetchNsgFacts(contextFor(emulator), query);
    assert.deepEqual(errors, []);
    const value = (key: string) => facts[key]?.value;
    assert.deepEqual([value('nsg.blocksP2s'), value('nsg.name'), value('nsg.blockingRule'), value('nsg.allowPriority')], [true, 'nsg-vm-dns01', 'deny-vpn-clients', 299]);
    assert.match(facts['nsg.blocksP2s']!.detail ?? '', /network interface vm-dns01-nic/);
  });
});

test('a NIC without an NSG leaves the subnet verdict as it is', async () => {
  const scenario = loadScenario('healthy');
  await withEmulator(scenario, {}, async (emulator) => {
    const { facts, errors } = await fetchNsgFacts(contextFor(emulator), query);
    assert.deepEqual(errors, []);
    assert.equal(facts['nsg.blocksP2s']?.value, false);
  });
});
