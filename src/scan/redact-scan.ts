/**
 * `scan --redact`: the same pseudonyms as a redacted check report (report/pseudonyms.ts):
 * every ARM id's subscription, group and resource names, then every other string rewritten
 * with them. Finding ids, severities and readiness are the tool's own words and stay.
 */
import { Pseudonyms } from '../report/pseudonyms.ts';
import type { ScanReport } from './scan-types.ts';

export function redactScan(report: ScanReport): ScanReport {
  const pseudonyms = new Pseudonyms();
  const ids = [...report.rows.flatMap((row) => [row.app, row.plan, row.vnet, row.gateway]), ...report.errors.flatMap((error) => [error.source, error.reason])];
  for (const id of ids) if (id) pseudonyms.registerArmIds(id);
  for (const subscription of report.subscriptions) pseudonyms.register(subscription.id, 'subscription');
  const text = (value: string) => pseudonyms.redact(value);
  const id = (value: string | null) => (value === null ? null : text(value));
  return {
    ...report,
    redacted: true,
    subscriptions: report.subscriptions.map((subscription) => ({ ...subscription, id: text(subscription.id), ...(subscription.error ? { error: text(subscription.error) } : {}) })),
    rows: report.rows.map((row) => ({
      ...row, app: text(row.app), plan: text(row.plan), vnet: id(row.vnet), gateway: id(row.gateway),
      blockers: row.readiness === 'blocked' ? row.blockers : row.blockers.map(text),
    })),
    errors: report.errors.map((error) => ({ source: text(error.source), reason: text(error.reason) })),
  };
}
