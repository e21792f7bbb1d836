/**
 * Writes scenarios/*.json: one healthy baseline in ARM REST payload shapes (as in the
 * azure-rest-api-specs examples) and variations that each break one thing. Run it after
 * changing a scenario: `node --import tsx scenarios/build/build-scenarios.ts`.
 * Certificate blobs are public test certificates made here; no private key is written.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSelfSignedCertificate } from '../../src/emulator/x509.ts';
import { certificateThumbprint } from '../../src/facts/arm/certificate.ts';

type Json = Record<string, any>;

const SUB = '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b';
const OTHER_SUB = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const APP_RG = 'rg-contoso-web';
const NET_RG = 'rg-contoso-network';
const app = `/subscriptions/${SUB}/resourceGroups/${APP_RG}/providers/Microsoft.Web/sites/contoso-api`;
const plan = `/subscriptions/${SUB}/resourceGroups/${APP_RG}/providers/Microsoft.Web/serverfarms/asp-contoso`;
const net = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Network`;
const vnetId = `${net(SUB, NET_RG)}/virtualNetworks/vnet-hub`;
const spokeId = `${net(SUB, NET_RG)}/virtualNetworks/vnet-spoke`;
const gatewayId = `${net(SUB, NET_RG)}/virtualNetworkGateways/gw-hub`;
/**
 * The network lives in another region than the app (West Europe): that is what gateway-required
 * integration is still for, since the portal connects a same-region VNet with regional integration.
 */
const NET_LOCATION = 'northeurope';

const certBlob = (notAfter: string) => createSelfSignedCertificate({
  commonName: 'contoso-api VNet integration test certificate', notBefore: new Date(Date.parse(notAfter) - 8 * 365.25 * 86_400_000), notAfter: new Date(notAfter),
}).der.toString('base64');

/** App Service's root certificate for the connection: its thumbprint is on the connection, its public data on the gateway. */
const APP_CERT = certBlob('2031-06-01T00:00:00Z');
const appRootCertificate = (blob: string): Json => ({ name: `AppService-${certificateThumbprint(blob)!.slice(0, 8)}`, properties: { publicCertData: blob } });
/** The customer's own point-to-site root certificate (for their VPN users). */
const CUSTOMER_ROOT = createSelfSignedCertificate({ commonName: 'Contoso P2S root', notBefore: new Date('2024-01-01T00:00:00Z'), notAfter: new Date('2034-01-01T00:00:00Z') }).der.toString('base64');

const site = (overrides: Json = {}): Json => ({
  id: app, name: 'contoso-api', type: 'Microsoft.Web/sites', kind: 'app', location: 'West Europe',
  properties: {
    state: 'Running', hostNames: ['contoso-api.azurewebsites.net'], enabled: true, serverFarmId: plan,
    reserved: false, isXenon: false, hyperV: false, httpsOnly: true, virtualNetworkSubnetId: null, ...overrides,
  },
});

const appServicePlan = (sku: Json = { name: 'S1', tier: 'Standard', size: 'S1', family: 'S', capacity: 1 }, kind = 'app'): Json => ({
  id: plan, name: 'asp-contoso', type: 'Microsoft.Web/serverfarms', kind, location: 'West Europe', sku,
  properties: { status: 'Ready', numberOfSites: 1, reserved: kind.includes('linux'), provisioningState: 'Succeeded' },
});

/**
 * Routes as real connections carry them: `routes: null` (Azure CLI appservice test recordings), so
 * the flows make no claim about them. Scenarios about routes set typed entries (REST VnetRoute).
 */
const vnetConnection = (parent: string, vnet: string, overrides: Json = {}): Json => ({
  id: `${parent}/virtualNetworkConnections/${vnet.split('/').pop()}`, name: vnet.split('/').pop(), type: 'Microsoft.Web/sites/virtualNetworkConnections',
  properties: {
    vnetResourceId: vnet, certThumbprint: certificateThumbprint(APP_CERT), certBlob: APP_CERT,
    routes: null, resyncRequired: false, dnsServers: '10.10.1.4', isSwift: false, ...overrides,
  },
});

/** A typed route as VnetRoute sends it (startAddress/endAddress and routeType DEFAULT, INHERITED or STATIC). */
const route = (start: string, end: string, routeType: 'DEFAULT' | 'INHERITED' | 'STATIC'): Json => ({ name: `${start}_${end}`, properties: { startAddress: start, endAddress: end, routeType } });
/** The RFC 1918 DEFAULT routes every app carries, which say nothing about the tunnel. */
const DEFAULT_ROUTES = [route('10.0.0.0', '10.255.255.255', 'DEFAULT'), route('172.16.0.0', '172.31.255.255', 'DEFAULT'), route('192.168.0.0', '192.168.255.255', 'DEFAULT')];

