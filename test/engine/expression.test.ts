import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/engine/expression.ts';
import type { FactValue } from '../../src/engine/types.ts';

const facts: Record<string, FactValue> = {
  'p2s.addressPool': ['172.16.200.0/24'],
  'vnet.addressSpace': ['10.1.0.0/16', '10.2.0.0/16'],
  'plan.vnetCount': 6,
  'gateway.sku': 'VpnGw1',
  'p2s.protocols': ['SSTP', 'IkeV2'],
};
const lookup = (key: string) => facts[key];

test('comparisons are case-insensitive for text and typed for numbers', () => {
  assert.equal(evaluate({ fact: 'gateway.sku', eq: 'vpngw1' }, lookup), true);
  assert.equal(evaluate({ fact: 'plan.vnetCount', gt: 5 }, lookup), true);
  assert.equal(evaluate({ fact: 'gateway.sku', gt: 5 }, lookup), undefined);
  assert.equal(evaluate({ fact: 'p2s.protocols', contains: 'ikev2' }, lookup), true);
  assert.equal(evaluate({ fact: 'gateway.sku', in: ['Basic', 'VpnGw1'] }, lookup), true);
});

test('RFC 1918 membership uses exact block boundaries', () => {
  const pool = (prefixes: string[]) => (key: string) => (key === 'p' ? prefixes : undefined);
  assert.equal(evaluate({ fact: 'p', rfc1918: true }, pool(['172.31.255.0/24'])), true);
  assert.equal(evaluate({ fact: 'p', rfc1918: true }, pool(['172.32.0.0/16'])), false);
  assert.equal(evaluate({ fact: 'p', rfc1918: true }, pool(['172.16.0.0/11'])), false, '/11 spills past 172.16.0.0/12');
  assert.equal(evaluate({ fact: 'p', rfc1918: true }, pool(['10.0.0.0/24', '100.64.0.0/24'])), false, 'every prefix must be inside');
  assert.equal(evaluate({ fact: 'p', rfc1918: false }, pool(['192.169.0.0/24'])), true);
});

test('within checks every prefix against a list of prefixes', () => {
  assert.equal(evaluate({ fact: 'p2s.addressPool', within: 'vnet.addressSpace' }, lookup), false);
  const routes = (key: string) => (key === 'r' ? ['10.0.0.0/8'] : facts[key]);
  assert.equal(evaluate({ fact: 'vnet.addressSpace', within: 'r' }, routes), true);
});

test('unknown facts give unknown, and all/any/not follow three-valued logic', () => {
  assert.equal(evaluate({ fact: 'missing', eq: true }, lookup), undefined);
  assert.equal(evaluate({ fact: 'missing', known: true }, lookup), false);
  assert.equal(evaluate({ all: [{ fact: 'missing', eq: true }, { fact: 'plan.vnetCount', lt: 5 }] }, lookup), false);
  assert.equal(evaluate({ all: [{ fact: 'missing', eq: true }, { fact: 'plan.vnetCount', gt: 5 }] }, lookup), undefined);
  assert.equal(evaluate({ any: [{ fact: 'missing', eq: true }, { fact: 'plan.vnetCount', gt: 5 }] }, lookup), true);
  assert.equal(evaluate({ not: { fact: 'missing', eq: true } }, lookup), undefined);
});
