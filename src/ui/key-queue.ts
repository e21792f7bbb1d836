/**
 * The wizard's one keyboard: every key from the terminal, in order, from the first frame to the
 * last. Keys that arrive before anyone listens (while the flows load, or between a screen being
 * drawn and its handler being attached) wait here instead of being lost.
 */
import { decodeKeys, type KeyEvent } from './key-events.ts';

export type KeyHandler = (event: KeyEvent) => void;

export class KeyQueue {
  private readonly waiting: KeyEvent[] = [];
  private handler: KeyHandler | undefined;

  /** Adds what the terminal sent (one event of Ink's parser); each key reaches the handler on its own. */
  pushData(data: string): void {
    for (const event of decodeKeys(data)) this.push(event);
  }

  push(event: KeyEvent): void {
    if (this.handler) this.handler(event);
    else this.waiting.push(event);
  }

  /** Sets the one handler; keys that waited are handed over first, in order. Returns the way to detach it. */
  listen(handler: KeyHandler): () => void {
    this.handler = handler;
    while (this.waiting.length > 0 && this.handler === handler) handler(this.waiting.shift()!);
    return () => {
      if (this.handler === handler) this.handler = undefined;
    };
  }
}
