/**
 * When ARM (or something posing as it) sends what no ARM API sends, the reason says what
 * arrived: the status, the content type and the first bytes, escaped. No JavaScript error text
 * ("e.map is not a function") reaches the report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listSubscriptions, listWebApps } from '../../src/facts/arm/discovery.ts';
import { UnusableArmAnswerError } from '../../src/facts/gather-facts.ts';
import { contextFor, gatherThrough, withEmulator } from './support.ts';

const HTML = '<html><head><title>Sign in</title></head><body>\u001b[31mProxy login\u0007 required</body></html>';

test('an HTML page with status 200 for a bare-array list: the reason shows status, content type and the escaped first bytes', async () => {
  await withEmulator('healthy', { faults: [{ path: '/sites/contoso-api/virtualNetworkConnections', rawBody: { contentType: 'text/html; charset=utf-8', text: HTML } }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    const reason = g.facts['app.integrationType']?.reason ?? '';
    assert.equal(g.facts['app.integrationType']?.value, null);
    assert.match(reason, /^ARM answered 200 with text\/html instead of JSON: "<html><head><title>Sign in<\/title>/);
    assert.ok(reason.includes('\\x1b[31mProxy'), 'control characters are escaped, not raw');
    assert.ok(!/[\u0000-\u001f]/.test(reason));
    assert.doesNotMatch(reason, /is not a function|Cannot read/);
  });
});

test('an HTML page with status 200 for a paged list and for a single resource: same kind of reason', async () => {
  const faults = [
    { path: '/virtualNetworkGateways', rawBody: { contentType: 'text/html', text: HTML } },
    { path: '/serverfarms/asp-contoso?', rawBody: { contentType: 'text/html', text: HTML } },
  ];
  await withEmulator('healthy', { faults }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.match(g.facts['gateway.exists']?.reason ?? '', /^ARM answered 200 with text\/html instead of JSON: "<html>/);
    assert.match(g.facts['plan.tier']?.reason ?? '', /^ARM answered 200 with text\/html instead of JSON: "<html>/);
  });
});

test('JSON that is cut off, sent as JSON: the reason says so instead of a parser message with the whole body', async () => {
  const faults = [{ path: '/virtualNetworks/vnet-hub?', rawBody: { contentType: 'application/json', text: '{"id": "/subscriptions/x", "properties": {' } }];
  await withEmulator('healthy', { faults }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.match(g.facts['vnet.name']?.reason ?? '', /^ARM answered 200 with application\/json instead of JSON: "\{"id": "\/subscriptions\/x"/);
  });
});

test('an error page that is not ARM JSON (a proxy 502): status, content type and first bytes', async () => {
  const rawBody = { status: 502, contentType: 'text/html', text: '<html><body>502 Bad Gateway</body></html>' };
  await withEmulator('healthy', { faults: [{ path: '/serverfarms/asp-contoso?', rawBody }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.equal(g.facts['plan.tier']?.reason, 'ARM answered 502 with text/html: "<html><body>502 Bad Gateway</body></html>"');
  });
});

test('an object where App Service sends a bare list: what ARM sent, not a JavaScript error', async () => {
  await withEmulator('healthy', { faults: [{ path: '/sites/contoso-api/virtualNetworkConnections', rawBody: { contentType: 'application/json', text: '{"value": []}' } }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    const reason = g.facts['app.integrationType']?.reason ?? '';
    assert.equal(reason, 'ARM answered 200 with application/json that does not have the shape of this resource: "{"value": []}"');
    assert.doesNotMatch(reason, /is not a function/);
  });
});

test('a paged list whose value is not a list: what ARM sent', async () => {
  await withEmulator('healthy', { faults: [{ path: '/virtualNetworkGateways', rawBody: { contentType: 'application/json', text: '{"value": "gw-hub"}' } }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.equal(g.facts['gateway.exists']?.reason, 'ARM answered 200 with application/json that does not have the shape of this resource: "{"value": "gw-hub"}"');
  });
});

test("the wizard's pickers say the same: ARM's status and message, or what ARM sent", async () => {
  const faults = [
    { path: '/subscriptions?', status: 403 as const },
    { path: '/providers/microsoft.web/sites?', rawBody: { contentType: 'text/html', text: HTML } },
  ];
  await withEmulator('healthy', { faults }, async (emulator) => {
    const ctx = contextFor(emulator);
    await assert.rejects(listSubscriptions(ctx), { message: 'cannot list subscriptions: ARM 403 Forbidden: Injected 403 Forbidden for /subscriptions.' });
    await assert.rejects(listWebApps(ctx, '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b'), (error: Error) => /^cannot list the web apps: ARM answered 200 with text\/html instead of JSON: "<html>/.test(error.message));
  });
});

test('a resource whose fields have types no ARM API sends never escapes as a JavaScript error: a reason, or a clear refusal naming the app', async () => {
  const site = '{"id":"/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-web/providers/Microsoft.Web/sites/contoso-api","kind":3,"properties":{"serverFarmId":5,"siteConfig":{"vnetName":7}}}';
  await withEmulator('healthy', { faults: [{ path: '/sites/contoso-api?', rawBody: { contentType: 'application/json', text: site } }] }, async (emulator, scenario) => {
    try {
      const g = await gatherThrough(emulator, scenario);
      assert.ok(g.errors.length > 0, 'the odd answer is reported');
    } catch (error) {
      assert.ok(error instanceof UnusableArmAnswerError, `not a raw ${(error as Error).name}: ${(error as Error).message}`);
      assert.match(error.message, /^ARM's answers about contoso-api could not be used \(/);
    }
  });
});
