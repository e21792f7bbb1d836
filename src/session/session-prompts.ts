/**
 * What the session asks a person, behind a promise: whenever the session waits on someone (a
 * question the facts and the answers file could not answer, or the findings), the controller
 * awaits `next` and applies the move it resolves with. The wizard's screens are one
 * implementation (ui/screen-prompts.ts); `check` asks no one and walks the flows instead.
 */
import type { EngineState } from '../engine/engine.ts';
import type { AnswerValue } from '../engine/types.ts';

/** What the engineer does while the session waits on them. */
export type SessionMove =
  /** An answer to the question with this id (dropped if the session has moved on meanwhile). */
  | { readonly kind: 'answer'; readonly question: string; readonly value: AnswerValue }
  | { readonly kind: 'back' }
  | { readonly kind: 'restart' }
  /** Answer a question that a fact answered by hand after all. */
  | { readonly kind: 'override'; readonly fact: string }
  /** No more moves: the person is leaving (the report and the exit code are `finish`'s). */
  | { readonly kind: 'leave' };

export interface SessionPrompts {
  /** The session waits on a person at `state` (a question, or the findings): resolves with their move. */
  next(state: EngineState): Promise<SessionMove>;
}
