/**
 * The bearer token goes to the ARM endpoint in use and nowhere else. A second emulator on
 * 127.0.0.2 plays "another host" and accepts the same token, so anything sent to it shows in
 * its request log; ARM (the emulator on 127.0.0.1) names it in a nextLink or a redirect. The
 * real SDK clients and the project's own paging run against both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type Fault, type RunningEmulator } from '../../src/emulator/server.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { clientOptions } from '../../src/facts/arm/clients.ts';
import { listSubscriptions, listWebApps } from '../../src/facts/arm/discovery.ts';
import { contextFor, gatherThrough, withEmulator, TEST_TOKEN } from './support.ts';
import type { FactGathering } from '../../src/facts/gather-facts.ts';

const SUBSCRIPTION = '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b';
const GATEWAYS = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworkGateways`;

/** Another host that would gladly answer with the same token: its log shows what reached it. */
async function withOtherHost<T>(host: '127.0.0.1' | '127.0.0.2', run: (other: RunningEmulator) => Promise<T>): Promise<T> {
  const other = await startEmulator({ scenario: loadScenario('healthy'), token: TEST_TOKEN, host });
  try {
    return await run(other);
  } finally {
    await other.stop();
  }
}

const unknownBecause = (g: FactGathering, key: string): string => {
  assert.equal(g.facts[key]?.value, null, `${key} stays unknown`);
  return g.facts[key]!.reason ?? '';
};

test('a nextLink to another host (127.0.0.2) is not followed: no request there, the list is an error naming the host, its facts unknown', async () => {
  await withOtherHost('127.0.0.2', async (other) => {
    const faults: Fault[] = [{ path: '/virtualNetworkGateways', nextLink: `${other.url}${GATEWAYS}?api-version=2024-05-01&$skiptoken=2` }];
    await withEmulator('healthy', { faults }, async (emulator, scenario) => {
      const g = await gatherThrough(emulator, scenario);
      assert.deepEqual(other.requests, [], 'the other host received nothing, so no token');
      const host = new URL(other.url).host;
      assert.ok(unknownBecause(g, 'gateway.exists').includes(host), 'the reason names the host');
      unknownBecause(g, 'p2s.addressPool');
      const error = g.errors.find((e) => e.source === 'LIST virtualNetworkGateways in rg-contoso-network');
      assert.ok(error && error.reason.includes(host), JSON.stringify(g.errors));
      assert.equal(g.facts['vnet.name']?.value, 'vnet-hub', 'other reads are not affected');
    });
  });
});

test('the same host on another port is another origin: not contacted', async () => {
  await withOtherHost('127.0.0.1', async (other) => {
    const faults: Fault[] = [{ path: '/providers/Microsoft.Network/connections', nextLink: `${other.url}/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-contoso-network/providers/Microsoft.Network/connections?$skiptoken=2` }];
    await withEmulator('healthy', { faults }, async (emulator, scenario) => {
      const g = await gatherThrough(emulator, scenario);
      assert.deepEqual(other.requests, []);
      assert.ok(unknownBecause(g, 's2s.exists').includes(new URL(other.url).host));
    });
  });
});

test("the wizard's pickers: a nextLink elsewhere in the subscription or app list is refused, with a reason naming the host", async () => {
  await withOtherHost('127.0.0.2', async (other) => {
    const host = new URL(other.url).host;
    const faults: Fault[] = [
      { path: '/subscriptions?', nextLink: `${other.url}/subscriptions?api-version=2022-12-01&$skiptoken=2` },
      { path: '/providers/microsoft.web/sites?', nextLink: `${other.url}/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Web/sites?$skiptoken=2` },
    ];
    await withEmulator('healthy', { faults }, async (emulator) => {
      const ctx = contextFor(emulator);
      await assert.rejects(listSubscriptions(ctx), (error: Error) => error.message.includes(host) && /subscriptions/.test(error.message));
      await assert.rejects(listWebApps(ctx, SUBSCRIPTION), (error: Error) => error.message.includes(host));
      assert.deepEqual(other.requests, []);
    });
  });
});

test('every client built from the context refuses any URL outside the ARM endpoint before sending it (the guard is in the pipeline)', async () => {
  await withOtherHost('127.0.0.2', async (other) => {
    await withEmulator('healthy', {}, async (emulator) => {
      const ctx = contextFor(emulator);
      const { getClient } = await import('@azure-rest/core-client');
      const client = getClient(ctx.endpoint, ctx.credential, clientOptions(ctx));
      await assert.rejects(async () => client.pathUnchecked(`${other.url}/subscriptions`).get(), (error: Error) => error.message.includes(new URL(other.url).host));
      assert.deepEqual(other.requests, []);
      assert.equal(Number((await client.pathUnchecked('/subscriptions').get()).status), 200, 'the endpoint itself still answers');
      assert.equal(emulator.requests.at(-1)?.authorization, true);
    });
  });
});

test('a redirect to another host is not followed and the reason says what ARM sent', async () => {
  await withOtherHost('127.0.0.2', async (other) => {
    const faults: Fault[] = [{ path: '/serverfarms/asp-contoso', redirectTo: `${other.url}/somewhere` }];
    await withEmulator('healthy', { faults }, async (emulator, scenario) => {
      const g = await gatherThrough(emulator, scenario);
      assert.deepEqual(other.requests, []);
      const reason = unknownBecause(g, 'plan.tier');
      assert.match(reason, /^ARM answered 302 with application\/json \(a redirect to 127\.0\.0\.2:\d+; not followed/);
      assert.doesNotMatch(reason, /Cannot read properties/);
    });
  });
});
