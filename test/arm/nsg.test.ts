/** The NSG rule evaluator that decides `nsg.blocksP2s` / `nsg.blockingRule`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkSecurityGroup, SecurityRule } from '@azure/arm-network';
import { nsgVerdict } from '../../src/facts/nsg.ts';

const POOL = ['172.16.200.0/24'];
const TARGET = '10.10.1.20';

const rule = (name: string, priority: number, access: 'Allow' | 'Deny', fields: Partial<SecurityRule> = {}): SecurityRule => ({
  name, priority, access, direction: 'Inbound', protocol: 'Tcp', sourceAddressPrefix: '*', destinationAddressPrefix: '*',
  sourcePortRange: '*', destinationPortRange: '*', ...fields,
});
const nsg = (...securityRules: SecurityRule[]): NetworkSecurityGroup => ({ securityRules });

test('with only the default rules, the P2S pool is allowed (VirtualNetwork covers it)', () => {
  assert.deepEqual(nsgVerdict(nsg(), POOL, TARGET, 1433), { blocksP2s: false, blockingRule: undefined, decidingRule: 'AllowVnetInBound' });
});

test('a Deny for the pool on the target port blocks it and is named', () => {
  const verdict = nsgVerdict(nsg(rule('deny-p2s', 200, 'Deny', { sourceAddressPrefix: '172.16.0.0/16', destinationPortRange: '1400-1500' })), POOL, TARGET, 1433);
  assert.equal(verdict.blocksP2s, true);
  assert.equal(verdict.blockingRule, 'deny-p2s');
});

test('rules apply in priority order: a lower-numbered Allow wins over a Deny', () => {
  const verdict = nsgVerdict(nsg(
    rule('deny-all', 300, 'Deny'),
    rule('allow-sql', 100, 'Allow', { sourceAddressPrefixes: ['172.16.200.0/24'], destinationPortRanges: ['1433'] }),
  ), POOL, TARGET, 1433);
  assert.equal(verdict.blocksP2s, false);
  assert.equal(verdict.decidingRule, 'allow-sql');
});

test('a rule for another port, protocol, destination or source does not apply', () => {
  const blockers = [
    rule('other-port', 100, 'Deny', { destinationPortRange: '443' }),
    rule('udp-only', 101, 'Deny', { protocol: 'Udp' }),
    rule('other-subnet', 102, 'Deny', { destinationAddressPrefix: '10.10.2.0/24' }),
    rule('other-source', 103, 'Deny', { sourceAddressPrefix: '192.168.0.0/16' }),
    rule('outbound', 104, 'Deny', { direction: 'Outbound' }),
  ];
  assert.equal(nsgVerdict(nsg(...blockers), POOL, TARGET, 1433).blocksP2s, false);
});

test('a service tag or a Deny covering only part of the pool makes the verdict unknown', () => {
  const tagged = nsgVerdict(nsg(rule('deny-tag', 100, 'Deny', { sourceAddressPrefix: 'AzureCloud' })), POOL, TARGET, 1433);
  assert.equal(tagged.blocksP2s, undefined);
  assert.match(tagged.reason ?? '', /deny-tag/);
  const partial = nsgVerdict(nsg(rule('deny-half', 100, 'Deny', { sourceAddressPrefix: '172.16.200.0/25' })), POOL, TARGET, 1433);
  assert.equal(partial.blocksP2s, undefined);
});

test('an unknown rule does not matter when every outcome agrees', () => {
  const verdict = nsgVerdict(nsg(
    rule('deny-tag', 100, 'Deny', { sourceAddressPrefix: 'AzureCloud' }),
    rule('deny-pool', 200, 'Deny', { sourceAddressPrefix: '172.16.200.0/24' }),
  ), POOL, TARGET, 1433);
  assert.equal(verdict.blocksP2s, true);
  assert.equal(verdict.blockingRule, 'deny-pool');
});
