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
