/**
 * A scan against a hostile tenant (issue 18 items 5-8), through the real SDK clients and the HTTPS
 * emulator serving the hostile answer: names that drive the terminal, names a redactor's pattern
 * stops in, Resource Graph quota and paging that would crash or exhaust the scan, and a
 * subscription that hangs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../../src/emulator/scenarios.ts';
import type { ScanReport } from '../../src/scan/scan-types.ts';
import { ajv, scan, SHORT_QUOTA_WINDOW_MS, validate } from './run-scan.ts';
import { SUB_A, SUB_B, tenant } from './tenant.ts';

const GRAPH = '/providers/microsoft.resourcegraph/resources';
/** One page per resource type: these tests are not about paging. */
const ONE_PAGE = { maxPageSize: 1000, windowMs: SHORT_QUOTA_WINDOW_MS };

/** The tenant with every string's `from` replaced by `to` (ids, names, references alike). */
function renamed(replacements: readonly [string, string][]): Scenario {
  const { scenario } = tenant();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return replacements.reduce((text, [from, to]) => text.replaceAll(from, to), value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    return value;
  };
  return walk(scenario) as Scenario;
}

// OSC 52 (clipboard write), clear screen, the C1 CSI, a right-to-left override and the isolates.
const HOSTILE_APP = 'evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u202egnp.exe\u2066x\u2069';
const HOSTILE_PLAN = 'asp\u2067plan\u2068q\u2069\u061c\u200f';
/** C0 but tab, line feed and carriage return; DEL and C1; bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

test('every scan format shows C0, C1 and bidi controls of ARM names escaped; JSON as \\uXXXX with the value intact', async () => {
  const scenario = renamed([['contoso-api', HOSTILE_APP], ['asp-contoso', HOSTILE_PLAN]]);
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-scan-hostile-'));
  for (const format of ['table', 'csv', 'md', 'json'] as const) {
    const run = await scan(['--format', format, '--subscription', SUB_A, '--subscription', SUB_B], { scenario, resourceGraph: ONE_PAGE });
    assert.equal(run.code, 1, `${format}: ${run.stderr}`);
    assert.doesNotMatch(run.stdout, RAW_CONTROL, `${format} on stdout`);
    assert.doesNotMatch(run.stderr, RAW_CONTROL, `${format}: stderr`);
    // The name is there, visibly escaped.
    // The name is there, visibly escaped (Markdown also backslash-escapes its punctuation; the table clips long names).
    const visible = format === 'md' ? 'evil\\\\x1b\\]52;c;ZXZpbA==\\\\x07\\\\x1b\\[2J\\\\x9b31m\\\\u202egnp.exe' : 'evil\\x1b]52;c;ZXZpbA==\\x07\\x1b[2J\\x9b31m\\u202eg';
    if (format !== 'json') assert.ok(run.stdout.includes(visible), `${format}: ${run.stdout}`);
  }
  // The same in a report file, where a JSON report was raw before.
  for (const extension of ['json', 'csv']) {
    const path = join(dir, `fleet.${extension}`);
    await scan(['--report', path, '--subscription', SUB_A, '--subscription', SUB_B], { scenario, resourceGraph: ONE_PAGE });
    const text = readFileSync(path, 'utf8');
    assert.doesNotMatch(text, RAW_CONTROL, path);
    if (extension === 'json') {
      const report = JSON.parse(text) as ScanReport;
      assert.ok(validate(report), ajv.errorsText(validate.errors));
      assert.ok(report.rows.some((row) => row.app.endsWith(`/sites/${HOSTILE_APP}`)), 'JSON keeps the value: its escapes decode to the name');
      assert.match(text, /\\u009b31m\\u202egnp\.exe\\u2066x\\u2069/);
    }
    if (extension === 'csv') assert.match(text, /evil\\x1b\]52;c;ZXZpbA==\\x07\\x1b\[2J\\x9b31m\\u202egnp\.exe/);
  }
});

test('scan --redact hides every name: an unreadable plan, names with combining marks, ARM error text', async () => {
  // A resource group with a combining mark (valid in Azure names), a plan whose connections are refused
  // with an error that quotes its path, and the other names of subscription A.
  const group = 'rg-cafe\u0301-secretteam';
  const scenario = renamed([['rg-a1-web', group], ['rg-a2-web', 'rg-a\u0308lpha-hidden'], ['asp-contoso', 'asp-secretplan']]);
  const faults = [{ path: `/subscriptions/${SUB_A}/resourcegroups/rg-a\u0308lpha-hidden/providers/microsoft.web/serverfarms/asp-secretplan/virtualnetworkconnections`, status: 403 as const }];
  for (const format of ['json', 'md', 'table', 'csv'] as const) {
    const run = await scan(['--format', format, '--redact', '--subscription', SUB_A], { scenario, faults, resourceGraph: ONE_PAGE });
    for (const output of [run.stdout, run.stderr]) {
      assert.doesNotMatch(output, /secret|hidden|cafe|contoso|a\u0308lpha|aaaaaaaa-0000|vnet-hub|gw-hub/i, `${format}: ${output}`);
      assert.doesNotMatch(output, /\u0301|\u0308/, `${format}: no combining mark left behind`);
    }
    if (format === 'json') {
      const report = JSON.parse(run.stdout) as ScanReport;
      assert.ok(validate(report), ajv.errorsText(validate.errors));
      const refused = report.errors.find((error) => error.read === 'plan-connections')!;
      assert.deepEqual([refused.problem, refused.status, refused.detail], ['status', 403, undefined], 'structure only: ARM\'s words are dropped');
      assert.match(refused.resource, /^\/subscriptions\/subscription-1\/resourceGroups\/rg-\d+\/providers\/Microsoft\.Web\/serverfarms\/resource-\d+$/);
      assert.match(report.subscriptions[0]!.error!, /^1 plan\(s\) not read; first: plan resource-\d+ could not be read: ARM 403 Forbidden$/);
    }
  }
  // Without --redact the same scan names the plan and keeps ARM's words beside the tool's.
  const clear = await scan(['--format', 'md', '--subscription', SUB_A], { scenario, faults, resourceGraph: ONE_PAGE });
  assert.match(clear.stdout, /plan asp-secretplan could not be read: ARM 403 Forbidden \(ARM 403 Forbidden: Injected 403/);
});

test('Resource Graph quota spent for 5 minutes: no crash, no wait, the scan lists through ARM and says why', async () => {
  const run = await scan(['--format', 'json', '--subscription', SUB_A, '--subscription', SUB_B], {
    resourceGraph: { maxPageSize: 2, quotaHeaders: { remaining: '0', resetsAfter: '00:05:00' } },
  });
  assert.equal(run.code, 1, `error findings, not a crash: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as ScanReport;
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  assert.equal(report.enumeration, 'arm');
  assert.deepEqual(report.errors.filter((error) => error.read === 'resource-graph').map((error) => [error.problem, Math.round((error.waitMs ?? 0) / 60_000)]), [['quota', 5]]);
  assert.match(run.stderr, /Resource Graph could not be used \(its quota asked for a wait of 300 s, longer than a scan waits\); plans, apps and VNets were listed through ARM/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(report.rows.length, 4, 'every integration of A and B');
});

test('a Resource Graph that repeats its $skipToken ends the list at once (no endless paging); the scan lists through ARM', async () => {
  const run = await scan(['--format', 'json', '--subscription', SUB_A, '--subscription', SUB_B], { resourceGraph: { maxPageSize: 1, windowMs: SHORT_QUOTA_WINDOW_MS, repeatSkipToken: true } });
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as ScanReport;
  const queries = run.emulator.requests.filter((request) => request.path.toLowerCase() === GRAPH);
  assert.ok(queries.length <= 14, `${queries.length} queries: at most two pages per resource type (seven types)`);
  assert.equal(report.enumeration, 'arm');
  assert.deepEqual(report.errors.filter((error) => error.read === 'resource-graph').map((error) => error.problem), ['paging']);
  assert.equal(report.rows.length, 4);
});

test('a subscription that hangs is cut short by its time bound; unreadable plans are counted apart, never as integrations', async () => {
  // Every ARM read of subscription B hangs (Resource Graph answers). A short bound keeps the test quick.
  const faults = [{ path: `/subscriptions/${SUB_B}/`, hang: true }];
  const run = await scan(['--format', 'json', '--subscription', SUB_B], { faults, subscriptionBoundMs: 1500, resourceGraph: ONE_PAGE });
  const report = JSON.parse(run.stdout) as ScanReport;
  assert.ok(validate(report), ajv.errorsText(validate.errors));
  const [b] = report.subscriptions;
  assert.equal(b!.status, 'cut-short');
  assert.equal(b!.plansNotRead, 3, 'the Windows plans of B are counted as not read');
  assert.match(b!.error!, /^cut short by its time bound; 3 plan\(s\) not read; first: plan asp-contoso was not read: the subscription's time bound ran out first$/);
  assert.deepEqual(report.rows, [], 'nothing of B is claimed as an integration');
  assert.match(run.stderr, /^vnet-doctor: 0 gateway-required integration\(s\) in 1 subscription\(s\): 0 ready, 0 blocked, 0 unknown; 3 plan\(s\) not read \(they may hold more\); 1 subscription\(s\) not fully read$/m);
  assert.equal(run.code, 2, 'nothing of the only subscription could be read');
});

test('a hanging subscription stops after a few reads in a row time out, not after every plan has timed out', async () => {
  // Twelve more Windows plans in B, every read of B hangs: a few timeouts in a row stop the rest.
  const { scenario } = tenant();
  const extra = Array.from({ length: 12 }, (_, index) => ({
    id: `/subscriptions/${SUB_B}/resourceGroups/rg-b9-web/providers/Microsoft.Web/serverfarms/asp-extra-${index}`,
    name: `asp-extra-${index}`, type: 'Microsoft.Web/serverfarms', kind: 'app', location: 'westeurope',
    sku: { name: 'S1', tier: 'Standard', capacity: 1 }, properties: { reserved: false },
  }));
  const crowded: Scenario = { ...scenario, resources: [...scenario.resources, ...extra] };
  const faults = [{ path: `/subscriptions/${SUB_B}/`, hang: true }];
  const run = await scan(['--format', 'json', '--subscription', SUB_B], { scenario: crowded, faults, timeoutMs: 1000, resourceGraph: ONE_PAGE });
  const report = JSON.parse(run.stdout) as ScanReport;
  const [b] = report.subscriptions;
  assert.equal(b!.status, 'cut-short', JSON.stringify(b));
  assert.equal(b!.plansNotRead, 15);
  const timedOut = report.errors.filter((error) => error.problem === 'timeout').length;
  const cut = report.errors.filter((error) => error.problem === 'cut-short').length;
  assert.ok(timedOut >= 8 && timedOut + cut === 15, `${timedOut} timed out, ${cut} cut short`);
  assert.deepEqual(report.rows, []);
});
