/**
 * The wizard's "may I run these commands in the customer's app?" as plain state: `--probe` asks
 * through `ask` (the fact sources wait on it), the wizard shows what is pending and answers yes
 * or no. No React here: the UI only draws the question and passes the answer on.
 */

export interface ProbeRequestShown {
  readonly appId: string;
  /** The exact command lines that would run, in order. */
  readonly commands: readonly string[];
}

export class ProbeConsent {
  #pending: { readonly request: ProbeRequestShown; readonly settle: (yes: boolean) => void } | undefined;
  #listeners = new Set<() => void>();

  /** What waits for an answer, if anything. */
  get pending(): ProbeRequestShown | undefined { return this.#pending?.request; }

  /** Resolves with the engineer's answer; an earlier question still open is declined first. */
  readonly ask = (appId: string, commands: readonly string[]): Promise<boolean> => {
    this.#settle(false);
    return new Promise<boolean>((resolve) => {
      this.#pending = { request: { appId, commands: [...commands] }, settle: resolve };
      this.#notify();
    });
  };

  /** The engineer's answer: true runs the commands, false asks the questions instead. */
  answer(yes: boolean): void { this.#settle(yes); }

  /** Nothing runs (the wizard is leaving or the load was abandoned). */
  cancel(): void { this.#settle(false); }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #settle(yes: boolean): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    pending.settle(yes);
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
