/**
 * The batch walk behind `vnet-doctor check`: every flow (or one) is run from its entry with the
 * facts and preset answers, and never asks. Where nothing answers a question, that flow stops
 * and the question is recorded as open, so the report says exactly what is still needed.
 */
import { EngineError, type Engine, type EngineState } from '../engine/engine.ts';
import type { AnswerValue, Facts, FlowSet } from '../engine/types.ts';

export interface WalkOptions {
  /** Walk only this flow (from its entry). */
  readonly flow?: string;
  /** Provenance of each preset answer, e.g. "answers file line 4". */
  readonly presetAnswerDetails?: Readonly<Record<string, string>>;
}

export interface WalkResult {
  /** One finished session per walked flow: status 'done', unanswered questions in openQuestions. */
  readonly sessions: EngineState[];
  /** Flows the engine could not walk (a loop or a broken reference the linter missed), with why. */
  readonly failures: { readonly flow: string; readonly reason: string }[];
}

/** Flow ids in walk order: the entry flow first, then the others as loaded. */
export function flowsToWalk(flowSet: FlowSet, only?: string): string[] {
  if (only !== undefined) return [only];
  const ids = Object.keys(flowSet.flows);
  return [flowSet.entry, ...ids.filter((id) => id !== flowSet.entry)].filter((id) => Object.hasOwn(flowSet.flows, id));
}

export function walkFlows(engine: Engine, facts: Facts, answers: Readonly<Record<string, AnswerValue>>, options: WalkOptions = {}): WalkResult {
  const { flowSet } = engine;
  const sessions: EngineState[] = [];
  const failures: { flow: string; reason: string }[] = [];
  for (const flow of flowsToWalk(flowSet, options.flow)) {
    if (sessions.some((session) => enteredAtEntry(session, flowSet, flow))) continue;
    try {
      sessions.push(closeAsOpen(engine, engine.start(facts, answers, { flow, presetAnswerDetails: options.presetAnswerDetails })));
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      failures.push({ flow, reason: error.message });
    }
  }
  return { sessions, failures };
}

/**
 * True when an earlier session already ran this flow from its entry (through a goto). A batch
 * walk answers only from facts and preset answers, so walking it again alone would repeat the
 * same path word for word.
 */
function enteredAtEntry(session: EngineState, flowSet: FlowSet, flow: string): boolean {
  const entry = flowSet.flows[flow]!.entry;
  const at = (position: { flow: string; node: string } | undefined) => position?.flow === flow && position.node === entry;
  return session.path.some(at) || at(session.current) || at(session.outcome);
}

/** Ends a session waiting at a question, recording that question as open (as "don't know" without a branch would). */
export function closeAsOpen(engine: Engine, state: EngineState): EngineState {
  const pending = engine.currentQuestion(state);
  if (state.status !== 'asking' || !pending) return state;
  const open = { question: pending.id, text: pending.text, flow: pending.flow };
  const [flow, node] = [pending.flow, pending.id.slice(pending.flow.length + 1)];
  return { ...state, status: 'done', current: undefined, openQuestions: [...state.openQuestions, open], outcome: { kind: 'open-question', flow, node } };
}
