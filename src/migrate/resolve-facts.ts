/** A session's facts as a runbook reads them: every catalogue fact known (read, answered or derived) with its provenance. */
import type { Engine } from '../engine/engine.ts';
import type { FactDefinition, Facts } from '../engine/types.ts';
import type { RunbookFact } from './runbook-types.ts';

/** Every catalogue fact with its value and provenance: read, answered, or derived from those. */
export function resolvedFacts(engine: Engine, facts: Facts, answers: Readonly<Record<string, unknown>>): Record<string, RunbookFact> {
  const state = engine.start(facts, answers as never, { flow: 'migration' });
  const out: Record<string, RunbookFact> = {};
  const keys = new Set([...Object.keys(engine.flowSet.facts as Record<string, FactDefinition>), ...Object.keys(facts)]);
  for (const key of keys) {
    const resolved = engine.resolveFact(state, key);
    if (resolved) out[key] = { value: resolved.value, source: resolved.source, ...(resolved.detail === undefined ? {} : { detail: resolved.detail }) };
    else if (Object.hasOwn(facts, key)) out[key] = { value: null, source: 'unknown', ...(facts[key]!.reason ? { detail: facts[key]!.reason } : {}) };
  }
  return out;
}

