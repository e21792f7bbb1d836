/**
 * `{{key | each}}` repeats a step once per item of a list (issue 12 item 30: ask every DNS server,
 * not only the first): each repetition is copy-ready on its own, with its item quoted for the shell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSteps } from '../../src/engine/render-step.ts';
import type { FactValue, Step } from '../../src/engine/types.ts';

const catalogue = {
  'vnet.dnsServers': { type: 'text-list', label: 'VNet DNS server' },
  'dns.testName': { type: 'hostname', label: 'host name to resolve' },
} as const;
const step: Step = { kind: 'kudu', text: 'Ask {{vnet.dnsServers | each}} on its own.', command: 'nameresolver {{dns.testName}} {{vnet.dnsServers | each}}' };
const lookup = (values: Record<string, FactValue>) => (key: string) => (Object.hasOwn(values, key) ? values[key] : undefined);

test('a step over a list of three servers becomes three steps, one server each, in order', () => {
  const steps = renderSteps(step, lookup({ 'dns.testName': 'db.contoso.internal', 'vnet.dnsServers': ['10.0.0.4', '10.0.0.5', '10.1.0.4'] }), catalogue);
  assert.deepEqual(steps.map((rendered) => rendered.command), [
    'nameresolver db.contoso.internal 10.0.0.4', 'nameresolver db.contoso.internal 10.0.0.5', 'nameresolver db.contoso.internal 10.1.0.4',
  ]);
  assert.deepEqual(steps.map((rendered) => rendered.text), ['Ask 10.0.0.4 on its own.', 'Ask 10.0.0.5 on its own.', 'Ask 10.1.0.4 on its own.']);
  assert.ok(steps.every((rendered) => rendered.blanks === undefined));
});

test('an unknown or empty list leaves one template step that names the blank', () => {
  for (const servers of [undefined, []]) {
    const values: Record<string, FactValue> = { 'dns.testName': 'db.contoso.internal', ...(servers === undefined ? {} : { 'vnet.dnsServers': servers }) };
    const steps = renderSteps(step, lookup(values), catalogue);
    assert.equal(steps.length, 1);
    assert.equal(steps[0]!.command, 'nameresolver db.contoso.internal <VNet DNS server>');
    assert.deepEqual(steps[0]!.blanks, ['VNet DNS server']);
  }
});

test('an item that breaks its rule is a blank in its own repetition only', () => {
  const steps = renderSteps(step, lookup({ 'dns.testName': 'db.contoso.internal', 'vnet.dnsServers': ['10.0.0.4', '10.0.0.5 & calc'] }), catalogue);
  assert.equal(steps[0]!.command, 'nameresolver db.contoso.internal 10.0.0.4');
  assert.equal(steps[0]!.blanks, undefined);
  assert.doesNotMatch(steps[1]!.command!, /calc/);
  assert.equal(steps[1]!.blanks?.length, 1);
});

test('a step without each is rendered once, as before', () => {
  const steps = renderSteps({ kind: 'kudu', text: 'As the app resolves.', command: 'nameresolver {{dns.testName}}' }, lookup({ 'dns.testName': 'db.contoso.internal' }), catalogue);
  assert.deepEqual(steps.map((rendered) => rendered.command), ['nameresolver db.contoso.internal']);
});

/** One NSG rule per step: its id and its sources (several ranges in one item of a cidr-list) go together. */
const ruleCatalogue = {
  'rules.ids': { type: 'text-list', label: 'rule resource id' },
  'rules.sources': { type: 'cidr-list', label: 'rule sources' },
} as const;
const ruleStep: Step = { kind: 'az', text: 'Update {{rules.ids | each}}.', command: 'az network nsg rule update --ids {{rules.ids | each}} --source-address-prefixes {{rules.sources | each}}' };
const RULE_A = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-data/securityRules/a';
const RULE_B = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-data/securityRules/b';

test('two lists in one step go item by item: the n-th id with the n-th sources, several ranges as several arguments', () => {
  const steps = renderSteps(ruleStep, lookup({ 'rules.ids': [RULE_A, RULE_B], 'rules.sources': ['172.16.200.0/24 10.10.2.0/26', '172.16.200.0/24 192.168.10.0/24 10.10.2.0/26'] }), ruleCatalogue);
  assert.deepEqual(steps.map((rendered) => rendered.command), [
    `az network nsg rule update --ids ${RULE_A} --source-address-prefixes 172.16.200.0/24 10.10.2.0/26`,
    `az network nsg rule update --ids ${RULE_B} --source-address-prefixes 172.16.200.0/24 192.168.10.0/24 10.10.2.0/26`,
  ]);
  assert.ok(steps.every((rendered) => rendered.blanks === undefined));
});

test('lists that do not line up give one template step, never one rule\'s id with another\'s sources', () => {
  const steps = renderSteps(ruleStep, lookup({ 'rules.ids': [RULE_A, RULE_B], 'rules.sources': ['172.16.200.0/24 10.10.2.0/26'] }), ruleCatalogue);
  assert.equal(steps.length, 1);
  assert.equal(steps[0]!.command, 'az network nsg rule update --ids <rule resource id> --source-address-prefixes <rule sources>');
});

test('a range in a several-range item that is not a range is a blank, never passed on', () => {
  const steps = renderSteps(ruleStep, lookup({ 'rules.ids': [RULE_A], 'rules.sources': ['172.16.200.0/24 $(reboot)'] }), ruleCatalogue);
  assert.doesNotMatch(steps[0]!.command!, /reboot/);
  assert.equal(steps[0]!.blanks?.length, 1);
});
