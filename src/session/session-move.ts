/**
 * What the engineer does while the session waits on them: the moves the session controller
 * applies (`apply`). The wizard's machine (ui/wizard-machine.ts) asks for them as effects;
 * `check` makes none and walks the flows instead.
 */
import type { AnswerValue } from '../engine/types.ts';

export type SessionMove =
  /** An answer to the question with this id (dropped if the session has moved on meanwhile). */
  | { readonly kind: 'answer'; readonly question: string; readonly value: AnswerValue }
  | { readonly kind: 'back' }
  | { readonly kind: 'restart' }
  /** Answer a question that a fact answered by hand after all. */
  | { readonly kind: 'override'; readonly fact: string };
