/** Route ranges, certificate expiry, resource ids and DNS lists: the small parsers behind the facts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeToCidrs, routeToCidrs } from '../../src/facts/arm/route-ranges.ts';
import { certificateExpiry } from '../../src/facts/arm/certificate.ts';
import { parseResourceId } from '../../src/facts/arm/resource-id.ts';
import { splitList } from '../../src/facts/arm/fact-values.ts';
import { connectionFacts } from '../../src/facts/arm/map-app.ts';
import { createSelfSignedCertificate } from '../../src/emulator/x509.ts';

test('App Service route ranges become minimal CIDR lists', () => {
  assert.deepEqual(rangeToCidrs('10.0.0.0', '10.0.255.255'), ['10.0.0.0/16']);
  assert.deepEqual(rangeToCidrs('10.0.0.0', '10.0.2.255'), ['10.0.0.0/23', '10.0.2.0/24']);
  assert.deepEqual(rangeToCidrs('192.168.1.5', '192.168.1.5'), ['192.168.1.5/32']);
  assert.deepEqual(routeToCidrs({ startAddress: '172.16.0.0/12' }), ['172.16.0.0/12']);
  assert.equal(rangeToCidrs('10.0.1.0', '10.0.0.0'), undefined);
  assert.equal(routeToCidrs({ startAddress: 'not-an-ip' }), undefined);
});

test('the certificate expiry comes from the public certificate blob; junk yields undefined', () => {
  const { der } = createSelfSignedCertificate({ commonName: 'test', notBefore: new Date('2024-01-01'), notAfter: new Date('2032-03-04T12:00:00Z') });
  assert.equal(certificateExpiry(der.toString('base64')), '2032-03-04');
  assert.equal(certificateExpiry('bm90IGEgY2VydGlmaWNhdGU='), undefined);
  assert.equal(certificateExpiry(undefined), undefined);
});

test('resource ids parse case-insensitively and reject other shapes', () => {
  const id = parseResourceId('/subscriptions/s1/resourcegroups/RG/providers/Microsoft.ClassicNetwork/virtualNetworks/old-vnet');
  assert.deepEqual([id?.subscriptionId, id?.resourceGroup, id?.provider, id?.type, id?.name], ['s1', 'RG', 'Microsoft.ClassicNetwork', 'virtualNetworks', 'old-vnet']);
  assert.equal(parseResourceId('/subscriptions/s1/resourceGroups/rg'), undefined);
});

test('DNS server lists: the REST comma-separated string, and arrays defensively', () => {
  assert.deepEqual(splitList('10.0.0.4,10.0.0.5'), ['10.0.0.4', '10.0.0.5']);
  assert.deepEqual(splitList(' 10.0.0.4, 10.0.0.5 ;10.0.0.6'), ['10.0.0.4', '10.0.0.5', '10.0.0.6']);
  assert.deepEqual(splitList(['10.0.0.4', '10.0.0.5']), ['10.0.0.4', '10.0.0.5']);
  assert.deepEqual(splitList(['10.0.0.4,10.0.0.5', 7, null]), ['10.0.0.4', '10.0.0.5']);
  assert.deepEqual(splitList(''), []);
  assert.deepEqual(splitList(null), []);
  assert.deepEqual(splitList(undefined), []);
  const vnetResourceId = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet1';
  for (const dnsServers of ['10.0.0.4,10.0.0.5', ['10.0.0.4', '10.0.0.5']]) {
    const { facts } = connectionFacts([{ name: 'vnet1', vnetResourceId, isSwift: false, dnsServers } as never], undefined);
    assert.deepEqual(facts['app.dnsServers']?.value, ['10.0.0.4', '10.0.0.5']);
  }
});
