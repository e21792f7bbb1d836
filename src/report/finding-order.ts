/**
 * The order findings are shown in, on the findings screen and in every report: what to do first
 * comes first. Errors before warnings before notes; within each severity, the cause of today's
 * symptom before the general notices (the retirement date, migration advice), which apply to
 * every gateway-required app whatever brought the engineer here. Otherwise the order they were
 * found in: the retirement flow runs early in triage, so without this its notice would sit above
 * the specific cause it has nothing to do with.
 */
import type { Severity } from '../engine/types.ts';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * General notices by finding id (ids are stable, see flows/catalog/findings.yaml): the retirement
 * notice and the migration advice, whichever flow recorded them. A test keeps this list in step
 * with the findings of the retirement and migration flows.
 */
export const GENERAL_NOTICES: ReadonlySet<string> = new Set([
  'integration-retiring', 'integration-retired',
  'migration-benefits', 'migration-ready', 'migration-routes-review', 'migration-plan-not-supported', 'migration-plan-split-needed',
  'migration-blocked-cross-region', 'migration-blocked-classic-vnet', 'migration-ipv6-address-space', 'migration-service-endpoint-policies',
  'migration-subnet-missing', 'migration-subnet-too-small', 'migration-subnet-below-recommended', 'migration-subnet-not-delegated',
  'migration-subnet-shared', 'migration-subnet-below-plan-scale', 'migration-what-changes', 'migration-nsg-pool-rules', 'migration-nsg-pool-deny',
]);

interface Orderable {
  readonly id: string;
  readonly severity: Severity;
}

export function isGeneralNotice(finding: { readonly id: string }): boolean {
  return GENERAL_NOTICES.has(finding.id);
}

/** A new, stably sorted list (equal findings keep the order they were found in). */
export function orderFindings<T extends Orderable>(findings: readonly T[]): T[] {
  const rank = (finding: T) => SEVERITY_RANK[finding.severity] * 2 + (isGeneralNotice(finding) ? 1 : 0);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}
