/**
 * Facts about the app and its VNet connection, from `sites/{app}` and
 * `sites/{app}/virtualNetworkConnections`.
 */
import type { Site, VnetInfoResource } from '@azure/arm-appservice';
import { put, splitList, type FactMap } from './fact-values.ts';
import { parseResourceId, vnetIdOfSubnet, type ResourceId } from './resource-id.ts';
import { routesByType } from './route-ranges.ts';
import { certificateExpiry } from './certificate.ts';

/** The app's site properties: platform and plan. */
export function siteFacts(site: Site): { facts: FactMap; plan?: ResourceId; regionalVnetId?: string } {
  const facts: FactMap = {};
  const detail = `app ${site.name ?? ''}`.trim();
  const kind = (site.kind ?? '').toLowerCase();
  put(facts, 'app.location', site.location, detail);
  put(facts, 'app.isLinux', kind.includes('linux') || site.reserved === true, detail);
  // A function app's kind holds "functionapp" ("functionapp", "functionapp,linux", "functionapp,workflowapp");
  // its Azure CLI commands are the az functionapp group (learn.microsoft.com/cli/azure/functionapp/vnet-integration).
  if (site.kind) put(facts, 'app.isFunctionApp', kind.includes('functionapp'), detail);
  put(facts, 'app.isWindowsContainer', site.isXenon === true || site.hyperV === true || (kind.includes('container') && kind.includes('windows')), detail);
  const plan = parseResourceId(site.serverFarmId);
  if (plan) {
    put(facts, 'plan.name', plan.name, detail);
    put(facts, 'plan.resourceGroup', plan.resourceGroup, detail);
  }
  dnsConfigurationFacts(facts, site, detail);
  const subnet = site.virtualNetworkSubnetId;
  return { facts, plan, regionalVnetId: subnet ? vnetIdOfSubnet(subnet) : undefined };
}

/**
 * The site's own DNS settings (`dnsConfiguration`, read with the site's plain GET: Reader, no
 * secrets). Its dnsServers override the VNet's servers; dnsAltServer is appended after them as a
 * fallback; each attempt waits dnsRetryAttemptTimeout seconds (3 by default); dnsLegacySortOrder
 * says the site still sorts the VNet's servers and uses the first two (Windows sites created before
 * the change, App Service team blog 2024-01-09). learn.microsoft.com/azure/app-service/overview-name-resolution
 */
function dnsConfigurationFacts(facts: FactMap, site: Site, detail: string): void {
  const dns = site.dnsConfiguration;
  if (!dns) return;
  const where = `${detail} dnsConfiguration`;
  // The object is there, so an absent list is "none set" here, not "not read".
  put(facts, 'app.siteDnsServers', (dns.dnsServers ?? []).filter((server) => typeof server === 'string' && server.trim() !== '').map((server) => server.trim()), where);
  put(facts, 'app.siteDnsAltServer', dns.dnsAltServer?.trim() || undefined, where);
  put(facts, 'app.dnsRetryTimeoutSeconds', typeof dns.dnsRetryAttemptTimeout === 'number' && dns.dnsRetryAttemptTimeout > 0 ? dns.dnsRetryAttemptTimeout : undefined, where);
  put(facts, 'app.dnsLegacySortOrder', typeof dns.dnsLegacySortOrder === 'boolean' ? dns.dnsLegacySortOrder : undefined, where);
}

export interface VnetReference extends ResourceId {
  readonly isClassic: boolean;
}

const vnetReference = (id: string | undefined): VnetReference | undefined => {
  const parsed = parseResourceId(id);
  return parsed && { ...parsed, isClassic: parsed.provider.toLowerCase() === 'microsoft.classicnetwork' };
};

/**
 * The gateway-required connection (not `isSwift`) decides the integration type; a regional
 * one shows up as `isSwift` or as the site's `virtualNetworkSubnetId`.
 */
export function connectionFacts(
  connections: readonly VnetInfoResource[],
  regionalVnetId: string | undefined,
): { facts: FactMap; vnet?: VnetReference } {
  const facts: FactMap = {};
  const gatewayRequired = connections.find((connection) => connection.isSwift !== true && connection.vnetResourceId);
  const regional = connections.find((connection) => connection.isSwift === true);
  if (!gatewayRequired) {
    const regionalId = regionalVnetId ?? (regional?.vnetResourceId ? vnetIdOfSubnet(regional.vnetResourceId) : undefined);
    put(facts, 'app.integrationType', regionalId ? 'regional' : 'none', 'app VNet connections');
    const vnet = vnetReference(regionalId);
    if (vnet) addVnetIds(facts, vnet, 'regional VNet integration');
    return { facts, vnet };
  }
  const detail = `VNet connection ${gatewayRequired.name ?? ''}`.trim();
  put(facts, 'app.integrationType', 'gateway-required', detail);
  const vnet = vnetReference(gatewayRequired.vnetResourceId);
  if (vnet) addVnetIds(facts, vnet, detail);
  put(facts, 'app.resyncRequired', gatewayRequired.resyncRequired ?? false, detail);
  // REST sends a comma-separated string ("10.0.0.4,10.0.0.5"); an array is read as well.
  put(facts, 'app.dnsServers', splitList(gatewayRequired.dnsServers), detail);
  const routes = routesByType(gatewayRequired.routes);
  put(facts, 'app.routes', routes?.STATIC, `${detail} STATIC routes`);
  put(facts, 'app.inheritedRoutes', routes?.INHERITED, `${detail} INHERITED routes`);
  put(facts, 'app.certExpiresOn', certificateExpiry(gatewayRequired.certBlob), `${detail} certificate`);
  put(facts, 'app.certThumbprint', gatewayRequired.certThumbprint?.replace(/[^0-9a-f]/gi, '').toUpperCase() || undefined, detail);
  return { facts, vnet };
}

function addVnetIds(facts: FactMap, vnet: VnetReference, detail: string): void {
  put(facts, 'app.vnetName', vnet.name, detail);
  put(facts, 'app.vnetResourceGroup', vnet.resourceGroup, detail);
  put(facts, 'app.vnetSubscriptionId', vnet.subscriptionId, detail);
  put(facts, 'vnet.isClassic', vnet.isClassic, detail);
}
