/**
 * Terminal input as a list of single keys. Ink hands over each read already split into escape
 * sequences, control bytes and runs of text; a run may still hold several keys ("3\r" when a
 * digit and Enter arrive together, a paste followed by Enter), so it is split here into one
 * event per key. Nothing is dropped: every key the terminal sent becomes exactly one event, in order.
 */

export type NamedKey =
  | 'enter' | 'backspace' | 'delete' | 'escape' | 'tab'
  | 'up' | 'down' | 'left' | 'right' | 'pageup' | 'pagedown' | 'home' | 'end'
  | 'interrupt'
  /** Ctrl-U: clear the text box; Ctrl-W: delete the word before the cursor (as in a shell). */
  | 'clear-line' | 'delete-word';

export type KeyEvent =
  | { readonly kind: 'key'; readonly name: NamedKey }
  /** A printable character. */
  | { readonly kind: 'char'; readonly char: string }
  /** Alt+character, which is also what Esc and a character typed quickly arrive as. */
  | { readonly kind: 'meta'; readonly char: string };

const key = (name: NamedKey): KeyEvent => ({ kind: 'key', name });

/** Escape sequences of the keys the wizard uses (xterm, VT220 and application-mode forms). */
const SEQUENCES: Readonly<Record<string, NamedKey>> = {
  '\u001b[A': 'up', '\u001b[B': 'down', '\u001b[C': 'right', '\u001b[D': 'left',
  '\u001bOA': 'up', '\u001bOB': 'down', '\u001bOC': 'right', '\u001bOD': 'left',
  '\u001b[5~': 'pageup', '\u001b[6~': 'pagedown', '\u001b[[5~': 'pageup', '\u001b[[6~': 'pagedown',
  '\u001b[H': 'home', '\u001b[F': 'end', '\u001bOH': 'home', '\u001bOF': 'end',
  '\u001b[1~': 'home', '\u001b[4~': 'end', '\u001b[7~': 'home', '\u001b[8~': 'end',
  '\u001b[3~': 'delete', '\u001bOM': 'enter', '\u001b[Z': 'tab',
};

/**
 * Terminal data as keys: escape sequences, control bytes and characters, one event each. Ink
 * usually hands over one sequence or one run of text at a time, but any chunking decodes the same.
 */
export function decodeKeys(data: string): KeyEvent[] {
  const events: KeyEvent[] = [];
  let index = 0;
  while (index < data.length) {
    if (data[index] === '\u001b') {
      const end = escapeEnd(data, index);
      const event = decodeEscape(data.slice(index, end));
      if (event) events.push(event);
      index = end;
      continue;
    }
    const char = String.fromCodePoint(data.codePointAt(index)!);
    const event = decodeChar(char);
    if (event) events.push(event);
    index += char.length;
  }
  return events;
}

/** Where the escape sequence starting at `start` ends: CSI (ESC [ ... final), SS3 (ESC O x), or ESC and one character. */
function escapeEnd(data: string, start: number): number {
  const next = data[start + 1];
  if (next === undefined) return start + 1;
  // Esc before another Esc or a control key (Ctrl-C, Enter, Backspace) is an Esc of its own.
  if (next === '\u001b' || next < ' ' || next === '\u007f') return start + 1;
  if (next === '[') {
    let index = start + 2;
    if (data[index] === '[') index += 1;
    while (index < data.length && /[0-9;?<=>$ -/]/.test(data[index]!)) index += 1;
    return Math.min(data.length, index + 1);
  }
  if (next === 'O' && start + 2 < data.length) return start + 3;
  return start + 1 + String.fromCodePoint(data.codePointAt(start + 1)!).length;
}

function decodeEscape(data: string): KeyEvent | undefined {
  if (data === '\u001b') return key('escape');
  const named = SEQUENCES[data];
  if (named) return key(named);
  // Esc followed by one character in the same read: Alt+key, or Esc and a letter typed fast.
  const rest = data.slice(1);
  if ([...rest].length === 1 && rest >= ' ') return { kind: 'meta', char: rest };
  // Any other sequence (function keys, focus reports, mouse) is not a key the wizard uses.
  return undefined;
}

function decodeChar(char: string): KeyEvent | undefined {
  switch (char) {
    // A line feed is Enter too: keys typed before the terminal is in raw mode arrive cooked.
    case '\r': case '\n': return key('enter');
    case '\u007f': case '\b': return key('backspace');
    case '\u0003': return key('interrupt');
    case '\u0015': return key('clear-line');
    case '\u0017': return key('delete-word');
    case '\t': return key('tab');
    default:
      // Other control characters have no meaning here and must never reach the screen.
      return char < ' ' || (char >= '\u0080' && char < '\u00a0') ? undefined : { kind: 'char', char };
  }
}
