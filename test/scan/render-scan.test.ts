import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { csvCell, renderScan } from '../../src/scan/render-scan.ts';
import type { ScanReport } from '../../src/scan/scan-types.ts';

const hostile = (name: string) => `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/${name}`;

const report = (apps: string[], reason: string): ScanReport => ({
  schemaVersion: 2, generatedAt: '2026-06-01T00:00:00.000Z', enumeration: 'arm', errors: [],
  subscriptions: [{ id: 's1', status: 'partial', plansNotRead: 0, appsNotRead: 1, error: reason }],
  rows: apps.map((app) => ({ app: hostile(app), slot: null, plan: hostile('plan'), vnet: null, gateway: null, findings: [], readiness: 'unknown', blockers: [reason], daysLeft: 10 })),
});

test('CSV cells a spreadsheet would run as formulas start with an apostrophe; quotes, commas and line breaks are quoted', () => {
  for (const [value, expected] of [
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`], ['+1', "'+1"], ['-2+3', "'-2+3"], ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"], ['a,b', '"a,b"'], ['line\nbreak', '"line\nbreak"'], ['plain', 'plain'], [-5, '-5'],
  ] as const) assert.equal(csvCell(value), expected, String(value));
  const csv = renderScan(report(['=cmd|calc', '@evil'], '+reason'), 'csv');
  const rows = csv.trimEnd().split('\r\n').slice(1);
  assert.equal(rows.length, 2);
  for (const row of rows) assert.doesNotMatch(row, /(^|,)[=+\-@]/, row);
});

test('table and Markdown escape names and reasons that come from ARM', () => {
  const text = renderScan(report(['app\u001b[31mred', 'a|b*c*'], 'ARM 403 <b>no</b>\nsecond line'), 'table');
  assert.doesNotMatch(text, /\u001b/);
  assert.match(text, /app\\x1b\[31mred/);
  assert.doesNotMatch(text, /no<\/b>\n/);
  const md = renderScan(report(['a|b*c*'], 'x|y'), 'md');
  const row = md.split('\n').find((line) => line.startsWith('| a'))!;
  assert.equal(row.split(/(?<!\\)\|/).length - 2, 10, `ten cells: ${row}`);
  assert.match(row, /a\\\|b\\\*c\\\*/);
});

test('Markdown starts with what people act on: counts, a Mermaid pie, per subscription, blockers grouped by kind, then the table; times local with their zone', () => {
  const id = (sub: string, app: string) => `/subscriptions/${sub}/resourceGroups/rg-${app}/providers/Microsoft.Web/sites/${app}`;
  const row = (sub: string, app: string, readiness: 'ready' | 'blocked' | 'unknown', blockers: string[], slot: string | null = null) => ({
    app: id(sub, app), slot, plan: id(sub, 'plan'), vnet: null, gateway: null, findings: [], readiness, blockers, daysLeft: 303,
  });
  const fleet: ScanReport = {
    schemaVersion: 2, generatedAt: '2026-06-01T08:00:00.000Z', enumeration: 'resource-graph', errors: [],
    subscriptions: [{ id: 's1', status: 'scanned', plansNotRead: 0, appsNotRead: 0 }, { id: 's2', status: 'partial', plansNotRead: 2, appsNotRead: 0, error: '2 plan(s) not read' }],
    rows: [
      row('s1', 'orders', 'ready', []), row('s1', 'orders', 'ready', [], 'staging'), row('s1', 'billing', 'blocked', ['migration-blocked-cross-region']),
      row('s2', 'mail', 'blocked', ['migration-blocked-cross-region', 'migration-subnet-missing']), row('s2', 'hr', 'unknown', ['VNet vnet-hub could not be read: ARM 403 Forbidden']),
    ],
  };
  const md = renderScan(fleet, 'md', { timeZone: 'Europe/Amsterdam' });
  const golden = new URL('./golden/fleet.md', import.meta.url);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, md);
  assert.equal(md, readFileSync(golden, 'utf8'), 'the reviewed golden file (UPDATE_GOLDEN=1 to regenerate)');
  const at = (text: string) => md.indexOf(text);
  assert.ok(at('| 2 | 2 | 1 | 5 | 2 | 0 |') > 0, 'counts per readiness first');
  assert.ok(at('pie showData') > at('| 2 | 2 | 1 | 5 |') && at('### Per subscription') > at('pie showData'));
  assert.ok(at('## What holds apps back') > at('### Per subscription') && at('## Every integration') > at('## What holds apps back'));
  assert.match(md, /### migration-blocked-cross-region \(2\)\n\n- billing \(rg-billing\)\n- mail \(rg-mail\)/);
  assert.match(md, /- orders\/staging|\| orders\/staging \|/);
  assert.match(md, /Scanned 2026-06-01 10:00 UTC\+02:00, Europe\/Amsterdam\./);
  assert.match(renderScan(fleet, 'md', { timeZone: 'UTC' }), /Scanned 2026-06-01 08:00 UTC\./);
  assert.match(renderScan(fleet, 'json'), /"generatedAt": "2026-06-01T08:00:00.000Z"/, 'JSON keeps ISO 8601');
});
