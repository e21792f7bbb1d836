/**
 * One question to a person, as a promise (the facade of Shopify's cli-kit prompts): whoever needs
 * the answer awaits `ask`, whoever shows the question reads `pending` and calls `reply`. Plain
 * TypeScript, so the session and the fact sources ask without knowing about screens, and the
 * screens answer without knowing who asked.
 */
export class PendingPrompt<Question, Reply> {
  #pending: { readonly question: Question; readonly settle: (reply: Reply) => void } | undefined;
  readonly #listeners = new Set<() => void>();

  /** @param declined What a question no one answers resolves with (a newer question came, or the screen is leaving). */
  constructor(private readonly declined: Reply) {}

  /** The question waiting for a reply, if any. */
  get pending(): Question | undefined { return this.#pending?.question; }

  /** Resolves with the reply; a question still open is declined first. */
  readonly ask = (question: Question): Promise<Reply> => {
    this.#settle(this.declined);
    return new Promise<Reply>((resolve) => {
      this.#pending = { question, settle: resolve };
      this.#notify();
    });
  };

  /** Answers the waiting question; false when nothing was waiting (the reply is dropped). */
  reply(reply: Reply): boolean {
    if (!this.#pending) return false;
    this.#settle(reply);
    return true;
  }

  /** Declines whatever waits (the screen is leaving, the load was abandoned). */
  cancel(): void { this.#settle(this.declined); }

  /** Calls `listener` whenever a question comes or goes. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #settle(reply: Reply): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = undefined;
    pending.settle(reply);
    this.#notify();
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}
