/** Offline, demo and ARM modes: targets, endpoints and usage errors users see. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../src/cli/args.ts';
import { appTarget, armEndpoint, gatherFacts } from '../../src/facts/gather-facts.ts';
import { listScenarios } from '../../src/emulator/scenarios.ts';
import { gatherNsgFacts } from '../../src/facts/nsg-facts.ts';

test('offline: no Azure call, only the session date', async () => {
  const g = await gatherFacts({ offline: true }, { today: '2026-07-01' });
  assert.deepEqual(Object.keys(g.facts), ['session.today']);
  assert.equal(g.facts['session.today']!.value, '2026-07-01');
  assert.deepEqual(g.target, { mode: 'offline' });
});

test('demo: the default scenario runs through the emulator and reports what was read', async () => {
  const g = await gatherFacts({ demo: '' }, { today: '2026-07-01' });
  assert.equal(g.target.mode, 'demo');
  assert.equal(g.target.scenario, 'healthy');
  assert.equal(g.facts['gateway.name']?.value, 'gw-hub');
  assert.equal(g.facts['session.today']?.value, '2026-06-01', "a scenario's declared day is the demo's today");
  assert.ok((g.stats?.requests ?? 0) > 0);
});

test('demo: an unknown scenario is a usage error that lists the choices', async () => {
  await assert.rejects(gatherFacts({ demo: 'no-such' }), (error: Error) => error instanceof UsageError && /healthy/.test(error.message));
});

test('the picker lists scenarios by id with titles', () => {
  const ids = listScenarios().map((s) => s.id);
  for (const id of ['healthy', 'linux-app', 'ikev2-only', 'pool-not-rfc1918', 'gateway-failed', 'coexistence', 'expressroute-gateway', 'certificates-out-of-sync', 'dns-changed', 'peering-no-transit', 'six-vnets-in-plan', 'bgp-onprem']) {
    assert.ok(ids.includes(id), id);
  }
});

test('the app is named by --app or by --subscription, --resource-group and --name', () => {
  assert.deepEqual(appTarget({ app: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Web/sites/app1' }), { subscriptionId: 's1', resourceGroup: 'rg1', name: 'app1' });
  assert.deepEqual(appTarget({ subscription: 's1', 'resource-group': 'rg1', name: 'app1' }), { subscriptionId: 's1', resourceGroup: 'rg1', name: 'app1' });
  assert.throws(() => appTarget({ app: '/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/v' }), /--app must be an App Service resource id/);
  assert.throws(() => appTarget({ app: 'contoso-api' }), UsageError);
  assert.throws(() => appTarget({ subscription: 's1', name: 'app1' }), /missing --resource-group/);
  assert.throws(() => appTarget({}), /--offline or --demo/);
});

test('the endpoint follows --arm-endpoint, else --cloud; plain http is refused', () => {
  assert.equal(armEndpoint({}), 'https://management.azure.com');
  assert.equal(armEndpoint({ cloud: 'AzureUSGovernment' }), 'https://management.usgovcloudapi.net');
  assert.equal(armEndpoint({ cloud: 'AzureChinaCloud' }), 'https://management.chinacloudapi.cn');
  assert.equal(armEndpoint({ 'arm-endpoint': 'https://127.0.0.1:8443/' }), 'https://127.0.0.1:8443');
  assert.throws(() => armEndpoint({ 'arm-endpoint': 'http://127.0.0.1:8080' }), /must use https/);
  assert.throws(() => armEndpoint({ 'arm-endpoint': 'not a url' }), UsageError);
});

test('NSG facts mid-session: the demo reads the target subnet NSG; offline reads nothing', async () => {
  const { facts } = await gatherFacts({ demo: 'nsg-blocks-p2s' }, { today: '2026-07-01' });
  const blocked = await gatherNsgFacts({ demo: 'nsg-blocks-p2s' }, facts, { ip: '10.10.1.4', port: 1433 });
  assert.deepEqual(Object.fromEntries(Object.entries(blocked.facts).map(([k, f]) => [k, f.value])), {
    'nsg.name': 'nsg-data', 'nsg.resourceGroup': 'rg-contoso-network', 'nsg.blocksP2s': true, 'nsg.blockingRule': 'deny-vpn-clients-sql',
    'nsg.blockingRulePriority': 110, 'nsg.allowPriority': 109, 'route.divertsP2s': false,
  });
  assert.deepEqual(await gatherNsgFacts({ offline: true }, facts, { ip: '10.10.1.4', port: 1433 }), { facts: {}, errors: [] });
});
