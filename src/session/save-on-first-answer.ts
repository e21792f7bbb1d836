/**
 * The saving rule for a fresh session when an earlier one is on disk: the earlier session stays
 * until this one has an answer (starting a demo and quitting must not cost the interrupted
 * session). Only a session this one saved is ever forgotten.
 */
import { SessionStore, type SavedSession } from './session-store.ts';

export class SaveOnFirstAnswer extends SessionStore {
  #saved = false;

  constructor(private readonly inner: SessionStore) {
    super(inner.dir);
  }

  override save(session: Omit<SavedSession, 'format' | 'savedAt'>): void {
    if (!this.#saved && session.inputs.length === 0) return;
    this.inner.save(session);
    this.#saved = true;
  }

  override clear(): void {
    if (this.#saved) this.inner.clear();
  }
}