const subnet = (name: string, prefix: string, extra: Json = {}): Json => ({
  id: `${vnetId}/subnets/${name}`, name, type: 'Microsoft.Network/virtualNetworks/subnets',
  properties: { addressPrefix: prefix, provisioningState: 'Succeeded', delegations: [], privateEndpointNetworkPolicies: 'Disabled', ...extra },
});

const peering = (name: string, from: string, to: string, toSpace: string[], flags: Json): Json => ({
  id: `${from}/virtualNetworkPeerings/${name}`, name, type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  properties: {
    remoteVirtualNetwork: { id: to }, remoteAddressSpace: { addressPrefixes: toSpace }, peeringState: 'Connected', peeringSyncLevel: 'FullyInSync',
    allowVirtualNetworkAccess: true, allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false, provisioningState: 'Succeeded', ...flags,
  },
});

const virtualNetwork = (overrides: Json = {}, peerings: Json[] = []): Json => ({
  id: vnetId, name: 'vnet-hub', type: 'Microsoft.Network/virtualNetworks', location: NET_LOCATION,
  properties: {
    provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.10.0.0/16'] }, dhcpOptions: { dnsServers: ['10.10.1.4'] },
    subnets: [
      subnet('GatewaySubnet', '10.10.255.0/27', { ipConfigurations: [{ id: `${gatewayId}/ipConfigurations/default` }] }),
      subnet('snet-data', '10.10.1.0/24', { ipConfigurations: [{ id: `${net(SUB, NET_RG)}/networkInterfaces/vm-dns01-nic/ipConfigurations/ipconfig1` }] }),
      subnet('snet-integration', '10.10.2.0/26', { delegations: [{ name: 'webapp', properties: { serviceName: 'Microsoft.Web/serverFarms' } }] }),
    ],
    virtualNetworkPeerings: peerings, enableDdosProtection: false, ...overrides,
  },
});

const gateway = (name: string, type: 'Vpn' | 'ExpressRoute', properties: Json = {}): Json => ({
  id: `${net(SUB, NET_RG)}/virtualNetworkGateways/${name}`, name, type: 'Microsoft.Network/virtualNetworkGateways', location: NET_LOCATION,
  properties: {
    provisioningState: 'Succeeded', gatewayType: type, vpnType: 'RouteBased', enableBgp: false, activeActive: false,
    sku: type === 'Vpn' ? { name: 'VpnGw1', tier: 'VpnGw1', capacity: 2 } : { name: 'Standard', tier: 'Standard', capacity: 2 },
    ipConfigurations: [{ id: `${net(SUB, NET_RG)}/virtualNetworkGateways/${name}/ipConfigurations/default`, name: 'default', properties: {
      privateIPAllocationMethod: 'Dynamic', subnet: { id: `${vnetId}/subnets/GatewaySubnet` }, publicIPAddress: { id: `${net(SUB, NET_RG)}/publicIPAddresses/${name}-pip` } } }],
    ...(type === 'Vpn' ? { vpnClientConfiguration: { vpnClientAddressPool: { addressPrefixes: ['172.16.200.0/24'] }, vpnClientProtocols: ['SSTP'], vpnClientRootCertificates: [appRootCertificate(APP_CERT)] } } : {}),
    bgpSettings: { asn: 65515, bgpPeeringAddress: '10.10.255.30', peerWeight: 0 },
    ...properties,
  },
});

const localGateway = (prefixes: string[], bgp?: Json): Json => ({
  id: `${net(SUB, NET_RG)}/localNetworkGateways/lng-onprem`, name: 'lng-onprem', type: 'Microsoft.Network/localNetworkGateways', location: NET_LOCATION,
  properties: { localNetworkAddressSpace: { addressPrefixes: prefixes }, gatewayIpAddress: '203.0.113.10', provisioningState: 'Succeeded', ...(bgp ? { bgpSettings: bgp } : {}) },
});

const siteToSite = (overrides: Json = {}): Json => ({
  id: `${net(SUB, NET_RG)}/connections/cn-onprem`, name: 'cn-onprem', type: 'Microsoft.Network/connections', location: NET_LOCATION,
  properties: {
    virtualNetworkGateway1: { id: gatewayId, properties: {} }, localNetworkGateway2: { id: `${net(SUB, NET_RG)}/localNetworkGateways/lng-onprem`, properties: {} },
    connectionType: 'IPsec', connectionProtocol: 'IKEv2', routingWeight: 0, enableBgp: false, connectionStatus: 'Connected',
    ingressBytesTransferred: 1024, egressBytesTransferred: 2048, provisioningState: 'Succeeded', ...overrides,
  },
});

