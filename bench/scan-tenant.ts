/**
 * The synthetic tenant of the scan benchmark: 3 subscriptions, 1,000 App Service plans (70 %
 * Windows), 5,000 apps (5 per plan), 100 VNets with a VPN gateway each, and 300 gateway-required
 * connections (2 apps on each of 150 Windows plans). Deterministic, in the REST shapes of
 * scenarios/healthy.json. Every tenth gateway is policy-based (an error finding to find).
 * A scale (0.5 for the half-size tenant of the growth figure) multiplies plans, apps, VNets,
 * gateways and connections together; the subscriptions stay 3.
 */
import type { Scenario, ScenarioResource } from '../src/emulator/scenarios.ts';

export const SIZES = { subscriptions: 3, plans: 1000, appsPerPlan: 5, vnets: 100, connectionPlans: 150, appsConnectedPerPlan: 2 } as const;
type Sizes = { -readonly [key in keyof typeof SIZES]: number };

/** The sizes at a scale; refuses a scale that would not give whole plans, VNets and connection plans. */
function tenantSizes(scale = 1): Sizes {
  const scaled = (count: number) => {
    const value = count * scale;
    if (!Number.isInteger(value) || value < 1) throw new Error(`scale ${scale} does not give a whole tenant (${count} × ${scale})`);
    return value;
  };
  return { ...SIZES, plans: scaled(SIZES.plans), vnets: scaled(SIZES.vnets), connectionPlans: scaled(SIZES.connectionPlans) };
}

const sub = (index: number) => `0000000${index + 1}-5ca1-4000-8000-00000000000${index + 1}`;
const web = (s: string, group: number) => `/subscriptions/${s}/resourceGroups/rg-web-${group}/providers/Microsoft.Web`;
const net = (s: string, group: number) => `/subscriptions/${s}/resourceGroups/rg-net-${group}/providers/Microsoft.Network`;

export function syntheticTenant(scale = 1): Scenario {
  const sizes = tenantSizes(scale);
  const resources: ScenarioResource[] = [];
  const vnetIds: string[] = [];
  for (let v = 0; v < sizes.vnets; v += 1) {
    const s = sub(v % sizes.subscriptions);
    const base = net(s, v % 10);
    const vnetId = `${base}/virtualNetworks/vnet-${v}`;
    const gatewayId = `${base}/virtualNetworkGateways/gw-${v}`;
    const octet = v % 250;
    vnetIds.push(vnetId);
    resources.push({
      id: vnetId, name: `vnet-${v}`, type: 'Microsoft.Network/virtualNetworks', location: 'westeurope',
      properties: {
        addressSpace: { addressPrefixes: [`10.${octet}.0.0/16`] }, dhcpOptions: { dnsServers: [] },
        subnets: [
          { id: `${vnetId}/subnets/GatewaySubnet`, name: 'GatewaySubnet', properties: { addressPrefix: `10.${octet}.255.0/27`, ipConfigurations: [{ id: `${gatewayId}/ipConfigurations/default` }], delegations: [] } },
          { id: `${vnetId}/subnets/snet-apps`, name: 'snet-apps', properties: { addressPrefix: `10.${octet}.2.0/26`, delegations: [] } },
        ],
        virtualNetworkPeerings: [],
      },
    }, {
      id: gatewayId, name: `gw-${v}`, type: 'Microsoft.Network/virtualNetworkGateways', location: 'westeurope',
      properties: {
        provisioningState: 'Succeeded', gatewayType: 'Vpn', vpnType: v % 10 === 0 ? 'PolicyBased' : 'RouteBased', enableBgp: false, activeActive: false,
        sku: { name: 'VpnGw1', tier: 'VpnGw1' },
        ipConfigurations: [{ id: `${gatewayId}/ipConfigurations/default`, name: 'default', properties: { subnet: { id: `${vnetId}/subnets/GatewaySubnet` } } }],
        vpnClientConfiguration: { vpnClientAddressPool: { addressPrefixes: [`172.16.${octet}.0/24`] }, vpnClientProtocols: ['SSTP'], vpnClientRootCertificates: [] },
      },
    });
  }
  let connections = 0;
  for (let p = 0; p < sizes.plans; p += 1) {
    const s = sub(p % sizes.subscriptions);
    const base = web(s, p % 20);
    const windows = p % 10 < 7;
    const planId = `${base}/serverfarms/asp-${p}`;
    resources.push({
      id: planId, name: `asp-${p}`, type: 'Microsoft.Web/serverfarms', kind: windows ? 'app' : 'linux', location: 'West Europe',
      sku: { name: 'S1', tier: 'Standard' }, properties: { reserved: !windows, numberOfSites: sizes.appsPerPlan },
    });
    const connected = windows && connections < sizes.connectionPlans * sizes.appsConnectedPerPlan;
    const vnetId = vnetIds[(p * 7) % sizes.vnets]!;
    if (connected) {
      resources.push({ id: `${planId}/virtualNetworkConnections/${vnetId.split('/').at(-1)}`, name: vnetId.split('/').at(-1), properties: { vnetResourceId: vnetId, isSwift: false, routes: [], dnsServers: '', resyncRequired: false } });
    }
    for (let a = 0; a < sizes.appsPerPlan; a += 1) {
      const siteId = `${base}/sites/app-${p}-${a}`;
      resources.push({
        id: siteId, name: `app-${p}-${a}`, type: 'Microsoft.Web/sites', kind: windows ? 'app' : 'app,linux', location: 'West Europe',
        properties: { state: 'Running', serverFarmId: planId, reserved: !windows, isXenon: false, hyperV: false, hostNames: [`app-${p}-${a}.azurewebsites.net`] },
      });
      if (connected && a < sizes.appsConnectedPerPlan) {
        connections += 1;
        resources.push({ id: `${siteId}/virtualNetworkConnections/${vnetId.split('/').at(-1)}`, name: vnetId.split('/').at(-1), properties: { vnetResourceId: vnetId, isSwift: false, routes: [], dnsServers: '', resyncRequired: false } });
      }
    }
  }
  return { id: 'scan-bench', title: 'Synthetic tenant', summary: 'Scan benchmark.', target: { app: '' }, resources, expect: { findings: [] } };
}

export const SUBSCRIPTIONS = Array.from({ length: SIZES.subscriptions }, (_, index) => sub(index));
