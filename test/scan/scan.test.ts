import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommandLine } from '../../src/cli/args.ts';
import { scanCommand } from '../../src/cli/scan-command.ts';
import type { ScanReport } from '../../src/scan/scan-types.ts';
import { ajv, scan, validate } from './run-scan.ts';
import { GATEWAY_REQUIRED, PLANS_FORBIDDEN, SUB_A, SUB_B, SUB_C, tenant } from './tenant.ts';

function checkTenantRows(report: ScanReport): void {
  const { placed } = tenant();
  for (const id of GATEWAY_REQUIRED) {
    const expected = placed.find((entry) => entry.scenario === id)!;
    const rows = report.rows.filter((row) => row.app === expected.app);
    assert.equal(rows.length, 1, `${id}: one row`);
    const row = rows[0]!;
    assert.deepEqual(row.findings.map((finding) => finding.id).sort(), [...expected.findings].sort(), `${id}: the findings check gives`);
    assert.ok(row.vnet, `${id}: VNet named`);
    assert.equal(row.daysLeft, 303, 'days from 2026-06-01 to 2027-03-31');
    if (row.readiness === 'blocked') for (const id of row.blockers) assert.ok(row.findings.some((finding) => finding.id === id), `${id} is one of the row's findings`);
  }
  const classic = report.rows.find((row) => row.app === placed.find((entry) => entry.scenario === 'classic-vnet')!.app)!;
  assert.equal(classic.readiness, 'blocked');
  assert.deepEqual(classic.blockers, ['migration-blocked-classic-vnet']);
  const policy = report.rows.find((row) => row.app === placed.find((entry) => entry.scenario === 'policy-based-gateway')!.app)!;
  assert.deepEqual(policy.findings.find((finding) => finding.id === 'gateway-policy-based'), { id: 'gateway-policy-based', severity: 'error' });
  assert.ok(policy.gateway?.endsWith('/virtualNetworkGateways/gw-hub'), String(policy.gateway));
  // Linux and regional apps have no gateway-required integration: no row.
  for (const id of ['linux-app', 'regional-integration']) assert.ok(!report.rows.some((row) => row.app === placed.find((entry) => entry.scenario === id)!.app), id);
  // Subscription C: its plan could not be read. That is not an integration: no row, counted apart.
  const healthy = placed.find((entry) => entry.scenario === 'healthy')!;
  assert.ok(!report.rows.some((row) => row.app === healthy.app), 'an unreadable plan is no row');
  assert.deepEqual(report.subscriptions.map((s) => [s.id, s.status, s.plansNotRead, s.appsNotRead]), [[SUB_A, 'scanned', 0, 0], [SUB_B, 'scanned', 0, 0], [SUB_C, 'failed', 1, 0]]);
  // Through Resource Graph the plan's own read fails first; through ARM lists, the list of plans.
  assert.match(report.subscriptions[2]!.error!, /1 plan\(s\) not read; first: (plan asp-contoso|the plans of subscription cccccccc-\S+) could not be read: ARM 403 Forbidden/);
  assert.ok(report.errors.some((error) => error.read === 'plan-connections' && error.status === 403 && error.resource.endsWith('/serverfarms/asp-contoso')));
}

