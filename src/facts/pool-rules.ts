/**
 * Inbound NSG rules that name the point-to-site pool by its address: after the move to regional
 * integration the app's traffic comes from the integration subnet instead, so each such rule needs
 * the subnet's range too (learn.microsoft.com/azure/app-service/overview-vnet-integration). Rules
 * that use the VirtualNetwork tag cover the subnet already and are not listed.
 */
import type { NetworkSecurityGroup, SecurityRule } from '@azure/arm-network';
import { overlaps } from '../engine/net.ts';

export interface PoolRuleMatch {
  readonly rule: SecurityRule;
  readonly sourcePrefixes: string[];
}

const isAddress = (prefix: string) => /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(prefix);
const asRange = (prefix: string) => (prefix.includes('/') ? prefix : `${prefix}/32`);

/**
 * Inbound rules (Allow or Deny) whose source names an address inside or around the pool. A Deny
 * rule stops matching the app after the move too, which may be what was intended or not.
 */
export function rulesNamingPool(nsg: NetworkSecurityGroup, pool: readonly string[]): PoolRuleMatch[] {
  return (nsg.securityRules ?? [])
    .filter((rule) => (rule.direction ?? '').toLowerCase() === 'inbound')
    .map((rule) => ({ rule, sourcePrefixes: [...(rule.sourceAddressPrefix ? [rule.sourceAddressPrefix] : []), ...(rule.sourceAddressPrefixes ?? [])] }))
    .filter(({ sourcePrefixes }) => sourcePrefixes.some((prefix) => isAddress(prefix) && pool.some((range) => overlaps(asRange(prefix), range) === true)))
    .sort((a, b) => (a.rule.priority ?? 65535) - (b.rule.priority ?? 65535));
}
