/**
 * Facts computed from other facts. Pure functions the engine calls lazily, so a derived fact
 * follows whatever its inputs currently are: an ARM value, or the user's override of it.
 */
import type { Derivations } from '../engine/engine.ts';
import type { FactValue } from '../engine/types.ts';
import { firstFreeBlock, isWithin, overlaps, RFC1918_BLOCKS } from '../engine/net.ts';
import { tunnelRanges } from './tunnel-ranges.ts';
import { validateIp } from '../engine/answer-types.ts';
import {
  CERTIFICATE_LIFETIME_YEARS, CERTIFICATE_WARNING_DAYS, DNS_TIMEOUT_SECONDS_PER_SERVER, GATEWAY_CREATION_MINUTES, MAX_VNETS_PER_PLAN,
  MULTI_PLAN_SUBNET_MIN_PREFIX, REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN, REGIONAL_SUBNET_MIN_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX, RETIREMENT_DATE, SSTP_MAX_CONNECTIONS, TCP_TIMEOUT_SECONDS,
} from './limits.ts';

const DAY_MS = 86_400_000;

const ipNumber = (ip: string): number => ip.split('.').reduce((sum, part) => sum * 256 + (Number(part) || 0), 0);

/** The fields of a peering record (map-vnet.ts PeeringRecord), each also a `peering.*` fact. */
const PEERING_FIELDS = [
  'name', 'remoteVnetName', 'remoteResourceGroup', 'remoteSubscriptionId', 'remoteAddressSpace', 'state', 'syncLevel',
  'allowVnetAccess', 'allowForwardedTraffic', 'allowGatewayTransit', 'remotePeeringName', 'remoteAllowVnetAccess', 'remoteAllowForwardedTraffic', 'remoteUseGateways',
] as const;

/** Of a hub's peerings, the one whose peered range holds the target (none while the target is unknown). */
function peeringForTarget(get: (key: string) => FactValue | undefined): Record<string, FactValue> | undefined {
  const table = list(get('peerings.table'));
  const ip = get('target.ip');
  if (!table || typeof ip !== 'string') return undefined;
  for (const text of table) {
    let record: unknown;
    try { record = JSON.parse(text); } catch { continue; }
    if (typeof record !== 'object' || record === null) continue;
    const space = (record as { remoteAddressSpace?: unknown }).remoteAddressSpace;
    if (Array.isArray(space) && space.some((prefix) => typeof prefix === 'string' && isWithin(ip, prefix) === true)) return record as Record<string, FactValue>;
  }
  return undefined;
}

const peeringDerivations: Derivations = Object.fromEntries(PEERING_FIELDS.map((field) => [`peering.${field}`, (get: (key: string) => FactValue | undefined) => {
  const value = peeringForTarget(get)?.[field];
  return typeof value === 'string' || typeof value === 'boolean' || (Array.isArray(value) && value.every((item) => typeof item === 'string')) ? value : undefined;
}]));

/** The app's own DNS servers (site property first, then WEBSITE_DNS_SERVER), or undefined when not known. */
function appOwnDnsServers(get: (key: string) => FactValue | undefined): readonly string[] | undefined {
  const site = list(get('app.siteDnsServers'));
  if (site && site.length > 0) return site;
  const settings = list(get('app.settingDnsServers'));
  const alt = get('app.settingDnsAltServer');
  if (get('app.dnsOverride') === true && settings) return settings.filter((server) => server !== alt);
  return site !== undefined && get('app.dnsOverride') === false ? [] : undefined;
}

/** The VNet's servers as a Windows site on the legacy sort order uses them: sorted, the first two. */
function legacyPick(get: (key: string) => FactValue | undefined, servers: readonly string[]): readonly string[] {
  if (get('app.dnsLegacySortOrder') !== true || get('app.isLinux') === true) return servers;
  return [...servers].sort((a, b) => ipNumber(a) - ipNumber(b)).slice(0, 2);
}
/** The name proposed for a new subnet for regional integration (with -2, -3, ... when taken). */
const NEW_SUBNET_NAME = 'appservice-integration';
/** A new VNet in the app's region gets a /24 (larger when the plan's subnet needs more). */
const NEW_VNET_PREFIX = 24;

