/**
 * The payloads of the REST API spec examples (test/fixtures/arm, one per call vnet-doctor
 * makes) go through the real SDK clients over HTTPS and map into facts without error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Scenario, ScenarioResource } from '../../src/emulator/scenarios.ts';
import { createClients, collect } from '../../src/facts/arm/clients.ts';
import { siteFacts, connectionFacts } from '../../src/facts/arm/map-app.ts';
import { planFacts, planVnetFacts } from '../../src/facts/arm/map-plan.ts';
import { vnetFacts, peeringFacts, migrationFacts } from '../../src/facts/arm/map-vnet.ts';
import { gatewayFacts } from '../../src/facts/arm/map-gateway.ts';
import { nsgVerdict } from '../../src/facts/nsg.ts';
import type { FactMap } from '../../src/facts/arm/fact-values.ts';
import { contextFor, withEmulator } from './support.ts';

const dir = new URL('../fixtures/arm/', import.meta.url);
const fixtures = readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => JSON.parse(readFileSync(new URL(name, dir), 'utf8')));

const body = (fixture: any) => fixture.responses['200'].body;
const itemsOf = (value: any): ScenarioResource[] => (Array.isArray(value) ? value : Array.isArray(value.value) ? value.value : [value]);
const resources = [...new Map(fixtures.flatMap((f) => itemsOf(body(f))).map((r) => [r.id.toLowerCase(), r])).values()];
const scenario: Scenario = { id: 'fixtures', title: 'fixtures', summary: 'spec examples', target: { app: resources[0]!.id }, resources, expect: { findings: [] } };

const valuesOf = (facts: FactMap) => Object.fromEntries(Object.entries(facts).map(([k, f]) => [k, f.value]));
const VNET = '/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet';

type Check = (clients: ReturnType<typeof createClients>, p: any) => Promise<Record<string, unknown>>;

const CHECKS: Record<string, { call: Check; expect: Record<string, unknown> }> = {
  WebApps_Get: {
    call: async (c, p) => valuesOf(siteFacts(await (await c.web(p.subscriptionId)).webApps.get(p.resourceGroupName, p.name)).facts),
    expect: { 'app.location': 'East US', 'app.isLinux': false, 'app.isWindowsContainer': false, 'plan.name': 'DefaultAsp' },
  },
  WebApps_ListVnetConnections: {
    call: async (c, p) => valuesOf(connectionFacts(await (await c.web(p.subscriptionId)).webApps.listVnetConnections(p.resourceGroupName, p.name), undefined).facts),
    expect: { 'app.integrationType': 'gateway-required', 'app.vnetName': 'vnet1', 'app.dnsServers': ['10.0.0.4', '10.0.0.5'], 'app.routes': [], 'app.inheritedRoutes': ['10.0.0.0/16'], 'app.certExpiresOn': '2032-01-01' },
  },
  AppServicePlans_Get: {
    call: async (c, p) => valuesOf(planFacts(await (await c.web(p.subscriptionId)).appServicePlans.get(p.resourceGroupName, p.name))),
    expect: { 'plan.tier': 'Premium' },
  },
  AppServicePlans_ListVnets: {
    call: async (c, p) => valuesOf(planVnetFacts(p.name, await (await c.web(p.subscriptionId)).appServicePlans.listVnets(p.resourceGroupName, p.name))),
    expect: { 'plan.vnetCount': 1, 'plan.vnetNames': ['vnet1'] },
  },
  VirtualNetworks_Get: {
    call: async (c, p) => {
      const vnet = await (await c.network(p.subscriptionId)).virtualNetworks.get(p.resourceGroupName, p.virtualNetworkName);
      return valuesOf({ ...vnetFacts(vnet), ...peeringFacts(vnet), ...migrationFacts(vnet) });
    },
    expect: { 'vnet.dnsServers': ['10.0.0.4', '10.0.0.5'], 'peering.exists': true, 'peering.state': 'Initiated', 'peering.remoteVnetName': 'vnet2', 'migration.freeSubnetName': 'subnet1' },
  },
  VirtualNetworkGateways_Get: {
    call: async (c, p) => valuesOf(gatewayFacts(VNET, [await (await c.network(p.subscriptionId)).virtualNetworkGateways.get(p.resourceGroupName, p.virtualNetworkGatewayName)], undefined, undefined)),
    expect: { 'gateway.exists': true, 'gateway.sku': 'VpnGw1', 'p2s.protocols': ['OpenVPN'], 'p2s.addressPool': ['172.16.201.0/24'] },
  },
  VirtualNetworkGateways_List: {
    call: async (c, p) => valuesOf(gatewayFacts(VNET, await collect((await c.network(p.subscriptionId)).virtualNetworkGateways.list(p.resourceGroupName)), undefined, undefined)),
    expect: { 'gateway.name': 'vpngw', 'gateway.vpnType': 'RouteBased', 'gateway.provisioningState': 'Succeeded' },
  },
  VirtualNetworkGatewayConnections_Get: {
    call: async (c, p) => {
      const network = await c.network(p.subscriptionId);
      const gateways = await collect(network.virtualNetworkGateways.list(p.resourceGroupName));
      const connection = await network.virtualNetworkGatewayConnections.get(p.resourceGroupName, p.virtualNetworkGatewayConnectionName);
      return valuesOf(gatewayFacts(VNET, gateways, [connection], []));
    },
    expect: { 's2s.exists': true, 's2s.connectionName': 'connS2S', 's2s.connectionStatus': 'Connected', 's2s.bgpEnabled': false },
  },
  VirtualNetworkGatewayConnections_List: {
    call: async (c, p) => {
      const network = await c.network(p.subscriptionId);
      const gateways = await collect(network.virtualNetworkGateways.list(p.resourceGroupName));
      return valuesOf(gatewayFacts(VNET, gateways, await collect(network.virtualNetworkGatewayConnections.list(p.resourceGroupName)), []));
    },
    expect: { 's2s.exists': true, 's2s.connectionStatus': 'Connected' },
  },
  LocalNetworkGateways_Get: {
    call: async (c, p) => {
      const network = await c.network(p.subscriptionId);
      const gateways = await collect(network.virtualNetworkGateways.list(p.resourceGroupName));
      const connections = await collect(network.virtualNetworkGatewayConnections.list(p.resourceGroupName));
      return valuesOf(gatewayFacts(VNET, gateways, connections, [await network.localNetworkGateways.get(p.resourceGroupName, p.localNetworkGatewayName)]));
    },
    expect: { 'onprem.prefixes': ['10.1.0.0/16'] },
  },
  LocalNetworkGateways_List: {
    call: async (c, p) => {
      const network = await c.network(p.subscriptionId);
      const gateways = await collect(network.virtualNetworkGateways.list(p.resourceGroupName));
      const connections = await collect(network.virtualNetworkGatewayConnections.list(p.resourceGroupName));
      return valuesOf(gatewayFacts(VNET, gateways, connections, await collect(network.localNetworkGateways.list(p.resourceGroupName))));
    },
    expect: { 'onprem.prefixes': ['10.1.0.0/16'] },
  },
  NetworkSecurityGroups_Get: {
    call: async (c, p) => {
      const nsg = await (await c.network(p.subscriptionId)).networkSecurityGroups.get(p.resourceGroupName, p.networkSecurityGroupName);
      const sql = nsgVerdict(nsg, ['172.16.201.0/24'], '10.0.1.10', 1433);
      const web = nsgVerdict(nsg, ['172.16.201.0/24'], '10.0.1.10', 443);
      return { sqlBlocked: sql.blocksP2s, sqlRule: sql.blockingRule, webBlocked: web.blocksP2s, webRule: web.decidingRule };
    },
    expect: { sqlBlocked: true, sqlRule: 'deny-p2s-sql', webBlocked: false, webRule: 'AllowVnetInBound' },
  },
};

test('every fixture has a check, and every call vnet-doctor makes has a fixture', () => {
  assert.deepEqual(fixtures.map((f) => f.operationId).sort(), Object.keys(CHECKS).sort());
});

test('every fixture names the azure-rest-api-specs file its shape comes from', () => {
  for (const fixture of fixtures) assert.match(String(fixture.source), /^(specification\/|no example in azure-rest-api-specs; shape from specification\/)/, fixture.operationId);
});

test('REST property names that the SDK renames still reach the facts (activeActive → active)', async () => {
  const gateway = structuredClone(body(fixtures.find((f) => f.operationId === 'VirtualNetworkGateways_Get')));
  gateway.properties.activeActive = true;
  const only: Scenario = { ...scenario, resources: [...resources.filter((r) => r.id.toLowerCase() !== gateway.id.toLowerCase()), gateway] };
  await withEmulator(only, {}, async (emulator) => {
    const network = await createClients(contextFor(emulator)).network('subid');
    const facts = valuesOf(gatewayFacts(VNET, [await network.virtualNetworkGateways.get('rg1', 'vpngw')], undefined, undefined));
    assert.equal(facts['gateway.activeActive'], true);
  });
});

test('spec example payloads map into facts through the SDK clients', async () => {
  await withEmulator(scenario, {}, async (emulator) => {
    const clients = createClients(contextFor(emulator));
    for (const fixture of fixtures) {
      const check = CHECKS[fixture.operationId]!;
      const got = await check.call(clients, fixture.parameters);
      for (const [key, value] of Object.entries(check.expect)) assert.deepEqual(got[key], value, `${fixture.operationId}: ${key}`);
    }
  });
});
