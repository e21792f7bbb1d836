/**
 * The migration flow's facts about NSG rules that name the point-to-site pool (read from ARM with
 * the VNet's NSGs, the same rules `vnet-doctor migrate` lists). After the move the app's traffic
 * comes from the integration subnet, so each Allow rule needs the subnet's range as well
 * (learn.microsoft.com/azure/app-service/overview-vnet-integration: the source address is an
 * address of the integration subnet). Lists line up item by item: the n-th Allow rule's
 * description, resource id and sources, so one step per rule can name it and update it.
 */
import type { PoolRule } from '../migration-reads.ts';
import { armFact, type FactMap } from './fact-values.ts';

export const POOL_RULE_KEYS = ['migration.poolAllowRules', 'migration.poolAllowRuleIds', 'migration.poolAllowRuleSources', 'migration.poolDenyRules'];

/** "rule allow-vpn-sql of NSG nsg-data (priority 120, inbound, allow from 172.16.200.0/24, on subnet snet-data)": each name after its kind, as --redact reads them. */
export function describePoolRule(rule: PoolRule): string {
  const on = rule.subnets.filter((name) => name !== '');
  return `rule ${rule.rule} of NSG ${rule.nsg} (priority ${rule.priority}, ${rule.direction.toLowerCase()}, ${rule.access.toLowerCase()} from ${rule.sourcePrefixes.join(', ')}${on.length > 0 ? `, on ${on.map((name) => `subnet ${name}`).join(', ')}` : ''})`;
}

export function poolRuleFacts(rules: readonly PoolRule[], read: string): FactMap {
  const allow = rules.filter((rule) => rule.access === 'Allow');
  return {
    'migration.poolAllowRules': armFact(allow.map(describePoolRule), read),
    'migration.poolAllowRuleIds': armFact(allow.map((rule) => rule.id), read),
    'migration.poolAllowRuleSources': armFact(allow.map((rule) => rule.sourcePrefixes.join(' ')), read),
    'migration.poolDenyRules': armFact(rules.filter((rule) => rule.access === 'Deny').map(describePoolRule), read),
  };
}
