/**
 * The Allow rule the tool proposes must be accepted by Azure and win over the deny rule: a
 * priority that is free (priorities are unique per direction) and lower than the deny rule's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkSecurityGroup } from '@azure/arm-network';
import { freePriorityBefore, nsgVerdict } from '../../src/facts/nsg.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';

test('demo nsg-blocks-p2s: a rule already sits at 100, the deny rule at 110, so the Allow rule gets 109', () => {
  const resource = loadScenario('nsg-blocks-p2s').resources.find((r) => r.id.endsWith('/networkSecurityGroups/nsg-data'))!;
  // The scenario holds the REST payload; the SDK hands nsgVerdict its rules flattened.
  const rest = (resource as unknown as { properties: { securityRules: { name: string; properties: object }[] } }).properties;
  const nsg: NetworkSecurityGroup = { name: 'nsg-data', securityRules: rest.securityRules.map((rule) => ({ name: rule.name, ...rule.properties })) };
  const verdict = nsgVerdict(nsg, ['172.16.200.0/24'], '10.10.1.5', 1433);
  assert.deepEqual([verdict.blocksP2s, verdict.blockingRule, verdict.blockingPriority, verdict.allowPriority], [true, 'deny-vpn-clients-sql', 110, 109]);
});

test('a free priority skips taken ones, ignores outbound rules, and does not exist ahead of a deny rule at 100', () => {
  const rules = [
    { name: 'a', priority: 199, direction: 'Inbound' }, { name: 'b', priority: 198, direction: 'Inbound' }, { name: 'c', priority: 197, direction: 'Outbound' },
  ] as const;
  assert.equal(freePriorityBefore(rules, 200), 197);
  assert.equal(freePriorityBefore([], 100), undefined);
  assert.equal(freePriorityBefore([], 65500), 4096, 'ahead of a default rule, the last user priority');
});
