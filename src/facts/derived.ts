/**
 * Facts computed from other facts in code: only IP/CIDR and date maths (free blocks and overlaps
 * of address ranges, routes that hold an address, subnet sizes, IP validity, addresses in numeric
 * order, days until a date), the peering a target's address picks and the limits of limits.ts.
 * Everything else is derived in the fact catalogue (flows/catalog/facts.yaml: `when`, `cases`,
 * `map`, ...); a pasted error text is read where it comes in, as an `error-text` answer
 * (engine/error-text.ts), and the catalogue derives `error.kind` from what it says. Each
 * declares its inputs; the engine hands it those only, and calls it lazily, so a derived fact
 * follows whatever its inputs currently are: an ARM value, or the user's override of it.
 */
import type { Derivation, Derivations } from '../engine/engine.ts';
import type { Lookup } from '../engine/expression.ts';
import type { FactValue } from '../engine/types.ts';
import { firstFreeBlock, isWithin, overlaps, RFC1918_BLOCKS } from '../engine/net.ts';
import { tunnelRanges } from './tunnel-ranges.ts';
import { validateIp } from '../engine/answer-types.ts';
import {
  CERTIFICATE_LIFETIME_YEARS, CERTIFICATE_WARNING_DAYS, DNS_TIMEOUT_SECONDS_PER_SERVER, GATEWAY_CREATION_MINUTES, MAX_VNETS_PER_PLAN,
  MULTI_PLAN_SUBNET_MIN_PREFIX, REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN, REGIONAL_SUBNET_MIN_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX, RETIREMENT_DATE, SSTP_ENABLE_END_DATE, SSTP_MAX_CONNECTIONS, SSTP_RETIREMENT_DATE, TCP_TIMEOUT_SECONDS,
} from './limits.ts';

const DAY_MS = 86_400_000;

/** A derivation reading exactly `inputs`. */
const derive = (inputs: readonly string[], compute: (get: Lookup) => FactValue | undefined): Derivation => ({ inputs, compute });

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

const peeringDerivations: Derivations = Object.fromEntries(PEERING_FIELDS.map((field) => [`peering.${field}`, derive(['peerings.table', 'target.ip'], (get) => {
  const value = peeringForTarget(get)?.[field];
  return typeof value === 'string' || typeof value === 'boolean' || (Array.isArray(value) && value.every((item) => typeof item === 'string')) ? value : undefined;
})]));

/** A new VNet in the app's region gets a /24 (larger when the plan's subnet needs more). */
const NEW_VNET_PREFIX = 24;

const list = (value: FactValue | undefined): readonly string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly string[]) : [String(value)];

const daysBetween = (from: string, to: string): number | undefined => {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.floor((b - a) / DAY_MS);
};

/** Whole days from `today` (YYYY-MM-DD) until gateway-required integration retires: the one count the report, check and scan show. */
export const daysUntilRetirement = (today: string): number | undefined => daysBetween(today, RETIREMENT_DATE);

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
  'limit.tcpTimeoutSeconds': derive([], () => TCP_TIMEOUT_SECONDS),
  'limit.dnsTimeoutSecondsPerServer': derive([], () => DNS_TIMEOUT_SECONDS_PER_SERVER),
  'limit.vnetsPerPlan': derive([], () => MAX_VNETS_PER_PLAN),
  'limit.sstpConnections': derive([], () => SSTP_MAX_CONNECTIONS),
  'limit.gatewayCreationMinutes': derive([], () => GATEWAY_CREATION_MINUTES),
  'limit.certificateLifetimeYears': derive([], () => CERTIFICATE_LIFETIME_YEARS),
  'limit.regionalSubnetMinPrefix': derive([], () => REGIONAL_SUBNET_MIN_PREFIX),
  'limit.regionalSubnetRecommendedPrefix': derive([], () => REGIONAL_SUBNET_RECOMMENDED_PREFIX),
  'limit.retirementDate': derive([], () => longDate(RETIREMENT_DATE)),
  'limit.sstpEnableEndDate': derive([], () => longDate(SSTP_ENABLE_END_DATE)),
  'limit.sstpRetirementDate': derive([], () => longDate(SSTP_RETIREMENT_DATE)),
  'limit.regionalIntegrationsPerWindowsPlan': derive([], () => REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN),
  'limit.multiPlanSubnetMinPrefix': derive([], () => MULTI_PLAN_SUBNET_MIN_PREFIX),
  'limit.certificateWarningDays': derive([], () => CERTIFICATE_WARNING_DAYS),
};

