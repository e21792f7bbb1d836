/**
 * Exporters for a scan: pure (report) => string. Table for the terminal, Markdown for a ticket
 * or wiki, CSV for a spreadsheet (cells that a spreadsheet would run as a formula are defused),
 * JSON per schema/scan.schema.json. Resource names come from ARM: they are data, and every format
 * shows their C0, C1 and bidi controls escaped (JSON as \uXXXX, so the values stay the same).
 */
import { escapeBidi } from '../text/bidi.ts';
import { safeText } from '../text/safe-text.ts';
import { terminalLine } from '../text/terminal-line.ts';
import { describeScanError, groupOf, nameOf, subscriptionOf } from './scan-text.ts';
import { scanToMarkdown, type MarkdownOptions } from './scan-markdown.ts';
import type { ScanError, ScanReport, ScanRow } from './scan-types.ts';

export type ScanFormat = 'table' | 'md' | 'json' | 'csv';

/** Characters JSON.stringify leaves raw that a terminal or an editor acts on: DEL, C1, bidi controls, line and paragraph separators. */
const JSON_RAW_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON with every control character written as \uXXXX (JSON.stringify does C0; the rest is done here, only ever inside strings). */
export function scanJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What could not be read, in the tool's words, with ARM's own when the scan is not redacted. */
export const errorText = (error: ScanError): string => `${describeScanError(error)}${error.detail ? ` (${error.detail})` : ''}`;
/** The app's name, with the slot as Azure writes it (app/staging). */
const appName = (row: ScanRow): string => (row.slot ? `${nameOf(row.app)}/${row.slot}` : nameOf(row.app));
const count = (row: ScanRow, severity: string) => row.findings.filter((finding) => finding.severity === severity).length;
const readinessText = (row: ScanRow) => (row.readiness === 'blocked' ? `blocked: ${row.blockers.join(', ')}` : row.readiness === 'unknown' ? `unknown: ${row.blockers.join('; ')}` : 'ready');

export function renderScan(report: ScanReport, format: ScanFormat, options: MarkdownOptions = {}): string {
  switch (format) {
    case 'json': return `${scanJson(report)}\n`;
    case 'csv': return toCsv(report);
    case 'md': return scanToMarkdown(report, options);
    case 'table': return toTable(report);
  }
}

export function summary(report: ScanReport): string {
  const by = (readiness: string) => report.rows.filter((row) => row.readiness === readiness).length;
  const failed = report.subscriptions.filter((subscription) => subscription.status !== 'scanned').length;
  const plans = report.subscriptions.reduce((sum, subscription) => sum + subscription.plansNotRead, 0);
  const apps = report.subscriptions.reduce((sum, subscription) => sum + subscription.appsNotRead, 0);
  // Plans and apps that could not be read are not integrations: they are counted apart.
  const notRead = [plans > 0 ? `${plans} plan(s)` : '', apps > 0 ? `${apps} app(s)` : ''].filter(Boolean).join(' and ');
  return `${report.rows.length} gateway-required integration(s) in ${report.subscriptions.length} subscription(s): ${by('ready')} ready, ${by('blocked')} blocked, ${by('unknown')} unknown`
    + (notRead ? `; ${notRead} not read (they may hold more)` : '')
    + (failed > 0 ? `; ${failed} subscription(s) not fully read` : '');
}

// ------------------------------------------------------------------ CSV

const CSV_COLUMNS = ['subscription', 'resourceGroup', 'app', 'slot', 'plan', 'vnet', 'gateway', 'readiness', 'blockers', 'errors', 'warnings', 'findings', 'daysLeft', 'appId'] as const;

/**
 * One CSV cell: a leading =, +, -, @, tab or carriage return would make a spreadsheet evaluate
 * the cell as a formula, so such a cell starts with an apostrophe; then RFC 4180 quoting.
 */
export function csvCell(value: string | number): string {
  // Control and bidi characters made visible first (kept: tab and line feed, which quoting handles).
  let text = escapeBidi(safeText(String(value)));
  // Numbers (days left may be negative) stay numbers; text from ARM is defused.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(report: ScanReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of report.rows) {
    const cells: (string | number)[] = [
      subscriptionOf(row.app), groupOf(row.app), nameOf(row.app), row.slot ?? '', nameOf(row.plan), nameOf(row.vnet), nameOf(row.gateway), row.readiness,
      row.blockers.join('; '), count(row, 'error'), count(row, 'warning'), row.findings.map((finding) => `${finding.id}:${finding.severity}`).join(' '),
      row.daysLeft, row.app,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

// ------------------------------------------------------------------ table

const MAX_CELL = 48;
const clip = (text: string) => (text.length <= MAX_CELL ? text : `${text.slice(0, MAX_CELL - 1)}…`);
/** One line, no control or bidi characters: names and reasons come from ARM. */
const cellText = (text: string) => clip(terminalLine(text.replace(/[\r\n\t]+/g, ' ')));

function toTable(report: ScanReport): string {
  const header = ['APP', 'PLAN', 'VNET', 'GATEWAY', 'READINESS', 'ERR', 'WARN', 'DAYS'];
  const body = report.rows.map((row) => [
    appName(row), nameOf(row.plan), nameOf(row.vnet) || '?', nameOf(row.gateway) || '-', row.readiness === 'blocked' ? readinessText(row) : row.readiness,
    String(count(row, 'error')), String(count(row, 'warning')), String(row.daysLeft),
  ].map(cellText));
  const widths = header.map((title, index) => Math.max(title.length, ...body.map((cells) => [...cells[index]!].length)));
  const line = (cells: readonly string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd();
  const oneLine = (text: string) => terminalLine(text.replace(/[\r\n\t]+/g, ' '));
  const out = [line(header), ...body.map(line), '', oneLine(summary(report))];
  // Why a row is unknown does not fit a column: one line each below the table.
  for (const row of report.rows.filter((item) => item.readiness === 'unknown')) {
    out.push(oneLine(`unknown ${appName(row)} (${groupOf(row.app)}): ${row.blockers.join('; ')}`));
  }
  for (const subscription of report.subscriptions.filter((item) => item.status !== 'scanned')) {
    out.push(oneLine(`subscription ${subscription.id} ${subscription.status}${subscription.error ? `: ${subscription.error}` : ''}`));
  }
  return out.join('\n');
}