/** The DNS server VM's network interface in snet-data (10.10.1.4), which the subnet lists. */
const dnsServerNic = (): Json => ({
  id: `${net(SUB, NET_RG)}/networkInterfaces/vm-dns01-nic`, name: 'vm-dns01-nic', type: 'Microsoft.Network/networkInterfaces', location: NET_LOCATION,
  properties: {
    provisioningState: 'Succeeded',
    ipConfigurations: [{ id: `${net(SUB, NET_RG)}/networkInterfaces/vm-dns01-nic/ipConfigurations/ipconfig1`, name: 'ipconfig1',
      properties: { privateIPAddress: '10.10.1.4', privateIPAllocationMethod: 'Static', subnet: { id: `${vnetId}/subnets/snet-data` } } }],
  },
});

interface Parts { site: Json; plan: Json; appConnections: Json[]; planConnections: Json[]; vnet: Json; gateways: Json[]; connections: Json[]; locals: Json[]; extra: Json[] }

const healthyParts = (): Parts => ({
  site: site(), plan: appServicePlan(),
  appConnections: [vnetConnection(app, vnetId)], planConnections: [vnetConnection(plan, vnetId)],
  vnet: virtualNetwork(), gateways: [gateway('gw-hub', 'Vpn')], connections: [siteToSite()], locals: [localGateway(['192.168.0.0/16'])], extra: [dnsServerNic()],
});

/**
 * The day every scenario is set on: a demo uses it as today's date, so the certificate that
 * expires in four months and the retirement countdown look the same on any day the demo runs.
 */
export const SCENARIO_TODAY = '2026-06-01';

const scenario = (id: string, title: string, summary: string, findings: string[], change: (parts: Parts) => void = () => {}) => {
  const parts = healthyParts();
  change(parts);
  // The GatewaySubnet names the gateways that really use it, as ARM does.
  const gatewaySubnet = parts.vnet.properties.subnets?.find((s: Json) => s.name === 'GatewaySubnet');
  if (gatewaySubnet) gatewaySubnet.properties.ipConfigurations = parts.gateways.map((g) => ({ id: `${g.id}/ipConfigurations/default` }));
  // What App Service reports at sites/{app}/networkConfig/virtualNetwork (the regional subnet, if any).
  const swift = { id: `${app}/networkConfig/virtualNetwork`, name: 'virtualNetwork', type: 'Microsoft.Web/sites/networkConfig',
    properties: { subnetResourceId: parts.site.properties.virtualNetworkSubnetId ?? '', swiftSupported: true } };
  const resources = [parts.site, swift, parts.plan, ...parts.appConnections, ...parts.planConnections, parts.vnet, ...parts.gateways, ...parts.connections, ...parts.locals, ...parts.extra];
  return { id, title, summary, target: { app }, today: SCENARIO_TODAY, resources, expect: { findings, facts: { ...BASE_FACTS, ...(EXPECTED_FACTS[id] ?? {}) } } };
};

/** What every scenario shares unless it says otherwise (checked against the gathered facts). */
const BASE_FACTS: Json = {
  'app.isLinux': false, 'app.integrationType': 'gateway-required', 'plan.tier': 'Standard', 'gateway.exists': true,
  'gateway.provisioningState': 'Succeeded', 'p2s.addressPool': ['172.16.200.0/24'], 'p2s.protocols': ['SSTP'],
  'app.resyncRequired': false, 'app.certExpiresOn': '2031-06-01', 'vnet.dnsServers': ['10.10.1.4'], 'app.dnsServers': ['10.10.1.4'],
  'plan.vnetCount': 1, 'peering.exists': false, 'gateway.hasExpressRoute': false, 's2s.bgpEnabled': false,
};

