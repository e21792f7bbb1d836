import { test } from 'node:test';
import assert from 'node:assert/strict';
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
  assert.equal(row.split(/(?<!\\)\|/).length - 2, 9, `nine cells: ${row}`);
  assert.match(row, /a\\\|b\\\*c\\\*/);
});
