/**
 * The session's prompts (session/session-prompts.ts) as the wizard's screens answer them: the
 * controller's `next` waits here until a key gives a move. Plain TypeScript, no React: the
 * screens ask `waiting` before they act on a key, and `move` passes the engineer's move on.
 */
import type { EngineState } from '../engine/engine.ts';
import { PendingPrompt } from '../session/pending-prompt.ts';
import type { SessionMove, SessionPrompts } from '../session/session-prompts.ts';

export class ScreenPrompts implements SessionPrompts {
  readonly #prompt = new PendingPrompt<EngineState, SessionMove>({ kind: 'leave' });

  readonly next = (state: EngineState): Promise<SessionMove> => this.#prompt.ask(state);

  /** True while the session waits on the engineer (between a move and the next wait it is busy). */
  get waiting(): boolean { return this.#prompt.pending !== undefined; }

  /** The engineer's move; false when the session was not waiting (the key is held for the next screen). */
  move(move: SessionMove): boolean { return this.#prompt.reply(move); }

  /** The wizard is leaving: the conversation ends. */
  leave(): void { this.#prompt.cancel(); }

  subscribe(listener: () => void): () => void { return this.#prompt.subscribe(listener); }
}
