/**
 * The wizard's keyboard commands. In select lists single letters act at once. In text inputs
 * letters are text, so commands need Esc first (Esc b = back, Esc d = don't know, ...; Alt-b
 * works too, which is what a fast Esc+b often arrives as), and Backspace goes back only when the
 * input is empty. Ctrl-C always quits, saving the partial report.
 */
import { useState } from 'react';
import { useInput } from 'ink';

export type Command = 'back' | 'restart' | 'save' | 'quit' | 'interrupt' | 'help' | 'override' | 'dont-know';

/** What has the keyboard: a select list, an empty text input, or a text input holding text. */
export type KeyMode = 'select' | 'text-empty' | 'text';

const LETTERS: Readonly<Record<string, Command>> = { b: 'back', r: 'restart', s: 'save', q: 'quit', '?': 'help', o: 'override', d: 'dont-know' };

export interface KeyOptions {
  readonly mode: KeyMode;
  readonly isActive: boolean;
  readonly onCommand: (command: Command) => void;
}

/** Returns whether an Esc is waiting for its command letter (the text input must not take that letter). */
export function useWizardKeys({ mode, isActive, onCommand }: KeyOptions): boolean {
  const [pending, setPending] = useState(false);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') { setPending(false); onCommand('interrupt'); return; }
    if (pending) {
      setPending(false);
      const command = LETTERS[input.toLowerCase()];
      if (command) onCommand(command);
      return;
    }
    const erase = key.backspace || key.delete;
    if (mode === 'select') {
      if (erase) { onCommand('back'); return; }
      const command = LETTERS[input];
      if (command && command !== 'dont-know' && !key.ctrl && !key.meta) onCommand(command);
      return;
    }
    if (key.escape) { setPending(true); return; }
    if (key.meta && LETTERS[input]) { onCommand(LETTERS[input]!); return; }
    if (mode === 'text-empty' && erase) onCommand('back');
    else if (mode === 'text-empty' && input === '?') onCommand('help');
  }, { isActive });
  return pending;
}