/** The facts that make each scenario what it is (null: not applicable, so not read). */
const EXPECTED_FACTS: Record<string, Json> = {
  'linux-app': { 'app.isLinux': true, 'app.integrationType': 'none', 'plan.vnetCount': 0, 'gateway.exists': null, 'gateway.provisioningState': null, 'p2s.addressPool': null, 'p2s.protocols': null, 'app.resyncRequired': null, 'app.certExpiresOn': null, 'vnet.dnsServers': null, 'app.dnsServers': null, 'peering.exists': null, 'gateway.hasExpressRoute': null, 's2s.bgpEnabled': null },
  'ikev2-only': { 'p2s.protocols': ['IkeV2'] },
  'pool-not-rfc1918': { 'p2s.addressPool': ['100.64.0.0/24'] },
  'gateway-failed': { 'gateway.provisioningState': 'Failed' },
  coexistence: { 'gateway.hasExpressRoute': true },
  'expressroute-gateway': { 'gateway.exists': false, 'gateway.hasExpressRoute': true, 'gateway.provisioningState': null, 'p2s.addressPool': null, 'p2s.protocols': null, 's2s.bgpEnabled': null },
  'certificates-out-of-sync': { 'app.resyncRequired': true },
  'dns-changed': { 'vnet.dnsServers': ['10.10.1.4', '10.10.1.5'] },
  'peering-no-transit': { 'app.routes': [], 'peering.exists': true, 'peering.allowGatewayTransit': false, 'peering.remoteUseGateways': false, 'peering.remoteAddressSpace': ['10.20.0.0/16'] },
  'six-vnets-in-plan': { 'plan.vnetCount': 6 },
  'address-space-added': { 'app.inheritedRoutes': ['10.10.0.0/16'], 'app.routes': [] },
  'elastic-premium-function': { 'plan.tier': 'ElasticPremium', 'plan.maxInstances': 20, 'app.isFunctionApp': true },
  'nsg-allows-pool': { 'app.inheritedRoutes': ['10.10.0.0/16'], 'app.routes': [], 'migration.poolAllowRules': ['rule allow-vpn-clients-sql of NSG nsg-data (priority 200, inbound, allow from 172.16.200.0/24, on subnet snet-data)', 'rule allow-vpn-and-branch-admin of NSG nsg-data (priority 210, inbound, allow from 172.16.200.0/24, 192.168.10.0/24, on subnet snet-data)'] },
  'bgp-onprem': { 'gateway.bgpEnabled': true, 's2s.bgpEnabled': true, 'onprem.prefixes': ['192.168.255.1/32'] },
  'certificate-expiring': { 'app.certExpiresOn': '2026-10-01' },
  'windows-container': { 'app.isWindowsContainer': true, 'app.integrationType': 'none', 'plan.vnetCount': 0, 'gateway.exists': null, 'gateway.provisioningState': null, 'p2s.addressPool': null, 'p2s.protocols': null, 'app.resyncRequired': null, 'app.certExpiresOn': null, 'vnet.dnsServers': null, 'app.dnsServers': null, 'peering.exists': null, 'gateway.hasExpressRoute': null, 's2s.bgpEnabled': null },
  'regional-integration': { 'app.integrationType': 'regional', 'app.resyncRequired': null, 'app.certExpiresOn': null, 'app.dnsServers': null, 'app.vnetName': 'vnet-hub' },
  'policy-based-gateway': { 'gateway.vpnType': 'PolicyBased', 'p2s.configured': false, 'p2s.addressPool': null, 'p2s.protocols': null },
  'openvpn-enabled': { 'p2s.protocols': ['OpenVPN'] },
  'multi-auth-gateway': { 'p2s.protocols': ['OpenVPN'] },
  'dns-legacy-sort': { 'vnet.dnsServers': ['10.10.1.6', '10.10.1.4', '10.10.1.5'], 'app.dnsServers': ['10.10.1.6', '10.10.1.4', '10.10.1.5'], 'app.dnsLegacySortOrder': true },
  'classic-vnet': { 'vnet.dnsServers': null, 'gateway.exists': null, 'gateway.provisioningState': null, 'p2s.addressPool': null, 'p2s.protocols': null, 'peering.exists': null, 'gateway.hasExpressRoute': null, 's2s.bgpEnabled': null, 'vnet.isClassic': true },
  'cross-subscription-vnet': { 'app.vnetSubscriptionId': OTHER_SUB, 'app.resyncRequired': true },
  'private-endpoint-default-dns': { 'vnet.dnsServers': [], 'app.dnsServers': [], 'vnet.hasPrivateEndpoints': true },
  'pool-overlaps-onprem': { 'p2s.addressPool': ['192.168.10.0/24'], 'onprem.prefixes': ['192.168.0.0/16'] },
};

/**
 * Walked one by one with ARM facts only, the flows also report the retirement, the benefits of
 * migrating, and (from the peering flow) that the VNet has no peering.
 */
const COMMON = ['integration-retiring', 'migration-benefits', 'migration-blocked-cross-region'];

const setP2s = (parts: Parts, change: Json) => Object.assign(parts.gateways[0]!.properties.vpnClientConfiguration, change);

