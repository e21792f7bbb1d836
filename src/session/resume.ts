/** Turning a saved session back into a live engine state, and describing it on the start screen. */
import { replay, start, type Derivations, type EngineState } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import type { SavedSession } from './session-store.ts';

/** Replays the saved inputs over the saved facts: the same questions, answers and position as before. */
export function resumeSession(flowSet: FlowSet, saved: SavedSession, derivations: Derivations): EngineState {
  const initial = start(flowSet, saved.facts, saved.presetAnswers, { derivations, ...(saved.flow === undefined ? {} : { flow: saved.flow }) });
  return replay(initial, saved.inputs);
}

/** "4 answers, demo healthy, saved 2026-11-25 12:01 UTC". */
export function describeSaved(saved: SavedSession): string {
  const answers = saved.inputs.filter((input) => input.type === 'answer').length;
  const target = saved.target.mode === 'demo' ? `demo ${saved.target.scenario ?? ''}`.trim()
    : saved.target.mode === 'arm' ? `app ${saved.target.appName ?? saved.target.appId ?? ''}`.trim()
      : 'offline';
  const when = saved.savedAt.replace('T', ' ').slice(0, 16);
  return `${answers} answer${answers === 1 ? '' : 's'}, ${target}, saved ${when} UTC`;
}
