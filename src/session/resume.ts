/** Turning a saved session back into a live engine state, and describing it on the start screen. */
import { questionId, type Engine, type EngineState } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import type { SavedSession } from './session-schema.ts';

/** Replays the saved inputs over the saved facts: the same questions, answers and position as before. */
export function resumeSession(engine: Engine, saved: SavedSession): EngineState {
  const initial = engine.start(saved.facts, saved.presetAnswers, saved.flow === undefined ? {} : { flow: saved.flow });
  return engine.replay(initial, saved.inputs);
}

/** Saved answers that a resume could not replay, and why the first of them was dropped. */
export interface DroppedAnswers {
  readonly count: number;
  /** Question id of the first dropped answer. */
  readonly question: string;
  readonly reason: string;
}

/**
 * What resuming `saved` left out: replay stops at the first saved answer that no longer fits
 * the flows (changed since the session was saved), and every answer after it goes too. The
 * caller tells the engineer ("2 saved answers were dropped: ..."); undefined when all fit.
 */
export function droppedOnResume(flowSet: FlowSet, saved: SavedSession, resumed: EngineState): DroppedAnswers | undefined {
  const savedAnswers = saved.inputs.filter((input) => input.type === 'answer');
  const kept = resumed.inputs.filter((input) => input.type === 'answer').length;
  const first = savedAnswers[kept];
  if (first === undefined || first.type !== 'answer') return undefined;
  const slash = first.question.indexOf('/');
  const flow = slash < 0 ? undefined : flowSet.flows[first.question.slice(0, slash)];
  const node = flow && Object.hasOwn(flow.nodes, first.question.slice(slash + 1)) ? flow.nodes[first.question.slice(slash + 1)] : undefined;
  const asked = resumed.status === 'asking' && resumed.current ? questionId(resumed.current.flow, resumed.current.node) : undefined;
  const reason = node?.kind !== 'question' ? `question ${first.question} no longer exists in the flows`
    : asked === undefined ? `the session now ends before question ${first.question}`
      : asked !== first.question ? `the flows now ask ${asked} where ${first.question} was answered`
        : `the saved answer to ${first.question} is no longer accepted`;
  return { count: savedAnswers.length - kept, question: first.question, reason };
}

/**
 * "2 saved answers were dropped: question x/y no longer exists in the flows (the flows changed
 * since the session was saved)."; before the engineer chooses to continue: "... would be dropped ...".
 */
export function describeDropped(dropped: DroppedAnswers, when: 'resumed' | 'if-resumed' = 'resumed'): string {
  const verb = when === 'resumed' ? (dropped.count === 1 ? 'was' : 'were') : 'would be';
  const answers = dropped.count === 1 ? '1 saved answer' : `${dropped.count} saved answers`;
  return `${answers} ${verb} dropped: ${dropped.reason} (the flows changed since the session was saved).`;
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