export const SCENARIOS = [
  scenario('healthy', 'Healthy integration', 'A Standard Windows app joined to a hub VNet through a route-based VpnGw1 gateway with SSTP; nothing is misconfigured.', [...COMMON]),
  scenario('linux-app', 'Linux app', 'The app runs on a Linux plan, which cannot use gateway-required integration; regional integration is the way.', ['app-is-linux', 'integration-retiring', 'migration-benefits'], (p) => {
    p.site = site(); p.site.kind = 'app,linux'; p.site.properties.reserved = true;
    p.plan = appServicePlan(undefined, 'linux'); p.appConnections = []; p.planConnections = [];
  }),
  scenario('ikev2-only', 'IKEv2 only', 'Point-to-site offers IKEv2 but not SSTP, so the app cannot build its tunnel.', [...COMMON, 'sstp-not-enabled', 'ikev2-enabled-non-basic'], (p) => setP2s(p, { vpnClientProtocols: ['IkeV2'] })),
  scenario('pool-not-rfc1918', 'P2S pool outside RFC 1918', 'The point-to-site address pool is 100.64.0.0/24, outside the private ranges.', [...COMMON, 'p2s-range-not-rfc1918'], (p) => setP2s(p, { vpnClientAddressPool: { addressPrefixes: ['100.64.0.0/24'] } })),
  scenario('gateway-failed', 'Gateway failed', 'The last operation on the VPN gateway failed (provisioning state Failed); the repair writes it back unchanged rather than resetting it.', [...COMMON, 'gateway-failed-state'], (p) => { p.gateways[0]!.properties.provisioningState = 'Failed'; }),
  scenario('coexistence', 'ExpressRoute and VPN coexist', 'The hub VNet has both an ExpressRoute gateway and a VPN gateway.', [...COMMON, 'coexistence-gateway'], (p) => { p.gateways.push(gateway('ergw-hub', 'ExpressRoute')); }),
  scenario('expressroute-gateway', 'ExpressRoute gateway only', 'The VNet has an ExpressRoute gateway and no VPN gateway.', [...COMMON, 'expressroute-gateway'], (p) => {
    p.gateways = [gateway('ergw-hub', 'ExpressRoute')]; p.connections = []; p.locals = [];
  }),
  scenario('certificates-out-of-sync', 'Certificates out of sync', 'App Service reports that the VNet connection needs a resync.', [...COMMON, 'certificates-out-of-sync'], (p) => { p.appConnections[0]!.properties.resyncRequired = true; }),
  scenario('dns-changed', 'DNS changed, not synced', 'A second DNS server was added to the VNet after the app was connected.', [...COMMON, 'dns-changed-sync-required'], (p) => {
    p.vnet.properties.dhcpOptions.dnsServers = ['10.10.1.4', '10.10.1.5'];
  }),
  scenario('peering-no-transit', 'Peering without gateway transit', 'The hub peers with a spoke VNet, but neither side allows the gateway to be used for transit.', ['integration-retiring', 'migration-benefits', 'migration-blocked-cross-region', 'migration-what-changes', 'peering-gateway-transit-missing', 'peering-remote-gateways-missing', 'peering-forwarded-traffic-missing', 'peering-route-missing'], (p) => {
    p.vnet = virtualNetwork({}, [peering('hub-to-spoke', vnetId, spokeId, ['10.20.0.0/16'], {})]);
    // Typed routes: the VNet's range came in at the last sync; no plan route covers the spoke
    // (the DEFAULT 10.0.0.0/8 does not count).
    p.appConnections[0]!.properties.routes = [...DEFAULT_ROUTES, route('10.10.0.0', '10.10.255.255', 'INHERITED')];
    p.extra.push({
      id: spokeId, name: 'vnet-spoke', type: 'Microsoft.Network/virtualNetworks', location: NET_LOCATION,
      properties: { provisioningState: 'Succeeded', addressSpace: { addressPrefixes: ['10.20.0.0/16'] }, dhcpOptions: { dnsServers: [] }, subnets: [],
        virtualNetworkPeerings: [peering('spoke-to-hub', spokeId, vnetId, ['10.10.0.0/16'], { allowForwardedTraffic: true })] },
    });
  }),
  scenario('address-space-added', 'Address space added, not synced', "A second range, 10.11.0.0/16, was added to the VNet after the app's last Sync Network: the app's INHERITED routes still hold only 10.10.0.0/16.", [...COMMON, 'migration-what-changes', 'routes-changed-sync-required'], (p) => {
    p.vnet.properties.addressSpace.addressPrefixes = ['10.10.0.0/16', '10.11.0.0/16'];
    p.appConnections[0]!.properties.routes = [...DEFAULT_ROUTES, route('10.10.0.0', '10.10.255.255', 'INHERITED')];
  }),
  scenario('six-vnets-in-plan', 'Six VNets in one plan', 'The App Service plan already has apps connected to six VNets.', [...COMMON, 'plan-vnet-limit'], (p) => {
    for (const index of [2, 3, 4, 5, 6]) p.planConnections.push(vnetConnection(plan, `${net(SUB, NET_RG)}/virtualNetworks/vnet-branch${index}`));
  }),
  scenario('bgp-onprem', 'BGP to on-premises', 'The site-to-site connection learns on-premises routes through BGP, which the app does not receive; the flows reach this once the user says the target is on-premises.', [...COMMON], (p) => {
    p.gateways[0]!.properties.enableBgp = true;
    p.connections = [siteToSite({ enableBgp: true })];
    p.locals = [localGateway(['192.168.255.1/32'], { asn: 65010, bgpPeeringAddress: '192.168.255.1', peerWeight: 0 })];
  }),
  scenario('certificate-expiring', 'Certificate expiring soon', 'The integration certificate expires on 1 October 2026, four months after the day the scenario is set on (1 June 2026).', [...COMMON, 'certificate-expiring'], (p) => {
    const expiring = certBlob('2026-10-01T00:00:00Z');
    Object.assign(p.appConnections[0]!.properties, { certBlob: expiring, certThumbprint: certificateThumbprint(expiring) });
    setP2s(p, { vpnClientRootCertificates: [appRootCertificate(expiring)] });
  }),
  scenario('cross-subscription-vnet', 'VNet in another subscription', 'The app is connected to a VNet in a different subscription and needs a resync, which Sync Network cannot do across subscriptions.', [...COMMON, 'certificates-out-of-sync', 'sync-cross-subscription'], (p) => {
    const otherVnet = `${net(OTHER_SUB, NET_RG)}/virtualNetworks/vnet-hub`;
    const rehome = (value: any): any => JSON.parse(JSON.stringify(value).replaceAll(`/subscriptions/${SUB}/resourceGroups/${NET_RG}/`, `/subscriptions/${OTHER_SUB}/resourceGroups/${NET_RG}/`));
    p.vnet = rehome(p.vnet); p.gateways = rehome(p.gateways); p.connections = rehome(p.connections); p.locals = rehome(p.locals);
    p.appConnections = [vnetConnection(app, otherVnet, { resyncRequired: true })]; p.planConnections = [vnetConnection(plan, otherVnet)];
  }),
  scenario('nsg-blocks-p2s', 'NSG blocks the P2S pool', 'A network security group on the data subnet denies the point-to-site pool on port 1433; the flows find it once the user names the database host.', [...COMMON, 'migration-nsg-pool-deny'], (p) => {
    const nsgId = `${net(SUB, NET_RG)}/networkSecurityGroups/nsg-data`;
    p.vnet.properties.subnets[1].properties.networkSecurityGroup = { id: nsgId };
    const rule = (name: string, priority: number, access: string, source: string, port: string) => ({
      id: `${nsgId}/securityRules/${name}`, name, type: 'Microsoft.Network/networkSecurityGroups/securityRules',
      properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, sourceAddressPrefix: source, destinationAddressPrefix: '10.10.1.0/24', access, priority, direction: 'Inbound', provisioningState: 'Succeeded' },
    });
    p.extra.push({
      id: nsgId, name: 'nsg-data', type: 'Microsoft.Network/networkSecurityGroups', location: NET_LOCATION,
      properties: { provisioningState: 'Succeeded', securityRules: [rule('allow-web', 100, 'Allow', 'VirtualNetwork', '443'), rule('deny-vpn-clients-sql', 110, 'Deny', '172.16.200.0/24', '1433')], subnets: [{ id: `${vnetId}/subnets/snet-data` }] },
    });
  }),
  scenario('nsg-allows-pool', 'Same-region VNet, NSG rules name the P2S pool', "The app's VNet is in its own region with a free delegated subnet, so it can move to regional integration now; the data subnet's NSG lets the point-to-site pool in by its address (SQL, and an admin port shared with a branch range) and denies it SMB, so the migration names those rules and the update that adds the integration subnet.", [
    'integration-retiring', 'migration-benefits', 'migration-nsg-pool-deny', 'migration-nsg-pool-rules', 'migration-ready', 'migration-what-changes', 'same-region-use-regional',
  ], (p) => {
    // Same region as the app (West Europe): the migration flow reaches "what changes" and the NSG rules.
    p.vnet.location = 'westeurope';
    for (const g of p.gateways) g.location = 'westeurope';
    // Routes listed by type (REST VnetRoute): the DEFAULT ranges and the VNet's INHERITED range, no STATIC plan route.
    p.appConnections[0]!.properties.routes = [...DEFAULT_ROUTES, route('10.10.0.0', '10.10.255.255', 'INHERITED')];
    const nsgId = `${net(SUB, NET_RG)}/networkSecurityGroups/nsg-data`;
    p.vnet.properties.subnets[1].properties.networkSecurityGroup = { id: nsgId };
    // Rule shapes as ARM sends them (azure-rest-api-specs network 2024-05-01 examples/NetworkSecurityGroupRuleGet.json):
    // one source in sourceAddressPrefix, several in sourceAddressPrefixes.
    const rule = (name: string, priority: number, access: string, source: string | string[], port: string) => ({
      id: `${nsgId}/securityRules/${name}`, name, type: 'Microsoft.Network/networkSecurityGroups/securityRules',
      properties: {
        protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, ...(Array.isArray(source) ? { sourceAddressPrefixes: source } : { sourceAddressPrefix: source }),
        destinationAddressPrefix: '10.10.1.0/24', access, priority, direction: 'Inbound', provisioningState: 'Succeeded',
      },
    });
    p.extra.push({
      id: nsgId, name: 'nsg-data', type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope',
      properties: {
        provisioningState: 'Succeeded', subnets: [{ id: `${vnetId}/subnets/snet-data` }],
        securityRules: [
          rule('allow-web', 100, 'Allow', 'VirtualNetwork', '443'),
          rule('allow-vpn-clients-sql', 200, 'Allow', '172.16.200.0/24', '1433'),
          rule('allow-vpn-and-branch-admin', 210, 'Allow', ['172.16.200.0/24', '192.168.10.0/24'], '8443'),
          rule('deny-vpn-clients-smb', 300, 'Deny', '172.16.200.0/24', '445'),
          rule('deny-all-inbound', 4000, 'Deny', '*', '*'),
        ],
      },
    });
  }),
  scenario('elastic-premium-function', 'Function app on Elastic Premium', "A Windows function app on an Elastic Premium EP1 plan (up to 20 instances) still holds a gateway-required connection to the hub; Elastic Premium offers regional integration only, so the advice is the move, with az functionapp commands and a subnet sized for the plan's elastic scale.", ['integration-retiring', 'migration-benefits', 'migration-blocked-cross-region', 'plan-tier-unsupported'], (p) => {
    // Shapes as ARM sends them: site kind "functionapp"; plan kind "elastic" with sku EP1/ElasticPremium,
    // maximumNumberOfWorkers 0 and the elastic limit in maximumElasticWorkerCount (Azure CLI appservice
    // recording test_functionapp_create_elastic_premium_ep2_zone_redundant_plan).
    p.site.kind = 'functionapp';
    p.plan = appServicePlan({ name: 'EP1', tier: 'ElasticPremium', size: 'EP1', family: 'EP', capacity: 1 }, 'elastic');
    Object.assign(p.plan.properties, { maximumNumberOfWorkers: 0, elasticScaleEnabled: true, maximumElasticWorkerCount: 20, computeMode: 'Dedicated' });
  }),
  scenario('classic-vnet', 'Classic VNet', 'The app is connected to a classic VNet, which cannot be read through Resource Manager and blocks a move to regional integration.', ['integration-retiring', 'migration-benefits', 'migration-blocked-classic-vnet'], (p) => {
    const classic = `/subscriptions/${SUB}/resourceGroups/${NET_RG}/providers/Microsoft.ClassicNetwork/virtualNetworks/vnet-legacy`;
    p.appConnections = [vnetConnection(app, classic)]; p.planConnections = [vnetConnection(plan, classic)];
  }),
  scenario('windows-container', 'Windows container app', 'The app runs as a Windows container (Hyper-V isolation), which gateway-required integration does not support.', ['app-is-windows-container', 'integration-retiring', 'migration-benefits'], (p) => {
    p.site = site({ isXenon: true, hyperV: true }); p.site.kind = 'app,container,windows';
    p.appConnections = []; p.planConnections = [];
  }),
  scenario('regional-integration', 'Regional integration in use', 'The app already uses regional VNet integration through a delegated subnet; gateway-required integration is not involved.', ['regional-integration-in-use'], (p) => {
    const subnetId = `${vnetId}/subnets/snet-integration`;
    p.vnet.location = 'westeurope'; // regional integration needs the app's region
    p.site = site({ virtualNetworkSubnetId: subnetId });
    p.appConnections = [vnetConnection(app, subnetId, { isSwift: true, certBlob: null, certThumbprint: null, routes: [], dnsServers: '' })];
    p.planConnections = [vnetConnection(plan, subnetId, { isSwift: true, certBlob: null, certThumbprint: null, routes: [], dnsServers: '' })];
  }),
  scenario('policy-based-gateway', 'Policy-based gateway', 'The VNet has a policy-based VPN gateway, which cannot do point-to-site.', [...COMMON, 'gateway-policy-based'], (p) => {
    p.gateways[0]!.properties.vpnType = 'PolicyBased';
    p.gateways[0]!.properties.sku = { name: 'Basic', tier: 'Basic', capacity: 2 };
    delete p.gateways[0]!.properties.vpnClientConfiguration;
  }),
  scenario('root-cert-missing', 'App Service root certificate removed', "A redeployment of the gateway from a template kept only the customer's own point-to-site root certificate, so App Service's certificate is gone and the gateway refuses the app's tunnel.", [...COMMON, 'root-certificate-missing'], (p) => {
    setP2s(p, { vpnClientRootCertificates: [{ name: 'ContosoP2SRoot', properties: { publicCertData: CUSTOMER_ROOT } }] });
  }),
  scenario('private-endpoint-default-dns', 'Private endpoint behind default DNS', "The VNet holds a private endpoint for the orders database but uses Azure's default DNS, which the app cannot reach through the point-to-site tunnel.", [...COMMON, 'private-endpoints-default-dns'], (p) => {
    p.vnet.properties.dhcpOptions.dnsServers = [];
    for (const c of [...p.appConnections, ...p.planConnections]) c.properties.dnsServers = '';
    p.vnet.properties.subnets.push(subnet('snet-endpoints', '10.10.3.0/24', {
      privateEndpoints: [{ id: `${net(SUB, NET_RG)}/privateEndpoints/pe-sql-orders` }],
      ipConfigurations: [{ id: `${net(SUB, NET_RG)}/networkInterfaces/pe-sql-orders.nic/ipConfigurations/privateEndpointIpConfig` }],
    }));
  }),
  scenario('pool-overlaps-onprem', 'P2S pool overlaps on-premises', 'The point-to-site pool 192.168.10.0/24 lies inside the on-premises range 192.168.0.0/16, so replies to the app go on-premises instead of back through the gateway.', [...COMMON, 'p2s-pool-overlaps'], (p) => {
    setP2s(p, { vpnClientAddressPool: { addressPrefixes: ['192.168.10.0/24'] } });
  }),
  scenario('route-table-target-subnet', 'Route table sends replies to a firewall', "The data subnet's route table sends the point-to-site pool to a firewall appliance, so replies to the app never return through the gateway; the flows find it once the user names the database host.", [...COMMON], (p) => {
    const tableId = `${net(SUB, NET_RG)}/routeTables/rt-data`;
    p.vnet.properties.subnets[1].properties.routeTable = { id: tableId };
    p.extra.push({
      id: tableId, name: 'rt-data', type: 'Microsoft.Network/routeTables', location: NET_LOCATION,
      properties: {
        provisioningState: 'Succeeded', disableBgpRoutePropagation: false, subnets: [{ id: `${vnetId}/subnets/snet-data` }],
        routes: [
          { id: `${tableId}/routes/default-to-firewall`, name: 'default-to-firewall', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.10.4.4', provisioningState: 'Succeeded' } },
          { id: `${tableId}/routes/vpn-clients-to-firewall`, name: 'vpn-clients-to-firewall', properties: { addressPrefix: '172.16.200.0/24', nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.10.4.4', provisioningState: 'Succeeded' } },
        ],
      },
    });
  }),
  // Real gateway bodies often list no vpnAuthenticationTypes (REST spec example VirtualNetworkGatewayGet
  // sends radiusServers alone): the types are read from the fields present.
  scenario('radius-gateway', 'RADIUS-only point-to-site', "The gateway's point-to-site configuration authenticates VPN users with RADIUS only (no authentication types listed, as real gateway bodies often send): App Service's certificate has no place there.", [...COMMON, 'root-certificate-missing', 'p2s-no-certificate-auth'], (p) => {
    setP2s(p, { vpnClientRootCertificates: [], vpnClientRevokedCertificates: [], radiusServers: [{ radiusServerAddress: '10.10.1.10', radiusServerScore: 20 }] });
  }),
  scenario('multi-auth-gateway', 'Certificate and Entra ID together', 'Point-to-site accepts certificates and Microsoft Entra ID together, which needs OpenVPN; SSTP cannot run next to it, so the app cannot connect.', [...COMMON, 'openvpn-blocks-sstp', 'p2s-multiple-auth-types'], (p) => {
    setP2s(p, {
      vpnClientProtocols: ['OpenVPN'], aadTenant: 'https://login.microsoftonline.com/0b9d7e6f-5a4b-4c3d-8e2f-112233445566/',
      aadAudience: 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8', aadIssuer: 'https://sts.windows.net/0b9d7e6f-5a4b-4c3d-8e2f-112233445566/',
    });
  }),
  scenario('dns-legacy-sort', 'Three DNS servers, legacy sort order', "The VNet lists three DNS servers (10.10.1.6 first), but this older Windows site still sorts them and asks only 10.10.1.4 and 10.10.1.5 (site dnsConfiguration.dnsLegacySortOrder); the flows name them once the user names the host that fails.", [...COMMON], (p) => {
    const servers = ['10.10.1.6', '10.10.1.4', '10.10.1.5'];
    p.site.properties.dnsConfiguration = { dnsRetryAttemptTimeout: 3, dnsLegacySortOrder: true };
    p.vnet.properties.dhcpOptions.dnsServers = servers;
    for (const c of [...p.appConnections, ...p.planConnections]) c.properties.dnsServers = servers.join(',');
  }),
  scenario('openvpn-enabled', 'OpenVPN instead of SSTP', 'Point-to-site was switched to OpenVPN, which rules out SSTP on the same gateway.', [...COMMON, 'openvpn-blocks-sstp'], (p) => setP2s(p, { vpnClientProtocols: ['OpenVPN'] })),
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const s of SCENARIOS) writeFileSync(new URL(`../${s.id}.json`, import.meta.url), `${JSON.stringify(s, null, 2)}\n`);
  console.log(`wrote ${SCENARIOS.length} scenarios`);
}
