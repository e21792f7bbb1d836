/**
 * The scan as Markdown, for a ticket, a wiki or a pull request: what people act on first. The
 * counts per readiness and per subscription, a Mermaid pie of readiness (GitHub and Azure DevOps
 * draw it), the blockers grouped by kind with the apps each holds back, then the table and what
 * could not be read. Times are local, with their zone. Pure: (report, options) => string.
 */
import { inline } from '../report/markdown-text.ts';
import { RETIREMENT_DATE } from '../facts/limits.ts';
import { localTime } from '../text/local-time.ts';
import { describeScanError, groupOf, nameOf, subscriptionOf } from './scan-text.ts';
import type { Readiness, ScanError, ScanReport, ScanRow } from './scan-types.ts';

export interface MarkdownOptions {
  /** IANA time zone for the times shown (default: this machine's). */
  readonly timeZone?: string;
}

const READINESS: readonly Readiness[] = ['ready', 'blocked', 'unknown'];
const appName = (row: ScanRow): string => (row.slot ? `${nameOf(row.app)}/${row.slot}` : nameOf(row.app));
const count = (row: ScanRow, severity: string) => row.findings.filter((finding) => finding.severity === severity).length;
const errorText = (error: ScanError): string => `${describeScanError(error)}${error.detail ? ` (${error.detail})` : ''}`;
/** A Mermaid pie label: plain words only (no quote, no directive). */
const pieLabel = (text: string) => text.replace(/[^A-Za-z0-9 -]/g, '');

export function scanToMarkdown(report: ScanReport, options: MarkdownOptions = {}): string {
  const rows = report.rows;
  const by = (readiness: Readiness, within: readonly ScanRow[] = rows) => within.filter((row) => row.readiness === readiness).length;
  const plansNotRead = report.subscriptions.reduce((sum, subscription) => sum + subscription.plansNotRead, 0);
  const appsNotRead = report.subscriptions.reduce((sum, subscription) => sum + subscription.appsNotRead, 0);
  const out: string[] = [
    '# Gateway-required VNet integrations', '',
    `Scanned ${inline(localTime(report.generatedAt, options.timeZone))}. Gateway-required integration retires on ${RETIREMENT_DATE}.`, '',
    '## Readiness for regional integration', '',
    '| Ready | Blocked | Unknown | Total | Plans not read | Apps not read |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${by('ready')} | ${by('blocked')} | ${by('unknown')} | ${rows.length} | ${plansNotRead} | ${appsNotRead} |`, '',
  ];
  if (rows.length > 0) {
    out.push('```mermaid', `pie showData title ${pieLabel('Readiness of gateway-required integrations')}`);
    for (const readiness of READINESS) if (by(readiness) > 0) out.push(`    "${pieLabel(readiness)}" : ${by(readiness)}`);
    out.push('```', '');
  }

  out.push('### Per subscription', '', '| Subscription | Status | Ready | Blocked | Unknown | Plans not read | Apps not read |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const subscription of report.subscriptions) {
    const own = rows.filter((row) => subscriptionOf(row.app).toLowerCase() === subscription.id.toLowerCase());
    out.push(`| ${inline(subscription.id)} | ${subscription.status} | ${by('ready', own)} | ${by('blocked', own)} | ${by('unknown', own)} | ${subscription.plansNotRead} | ${subscription.appsNotRead} |`);
  }
  for (const subscription of report.subscriptions) if (subscription.error) out.push('', `- ${inline(subscription.id)}: ${inline(subscription.error)}`);

  // Blockers by kind, the largest first: which apps each holds back.
  const groups = new Map<string, ScanRow[]>();
  for (const row of rows) {
    const kinds = row.readiness === 'blocked' ? row.blockers : row.readiness === 'unknown' ? ['could not decide'] : [];
    for (const kind of kinds) {
      if (!groups.has(kind)) groups.set(kind, []);
      groups.get(kind)!.push(row);
    }
  }
  if (groups.size > 0) {
    out.push('', '## What holds apps back', '');
    for (const [kind, held] of [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
      out.push(`### ${inline(kind)} (${held.length})`, '');
      for (const row of held) {
        const why = row.readiness === 'unknown' ? `: ${row.blockers.join('; ')}` : '';
        out.push(`- ${inline(`${appName(row)} (${groupOf(row.app)})${why}`)}`);
      }
      out.push('');
    }
  } else out.push('');

  out.push('## Every integration', '',
    '| App | Resource group | Plan | VNet | Gateway | Readiness | Errors | Warnings | Days left | Findings |',
    '| --- | --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |');
  for (const row of rows) {
    const readiness = row.readiness === 'blocked' ? `blocked: ${row.blockers.join(', ')}` : row.readiness;
    const cells = [appName(row), groupOf(row.app), nameOf(row.plan), nameOf(row.vnet), nameOf(row.gateway), readiness].map(inline);
    cells.push(String(count(row, 'error')), String(count(row, 'warning')), String(row.daysLeft), inline(row.findings.map((finding) => finding.id).join(', ')));
    out.push(`| ${cells.join(' | ')} |`);
  }
  if (report.errors.length > 0) {
    out.push('', '## What could not be read', '');
    for (const error of report.errors) out.push(`- ${inline(errorText(error))}`);
  }
  return `${out.join('\n')}\n`;
}
