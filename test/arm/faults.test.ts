/**
 * ARM failures degrade to unknown facts with the reason (and an entry in `errors`), so the
 * wizard asks instead of guessing. Nothing crashes; a hanging call is cut by the timeout;
 * throttling is retried by the SDK, honouring Retry-After.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/cli/args.ts';
import { gatherFacts, NoCredentialError } from '../../src/facts/gather-facts.ts';
import { gatherThrough, withEmulator, TEST_TOKEN } from './support.ts';
import type { FactGathering } from '../../src/facts/gather-facts.ts';

const unknown = (g: FactGathering, key: string) => {
  const fact = g.facts[key];
  assert.ok(fact, `${key} is reported`);
  assert.equal(fact.value, null, `${key} is unknown`);
  return fact.reason ?? '';
};

const known = (g: FactGathering, key: string) => {
  assert.notEqual(g.facts[key]?.value ?? null, null, `${key} is known`);
  return g.facts[key]!.value;
};

test('403 on the gateway list: gateway facts unknown with the ARM reason, the rest still read', async () => {
  await withEmulator('healthy', { faults: [{ path: '/virtualNetworkGateways', status: 403 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.equal(unknown(g, 'gateway.exists'), 'ARM 403 Forbidden: AuthorizationFailed');
    unknown(g, 'p2s.protocols');
    assert.equal(known(g, 'vnet.name'), 'vnet-hub');
    assert.equal(known(g, 'plan.tier'), 'Standard');
    assert.equal(g.errors.length, 1);
    assert.equal(g.errors[0]!.source, 'LIST virtualNetworkGateways in rg-contoso-network');
    assert.ok(g.errors[0]!.facts.includes('gateway.provisioningState'));
  });
});

test('401 (token rejected): every ARM fact is unknown with the reason; only target and session facts remain', async () => {
  await withEmulator('healthy', { faults: [{ path: '/subscriptions/', status: 401 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.match(unknown(g, 'app.isLinux'), /^ARM 401 Unauthorized/);
    assert.match(unknown(g, 'app.integrationType'), /^ARM 401 Unauthorized/);
    unknown(g, 'gateway.exists');
    assert.equal(known(g, 'app.name'), 'contoso-api');
    assert.equal(known(g, 'session.today'), '2026-06-01');
    assert.deepEqual(g.errors.map((e) => e.source).sort(), ['GET sites/contoso-api', 'GET sites/contoso-api/networkConfig/virtualNetwork', 'GET sites/contoso-api/virtualNetworkConnections']);
  });
});

test('404 on the app itself is a usage error (unknown target)', async () => {
  await withEmulator('healthy', {}, async (emulator, scenario) => {
    const missing = { ...scenario, target: { app: scenario.target.app.replace('contoso-api', 'no-such-app') } };
    await assert.rejects(gatherThrough(emulator, missing), (error: Error) => error instanceof UsageError && /unknown target.*no-such-app/.test(error.message));
  });
});

test('404 on the plan leaves only the plan facts unknown', async () => {
  await withEmulator('healthy', { faults: [{ path: '/serverfarms/asp-contoso', status: 404 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.match(unknown(g, 'plan.tier'), /^ARM 404 Not Found/);
    assert.match(unknown(g, 'plan.vnetCount'), /^ARM 404 Not Found/);
    assert.equal(known(g, 'gateway.exists'), true);
  });
});

test('429 once with Retry-After: the SDK waits that long, retries, and the fact is known', async () => {
  await withEmulator('healthy', { faults: [{ path: '/virtualNetworks/vnet-hub', status: 429, retryAfterMs: 150, times: 1 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.equal(known(g, 'vnet.name'), 'vnet-hub');
    assert.deepEqual(g.errors, []);
    const tries = emulator.requests.filter((r) => r.path.toLowerCase().endsWith('/virtualnetworks/vnet-hub'));
    assert.deepEqual(tries.map((r) => r.status), [429, 200]);
    assert.ok(tries[1]!.startedAt - tries[0]!.endedAt >= 140, `waited ${tries[1]!.startedAt - tries[0]!.endedAt} ms`);
  });
});

test('429 that never clears: a few retries, then unknown with the reason', async () => {
  await withEmulator('healthy', { faults: [{ path: '/serverfarms/asp-contoso/virtualNetworkConnections', status: 429, retryAfterMs: 10 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.match(unknown(g, 'plan.vnetCount'), /^ARM 429 Too Many Requests/);
    const tries = emulator.requests.filter((r) => r.path.toLowerCase().endsWith('/serverfarms/asp-contoso/virtualnetworkconnections'));
    assert.equal(tries.length, 3, 'one call and two retries');
  });
});

test('500 on the connections list: retried, then the site-to-site facts are unknown', async () => {
  await withEmulator('healthy', { faults: [{ path: '/providers/Microsoft.Network/connections', status: 500 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.match(unknown(g, 's2s.exists'), /^ARM 500 Internal Server Error/);
    unknown(g, 'onprem.prefixes');
    assert.equal(known(g, 'gateway.exists'), true);
    assert.ok(emulator.requests.filter((r) => r.path.endsWith('/connections')).length > 1, 'retried');
  });
});

test('a hanging call is cut by the timeout; the facts it feeds are unknown', async () => {
  await withEmulator('peering-no-transit', { faults: [{ path: '/virtualNetworks/vnet-spoke', hang: true }] }, async (emulator, scenario) => {
    // The hanging call never answers while the emulator runs: returning at all means the timeout cut it.
    const g = await gatherThrough(emulator, scenario, { timeoutMs: 2000 });
    assert.match(unknown(g, 'peering.remoteUseGateways'), /timed out after 2 s/);
    assert.equal(known(g, 'peering.allowGatewayTransit'), false);
  });
});

test('the user cancelling aborts the gathering', async () => {
  await withEmulator('healthy', { faults: [{ path: '/virtualNetworkConnections', hang: true }] }, async (emulator, scenario) => {
    const controller = new AbortController();
    const gathering = gatherThrough(emulator, scenario, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(gathering, { name: 'AbortError' });
  });
});

test('no credential: NoCredentialError, so the caller can offer offline mode', async () => {
  const failing = { getToken: async () => { throw new Error('CredentialUnavailableError: no login'); } };
  await assert.rejects(
    gatherFacts({ app: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app' }, { credential: failing }),
    (error: Error) => error instanceof NoCredentialError && /--offline/.test(error.message),
  );
});

test('the access token is never part of a reason or error', async () => {
  await withEmulator('healthy', { faults: [{ path: '/sites/', status: 403 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario);
    assert.ok(!JSON.stringify(g).includes(TEST_TOKEN));
  });
});