test('scan through Resource Graph finds every seeded problem across three subscriptions, page by page, and reports the unreadable one', async () => {
  const run = await scan(['--format', 'json', '--subscription', SUB_A, '--subscription', SUB_B, '--subscription', SUB_C], { faults: PLANS_FORBIDDEN });
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as ScanReport;
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  assert.equal(report.enumeration, 'resource-graph');
  checkTenantRows(report);
  const graph = run.emulator.requests.filter((request) => request.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources');
  assert.ok(graph.length > 6, `paged: ${graph.length} queries for six resource types`);
  // No subscription-wide ARM list was needed: Resource Graph listed plans, apps, VNets and gateways.
  assert.ok(!run.emulator.requests.some((request) => /\/providers\/microsoft\.(web|network)\/[a-z]+$/i.test(request.path)), 'no ARM list calls');
  assert.match(run.stderr, /subscription cccccccc-\S+ failed: 1 plan\(s\) not read; first: plan asp-contoso could not be read: ARM 403/);
  assert.match(run.stderr, /4 gateway-required integration\(s\) in 3 subscription\(s\): .*; 1 plan\(s\) not read/);
});

test('when Resource Graph is refused, the same rows come from ARM list calls per subscription', async () => {
  const run = await scan(['--format', 'json'], { faults: [{ path: '/providers/microsoft.resourcegraph/resources', status: 403 }, ...PLANS_FORBIDDEN] });
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as ScanReport;
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  assert.equal(report.enumeration, 'arm');
  assert.deepEqual([report.errors[0]!.read, report.errors[0]!.problem, report.errors[0]!.status], ['resource-graph', 'status', 403]);
  // Without --subscription every subscription the credential lists is scanned.
  checkTenantRows(report);
});

test('Resource Graph quota headers and Retry-After are honoured: no query is refused for throttling', async () => {
  // The one test that sits out real quota windows (1 s each).
  const run = await scan(['--format', 'json', '--subscription', SUB_A, '--subscription', SUB_B], { resourceGraph: { maxPageSize: 1, quota: 6, windowMs: 1000 }, progress: true });
  const graph = run.emulator.requests.filter((request) => request.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources');
  assert.ok(graph.length > 12, `${graph.length} queries: more than two quota windows' worth`);
  assert.deepEqual(graph.filter((request) => request.status !== 200).map((request) => request.status), []);
  assert.equal((JSON.parse(run.stdout) as ScanReport).enumeration, 'resource-graph');
  // The wait shows on the progress line, with the bound.
  assert.match(run.progress, /waiting \d+ s for Resource Graph's quota \(at most 30 s\)/);
  assert.match(run.progress, /\r\u001b\[2KScanning 2 subscription\(s\): \d+ resources listed, plans \d+\/\d+, apps \d+\/\d+/, 'the progress line says what was read so far');

  const throttled = await scan(['--format', 'json', '--subscription', SUB_A], { faults: [{ path: '/providers/microsoft.resourcegraph/resources', status: 429, retryAfterMs: 20, times: 2 }] });
  const report = JSON.parse(throttled.stdout) as ScanReport;
  assert.equal(report.enumeration, 'resource-graph', 'a 429 is waited out, not a reason to fall back');
  assert.equal(report.rows.length, 2);
});

test('the reads overlap in one pool: plan reads start while Resource Graph still pages, app reads while plans are still read; at most 16 in flight; rows sorted', async () => {
  const run = await scan(['--format', 'json', '--subscription', SUB_A, '--subscription', SUB_B, '--subscription', SUB_C], { faults: PLANS_FORBIDDEN, latencyMs: 20 });
  const requests = run.emulator.requests;
  const graph = requests.filter((request) => request.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources');
  const planReads = requests.filter((request) => /\/serverfarms\/[^/]+\/virtualNetworkConnections$/i.test(request.path));
  const appReads = requests.filter((request) => /\/sites\/[^/]+\/virtualNetworkConnections$/i.test(request.path));
  assert.ok(graph.length > 6 && planReads.length > 2 && appReads.length > 0, `${graph.length} queries, ${planReads.length} plan reads, ${appReads.length} app reads`);
  const lastPage = Math.max(...graph.map((request) => request.startedAt));
  const lastPlanRead = Math.max(...planReads.map((request) => request.startedAt));
  assert.ok(Math.min(...planReads.map((request) => request.startedAt)) < lastPage, 'a plan is read before the listing has ended');
  assert.ok(Math.min(...appReads.map((request) => request.startedAt)) < lastPlanRead, 'an app is read before the last plan read');
  // In flight at each request's start: never more than the one pool of 16.
  for (const request of requests) {
    const inFlight = requests.filter((other) => other.startedAt <= request.startedAt && (other.endedAt === 0 || other.endedAt > request.startedAt)).length;
    assert.ok(inFlight <= 16, `${inFlight} requests in flight`);
  }
  const report = JSON.parse(run.stdout) as ScanReport;
  checkTenantRows(report);
  const keys = report.rows.map((row) => `${row.app.toLowerCase()} ${row.slot ?? ''}`);
  assert.deepEqual(keys, [...keys].sort((a, b) => a.localeCompare(b)), 'rows in a fixed order');
});

test('CSV, Markdown and table outputs, --report by extension, and --redact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-scan-'));
  const csvPath = join(dir, 'scan.csv');
  const csv = await scan(['--report', csvPath, '--subscription', SUB_A, '--subscription', SUB_B]);
  assert.equal(csv.code, 1, csv.stderr);
  const lines = readFileSync(csvPath, 'utf8').trimEnd().split('\r\n');
  assert.equal(lines[0], 'subscription,resourceGroup,app,slot,plan,vnet,gateway,readiness,blockers,errors,warnings,findings,daysLeft,appId');
  assert.equal(lines.length, 1 + 4);
  assert.ok(lines.some((line) => line.startsWith(`${SUB_B},rg-b2-web,contoso-api,,asp-contoso,vnet-legacy,,blocked,migration-blocked-classic-vnet,`)), lines.join('\n'));

  const md = await scan(['--format', 'md', '--subscription', SUB_A]);
  assert.match(md.stdout, /^# Gateway-required VNet integrations/);
  assert.match(md.stdout, /\| contoso-api \| rg-a1-web \| asp-contoso \| vnet-hub \| gw-hub \| (ready|blocked: [a-z-, ]+|unknown) \| 1 \| \d+ \| 303 \| [^|]*gateway-policy-based/);
  assert.match(md.stdout, /gateway-policy-based/);

  const table = await scan(['--subscription', SUB_C], { faults: PLANS_FORBIDDEN });
  assert.equal(table.code, 2, 'nothing could be read');
  assert.match(table.stdout, /^APP +PLAN +VNET +GATEWAY +READINESS +ERR +WARN +DAYS$/m);
  assert.match(table.stdout, /^0 gateway-required integration\(s\) in 1 subscription\(s\): 0 ready, 0 blocked, 0 unknown; 1 plan\(s\) not read/m);
  assert.match(table.stdout, /^subscription cccccccc-0000-4000-8000-000000000003 failed: 1 plan\(s\) not read; first: plan asp-contoso could not be read: ARM 403 Forbidden$/m);

  const redacted = await scan(['--format', 'json', '--redact', '--subscription', SUB_A]);
  assert.doesNotMatch(redacted.stdout, /contoso|rg-a1|aaaaaaaa-0000/);
  const report = JSON.parse(redacted.stdout) as ScanReport;
  assert.equal(report.redacted, true);
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  assert.ok(report.rows.some((row) => row.findings.some((finding) => finding.id === 'gateway-policy-based')), 'finding ids stay');
});

test('scan usage errors exit 2 before any Azure call', async () => {
  for (const [args, message] of [
    [['--app', '/subscriptions/x/resourceGroups/g/providers/Microsoft.Web/sites/a'], /--app does not apply to scan/],
    [['--report', 'scan.xlsx'], /needs an extension/],
    [['--subscription', '../etc'], /subscription id/],
  ] as const) {
    const argv = ['scan', ...args];
    await assert.rejects(scanCommand(parseCommandLine(argv).options, { print: () => {}, error: () => {} }, { argv, progress: false }), message);
  }
  assert.throws(() => parseCommandLine(['scan', '--format', 'xml']), /--format must be table, md, json or csv/);
});
