/**
 * What Azure proves is never hidden by the symptom: the findings the facts give on their own
 * (every flow walked from its entry with the facts and no answer, as `check` does) are part of a
 * session's diagnosis whatever the symptom chosen and wherever the session stops. The symptom
 * decides what is asked, not what is reported. Pure; the walk is made once per set of facts.
 */
import type { Engine, EngineState, FindingInstance } from '../engine/engine.ts';
import type { Facts } from '../engine/types.ts';
import { walkFlows } from '../answers/walk-flows.ts';
import { orderFindings } from '../report/finding-order.ts';
import { withoutFollowUps } from './follow-up-facts.ts';

const walks = new WeakMap<Engine, WeakMap<Facts, Map<string, readonly FindingInstance[]>>>();
const merged = new WeakMap<EngineState, EngineState>();

/**
 * The findings the facts alone prove: facts read because of an answer (follow-up reads), facts
 * the engineer chose to answer themselves (overrides) and facts from an answers file do not count.
 */
export function provenFindings(engine: Engine, facts: Facts, overrides: readonly string[] = []): readonly FindingInstance[] {
  let byFacts = walks.get(engine);
  if (!byFacts) walks.set(engine, (byFacts = new WeakMap()));
  let byOverrides = byFacts.get(facts);
  if (!byOverrides) byFacts.set(facts, (byOverrides = new Map()));
  const key = [...overrides].sort().join('\n');
  const known = byOverrides.get(key);
  if (known) return known;
  // Facts an answers file states (source "answer") are the engineer's word, not Azure's proof.
  const own = Object.fromEntries(Object.entries(withoutFollowUps(facts)).filter(([fact, value]) => !overrides.includes(fact) && value.source !== 'answer'));
  const seen = new Map<string, FindingInstance>();
  for (const session of walkFlows(engine, own, {}).sessions) {
    for (const finding of session.findings) if (!seen.has(finding.id)) seen.set(finding.id, finding);
  }
  const found = [...seen.values()];
  byOverrides.set(key, found);
  return found;
}

/** The session's findings, then every finding the facts prove that the session has not reached (its own wording wins), errors first. */
export function diagnosisFindings(engine: Engine, state: EngineState): readonly FindingInstance[] {
  const own = new Set(state.findings.map((finding) => finding.id));
  const extra = provenFindings(engine, state.facts, state.overrides).filter((finding) => !own.has(finding.id));
  return orderFindings([...state.findings, ...extra]);
}

/**
 * The state as the findings screen, the report and the exit code see it: the same state with
 * the proven findings among its findings. For showing and reporting only; never hand it back to
 * the engine (the session's own findings are the engine's).
 */
export function withProvenFindings(engine: Engine, state: EngineState): EngineState {
  const known = merged.get(state);
  if (known) return known;
  const findings = diagnosisFindings(engine, state);
  const shown: EngineState = findings.length === state.findings.length ? state : { ...state, findings };
  merged.set(state, shown);
  return shown;
}
