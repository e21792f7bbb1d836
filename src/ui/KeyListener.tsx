import { useEffect } from 'react';
import { useStdin } from 'ink';
import type { EventEmitter } from 'node:events';
import type { KeyQueue } from './key-queue.ts';

export interface KeyListenerProps {
  readonly queue: KeyQueue;
}

/** What Ink's stdin context holds besides its public fields: the stream of parsed input events. */
interface StdinEvents { readonly internal_eventEmitter?: EventEmitter }

/**
 * Puts the terminal in raw mode and feeds every input event into the queue. Mounted once at the
 * root for the whole run, so no screen change ever detaches the keyboard. It listens to Ink's
 * parsed input events rather than useInput: useInput reports a coalesced "3\r" or a line feed as
 * something else than the keys they are, and the queue needs the keys exactly as typed.
 */
export function KeyListener({ queue }: KeyListenerProps): null {
  const stdin = useStdin();
  const { setRawMode, isRawModeSupported } = stdin;
  const events = (stdin as unknown as StdinEvents).internal_eventEmitter;
  useEffect(() => {
    if (!isRawModeSupported || !events) return undefined;
    const take = (data: unknown) => { if (typeof data === 'string') queue.pushData(data); };
    events.on('input', take);
    setRawMode(true);
    return () => {
      events.off('input', take);
      setRawMode(false);
    };
  }, [queue, events, setRawMode, isRawModeSupported]);
  return null;
}
