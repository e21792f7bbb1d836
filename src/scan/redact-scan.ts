/**
 * `scan --redact`: the same pseudonyms as a redacted check report (report/pseudonyms.ts). Every
 * resource the scan listed or read is registered by position in its id (so any name Azure allows
 * is found, combining marks included), ids are replaced field by field, what could not be read is
 * kept as structure only (ARM's own words are dropped) and the sentences are built again from the
 * replaced ids. Finding ids, severities and readiness are the tool's own words and stay.
 */
import { Pseudonyms } from '../report/pseudonyms.ts';
import { subscriptionError } from './scan-text.ts';
import type { ScanError, ScanReport, ScanSubscription } from './scan-types.ts';

export function redactScan(report: ScanReport, knownIds: readonly string[] = []): ScanReport {
  const pseudonyms = new Pseudonyms();
  const id = (value: string) => pseudonyms.pseudonymousId(value);
  for (const subscription of report.subscriptions) id(`/subscriptions/${subscription.id}`);
  for (const known of knownIds) id(known);
  for (const row of report.rows) for (const value of [row.app, row.plan, row.vnet, row.gateway]) if (value) id(value);
  for (const error of report.errors) id(error.resource);
  const text = (value: string) => pseudonyms.redact(value);

  const errors: ScanError[] = report.errors.map((error) => ({
    read: error.read, resource: id(error.resource), problem: error.problem,
    ...(error.status !== undefined ? { status: error.status } : {}), ...(error.waitMs !== undefined ? { waitMs: error.waitMs } : {}),
  }));
  const subscriptions = report.subscriptions.map((subscription): ScanSubscription => {
    const counted = { id: id(`/subscriptions/${subscription.id}`).split('/')[2]!, status: subscription.status, plansNotRead: subscription.plansNotRead, appsNotRead: subscription.appsNotRead };
    const error = subscriptionError(counted, errors);
    return error ? { ...counted, error } : counted;
  });
  return {
    ...report,
    redacted: true,
    subscriptions,
    rows: report.rows.map((row) => ({
      ...row, app: id(row.app), slot: row.slot === null ? null : pseudonyms.register(row.slot, 'resource'), plan: id(row.plan), vnet: row.vnet === null ? null : id(row.vnet), gateway: row.gateway === null ? null : id(row.gateway),
      // Unknown rows say why in the tool's words around names the scan knows (registered above).
      blockers: row.readiness === 'blocked' ? row.blockers : row.blockers.map(text),
    })),
    errors,
  };
}
