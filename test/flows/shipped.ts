/** The shipped flow set and small helpers the flow tests share. */
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { createEngine, type EngineState } from '../../src/engine/engine.ts';
import type { AnswerValue, Fact, FactValue, Facts } from '../../src/engine/types.ts';

export const flowSet = loadFlowDir();
/** The engine for the shipped flows with the product's derivations, as the CLI builds it. */
export const engine = createEngine(flowSet, DERIVATIONS);

/** The day the golden situations are set on (the CLI gives the real date as `session.today`). */
export const TODAY = '2026-11-25';

export const arm = (value: FactValue, detail = 'ARM'): Fact => ({ value, source: 'arm', detail });
export const session = (today: string): Facts => ({ 'session.today': { value: today, source: 'probe', detail: 'clock' } });

/** Starts a flow with facts and answers the questions it asks, in order, by question id. */
export function walk(flow: string, facts: Facts, answers: Readonly<Record<string, AnswerValue>>): EngineState {
  let state = engine.start(facts, {}, { flow });
  while (state.status === 'asking') {
    const id = engine.currentQuestion(state)!.id;
    if (!Object.hasOwn(answers, id)) throw new Error(`${flow}: no answer for ${id} (answered so far: ${state.path.filter((p) => p.question).map((p) => p.question).join(', ')})`);
    state = engine.answer(state, answers[id]!);
  }
  return state;
}

/** The app's subscription (and the VNet's, unless a situation says otherwise). */
export const SUB = '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b';
export const OTHER_SUB = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

/**
 * A Windows app on Standard (West Europe) with a healthy gateway-required connection to vnet-hub
 * in North Europe: another region is what gateway-required integration is still for.
 */
export const HEALTHY: Record<string, FactValue> = {
  'app.name': 'app-orders', 'app.resourceGroup': 'rg-web', 'app.subscriptionId': SUB, 'app.location': 'West Europe',
  'app.isLinux': false, 'app.isWindowsContainer': false, 'app.integrationType': 'gateway-required',
  'app.vnetName': 'vnet-hub', 'app.vnetResourceGroup': 'rg-net', 'app.vnetSubscriptionId': SUB, 'app.resyncRequired': false,
  'app.dnsServers': ['10.20.0.4', '10.20.0.5'], 'app.routes': [], 'app.inheritedRoutes': ['10.20.0.0/16'], 'app.certExpiresOn': '2031-05-01',
  'plan.name': 'asp-orders', 'plan.resourceGroup': 'rg-web', 'plan.tier': 'Standard', 'plan.vnetCount': 1,
  'vnet.name': 'vnet-hub', 'vnet.location': 'northeurope', 'vnet.addressSpace': ['10.20.0.0/16'], 'vnet.dnsServers': ['10.20.0.4', '10.20.0.5'],
  'vnet.isClassic': false, 'vnet.hasIpv6': false, 'migration.swiftSupported': true,
  'vnet.subnetNames': ['GatewaySubnet', 'snet-vms', 'snet-apps'], 'vnet.subnetPrefixes': ['10.20.255.0/27', '10.20.0.0/24', '10.20.9.0/26'],
  'gateway.exists': true, 'gateway.name': 'gw-hub', 'gateway.resourceGroup': 'rg-net', 'gateway.vpnType': 'RouteBased', 'gateway.sku': 'VpnGw1',
  'gateway.provisioningState': 'Succeeded', 'gateway.hasExpressRoute': false,
  'p2s.configured': true, 'p2s.addressPool': ['172.16.200.0/24'], 'p2s.protocols': ['SSTP'],
  's2s.exists': false, 'peering.exists': false, 'nsg.blocksP2s': false,
};

/** ARM facts for the healthy app with some values changed, plus today's date. */
export function facts(changes: Record<string, FactValue> = {}, today = TODAY): Facts {
  const values = { ...HEALTHY, ...changes };
  return { ...session(today), ...Object.fromEntries(Object.entries(values).map(([key, value]) => [key, arm(value)])) };
}