const list = (value: FactValue | undefined): readonly string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly string[]) : [String(value)];

const daysBetween = (from: string, to: string): number | undefined => {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.floor((b - a) / DAY_MS);
};

/** ARM spells regions "West Europe" on App Service and "westeurope" on network resources. */
export const normaliseRegion = (region: string): string => region.replace(/\s+/g, '').toLowerCase();

const hasProtocol = (protocol: string) => (get: (key: string) => FactValue | undefined) => {
  const protocols = list(get('p2s.protocols'));
  return protocols?.some((p) => p.toLowerCase() === protocol.toLowerCase());
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2027-03-31" as "31 March 2027", the way the flows write dates. */
const longDate = (iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month! - 1]} ${year}`;
};

const number = (value: FactValue | undefined): number | undefined => (typeof value === 'number' ? value : undefined);

/**
 * The limits from limits.ts as facts, so flow texts say `{{limit.tcpTimeoutSeconds}}` and every
 * number is defined once (catalogue source: constant; reports leave them out of the facts table).
 */
const LIMITS: Derivations = {
  'limit.tcpTimeoutSeconds': () => TCP_TIMEOUT_SECONDS,
  'limit.dnsTimeoutSecondsPerServer': () => DNS_TIMEOUT_SECONDS_PER_SERVER,
  'limit.vnetsPerPlan': () => MAX_VNETS_PER_PLAN,
  'limit.sstpConnections': () => SSTP_MAX_CONNECTIONS,
  'limit.gatewayCreationMinutes': () => GATEWAY_CREATION_MINUTES,
  'limit.certificateLifetimeYears': () => CERTIFICATE_LIFETIME_YEARS,
  'limit.regionalSubnetMinPrefix': () => REGIONAL_SUBNET_MIN_PREFIX,
  'limit.regionalSubnetRecommendedPrefix': () => REGIONAL_SUBNET_RECOMMENDED_PREFIX,
  'limit.retirementDate': () => longDate(RETIREMENT_DATE),
  'limit.regionalIntegrationsPerWindowsPlan': () => REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN,
  'limit.multiPlanSubnetMinPrefix': () => MULTI_PLAN_SUBNET_MIN_PREFIX,
};

export const DERIVATIONS: Derivations = {
  ...LIMITS,
  // A hub's peering is picked by the target (issue 20 item 6); a single peering is read directly.
  ...peeringDerivations,
  'app.certExpiringSoon': (get) => {
    const days = number(get('app.certDaysLeft'));
    return days === undefined ? undefined : days < CERTIFICATE_WARNING_DAYS;
  },
  'plan.overVnetLimit': (get) => {
    const count = number(get('plan.vnetCount'));
    return count === undefined ? undefined : count > MAX_VNETS_PER_PLAN;
  },
  'plan.atVnetLimit': (get) => {
    const count = number(get('plan.vnetCount'));
    return count === undefined ? undefined : count >= MAX_VNETS_PER_PLAN;
  },
  'p2s.atSstpLimit': (get) => {
    const count = number(get('p2s.connectionCount'));
    return count === undefined ? undefined : count >= SSTP_MAX_CONNECTIONS;
  },
  'vnet.dnsTimeoutSeconds': (get) => {
    const count = number(get('vnet.dnsServerCount'));
    return count === undefined ? undefined : count * DNS_TIMEOUT_SECONDS_PER_SERVER;
  },
  'migration.freeSubnetTooSmall': (get) => {
    const length = number(get('migration.freeSubnetLength'));
    return length === undefined ? undefined : length > REGIONAL_SUBNET_MIN_PREFIX;
  },
  'migration.freeSubnetBelowRecommended': (get) => {
    const length = number(get('migration.freeSubnetLength'));
    return length === undefined ? undefined : length > REGIONAL_SUBNET_RECOMMENDED_PREFIX;
  },
  // The chosen subnet against twice the plan's largest scale (migration.requiredPrefix).
  'migration.freeSubnetBelowPlanScale': (get) => {
    const length = number(get('migration.freeSubnetLength'));
    const required = number(get('migration.requiredPrefix'));
    return length === undefined || required === undefined ? undefined : length > required;
  },
  'plan.overRegionalLimit': (get) => {
    const count = number(get('plan.vnetCount'));
    return count === undefined ? undefined : count > REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN;
  },
  // A subnet another plan already uses can still be joined when it is large enough (multi-plan subnet join).
  'migration.sharedSubnetTooSmall': (get) => {
    const inUse = get('migration.freeSubnetInUse');
    if (inUse === false) return false;
    const length = number(get('migration.freeSubnetLength'));
    if (inUse !== true || length === undefined) return undefined;
    return length > MULTI_PLAN_SUBNET_MIN_PREFIX;
  },
  'integration.daysUntilRetirement': (get) => {
    const today = get('session.today');
    return typeof today === 'string' ? daysBetween(today, RETIREMENT_DATE) : undefined;
  },
  'app.certDaysLeft': (get) => {
    const today = get('session.today');
    const expires = get('app.certExpiresOn');
    return typeof today === 'string' && typeof expires === 'string' ? daysBetween(today, expires) : undefined;
  },
  'gateway.isBasicSku': (get) => {
    const sku = get('gateway.sku');
    return typeof sku === 'string' ? sku.toLowerCase() === 'basic' : undefined;
  },
  'gateway.isCoexistence': (get) => {
    const er = get('gateway.hasExpressRoute');
    const vpn = get('gateway.exists');
    return typeof er === 'boolean' && typeof vpn === 'boolean' ? er && vpn : undefined;
  },
  // App Service's root certificate must be among the gateway's point-to-site root certificates.
  'gateway.hasAppRootCert': (get) => {
    const thumbprint = get('app.certThumbprint');
    const roots = list(get('p2s.rootCertThumbprints'));
    if (typeof thumbprint !== 'string' || !roots) return undefined;
    return roots.some((root) => root.toUpperCase() === thumbprint.toUpperCase());
  },
  'p2s.certificateAuth': (get) => list(get('p2s.authTypes'))?.some((type) => type.toLowerCase() === 'certificate'),
  // Several authentication types on one gateway need OpenVPN, which cannot run next to SSTP
  // (learn.microsoft.com/azure/vpn-gateway/howto-point-to-site-multi-auth, ikev2-openvpn-from-sstp).
  'p2s.multipleAuthTypes': (get) => {
    const types = list(get('p2s.authTypes'));
    return types === undefined ? undefined : new Set(types.map((type) => type.toLowerCase())).size > 1;
  },
  'p2s.sstpEnabled': hasProtocol('SSTP'),
  'p2s.ikev2Enabled': hasProtocol('IkeV2'),
  'p2s.openVpnEnabled': hasProtocol('OpenVPN'),
  'vnet.dnsServerCount': (get) => list(get('vnet.dnsServers'))?.length,
  // Seconds each lookup attempt waits: the site's dnsRetryAttemptTimeout, else the documented 3.
  'app.dnsTimeoutSeconds': (get) => number(get('app.dnsRetryTimeoutSeconds')) ?? DNS_TIMEOUT_SECONDS_PER_SERVER,
  // The servers the app asks, in order (learn.microsoft.com/azure/app-service/overview-name-resolution):
  // its own (site dnsConfiguration.dnsServers, else WEBSITE_DNS_SERVER) replace the VNet's; a Windows
  // site still on the legacy sort order uses the VNet's servers sorted, first two only (App Service
  // team blog, 2024-01-09); the alternate server (dnsAltServer / WEBSITE_DNS_ALT_SERVER) comes last.
  'app.dnsServersInUse': (get) => {
    const own = appOwnDnsServers(get);
    const vnet = list(get('app.dnsServers')) ?? list(get('vnet.dnsServers'));
    const base = own !== undefined && own.length > 0 ? own : get('app.dnsOverride') === true ? undefined : vnet && legacyPick(get, vnet);
    if (!base) return undefined;
    const alt = get('app.siteDnsAltServer') ?? get('app.settingDnsAltServer');
    return typeof alt === 'string' && !base.includes(alt) ? [...base, alt] : [...base];
  },
  // VNet DNS servers a legacy-sorted Windows site never asks (more than two configured).
  'dns.legacySortUnused': (get) => {
    if (appOwnDnsServers(get)?.length) return [];
    const vnet = list(get('app.dnsServers')) ?? list(get('vnet.dnsServers'));
    const legacy = get('app.dnsLegacySortOrder');
    if (!vnet || legacy === undefined || get('app.isLinux') === undefined) return undefined;
    const used = legacyPick(get, vnet);
    return vnet.filter((server) => !used.includes(server));
  },
  'dns.legacySortUsed': (get) => {
    const vnet = list(get('app.dnsServers')) ?? list(get('vnet.dnsServers'));
    return vnet && get('app.dnsLegacySortOrder') === true ? legacyPick(get, vnet) : undefined;
  },
  'vnet.dnsDiffersFromApp': (get) => {
    const vnet = list(get('vnet.dnsServers'));
    const app = list(get('app.dnsServers'));
    if (!vnet || !app) return undefined;
    return [...vnet].sort().join(',') !== [...app].sort().join(',');
  },
  'vnet.crossSubscription': (get) => {
    const app = get('app.subscriptionId');
    const vnet = get('app.vnetSubscriptionId');
    return typeof app === 'string' && typeof vnet === 'string' ? app.toLowerCase() !== vnet.toLowerCase() : undefined;
  },
  // az looks a bare VNet name up in the app's resource group; the resource id works from anywhere.
  'vnet.resourceId': (get) => {
    const sub = get('app.vnetSubscriptionId');
    const group = get('app.vnetResourceGroup');
    const name = get('vnet.name') ?? get('app.vnetName');
    return typeof sub === 'string' && typeof group === 'string' && typeof name === 'string'
      ? `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${name}` : undefined;
  },
  // Regional integration is offered only with a VNet in the app's region (else a blank to fill).
  'vnet.regionalTargetId': (get) => (get('vnet.regionalCandidate') === true ? get('vnet.resourceId') : undefined),
  // The peered VNet's id from what the peering read gave (subscription, group, name).
  'peering.remoteVnetId': (get) => {
    const sub = get('peering.remoteSubscriptionId');
    const group = get('peering.remoteResourceGroup');
    const name = get('peering.remoteVnetName');
    return typeof sub === 'string' && typeof group === 'string' && typeof name === 'string'
      ? `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${name}` : undefined;
  },
  // A VNet in the app's region for an app whose VNet is elsewhere: named after the VNet and the
  // region, in the app's resource group, with a private range that overlaps no network the app
  // must keep reaching (the VNet, its peer, on-premises, the point-to-site pool).
  'migration.newVnetName': (get) => {
    const name = get('vnet.name') ?? get('app.vnetName');
    const region = get('app.location');
    return typeof name === 'string' && typeof region === 'string' ? `${name}-${normaliseRegion(region)}` : undefined;
  },
  // The two peerings between the VNets, each named after the VNet it leads to.
  'migration.newPeeringName': (get) => {
    const name = get('migration.newVnetName');
    return typeof name === 'string' ? `to-${name}` : undefined;
  },
  'migration.backPeeringName': (get) => {
    const name = get('vnet.name') ?? get('app.vnetName');
    return typeof name === 'string' ? `to-${name}` : undefined;
  },
  'migration.newVnetRange': (get) => {
    const vnet = list(get('vnet.addressSpace'));
    if (!vnet) return undefined;
    const taken = [...vnet, ...(list(get('peering.remoteAddressSpace')) ?? []), ...(list(get('onprem.prefixes')) ?? []), ...(list(get('p2s.addressPool')) ?? [])];
    return firstFreeBlock(RFC1918_BLOCKS, taken, Math.min(NEW_VNET_PREFIX, number(get('migration.requiredPrefix')) ?? NEW_VNET_PREFIX));
  },
  'migration.newVnetSubnetPrefix': (get) => {
    const range = get('migration.newVnetRange');
    if (typeof range !== 'string') return undefined;
    return firstFreeBlock([range], [], Math.min(number(get('migration.requiredPrefix')) ?? REGIONAL_SUBNET_RECOMMENDED_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX));
  },
  'migration.newVnetId': (get) => {
    const sub = get('app.subscriptionId');
    const group = get('app.resourceGroup');
    const name = get('migration.newVnetName');
    return typeof sub === 'string' && typeof group === 'string' && typeof name === 'string'
      ? `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${name}` : undefined;
  },
  // Same region and Resource Manager: the portal would create regional integration today.
  'vnet.regionalCandidate': (get) => {
    const cross = get('vnet.crossRegion');
    const classic = get('vnet.isClassic');
    if (cross === true || classic === true) return false;
    return cross === false && classic === false ? true : undefined;
  },
  'vnet.crossRegion': (get) => {
    const app = get('app.location');
    const vnet = get('vnet.location');
    return typeof app === 'string' && typeof vnet === 'string' ? normaliseRegion(app) !== normaliseRegion(vnet) : undefined;
  },
  // A target named by its address needs no second question for the address.
  'target.ip': (get) => {
    const host = get('target.host');
    return typeof host === 'string' && validateIp(host).ok ? host : undefined;
  },
  'target.inVnet': (get) => {
    const ip = get('target.ip');
    const space = list(get('vnet.addressSpace'));
    if (typeof ip !== 'string' || !space) return undefined;
    const results = space.map((prefix) => isWithin(ip, prefix));
    return results.includes(true) ? true : results.includes(undefined) ? undefined : false;
  },
  // Private endpoint names resolve through privatelink zones (learn.microsoft.com/azure/private-link/private-endpoint-dns).
  'dns.testNameIsPrivateLink': (get) => {
    const name = get('dns.testName');
    return typeof name === 'string' ? /(^|\.)privatelink\./i.test(name) || undefined : undefined;
  },
  // What the app sends into the tunnel: the VNet, its INHERITED and STATIC routes and the gateway's
  // custom routes (tunnel-ranges.ts). Anything else, private or not, never enters the tunnel.
  'app.tunnelRanges': (get) => tunnelRanges(get),
  'target.inTunnel': (get) => {
    const ip = get('target.ip');
    const ranges = list(get('app.tunnelRanges'));
    if (typeof ip !== 'string' || !ranges) return undefined;
    return ranges.some((prefix) => isWithin(ip, prefix) === true);
  },
  // The route to add for a target outside the tunnel: the known range that holds it, else the address itself.
  'target.missingRoute': (get) => {
    const ip = get('target.ip');
    if (typeof ip !== 'string' || !validateIp(ip).ok) return undefined;
    const known = [...(list(get('onprem.prefixes')) ?? []), ...(list(get('peering.remoteAddressSpace')) ?? [])];
    return known.find((prefix) => isWithin(ip, prefix) === true) ?? `${ip}/32`;
  },
  // Inside a known on-premises range (no known ranges: not known to be on-premises).
  // Ranges a point-to-site pool must not overlap: the VNet, its peer and the on-premises networks.
  'p2s.poolOverlaps': (get) => {
    const pool = list(get('p2s.addressPool'));
    const vnet = list(get('vnet.addressSpace'));
    if (!pool || !vnet) return undefined;
    const others = [...vnet, ...(list(get('peering.remoteAddressSpace')) ?? []), ...(list(get('onprem.prefixes')) ?? [])];
    return [...new Set(others.filter((range) => pool.some((prefix) => overlaps(prefix, range) === true)))];
  },
  'p2s.poolOverlapsOthers': (get) => {
    const found = list(get('p2s.poolOverlaps'));
    return found === undefined ? undefined : found.length > 0;
  },
  // A /24 from 172.16.0.0/12 that overlaps none of those ranges (unknown while the VNet's space is).
  'p2s.proposedPool': (get) => {
    const vnet = list(get('vnet.addressSpace'));
    if (!vnet) return undefined;
    const taken = [...vnet, ...(list(get('peering.remoteAddressSpace')) ?? []), ...(list(get('onprem.prefixes')) ?? [])];
    for (let second = 16; second <= 31; second += 1) {
      for (let third = second === 16 ? 201 : 0; third <= 255; third += 1) {
        const candidate = `172.${second}.${third}.0/24`;
        if (!taken.some((range) => overlaps(candidate, range) !== false)) return candidate;
      }
    }
    return undefined;
  },
  // VNet ranges App Service has not handed the app: changed since the last connect or Sync Network.
  // Only INHERITED routes say which VNet ranges the app took (DEFAULT and STATIC say nothing about
  // it); a peered VNet is a plan route, not a sync (tunnel-ranges.ts).
  'app.missingVnetRanges': (get) => {
    const inherited = list(get('app.inheritedRoutes'));
    const vnet = list(get('vnet.addressSpace'));
    // No INHERITED entry at all is no evidence either way (real answers seldom list them).
    if (!inherited || inherited.length === 0 || !vnet) return undefined;
    return vnet.filter((range) => !inherited.some((route) => isWithin(range, route) === true));
  },
  'app.routesStale': (get) => {
    const missing = list(get('app.missingVnetRanges'));
    return missing === undefined ? undefined : missing.length > 0;
  },
  // WEBSITE_PRIVATE_IP holds the app's address from the pool while its tunnel is up. An unset
  // variable leaves app.privateIp unknown, so "no tunnel" comes from the engineer (app.tunnelUp: no).
  'app.tunnelUp': (get) => {
    const ip = get('app.privateIp');
    return typeof ip === 'string' && validateIp(ip.trim()).ok ? true : undefined;
  },
  'target.inOnprem': (get) => {
    const ip = get('target.ip');
    if (typeof ip !== 'string') return undefined;
    return (list(get('onprem.prefixes')) ?? []).some((prefix) => isWithin(ip, prefix) === true);
  },
  'onprem.unroutedPrefixes': (get) => {
    const prefixes = list(get('onprem.prefixes'));
    const ranges = list(get('app.tunnelRanges'));
    if (!prefixes || !ranges) return undefined;
    return prefixes.filter((prefix) => !ranges.some((range) => isWithin(prefix, range) === true));
  },
  'onprem.allRouted': (get) => {
    const unrouted = list(get('onprem.unroutedPrefixes'));
    return unrouted === undefined ? undefined : unrouted.length === 0;
  },
  // Smallest subnet whose usable addresses (Azure keeps 5) hold twice the plan's largest scale,
  // never smaller than /28 (migrate-gateway-based-vnet-integration: /28 = 5, /27 = 13, /26 = 29 instances).
  'migration.requiredPrefix': (get) => {
    const instances = number(get('plan.maxInstances'));
    if (instances === undefined) return undefined;
    for (let prefix = REGIONAL_SUBNET_MIN_PREFIX; prefix >= 16; prefix -= 1) if (2 ** (32 - prefix) - 5 >= 2 * instances) return prefix;
    return 16;
  },
  // A range for a new integration subnet: the first block of the size the plan needs (at least a
  // /26) that no subnet of the VNet uses. Unknown until the VNet's space and subnets are read.
  'migration.newSubnetPrefix': (get) => {
    const space = list(get('vnet.addressSpace'));
    const subnets = list(get('vnet.subnetPrefixes'));
    if (!space || !subnets) return undefined;
    const required = number(get('migration.requiredPrefix'));
    return firstFreeBlock(space, subnets, Math.min(required ?? REGIONAL_SUBNET_RECOMMENDED_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX));
  },
  // A name no subnet of the VNet has yet.
  'migration.newSubnetName': (get) => {
    const names = list(get('vnet.subnetNames'));
    if (!names) return undefined;
    const taken = new Set(names.map((name) => name.toLowerCase()));
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? NEW_SUBNET_NAME : `${NEW_SUBNET_NAME}-${n}`;
      if (!taken.has(name)) return name;
    }
  },
  // The subnet to connect to: the free one when it is large enough, else the new one proposed above.
  'migration.integrationSubnetName': (get) => {
    const free = get('migration.freeSubnetName');
    if (get('migration.hasFreeSubnet') !== false && typeof free === 'string' && get('migration.freeSubnetTooSmall') !== true) return free;
    return get('migration.hasFreeSubnet') === false || get('migration.freeSubnetTooSmall') === true ? get('migration.newSubnetName') : undefined;
  },
  'migration.freeSubnetLength': (get) => {
    const prefix = get('migration.freeSubnetPrefix');
    if (typeof prefix !== 'string') return undefined;
    const length = Number(prefix.split('/')[1]);
    return Number.isInteger(length) ? length : undefined;
  },
};
