/**
 * Readiness from ARM alone (issue 21 items 1, 2, 3 and 7): the shipped demo tenant, through the
 * real SDK clients and the HTTPS emulator, gives every app and slot a verdict: ready, blocked by
 * the one thing its variant changes, unknown only with a plain sentence of what to check, and a
 * forbidden plan is counted apart. Resource Graph and the ARM lists give the same rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoTenant, DEMO_SUBSCRIPTIONS } from '../../src/emulator/demo-tenant.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { gatherFromArm } from '../../src/facts/arm/gather-arm.ts';
import { parseResourceId } from '../../src/facts/arm/resource-id.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { scanCommand } from '../../src/cli/scan-command.ts';
import { checkCommand } from '../../src/cli/check-command.ts';
import { appTarget } from '../../src/facts/gather-facts.ts';
import type { Report } from '../../src/report/report-model.ts';
import { walkFlows } from '../../src/answers/walk-flows.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import type { ScanReport, ScanRow } from '../../src/scan/scan-types.ts';
import { ajv, scan, validate } from './run-scan.ts';

const GRAPH = '/providers/microsoft.resourcegraph/resources';

async function checkVerdicts(report: ScanReport): Promise<void> {
  const tenant = await demoTenant();
  const rowsOf = (app: string) => report.rows.filter((row) => row.app === app);
  for (const expected of tenant.apps) {
    const rows = rowsOf(expected.app);
    if (expected.readiness === 'not-read') {
      assert.deepEqual(rows, [], `${expected.kind}: counted apart, no row`);
      continue;
    }
    const row = rows.find((candidate) => candidate.slot === null);
    assert.ok(row, `${expected.kind}: a row`);
    assert.equal(row.readiness, expected.readiness, `${expected.kind}: ${row.readiness} ${row.blockers.join('; ')}`);
    if (expected.blocker) assert.ok(row.blockers.includes(expected.blocker), `${expected.kind}: blocked by ${expected.blocker}, got ${row.blockers.join(', ')}`);
    // Never a question id: an unknown row says what could not be read.
    for (const reason of row.blockers) assert.doesNotMatch(reason, /^[a-z-]+\/[a-z-]+$|needs an answer/, reason);
  }
  // The ready app: its gateway lives in another resource group, found through the GatewaySubnet.
  const ready = rowsOf(tenant.apps[0]!.app);
  assert.deepEqual(ready.map((row: ScanRow) => [row.slot, row.readiness]), [[null, 'ready'], ['staging', 'ready']], 'the app and its slot, each with its own row');
  for (const row of ready) assert.match(row.gateway ?? '', /\/resourceGroups\/rg-orders-gateways\/providers\/Microsoft\.Network\/virtualNetworkGateways\/gw-hub$/);
  const unknown = report.rows.find((row) => row.readiness === 'unknown')!;
  assert.match(unknown.blockers[0]!, /^VNet vnet-hub could not be read: ARM 403 Forbidden$/);
  const forbidden = report.subscriptions.find((subscription) => subscription.id === DEMO_SUBSCRIPTIONS.forbidden)!;
  assert.deepEqual([forbidden.status, forbidden.plansNotRead], ['failed', 1]);
  // Where every fact is known, every row is ready or blocked.
  assert.deepEqual(report.rows.filter((row) => row.readiness === 'unknown').length, 1);
}

test('scan --demo: every app and slot of the demo tenant is ready or blocked from ARM alone, unknown only with what to check', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const argv = ['scan', '--demo', '--format', 'json'];
  const code = await scanCommand(parseCommandLine(argv).options, { print: (text) => out.push(text), error: (text) => err.push(text) }, { argv, progress: false, signal: new AbortController().signal });
  assert.equal(code, 1, err.join('\n'));
  const report = JSON.parse(out.join('\n')) as ScanReport;
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  assert.equal(report.enumeration, 'resource-graph');
  assert.equal(report.subscriptions.length, 3, 'the hidden subscription is not listed');
  await checkVerdicts(report);
  assert.match(err.join('\n'), /12 gateway-required integration\(s\) in 3 subscription\(s\): 2 ready, 9 blocked, 1 unknown; 1 plan\(s\) not read/);
});

test('through ARM lists (Resource Graph refused) the rows are the same: slots listed per app, the gateway in another group read by id', async () => {
  const tenant = await demoTenant();
  const run = await scan(['--format', 'json'], {
    scenario: tenant.scenario, hiddenSubscriptions: tenant.hiddenSubscriptions, faults: [...tenant.faults, { path: GRAPH, status: 403 }],
  });
  const report = JSON.parse(run.stdout) as ScanReport;
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  assert.equal(report.enumeration, 'arm');
  await checkVerdicts(report);
  assert.ok(run.emulator.requests.some((request) => /\/sites\/orders-api\/slots$/i.test(request.path)), 'the slots of an integrated app are listed');
  assert.ok(run.emulator.requests.some((request) => /\/resourcegroups\/rg-orders-gateways\/providers\/microsoft\.network\/virtualnetworkgateways\/gw-hub$/i.test(request.path)), 'the gateway read by id');
});

test('check reads whether the free subnet is in use from ARM (service association links), and reaches a verdict', async () => {
  const tenant = await demoTenant();
  const emulator = await startEmulator({ scenario: tenant.scenario, token: 'token', faults: tenant.faults, hiddenSubscriptions: tenant.hiddenSubscriptions });
  try {
    const ctx = { endpoint: emulator.url, credential: staticTokenCredential('token'), scope: `${emulator.url}/.default`, tlsCa: emulator.ca, timeoutMs: 60_000, retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 } };
    const engine = createEngine(loadFlowDir(), DERIVATIONS);
    const verdict = async (app: string, slot?: string) => {
      const id = parseResourceId(app)!;
      const { facts } = await gatherFromArm(ctx, { subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup, name: id.name, ...(slot ? { slot } : {}) });
      facts['session.today'] = { value: '2026-06-01', source: 'derived', detail: 'test' };
      const findings = walkFlows(engine, facts, {}, { flow: 'migration' }).sessions.flatMap((session) => session.findings.map((finding) => finding.id));
      return { inUse: facts['migration.freeSubnetInUse']?.value, findings };
    };
    const byKind = (start: string) => tenant.apps.find((app) => app.kind.startsWith(start))!.app;
    const ready = await verdict(byKind('ready'));
    assert.equal(ready.inUse, false);
    assert.ok(ready.findings.includes('migration-ready'), ready.findings.join(', '));
    const staging = await verdict(byKind('ready'), 'staging');
    assert.ok(staging.findings.includes('migration-ready'), `check --slot reads the slot: ${staging.findings.join(', ')}`);
    const shared = await verdict(byKind('subnet used by another plan'));
    assert.equal(shared.inUse, true);
    assert.ok(shared.findings.includes('migration-subnet-shared'), shared.findings.join(', '));
  } finally {
    await emulator.stop();
  }
});

test('without a credential, scan exits 2 and names --demo to try it without Azure', async () => {
  const err: string[] = [];
  const argv = ['scan', '--arm-endpoint', 'https://127.0.0.1:9'];
  const failing = { getToken: async () => { throw new Error('Please run az login'); } };
  const code = await scanCommand(parseCommandLine(argv).options, { print: () => {}, error: (text) => err.push(text) }, { argv, progress: false, credential: failing, signal: new AbortController().signal });
  assert.equal(code, 2);
  assert.match(err.join('\n'), /no Azure credential available \(Please run az login\)\..* run "vnet-doctor scan --demo"/);
  assert.doesNotMatch(err.join('\n'), /--offline/, 'scan has no --offline');
});

test('check --slot reads the slot (its own integration) and names it in the report; slot names and ids are checked', async () => {
  const tenant = await demoTenant();
  const emulator = await startEmulator({ scenario: tenant.scenario, token: 'token', faults: tenant.faults, hiddenSubscriptions: tenant.hiddenSubscriptions });
  try {
    const app = tenant.apps[0]!.app;
    const out: string[] = [];
    const err: string[] = [];
    const code = await checkCommand({ app, slot: 'staging', 'arm-endpoint': emulator.url, 'access-token': 'token', format: 'json' },
      { print: (text) => out.push(text), error: (text) => err.push(text) }, { now: () => new Date('2026-06-01T08:00:00Z'), tlsCa: emulator.ca });
    assert.equal(code, 0, err.join('\n'));
    const report = JSON.parse(out.join('\n')) as Report;
    assert.equal(report.target.appId, `${app}/slots/staging`);
    assert.ok(report.findings.some((finding) => finding.id === 'migration-ready'));
    assert.ok(emulator.requests.some((request) => request.path.endsWith('/sites/orders-api/slots/staging/virtualNetworkConnections')), 'the slot\'s own connections');
    assert.ok(!emulator.requests.some((request) => request.path.endsWith('/sites/orders-api/virtualNetworkConnections')), 'not the production app\'s');
  } finally {
    await emulator.stop();
  }
  const id = '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a';
  assert.deepEqual(appTarget({ app: `${id}/slots/staging` }), { subscriptionId: 's', resourceGroup: 'g', name: 'a', slot: 'staging' });
  assert.deepEqual(appTarget({ subscription: 's', 'resource-group': 'g', name: 'a', slot: 'qa-1' }), { subscriptionId: 's', resourceGroup: 'g', name: 'a', slot: 'qa-1' });
  assert.throws(() => appTarget({ app: `${id}/slots/staging`, slot: 'prod' }), /--slot prod contradicts the slot staging/);
  assert.throws(() => appTarget({ app: id, slot: 'x;rm' }), /--slot takes a deployment slot name/);
  assert.throws(() => appTarget({ slot: 'staging' }), /--slot names a slot of the app/);
  assert.throws(() => appTarget({ app: `${id}/config/web` }), /--app must be an App Service resource id/);
});

test('ARM read throttling is honoured per subscription: reads stay within the bucket the answers report, so none is refused', async () => {
  const tenant = await demoTenant();
  // A bucket of 4 reads refilled at 200 a second: 16 reads in flight at once would be refused.
  const run = await scan(['--format', 'json'], { scenario: tenant.scenario, hiddenSubscriptions: tenant.hiddenSubscriptions, faults: [...tenant.faults], armReads: { bucket: 4, refillPerSecond: 200 } });
  const refused = run.emulator.requests.filter((request) => request.status === 429);
  assert.deepEqual(refused.map((request) => request.path), [], 'no read throttled');
  const report = JSON.parse(run.stdout) as ScanReport;
  await checkVerdicts(report);
});