/**
 * Fact situations the path tests run under: offline (only the date), a healthy app as Azure
 * describes it, a troubled one (so checks on facts no question asks take both branches), an app
 * on regional integration, and the day after the retirement date.
 */
export const SITUATIONS: Readonly<Record<string, Facts>> = {
  offline: session(TODAY),
  healthy: facts(),
  troubled: facts({
    'nsg.blocksP2s': true, 'nsg.name': 'nsg-data', 'nsg.blockingRule': 'DenyAll', 's2s.exists': true, 's2s.connectionStatus': 'NotConnected',
    'vnet.dnsServers': [], 'gateway.provisioningState': 'Updating', 'peering.exists': true, 'peering.allowGatewayTransit': false,
    'onprem.prefixes': ['172.16.200.0/23'], 'app.certThumbprint': 'AB12', 'p2s.rootCertThumbprints': ['CD34'], 'p2s.authTypes': ['AAD'],
    'peering.state': 'Disconnected', 'vnet.addressSpace': ['10.20.0.0/16', '10.21.0.0/16'], 'vnet.hasPrivateEndpoints': true, 'app.tunnelUp': false, 'migration.swiftSupported': false,
  }),
  regional: facts({ 'app.integrationType': 'regional' }),
  routeTable: facts({ 's2s.exists': true, 's2s.connectionStatus': 'Connected', 's2s.bgpEnabled': true, 'onprem.prefixes': ['192.168.0.0/16'], 'route.divertsP2s': true, 'route.tableName': 'rt-data', 'route.tableResourceGroup': 'rg-net', 'route.divertingRoute': 'to-firewall (172.16.200.0/24 to VirtualAppliance 10.20.4.4)' }),
  sameRegionNew: facts({ 'vnet.location': 'westeurope', 'app.integrationType': 'none' }),
  // A target the engineer named by address, outside every range the gateway knows.
  onpremElsewhere: facts({ 's2s.exists': true, 's2s.connectionStatus': 'Connected', 'onprem.prefixes': ['192.168.0.0/16'], 'target.host': '10.50.1.4', 'target.port': 1433 }),
  multiAuth: facts({ 'p2s.authTypes': ['Certificate', 'AAD'] }),
  smallSubnet: facts({ 'plan.maxInstances': 20, 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-apps', 'migration.freeSubnetPrefix': '10.20.9.0/27', 'vnet.location': 'westeurope' }),
  // A VNet in the app's region whose NSG names the pool in an Allow and a Deny rule (read from ARM).
  poolRules: facts({
    'vnet.location': 'westeurope', 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-apps', 'migration.freeSubnetPrefix': '10.20.9.0/26', 'app.routes': [],
    'migration.poolAllowRules': ['rule allow-vpn-sql of NSG nsg-data (priority 200, inbound, allow from 172.16.200.0/24, on subnet snet-data)'],
    'migration.poolAllowRuleIds': ['/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-data/securityRules/allow-vpn-sql'],
    'migration.poolAllowRuleSources': ['172.16.200.0/24'],
    'migration.poolDenyRules': ['rule deny-vpn-smb of NSG nsg-data (priority 300, inbound, deny from 172.16.200.0/24, on subnet snet-data)'],
  }),
  someInstancesDown: facts({ 'probe.instancesWithoutTunnel': ['f6e7d8c9b0'], 'probe.privateIpByInstance': ['instance a1: 172.16.200.5', 'instance f6e7d8c9b0: WEBSITE_PRIVATE_IP not set'] }),
  pastedError: facts({ 'error.text': 'An attempt was made to access a socket in a way forbidden by its access permissions' }),
  peeringOutOfSync: facts({ 'peering.exists': true, 'peering.count': 1, 'peering.name': 'hub-to-spoke', 'peering.state': 'Connected', 'peering.syncLevel': 'RemoteNotInSync' }),
  legacyDns: facts({ 'vnet.dnsServers': ['10.20.0.6', '10.20.0.4', '10.20.0.5'], 'app.dnsServers': ['10.20.0.6', '10.20.0.4', '10.20.0.5'], 'app.dnsLegacySortOrder': true }),
  retired: session('2027-04-01'),
};
