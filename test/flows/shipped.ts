/** The shipped flow set and small helpers the flow tests share. */
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { answer, currentQuestion, start, type EngineState } from '../../src/engine/engine.ts';
import type { AnswerValue, Fact, FactValue, Facts } from '../../src/engine/types.ts';

export const flowSet = loadFlowDir();

/** The day the golden situations are set on (the CLI gives the real date as `session.today`). */
export const TODAY = '2026-11-25';

export const arm = (value: FactValue, detail = 'ARM'): Fact => ({ value, source: 'arm', detail });
export const session = (today: string): Facts => ({ 'session.today': { value: today, source: 'probe', detail: 'clock' } });

/** Starts a flow with facts and answers the questions it asks, in order, by question id. */
export function walk(flow: string, facts: Facts, answers: Readonly<Record<string, AnswerValue>>): EngineState {
  let state = start(flowSet, facts, {}, { flow, derivations: DERIVATIONS });
  while (state.status === 'asking') {
    const id = currentQuestion(state)!.id;
    if (!Object.hasOwn(answers, id)) throw new Error(`${flow}: no answer for ${id} (answered so far: ${state.path.filter((p) => p.question).map((p) => p.question).join(', ')})`);
    state = answer(state, answers[id]!);
  }
  return state;
}
