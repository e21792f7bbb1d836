/**
 * A scan row's verdict from facts alone: the flows are walked with no answers (as `check`
 * does), so the findings carry the same catalogue ids and severities. Migration readiness comes
 * from the migration flow: blocked by its warning and error findings, ready when it reaches its
 * ready finding, unknown otherwise (with what could not be read, or what only a person can tell).
 */
import type { Engine } from '../engine/engine.ts';
import type { Facts, FlowSet, Severity } from '../engine/types.ts';
import { walkFlows } from '../answers/walk-flows.ts';
import type { Readiness, ScanFinding } from './scan-types.ts';

const MIGRATION_FLOW = 'migration';
/** The migration flow's node that decides (blocked or not), and its finding for an app that can move. */
const READY_CHECK = 'check-ready';
const READY_FINDING = 'migration-ready';
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export interface RowVerdict {
  readonly findings: ScanFinding[];
  readonly readiness: Readiness;
  readonly blockers: string[];
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
  // Blockers are the warnings and errors found before the flow decides (its check-ready node);
  // what it says after deciding the app can move (what changes with the move) blocks nothing.
  const at = (flow: string, node: string) => migration.path.findIndex((position) => position.flow === flow && position.node === node);
  const decided = at(MIGRATION_FLOW, READY_CHECK);
  const beforeDecision = (finding: { flow: string; node: string }) => decided < 0 || at(finding.flow, finding.node) < decided;
  const blocking = [...new Set(migration.findings
    .filter((finding) => finding.flow === MIGRATION_FLOW && finding.severity !== 'info' && beforeDecision(finding)).map((finding) => finding.id))];
  if (blocking.length > 0) return { findings, readiness: 'blocked', blockers: blocking };
  const reached = migration.outcome?.kind === 'resolved' || migration.findings.some((finding) => finding.id === READY_FINDING);
  if (reached && migration.openQuestions.length === 0) return { findings, readiness: 'ready', blockers: [] };
  return { findings, readiness: 'unknown', blockers: unknownReasons(flowSet, migration.factsUsed, facts, migration.openQuestions) };
}

/**
 * What kept the migration flow from a verdict, in plain words that say what to check: the reads
 * that failed (the facts' reasons are the scan's sentences), else what ARM does not say.
 */
function unknownReasons(flowSet: FlowSet, used: readonly string[], facts: Facts, open: readonly { question: string; flow: string }[]): string[] {
  const reasonOf = (key: string) => {
    const fact = Object.hasOwn(facts, key) ? facts[key] : undefined;
    return fact && fact.value === null && fact.reason ? [fact.reason] : [];
  };
  // The facts the flow used, else any read of this row that failed (a derived fact such as
  // vnet.crossRegion is unknown because the VNet it comes from could not be read).
  const unread = used.flatMap(reasonOf);
  if (unread.length > 0) return [...new Set(unread)];
  const failed = Object.keys(facts).flatMap(reasonOf);
  if (failed.length > 0) return [...new Set(failed)];
  const untold = open.flatMap(({ question, flow }) => {
    const node = flowSet.flows[flow]?.nodes[question.slice(flow.length + 1)];
    const fact = node && 'fact' in node && typeof node.fact === 'string' ? node.fact : undefined;
    const label = fact && Object.hasOwn(flowSet.facts, fact) ? flowSet.facts[fact]!.label : undefined;
    return label ? [`ARM does not say ${label}: check it by hand`] : [];
  });
  return untold.length > 0 ? [...new Set(untold)] : ['ARM does not say enough for a verdict: run check on the app'];
}
