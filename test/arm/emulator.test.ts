/** The emulator itself: TLS trust, token check, routing, and the wizard's discovery and NSG calls through it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { listSubscriptions, listWebApps } from '../../src/facts/arm/discovery.ts';
import { fetchNsgFacts } from '../../src/facts/arm/fetch-nsg.ts';
import { contextFor, withEmulator, TEST_TOKEN } from './support.ts';

const get = (url: string, ca: string | undefined, token?: string) => new Promise<{ status: number; body: any }>((resolve, reject) => {
  const req = request(url, { ca, headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
    let text = '';
    res.on('data', (chunk) => { text += chunk; });
    res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
  });
  req.on('error', reject);
  req.end();
});

test('TLS: trusted only with the emulator CA; the certificate names 127.0.0.1', async () => {
  await withEmulator('healthy', {}, async (emulator) => {
    assert.match(new X509Certificate(emulator.ca).subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
    assert.ok(new URL(emulator.url).hostname === '127.0.0.1');
    await assert.rejects(get(`${emulator.url}/subscriptions`, undefined, TEST_TOKEN), /self-signed|certificate/);
    assert.equal((await get(`${emulator.url}/subscriptions`, emulator.ca, TEST_TOKEN)).status, 200);
  });
});

test('requests without the token get ARM 401; unknown resources ARM 404', async () => {
  await withEmulator('healthy', {}, async (emulator, scenario) => {
    const denied = await get(`${emulator.url}${scenario.target.app}`, emulator.ca);
    assert.equal(denied.status, 401);
    assert.equal(denied.body.error.code, 'InvalidAuthenticationToken');
    const missing = await get(`${emulator.url}${scenario.target.app}x`, emulator.ca, TEST_TOKEN);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'ResourceNotFound');
  });
});

test('discovery: subscriptions and web apps for the picker', async () => {
  await withEmulator('cross-subscription-vnet', {}, async (emulator) => {
    const ctx = contextFor(emulator);
    const subscriptions = await listSubscriptions(ctx);
    assert.equal(subscriptions.length, 2);
    const apps = await listWebApps(ctx, '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b');
    assert.deepEqual(apps.map((a) => [a.name, a.resourceGroup, a.hasVnetConnection]), [['contoso-api', 'rg-contoso-web', true]],
      'a gateway-required connection, which the app list does not show, marks the app');
  });
});

test('NSG facts for a named target: the subnet NSG denies the pool on 1433, not on 443', async () => {
  await withEmulator('nsg-blocks-p2s', {}, async (emulator) => {
    const ctx = contextFor(emulator);
    const vnet = { subscriptionId: '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b', resourceGroup: 'rg-contoso-network', name: 'vnet-hub' };
    const sql = await fetchNsgFacts(ctx, { vnet, targetIp: '10.10.1.4', port: 1433, p2sPool: ['172.16.200.0/24'] });
    assert.equal(sql.facts['nsg.blocksP2s']?.value, true);
    assert.equal(sql.facts['nsg.blockingRule']?.value, 'deny-vpn-clients-sql');
    assert.equal(sql.facts['nsg.name']?.value, 'nsg-data');
    const web = await fetchNsgFacts(ctx, { vnet, targetIp: '10.10.1.4', port: 443, p2sPool: ['172.16.200.0/24'] });
    assert.equal(web.facts['nsg.blocksP2s']?.value, false);
    const noNsg = await fetchNsgFacts(ctx, { vnet, targetIp: '10.10.2.10', port: 1433, p2sPool: ['172.16.200.0/24'] });
    assert.equal(noNsg.facts['nsg.blocksP2s']?.value, false);
    assert.deepEqual([...sql.errors, ...web.errors, ...noNsg.errors], []);
  });
});
