/**
 * Paging ends: a nextLink that repeats a page ends the list, a list is cut at MAX_LIST_PAGES,
 * and a next page that never answers gets the same timeout and abort signal as the first. The
 * real SDK pagers run against the emulator with the hostile nextLink injected.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Fault } from '../../src/emulator/server.ts';
import { MAX_LIST_PAGES } from '../../src/facts/arm/paging.ts';
import { listSubscriptions } from '../../src/facts/arm/discovery.ts';
import { contextFor, gatherThrough, withEmulator } from './support.ts';

const GATEWAYS = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworkGateways';
const gatewayPages = (requests: readonly { path: string }[]) => requests.filter((r) => r.path.toLowerCase() === GATEWAYS.toLowerCase()).length;

test('a nextLink pointing to its own page: read twice, then the list ends as an error and its facts stay unknown', async () => {
  await withEmulator('healthy', { faults: [{ path: '/virtualNetworkGateways', nextLink: 'self' }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.equal(gatewayPages(emulator.requests), 2, 'the repeated page is not read a third time');
    assert.equal(g.facts['gateway.exists']?.value, null);
    assert.match(g.facts['gateway.exists']?.reason ?? '', /same nextLink twice/);
    assert.equal(g.facts['vnet.name']?.value, 'vnet-hub');
  });
});

test(`a list that keeps handing out new nextLinks is cut at ${MAX_LIST_PAGES} pages`, async () => {
  await withEmulator('healthy', { faults: [{ path: '/virtualNetworkGateways', nextLink: 'endless' }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.equal(gatewayPages(emulator.requests), MAX_LIST_PAGES);
    assert.match(g.facts['gateway.exists']?.reason ?? '', new RegExp(`past ${MAX_LIST_PAGES} pages`));
  });
});

test("the subscription picker's own paging ends on a repeated nextLink too", async () => {
  await withEmulator('healthy', { faults: [{ path: '/subscriptions?', nextLink: 'self' }] }, async (emulator) => {
    await assert.rejects(listSubscriptions(contextFor(emulator)), /same nextLink twice/);
    assert.equal(emulator.requests.filter((r) => r.path === '/subscriptions').length, 2);
  });
});

const hangingSecondPage: Fault[] = [
  { path: 'skiptoken=hang', hang: true },
  { path: '/virtualNetworkGateways', nextLink: `{origin}${GATEWAYS}?api-version=2024-05-01&$skiptoken=hang` },
];

test('a next page that never answers is cut by the per-call timeout; the list is unknown, the rest is read', async () => {
  await withEmulator('healthy', { faults: hangingSecondPage }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario, { timeoutMs: 300 });
    assert.match(g.facts['gateway.exists']?.reason ?? '', /timed out after 0\.3 s/);
    assert.equal(g.facts['vnet.name']?.value, 'vnet-hub');
    const hung = emulator.requests.find((r) => r.url.includes('skiptoken=hang'));
    assert.ok(hung, 'the second page was asked for');
    assert.equal(await emulator.whenClosed(hung), true, 'the hanging request was closed by the client, not left open');
  });
});

test('cancelling while a next page hangs ends the gathering at once, as an abort', async () => {
  await withEmulator('healthy', { faults: hangingSecondPage }, async (emulator, scenario) => {
    const controller = new AbortController();
    // A timeout far beyond any test run: only the abort can end the hanging page.
    const gathering = gatherThrough(emulator, scenario, { signal: controller.signal, timeoutMs: 3_600_000 });
    const hung = await emulator.waitForRequest((r) => r.url.includes('skiptoken=hang'));
    controller.abort();
    await assert.rejects(gathering, { name: 'AbortError' });
    assert.equal(await emulator.whenClosed(hung), true, 'the hanging request was closed');
  });
});
