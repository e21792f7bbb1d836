/**
 * Decides whether a network security group lets the point-to-site pool (the app's tunnel
 * addresses) reach a target IP and port, by walking the inbound rules in priority order as
 * Azure does. Service tags other than VirtualNetwork and application security groups cannot
 * be resolved offline, so a rule using them makes the verdict unknown unless every possible
 * outcome agrees.
 */
import type { NetworkSecurityGroup, SecurityRule } from '@azure/arm-network';
import { isWithin, overlaps } from '../engine/net.ts';

type Match = 'yes' | 'no' | 'unknown';

export interface NsgVerdict {
  /** true: a Deny rule applies first; false: an Allow rule applies first; undefined: cannot tell. */
  readonly blocksP2s?: boolean;
  /** The Deny rule that blocks the pool (when blocksP2s is true). */
  readonly blockingRule?: string;
  /** The rule that decided the verdict. */
  readonly decidingRule?: string;
  /** Why the verdict is unknown. */
  readonly reason?: string;
  /** Priority of the blocking rule. */
  readonly blockingPriority?: number;
  /**
   * The highest free inbound priority ahead of the blocking rule, for an Allow rule that must win
   * over it (priorities are unique per direction and run from 100 to 4096); undefined when none is free.
   */
  readonly allowPriority?: number;
}

/** NSG rule priorities users can set (learn.microsoft.com/azure/virtual-network/network-security-groups-overview). */
const LOWEST_PRIORITY = 100;

export function freePriorityBefore(rules: readonly SecurityRule[], before: number): number | undefined {
  const used = new Set(rules.filter((rule) => (rule.direction ?? 'Inbound').toLowerCase() === 'inbound').map((rule) => rule.priority));
  for (let priority = Math.min(before - 1, 4096); priority >= LOWEST_PRIORITY; priority -= 1) if (!used.has(priority)) return priority;
  return undefined;
}