export const DERIVATIONS: Derivations = {
  ...LIMITS,
  // CIDR maths: a hub's peering is picked by the range that holds the target (issue 20 item 6); a single peering is read directly.
  ...peeringDerivations,
  // Date maths: whole days from today to the retirement date, and to the certificate's expiry.
  'integration.daysUntilRetirement': derive(['session.today'], (get) => {
    const today = get('session.today');
    return typeof today === 'string' ? daysUntilRetirement(today) : undefined;
  }),
  'app.certDaysLeft': derive(['session.today', 'app.certExpiresOn'], (get) => {
    const today = get('session.today');
    const expires = get('app.certExpiresOn');
    return typeof today === 'string' && typeof expires === 'string' ? daysBetween(today, expires) : undefined;
  }),
  // IP maths: the VNet's DNS servers in numeric address order (a legacy-sorted Windows site asks
  // the first two; the fact catalogue picks them: dns.lowestTwoServers).
  'dns.vnetServersByAddress': derive(['dns.vnetServers'], (get) => list(get('dns.vnetServers')) && [...list(get('dns.vnetServers'))!].sort((a, b) => ipNumber(a) - ipNumber(b))),
  // CIDR maths: a VNet in the app's region for an app whose VNet is elsewhere (named in the fact
  // catalogue: migration.newVnetName) gets a private range that overlaps no network the app must keep
  // reaching (the VNet, its peer, on-premises, the point-to-site pool).
  'migration.newVnetRange': derive(['vnet.addressSpace', 'peering.remoteAddressSpace', 'onprem.prefixes', 'p2s.addressPool', 'migration.requiredPrefix'], (get) => {
    const vnet = list(get('vnet.addressSpace'));
    if (!vnet) return undefined;
    const taken = [...vnet, ...(list(get('peering.remoteAddressSpace')) ?? []), ...(list(get('onprem.prefixes')) ?? []), ...(list(get('p2s.addressPool')) ?? [])];
    return firstFreeBlock(RFC1918_BLOCKS, taken, Math.min(NEW_VNET_PREFIX, number(get('migration.requiredPrefix')) ?? NEW_VNET_PREFIX));
  }),
  // CIDR maths: the new VNet's integration subnet, the first block of the size the plan needs.
  'migration.newVnetSubnetPrefix': derive(['migration.newVnetRange', 'migration.requiredPrefix'], (get) => {
    const range = get('migration.newVnetRange');
    if (typeof range !== 'string') return undefined;
    return firstFreeBlock([range], [], Math.min(number(get('migration.requiredPrefix')) ?? REGIONAL_SUBNET_RECOMMENDED_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX));
  }),
  // IP maths (validity): a target named by its address needs no second question for the address.
  'target.ip': derive(['target.host'], (get) => {
    const host = get('target.host');
    return typeof host === 'string' && validateIp(host).ok ? host : undefined;
  }),
  // CIDR maths: what the app sends into the tunnel: the VNet, its INHERITED and STATIC routes and the gateway's
  // custom routes (tunnel-ranges.ts). Anything else, private or not, never enters the tunnel.
  'app.tunnelRanges': derive(['app.routes', 'vnet.addressSpace', 'app.inheritedRoutes', 'p2s.customRoutes'], (get) => tunnelRanges(get)),
  // CIDR maths: the route to add for a target outside the tunnel: the known range that holds it, else the address itself.
  'target.missingRoute': derive(['target.ip', 'onprem.prefixes', 'peering.remoteAddressSpace'], (get) => {
    const ip = get('target.ip');
    if (typeof ip !== 'string' || !validateIp(ip).ok) return undefined;
    const known = [...(list(get('onprem.prefixes')) ?? []), ...(list(get('peering.remoteAddressSpace')) ?? [])];
    return known.find((prefix) => isWithin(ip, prefix) === true) ?? `${ip}/32`;
  }),
  // CIDR maths: the ranges a point-to-site pool overlaps of those it must not (the VNet, its peer, on-premises).
  'p2s.poolOverlaps': derive(['p2s.addressPool', 'vnet.addressSpace', 'peering.remoteAddressSpace', 'onprem.prefixes'], (get) => {
    const pool = list(get('p2s.addressPool'));
    const vnet = list(get('vnet.addressSpace'));
    if (!pool || !vnet) return undefined;
    const others = [...vnet, ...(list(get('peering.remoteAddressSpace')) ?? []), ...(list(get('onprem.prefixes')) ?? [])];
    return [...new Set(others.filter((range) => pool.some((prefix) => overlaps(prefix, range) === true)))];
  }),
  // CIDR maths: a /24 from 172.16.0.0/12 that overlaps none of those ranges (unknown while the VNet's space is).
  'p2s.proposedPool': derive(['vnet.addressSpace', 'peering.remoteAddressSpace', 'onprem.prefixes'], (get) => {
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
  }),
  // CIDR maths: VNet ranges App Service has not handed the app: changed since the last connect or Sync Network.
  // Only INHERITED routes say which VNet ranges the app took (DEFAULT and STATIC say nothing about
  // it); a peered VNet is a plan route, not a sync (tunnel-ranges.ts).
  'app.missingVnetRanges': derive(['app.inheritedRoutes', 'vnet.addressSpace'], (get) => {
    const inherited = list(get('app.inheritedRoutes'));
    const vnet = list(get('vnet.addressSpace'));
    // No INHERITED entry at all is no evidence either way (real answers seldom list them).
    if (!inherited || inherited.length === 0 || !vnet) return undefined;
    return vnet.filter((range) => !inherited.some((route) => isWithin(range, route) === true));
  }),
  // IP maths (validity): WEBSITE_PRIVATE_IP holds the app's address from the pool while its tunnel is up. An unset
  // variable leaves app.privateIp unknown, so "no tunnel" comes from the engineer (app.tunnelUp: no).
  'app.tunnelUp': derive(['app.privateIp'], (get) => {
    const ip = get('app.privateIp');
    return typeof ip === 'string' && validateIp(ip.trim()).ok ? true : undefined;
  }),
  // CIDR maths: inside a known on-premises range (no known ranges: not known to be on-premises).
  'target.inOnprem': derive(['target.ip', 'onprem.prefixes'], (get) => {
    const ip = get('target.ip');
    if (typeof ip !== 'string') return undefined;
    return (list(get('onprem.prefixes')) ?? []).some((prefix) => isWithin(ip, prefix) === true);
  }),
  // CIDR maths: in none of the ranges the gateway knows: unknown until on-premises ranges are known (none known says nothing).
  'target.outsideKnownRanges': derive(['target.ip', 'onprem.prefixes', 'vnet.addressSpace', 'peering.remoteAddressSpace'], (get) => {
    const ip = get('target.ip');
    const onprem = list(get('onprem.prefixes'));
    if (typeof ip !== 'string' || !validateIp(ip).ok || !onprem || onprem.length === 0) return undefined;
    const known = [...onprem, ...(list(get('vnet.addressSpace')) ?? []), ...(list(get('peering.remoteAddressSpace')) ?? [])];
    return !known.some((prefix) => isWithin(ip, prefix) === true);
  }),
  // CIDR maths: on-premises ranges no tunnel range holds.
  'onprem.unroutedPrefixes': derive(['onprem.prefixes', 'app.tunnelRanges'], (get) => {
    const prefixes = list(get('onprem.prefixes'));
    const ranges = list(get('app.tunnelRanges'));
    if (!prefixes || !ranges) return undefined;
    return prefixes.filter((prefix) => !ranges.some((range) => isWithin(prefix, range) === true));
  }),
  // CIDR maths: the smallest subnet whose usable addresses (Azure keeps 5) hold twice the plan's largest scale,
  // never smaller than /28 (migrate-gateway-based-vnet-integration: /28 = 5, /27 = 13, /26 = 29 instances).
  'migration.requiredPrefix': derive(['plan.maxInstances'], (get) => {
    const instances = number(get('plan.maxInstances'));
    if (instances === undefined) return undefined;
    for (let prefix = REGIONAL_SUBNET_MIN_PREFIX; prefix >= 16; prefix -= 1) if (2 ** (32 - prefix) - 5 >= 2 * instances) return prefix;
    return 16;
  }),
  // CIDR maths: a range for a new integration subnet: the first block of the size the plan needs (at least a
  // /26) that no subnet of the VNet uses. Unknown until the VNet's space and subnets are read.
  'migration.newSubnetPrefix': derive(['vnet.addressSpace', 'vnet.subnetPrefixes', 'migration.requiredPrefix'], (get) => {
    const space = list(get('vnet.addressSpace'));
    const subnets = list(get('vnet.subnetPrefixes'));
    if (!space || !subnets) return undefined;
    const required = number(get('migration.requiredPrefix'));
    return firstFreeBlock(space, subnets, Math.min(required ?? REGIONAL_SUBNET_RECOMMENDED_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX));
  }),
  // CIDR maths: the range the app moves to, chosen as the runbook chooses it (src/migrate/subnet-choice.ts):
  // a new VNet's subnet for a VNet in another region; the free subnet when it is at least a /28,
  // holds twice the plan's largest scale and is not shared below /26; else a new range of the VNet
  // clear of its subnets, the pool, peers and on-premises.
  // Source: learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration (subnet sizing, multi-plan subnet join)
  'migration.integrationSubnetPrefix': derive([
    'vnet.crossRegion', 'migration.newVnetSubnetPrefix', 'migration.hasFreeSubnet', 'migration.freeSubnetPrefix', 'migration.freeSubnetInUse', 'migration.requiredPrefix',
    'vnet.addressSpace', 'vnet.subnetPrefixes', 'p2s.addressPool', 'peering.remoteAddressSpace', 'onprem.prefixes',
  ], (get) => {
    if (get('vnet.crossRegion') === true) return get('migration.newVnetSubnetPrefix');
    if (get('vnet.crossRegion') !== false) return undefined;
    const required = number(get('migration.requiredPrefix'));
    const free = get('migration.freeSubnetPrefix');
    const length = typeof free === 'string' ? Number(free.split('/')[1]) : undefined;
    const fits = length !== undefined && Number.isInteger(length) && length <= REGIONAL_SUBNET_MIN_PREFIX && (required === undefined || length <= required)
      && (get('migration.freeSubnetInUse') !== true || length <= MULTI_PLAN_SUBNET_MIN_PREFIX);
    if (get('migration.hasFreeSubnet') === true && fits) return free;
    const space = list(get('vnet.addressSpace'));
    const subnets = list(get('vnet.subnetPrefixes'));
    if (!space || !subnets) return undefined;
    const taken = [...subnets, ...['p2s.addressPool', 'peering.remoteAddressSpace', 'onprem.prefixes'].flatMap((key) => list(get(key)) ?? [])];
    return firstFreeBlock(space, taken, Math.min(required ?? REGIONAL_SUBNET_RECOMMENDED_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX));
  }),
  // CIDR maths: each Allow rule's sources with the integration subnet added (the pool stays until the clean-up,
  // for a rollback), one item per rule, lined up with migration.poolAllowRuleIds. A bare address
  // is written as its /32, which NSGs take alike.
  'migration.poolAllowRuleNewSources': derive(['migration.poolAllowRuleSources', 'migration.integrationSubnetPrefix'], (get) => {
    const rules = list(get('migration.poolAllowRuleSources'));
    const subnet = get('migration.integrationSubnetPrefix');
    if (!rules || typeof subnet !== 'string') return undefined;
    return rules.map((sources) => {
      const prefixes = sources.split(/\s+/).filter((prefix) => prefix !== '').map((prefix) => (prefix.includes('/') ? prefix : `${prefix}/32`));
      return (prefixes.includes(subnet) ? prefixes : [...prefixes, subnet]).join(' ');
    });
  }),
  // CIDR maths: the free subnet's prefix length (/28 -> 28).
  'migration.freeSubnetLength': derive(['migration.freeSubnetPrefix'], (get) => {
    const prefix = get('migration.freeSubnetPrefix');
    if (typeof prefix !== 'string') return undefined;
    const length = Number(prefix.split('/')[1]);
    return Number.isInteger(length) ? length : undefined;
  }),
};
