/**
 * The wizard's "may I run these commands in the customer's app?" as a promise: `--probe` asks
 * through `ask` (the fact sources wait on it), the wizard shows what is pending and answers yes
 * or no. No React here: the UI only draws the question and passes the answer on.
 */
import { PendingPrompt } from './pending-prompt.ts';

export interface ProbeRequestShown {
  readonly appId: string;
  /** The exact command lines that would run, in order. */
  readonly commands: readonly string[];
}

export class ProbeConsent {
  /** Unanswered means no: nothing runs in the customer's app without a yes. */
  readonly #prompt = new PendingPrompt<ProbeRequestShown, boolean>(false);

  /** What waits for an answer, if anything. */
  get pending(): ProbeRequestShown | undefined { return this.#prompt.pending; }

  /** Resolves with the engineer's answer; an earlier question still open is declined first. */
  readonly ask = (appId: string, commands: readonly string[]): Promise<boolean> => this.#prompt.ask({ appId, commands: [...commands] });

  /** The engineer's answer: true runs the commands, false asks the questions instead. */
  answer(yes: boolean): void { this.#prompt.reply(yes); }

  /** Nothing runs (the wizard is leaving or the load was abandoned). */
  cancel(): void { this.#prompt.cancel(); }

  subscribe(listener: () => void): () => void { return this.#prompt.subscribe(listener); }
}
