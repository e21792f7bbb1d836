/**
 * Which fact keys each ARM call provides, including everything that depends on it: when the
 * call fails, these keys become unknown with the call's error as the reason.
 */
export const REMOTE_PEERING_KEYS = ['peering.remoteAllowVnetAccess', 'peering.remoteAllowForwardedTraffic', 'peering.remoteUseGateways', 'peerings.table'];
export const VNET_KEYS = [
  'vnet.name', 'vnet.location', 'vnet.addressSpace', 'vnet.dnsServers', 'vnet.hasIpv6', 'vnet.hasPrivateEndpoints',
  'peering.exists', 'peering.name', 'peering.remoteVnetName', 'peering.remoteResourceGroup', 'peering.remoteSubscriptionId', 'peering.remoteAddressSpace',
  'peering.state', 'peering.syncLevel', 'peering.count', 'peering.allowVnetAccess', 'peering.allowForwardedTraffic', 'peering.allowGatewayTransit',
  ...REMOTE_PEERING_KEYS,
  'migration.hasFreeSubnet', 'migration.freeSubnetName', 'migration.freeSubnetPrefix', 'migration.freeSubnetDelegated', 'migration.freeSubnetInUse', 'migration.serviceEndpointPolicies',
];
export const LOCAL_GATEWAY_KEYS = ['onprem.prefixes'];
export const CONNECTION_KEYS = ['s2s.exists', 's2s.connectionName', 's2s.connectionStatus', 's2s.bgpEnabled', ...LOCAL_GATEWAY_KEYS];
export const GATEWAY_KEYS = [
  'gateway.exists', 'gateway.hasExpressRoute', 'gateway.name', 'gateway.resourceGroup', 'gateway.vpnType', 'gateway.sku',
  'gateway.provisioningState', 'gateway.activeActive', 'gateway.bgpEnabled',
  'p2s.configured', 'p2s.addressPool', 'p2s.protocols', 'p2s.customRoutes', 'p2s.rootCertThumbprints', 'p2s.authTypes',
  ...CONNECTION_KEYS,
];
export const PLAN_KEYS = ['plan.tier', 'plan.maxInstances'];
export const SWIFT_KEYS = ['migration.swiftSupported'];
export const DNS_SETTING_KEYS = ['app.dnsOverride', 'app.settingDnsServers', 'app.settingDnsAltServer'];
export const PLAN_VNET_KEYS = ['plan.vnetCount', 'plan.vnetNames'];
export const SITE_KEYS = ['app.location', 'app.isLinux', 'app.isFunctionApp', 'app.isWindowsContainer', 'app.siteDnsServers', 'app.siteDnsAltServer', 'app.dnsRetryTimeoutSeconds', 'app.dnsLegacySortOrder', 'plan.name', 'plan.resourceGroup', ...PLAN_KEYS, ...PLAN_VNET_KEYS];
export const CONNECTIONS_KEYS = [
  'app.integrationType', 'app.vnetName', 'app.vnetResourceGroup', 'app.vnetSubscriptionId', 'app.resyncRequired',
  'app.dnsServers', 'app.routes', 'app.inheritedRoutes', 'app.certExpiresOn', 'app.certThumbprint', 'vnet.isClassic', ...VNET_KEYS, ...GATEWAY_KEYS,
];
