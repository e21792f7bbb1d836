/**
 * A scan row's verdict from facts alone: the flows are walked with no answers (as `check`
 * does), so the findings carry the same catalogue ids and severities. Migration readiness comes
 * from the migration flow: blocked by its warning and error findings, ready when it reaches its
 * ready finding, unknown otherwise (with what could not be read, or what only a person can tell).
 */
import type { Engine } from '../engine/engine.ts';
import type { Facts, Severity } from '../engine/types.ts';
import { walkFlows } from '../answers/walk-flows.ts';
import { RETIREMENT_DATE } from '../facts/limits.ts';
import type { Readiness, ScanFinding } from './scan-types.ts';

const MIGRATION_FLOW = 'migration';
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const DAY_MS = 86_400_000;

export interface RowVerdict {
  readonly findings: ScanFinding[];
  readonly readiness: Readiness;
  readonly blockers: string[];
}

/** Whole days from `today` (YYYY-MM-DD) to the retirement date; negative once it has passed. */
export function daysUntilRetirement(today: string): number {
  return Math.round((Date.parse(`${RETIREMENT_DATE}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

export function diagnoseRow(engine: Engine, facts: Facts): RowVerdict {
  const { flowSet } = engine;
  const seen = new Map<string, ScanFinding>();
  const { sessions } = walkFlows(engine, facts, {});
  for (const finding of sessions.flatMap((session) => session.findings)) {
    if (!seen.has(finding.id)) seen.set(finding.id, { id: finding.id, severity: finding.severity });
  }
  const findings = [...seen.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.id.localeCompare(b.id));
  if (!Object.hasOwn(flowSet.flows, MIGRATION_FLOW)) return { findings, readiness: 'unknown', blockers: ['the flow set has no migration flow'] };

  // The walk above ran the migration flow from its entry already (unless another flow went there first).
  const entry = flowSet.flows[MIGRATION_FLOW]!.entry;
  const migration = sessions.find((session) => session.path[0]?.flow === MIGRATION_FLOW && session.path[0]?.node === entry)
    ?? walkFlows(engine, facts, {}, { flow: MIGRATION_FLOW }).sessions[0];
  if (!migration) return { findings, readiness: 'unknown', blockers: ['the migration flow could not be walked'] };
  const blocking = [...new Set(migration.findings.filter((finding) => finding.flow === MIGRATION_FLOW && finding.severity !== 'info').map((finding) => finding.id))];
  if (blocking.length > 0) return { findings, readiness: 'blocked', blockers: blocking };
  const reached = migration.outcome?.kind === 'resolved' || (migration.outcome?.kind === 'finding' && migration.outcome.flow === MIGRATION_FLOW);
  if (reached && migration.openQuestions.length === 0) return { findings, readiness: 'ready', blockers: [] };
  return { findings, readiness: 'unknown', blockers: unknownReasons(migration.factsUsed, facts, migration.openQuestions.map((open) => open.question)) };
}

/** What kept the migration flow from a verdict: facts that could not be read (with why), else its open questions. */
function unknownReasons(used: readonly string[], facts: Facts, open: readonly string[]): string[] {
  const unread = used.flatMap((key) => {
    const fact = Object.hasOwn(facts, key) ? facts[key] : undefined;
    return fact && fact.value === null && fact.reason ? [`${key}: ${fact.reason}`] : [];
  });
  if (unread.length > 0) return [...new Set(unread)];
  return open.length > 0 ? open.map((question) => `needs an answer: ${question}`) : ['the migration flow reached no verdict from ARM facts'];
}