/** Azure's built-in inbound rules, used when a payload omits `defaultSecurityRules`. */
export const DEFAULT_INBOUND_RULES: readonly SecurityRule[] = [
  { name: 'AllowVnetInBound', priority: 65000, direction: 'Inbound', access: 'Allow', protocol: '*', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: 'VirtualNetwork', sourcePortRange: '*', destinationPortRange: '*' },
  { name: 'AllowAzureLoadBalancerInBound', priority: 65001, direction: 'Inbound', access: 'Allow', protocol: '*', sourceAddressPrefix: 'AzureLoadBalancer', destinationAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '*' },
  { name: 'DenyAllInBound', priority: 65500, direction: 'Inbound', access: 'Deny', protocol: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', sourcePortRange: '*', destinationPortRange: '*' },
];

const ANY = ['*', 'any', '0.0.0.0/0'];
const isAny = (prefix: string) => ANY.includes(prefix.toLowerCase());
/** The VirtualNetwork tag covers the VNet and the address spaces connected through its gateway, P2S pools included. */
const isVnetTag = (prefix: string) => prefix.toLowerCase() === 'virtualnetwork';
const isAddress = (prefix: string) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(prefix);

const prefixes = (one: string | undefined, many: readonly string[] | undefined) => [...(one ? [one] : []), ...(many ?? [])];

function protocolMatch(rule: SecurityRule): Match {
  const protocol = (rule.protocol ?? '*').toLowerCase();
  return protocol === '*' || protocol === 'tcp' ? 'yes' : 'no';
}

function portMatch(rule: SecurityRule, port: number): Match {
  const ranges = prefixes(rule.destinationPortRange, rule.destinationPortRanges);
  if (ranges.length === 0) return 'yes';
  for (const range of ranges) {
    if (range === '*') return 'yes';
    const [low, high = low] = range.split('-').map((part) => Number(part.trim()));
    if (low === undefined || high === undefined || Number.isNaN(low) || Number.isNaN(high)) return 'unknown';
    if (port >= low && port <= high) return 'yes';
  }
  return 'no';
}

function destinationMatch(rule: SecurityRule, targetIp: string): Match {
  if ((rule.destinationApplicationSecurityGroups?.length ?? 0) > 0) return 'unknown';
  let result: Match = 'no';
  for (const prefix of prefixes(rule.destinationAddressPrefix, rule.destinationAddressPrefixes)) {
    if (isAny(prefix) || isVnetTag(prefix)) return 'yes';
    if (!isAddress(prefix)) { result = 'unknown'; continue; }
    if (isWithin(targetIp, prefix)) return 'yes';
  }
  return result;
}

/** 'yes' only when every pool prefix is covered: a rule that catches part of the pool may or may not catch the app's address. */
function sourceMatch(rule: SecurityRule, pool: readonly string[]): Match {
  if ((rule.sourceApplicationSecurityGroups?.length ?? 0) > 0) return 'no'; // an ASG holds NICs, never the P2S pool
  const rulePrefixes = prefixes(rule.sourceAddressPrefix, rule.sourceAddressPrefixes);
  if (rulePrefixes.some((p) => isAny(p) || isVnetTag(p))) return 'yes';
  const hasTag = rulePrefixes.some((p) => !isAddress(p));
  const covered = pool.every((poolPrefix) => rulePrefixes.some((p) => isAddress(p) && isWithin(poolPrefix, p)));
  if (covered) return 'yes';
  const touches = pool.some((poolPrefix) => rulePrefixes.some((p) => isAddress(p) && overlaps(poolPrefix, p)));
  return touches || hasTag ? 'unknown' : 'no';
}

function ruleMatch(rule: SecurityRule, pool: readonly string[], targetIp: string, port: number): Match {
  const parts = [protocolMatch(rule), portMatch(rule, port), destinationMatch(rule, targetIp), sourceMatch(rule, pool)];
  return parts.includes('no') ? 'no' : parts.includes('unknown') ? 'unknown' : 'yes';
}

export function nsgVerdict(nsg: NetworkSecurityGroup, p2sPool: readonly string[], targetIp: string, port: number): NsgVerdict {
  const defaults = nsg.defaultSecurityRules && nsg.defaultSecurityRules.length > 0 ? nsg.defaultSecurityRules : DEFAULT_INBOUND_RULES;
  const rules = [...(nsg.securityRules ?? []), ...defaults]
    .filter((rule) => (rule.direction ?? 'Inbound').toLowerCase() === 'inbound')
    .sort((a, b) => (a.priority ?? 65535) - (b.priority ?? 65535));
  const uncertain: SecurityRule[] = [];
  for (const rule of rules) {
    const match = ruleMatch(rule, p2sPool, targetIp, port);
    if (match === 'no') continue;
    if (match === 'unknown') { uncertain.push(rule); continue; }
    const deny = (rule.access ?? '').toLowerCase() === 'deny';
    // Rules we could not evaluate come first; they matter only if they would decide otherwise.
    const conflicting = uncertain.find((other) => ((other.access ?? '').toLowerCase() === 'deny') !== deny);
    if (conflicting) return { reason: `rule ${conflicting.name} (priority ${conflicting.priority}) uses addresses or tags that cannot be checked here`, decidingRule: conflicting.name };
    if (!deny) return { blocksP2s: false, blockingRule: undefined, decidingRule: rule.name };
    // A default rule (65500) is beaten by any custom priority; the last user priority is 4096.
    const blockingPriority = rule.priority ?? 65535;
    return { blocksP2s: true, blockingRule: rule.name, decidingRule: rule.name, blockingPriority, allowPriority: freePriorityBefore(nsg.securityRules ?? [], blockingPriority) };
  }
  return uncertain.length > 0
    ? { reason: `rule ${uncertain[0]!.name} uses addresses or tags that cannot be checked here` }
    : { blocksP2s: false };
}
