/**
 * A route table on the target's subnet that sends replies to the point-to-site pool to a firewall:
 * read from ARM together with the subnet's NSG once the user names the target, and reported with
 * the exact route and the commands to send the pool back to the gateway.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RouteTable } from '@azure/arm-network';
import { gatherFacts } from '../../src/facts/gather-facts.ts';
import { gatherNsgFacts } from '../../src/facts/nsg-facts.ts';
import { routeTableFacts } from '../../src/facts/arm/map-route-table.ts';
import { walk } from './shipped.ts';

const values = (facts: Record<string, { value: unknown }>) => Object.fromEntries(Object.entries(facts).map(([key, fact]) => [key, fact.value]));

test('demo route-table-target-subnet: naming the database host reads the route table and reports the route to the firewall', async () => {
  const { facts } = await gatherFacts({ demo: 'route-table-target-subnet' });
  const read = await gatherNsgFacts({ demo: 'route-table-target-subnet' }, facts, { ip: '10.10.1.4', port: 1433 });
  assert.deepEqual(read.errors, []);
  const got = values(read.facts);
  assert.equal(got['route.tableName'], 'rt-data');
  assert.equal(got['route.divertsP2s'], true);
  assert.equal(got['route.divertingRoute'], 'vpn-clients-to-firewall (172.16.200.0/24 to VirtualAppliance 10.10.4.4)', 'the /0 route loses to the gateway route; the /24 wins');
  const state = walk('firewall-timeout', { ...facts, ...read.facts }, {
    'firewall-timeout/ask-target': { host: '10.10.1.4', port: 1433 }, 'firewall-timeout/ask-tcpping': 'timeout', 'firewall-timeout/ask-vm-test': true,
    'gateway-down/ask-health': true, 'rfc1918/ask-target-ip': '10.10.1.4', 'firewall-timeout/ask-host-firewall': true,
  });
  const finding = state.findings.find((f) => f.id === 'route-table-diverts-p2s')!;
  assert.equal(finding.severity, 'error');
  assert.deepEqual(finding.steps.flatMap((s) => (s.command ? [s.command] : [])), [
    'az network route-table route list -g rg-contoso-network --route-table-name rt-data --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b -o table',
    'az network route-table route create -g rg-contoso-network --route-table-name rt-data -n AppServiceP2S --address-prefix 172.16.200.0/24 --next-hop-type VirtualNetworkGateway --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b',
    'az network route-table update -g rg-contoso-network -n rt-data --disable-bgp-route-propagation false --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b',
    'tcpping 10.10.1.4:1433',
  ]);
});

test('a subnet without a route table, or with only a broader route, keeps replies on the gateway; disabled propagation does not', async () => {
  const { facts } = await gatherFacts({ demo: 'nsg-blocks-p2s' });
  const read = await gatherNsgFacts({ demo: 'nsg-blocks-p2s' }, facts, { ip: '10.10.1.4', port: 1433 });
  assert.equal(values(read.facts)['route.divertsP2s'], false);
  const broad: RouteTable = { name: 'rt', routes: [{ name: 'all', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance' }] };
  assert.equal(routeTableFacts(broad, ['172.16.200.0/24'], 'snet')['route.divertsP2s']?.value, false);
  const noPropagation = routeTableFacts({ ...broad, disableBgpRoutePropagation: true }, ['172.16.200.0/24'], 'snet');
  assert.deepEqual([noPropagation['route.divertsP2s']?.value, noPropagation['route.divertingRoute']?.value], [true, 'gateway route propagation is disabled']);
});
