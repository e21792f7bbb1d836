/**
 * Exporters for a scan: pure (report) => string. Table for the terminal, Markdown for a ticket
 * or wiki, CSV for a spreadsheet (cells that a spreadsheet would run as a formula are defused),
 * JSON per schema/scan.schema.json. Resource names come from ARM: they are data, escaped for
 * each format.
 */
import { inline } from '../report/markdown-text.ts';
import { safeText } from '../text/safe-text.ts';
import { RETIREMENT_DATE } from '../facts/limits.ts';
import type { ScanReport, ScanRow } from './scan-types.ts';

export type ScanFormat = 'table' | 'md' | 'json' | 'csv';

/** The last segment of a resource id (its name), or the text itself. */
const nameOf = (id: string | null): string => (id === null ? '' : id.replace(/\/+$/, '').split('/').at(-1) ?? id);
const groupOf = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
const subscriptionOf = (id: string): string => /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
const count = (row: ScanRow, severity: string) => row.findings.filter((finding) => finding.severity === severity).length;
const readinessText = (row: ScanRow) => (row.readiness === 'blocked' ? `blocked: ${row.blockers.join(', ')}` : row.readiness === 'unknown' ? `unknown: ${row.blockers.join('; ')}` : 'ready');

export function renderScan(report: ScanReport, format: ScanFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv': return toCsv(report);
    case 'md': return toMarkdown(report);
    case 'table': return toTable(report);
  }
}

export function summary(report: ScanReport): string {
  const by = (readiness: string) => report.rows.filter((row) => row.readiness === readiness).length;
  const failed = report.subscriptions.filter((subscription) => subscription.status !== 'scanned').length;
  return `${report.rows.length} gateway-required integration(s) in ${report.subscriptions.length} subscription(s): ${by('ready')} ready, ${by('blocked')} blocked, ${by('unknown')} unknown`
    + (failed > 0 ? `; ${failed} subscription(s) not fully read` : '');
}

// ------------------------------------------------------------------ CSV

const CSV_COLUMNS = ['subscription', 'resourceGroup', 'app', 'plan', 'vnet', 'gateway', 'readiness', 'blockers', 'errors', 'warnings', 'findings', 'daysLeft', 'appId'] as const;

/**
 * One CSV cell: a leading =, +, -, @, tab or carriage return would make a spreadsheet evaluate
 * the cell as a formula, so such a cell starts with an apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  // Numbers (days left may be negative) stay numbers; text from ARM is defused.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(report: ScanReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of report.rows) {
    const cells: (string | number)[] = [
      subscriptionOf(row.app), groupOf(row.app), nameOf(row.app), nameOf(row.plan), nameOf(row.vnet), nameOf(row.gateway), row.readiness,
      row.blockers.join('; '), count(row, 'error'), count(row, 'warning'), row.findings.map((finding) => `${finding.id}:${finding.severity}`).join(' '),
      row.daysLeft, row.app,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ Markdown

function toMarkdown(report: ScanReport): string {
  const out = [
    '# Gateway-required VNet integrations', '',
    `Scanned ${inline(report.generatedAt)}. Gateway-required integration retires on ${RETIREMENT_DATE}.`, '',
    inline(summary(report)), '',
    '| App | Resource group | Plan | VNet | Gateway | Readiness | Errors | Warnings | Findings |',
    '| --- | --- | --- | --- | --- | --- | ---: | ---: | --- |',
  ];
  for (const row of report.rows) {
    const cells = [nameOf(row.app), groupOf(row.app), nameOf(row.plan), nameOf(row.vnet), nameOf(row.gateway), readinessText(row)].map(inline);
    cells.push(String(count(row, 'error')), String(count(row, 'warning')), inline(row.findings.map((finding) => finding.id).join(', ')));
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('', '## Subscriptions', '');
  for (const subscription of report.subscriptions) out.push(`- ${inline(subscription.id)}: ${subscription.status}${subscription.error ? ` (${inline(subscription.error)})` : ''}`);
  if (report.errors.length > 0) {
    out.push('', '## What could not be read', '');
    for (const error of report.errors) out.push(`- ${inline(error.source)}: ${inline(error.reason)}`);
  }
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------ table

const MAX_CELL = 48;
const clip = (text: string) => (text.length <= MAX_CELL ? text : `${text.slice(0, MAX_CELL - 1)}…`);
/** One line, no control characters: names and reasons come from ARM. */
const cellText = (text: string) => clip(safeText(text.replace(/[\r\n\t]+/g, ' ')));

function toTable(report: ScanReport): string {
  const header = ['APP', 'PLAN', 'VNET', 'GATEWAY', 'READINESS', 'ERR', 'WARN', 'DAYS'];
  const body = report.rows.map((row) => [
    nameOf(row.app), nameOf(row.plan), nameOf(row.vnet) || '?', nameOf(row.gateway) || '-', row.readiness === 'blocked' ? readinessText(row) : row.readiness,
    String(count(row, 'error')), String(count(row, 'warning')), String(row.daysLeft),
  ].map(cellText));
  const widths = header.map((title, index) => Math.max(title.length, ...body.map((cells) => [...cells[index]!].length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  const oneLine = (text: string) => safeText(text.replace(/[\r\n\t]+/g, ' '));
  const out = [line(header), ...body.map(line), '', oneLine(summary(report))];
  // Why a row is unknown does not fit a column: one line each below the table.
  for (const row of report.rows.filter((item) => item.readiness === 'unknown')) {
    out.push(oneLine(`unknown ${nameOf(row.app)} (${groupOf(row.app)}): ${row.blockers.join('; ')}`));
  }
  for (const subscription of report.subscriptions.filter((item) => item.status !== 'scanned')) {
    out.push(oneLine(`subscription ${subscription.id} ${subscription.status}${subscription.error ? `: ${subscription.error}` : ''}`));
  }
  return out.join('\n');
}
