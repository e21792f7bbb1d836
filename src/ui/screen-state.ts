/**
 * What the keyboard does, as a pure reducer: the state of the screen on show (highlighted row,
 * text being typed, scroll position, an Esc or a confirmation waiting) and one key in, the next
 * state and what the wizard must do out. Each key is applied to the state the previous key left,
 * so keys that arrive together (Down and Enter in one read, a held Backspace) act exactly as
 * the same keys typed one by one. No React, no Ink: tested on its own.
 */
import type { AnswerValue } from '../engine/types.ts';
import type { Validation } from '../engine/answer-types.ts';
import type { ReportFormat } from '../report/format.ts';
import type { KeyEvent } from './key-events.ts';

/** Wizard commands a key can give. `restart` is only given after the user confirmed it; `save` asks for the format first. */
export type Command = 'back' | 'restart' | 'save' | 'quit' | 'interrupt' | 'override' | 'dont-know' | 'findings';

/** What is on screen, as far as keys are concerned. `id` changes whenever a new screen is shown. */
export type ScreenView =
  | { readonly kind: 'list'; readonly id: string; readonly count: number; readonly initial: number; readonly commands: readonly Command[] }
  | {
    readonly kind: 'text'; readonly id: string; readonly initialDraft: string; readonly commands: readonly Command[];
    /** The answer's one validator: what Enter submits, or why it is refused. */
    readonly validate: (text: string) => Validation;
  }
  | {
    readonly kind: 'pager'; readonly id: string; readonly lines: number; readonly page: number;
    /** Steps that can be copied, numbered from 1. */
    readonly steps: number;
    readonly commands: readonly Command[];
  }
  /** Nothing to choose: keys wait (`hold`, e.g. while facts load) or are ignored (while leaving). */
  | { readonly kind: 'busy'; readonly id: string; readonly hold: boolean };

export interface ScreenState {
  readonly screen: string;
  readonly highlight: number;
  readonly draft: string;
  readonly cursor: number;
  readonly offset: number;
  /** Esc was pressed: the next letter is a command. */
  readonly escape: boolean;
  /** A command waiting for its second key: y to restart, or the report's format after `s`. */
  readonly confirm?: 'restart' | 'save';
  /** `c` was pressed: the digits of the step number typed so far. */
  readonly copy?: string;
  /** Why the last Enter in a text box was refused. */
  readonly refused?: string;
  /** The long key help is open. */
  readonly help: boolean;
  /** Keys typed while the screen was busy, replayed on the next screen. */
  readonly held: readonly KeyEvent[];
}

export type Effect =
  | { readonly type: 'choose'; readonly index: number }
  | { readonly type: 'answer'; readonly value: AnswerValue }
  | { readonly type: 'command'; readonly command: Command }
  | { readonly type: 'copy'; readonly step: number }
  /** Save the report now; without a format, in the session's usual one (--report's, else Markdown). */
  | { readonly type: 'save'; readonly format?: ReportFormat };

export interface Reduced {
  readonly state: ScreenState;
  readonly effects: readonly Effect[];
}

/** Single letters and the commands they give (in a text box after Esc, or with Alt). */
const LETTERS: Readonly<Record<string, Command | 'help' | 'restart-ask'>> = {
  b: 'back', r: 'restart-ask', s: 'save', q: 'quit', '?': 'help', o: 'override', d: 'dont-know', f: 'findings',
};

export const EMPTY_ANSWER = 'type an answer first, or press Esc then d for "don\'t know"';

const fresh = (view: ScreenView, help: boolean, held: readonly KeyEvent[]): ScreenState => ({
  screen: view.id,
  highlight: view.kind === 'list' ? clampIndex(view.initial, view.count) : 0,
  draft: view.kind === 'text' ? view.initialDraft : '',
  cursor: view.kind === 'text' ? [...view.initialDraft].length : 0,
  offset: 0,
  escape: false,
  help,
  held,
});

export function initialScreenState(view: ScreenView): ScreenState {
  return fresh(view, false, []);
}

/** The state for the screen on show: a new screen starts afresh (help and held keys carry over). */
export function syncScreen(state: ScreenState, view: ScreenView): ScreenState {
  if (state.screen === view.id) return view.kind === 'pager' ? { ...state, offset: clampOffset(state.offset, view) } : state;
  return fresh(view, state.help, state.held);
}

/** Applies one key to the screen on show. */
export function reduceKey(current: ScreenState, key: KeyEvent, view: ScreenView): Reduced {
  const state = syncScreen(current, view);
  if (key.kind === 'key' && key.name === 'interrupt') return command({ ...state, escape: false, confirm: undefined, copy: undefined }, 'interrupt');
  // The help overlay: Esc, q or ? close it (q never quits from it); any other key closes it and acts.
  if (state.help) {
    const closing = (key.kind === 'key' && key.name === 'escape') || ((key.kind === 'char' || key.kind === 'meta') && (key.char === 'q' || key.char === '?'));
    if (closing) return none({ ...state, help: false, escape: false });
    return reduceKey({ ...state, help: false }, key, view);
  }
  if (view.kind === 'busy') return { state: view.hold ? { ...state, held: [...state.held, key] } : state, effects: [] };
  if (state.confirm === 'save') return saveFormatKey({ ...state, confirm: undefined }, key);
  if (state.confirm !== undefined) {
    const yes = key.kind === 'char' && key.char.toLowerCase() === 'y';
    const next = { ...state, confirm: undefined };
    return yes ? command(next, 'restart') : none(next);
  }
  const letter = key.kind === 'meta' ? key.char.toLowerCase() : state.escape && key.kind === 'char' ? key.char.toLowerCase() : undefined;
  if (letter !== undefined) return letterCommand({ ...state, escape: false, copy: undefined }, letter, view);
  if (state.escape) {
    // Esc then a key that is no command: the Esc is cancelled and the key does nothing.
    return none({ ...state, escape: false });
  }
  switch (view.kind) {
    case 'list': return listKey(state, key, view);
    case 'text': return textKey(state, key, view);
    case 'pager': return pagerKey(state, key, view);
  }
}

/** Keys held while busy, now to be replayed; the state no longer holds them. */
export function takeHeld(state: ScreenState): { readonly state: ScreenState; readonly keys: readonly KeyEvent[] } {
  return { state: state.held.length === 0 ? state : { ...state, held: [] }, keys: state.held };
}

function letterCommand(state: ScreenState, letter: string, view: Exclude<ScreenView, { kind: 'busy' }>): Reduced {
  const meaning = Object.hasOwn(LETTERS, letter) ? LETTERS[letter]! : undefined;
  if (meaning === 'help') return none({ ...state, help: !state.help });
  if (meaning === 'restart-ask') return view.commands.includes('restart') ? none({ ...state, confirm: 'restart' }) : none(state);
  if (meaning === 'save') return view.commands.includes('save') ? none({ ...state, confirm: 'save' }) : none(state);
  if (meaning !== undefined && view.commands.includes(meaning)) return command(state, meaning);
  // Without a step to copy, `c` says so (step 0) rather than waiting for digits.
  if (letter === 'c' && view.kind === 'pager') return view.steps > 0 ? none({ ...state, copy: '' }) : { state, effects: [{ type: 'copy', step: 0 }] };
  return none(state);
}

function listKey(state: ScreenState, key: KeyEvent, view: Extract<ScreenView, { kind: 'list' }>): Reduced {
  const move = (by: number) => none({ ...state, highlight: view.count === 0 ? 0 : (state.highlight + by + view.count) % view.count });
  if (key.kind === 'key') {
    switch (key.name) {
      case 'up': return move(-1);
      case 'down': case 'tab': return move(1);
      case 'home': case 'pageup': return none({ ...state, highlight: 0 });
      case 'end': case 'pagedown': return none({ ...state, highlight: Math.max(0, view.count - 1) });
      case 'enter': return view.count === 0 ? none(state) : { state, effects: [{ type: 'choose', index: state.highlight }] };
      case 'escape': return none({ ...state, escape: true });
      default: return none(state);
    }
  }
  if (key.kind !== 'char') return none(state);
  if (key.char === 'k') return move(-1);
  if (key.char === 'j') return move(1);
  // A digit moves the highlight to that row; only Enter answers. Text meant for a box that lands
  // on a list ("10.50.1.4:" typed after the box moved on) then answers nothing by accident.
  if (/^[1-9]$/.test(key.char)) {
    const index = Number(key.char) - 1;
    return index < view.count ? none({ ...state, highlight: index }) : none(state);
  }
  return letterCommand(state, key.char, view);
}

function textKey(state: ScreenState, key: KeyEvent, view: Extract<ScreenView, { kind: 'text' }>): Reduced {
  const chars = [...state.draft];
  const edit = (next: string[], cursor: number) => none({ ...state, draft: next.join(''), cursor, refused: undefined });
  if (key.kind === 'char') return edit([...chars.slice(0, state.cursor), key.char, ...chars.slice(state.cursor)], state.cursor + 1);
  if (key.kind !== 'key') return none(state);
  switch (key.name) {
    // An empty box stays where it is: a held Backspace never leaves the question.
    case 'backspace': return state.cursor === 0 ? none(state) : edit([...chars.slice(0, state.cursor - 1), ...chars.slice(state.cursor)], state.cursor - 1);
    case 'delete': return state.cursor >= chars.length ? none(state) : edit([...chars.slice(0, state.cursor), ...chars.slice(state.cursor + 1)], state.cursor);
    case 'left': return none({ ...state, cursor: Math.max(0, state.cursor - 1) });
    case 'right': return none({ ...state, cursor: Math.min(chars.length, state.cursor + 1) });
    case 'home': return none({ ...state, cursor: 0 });
    case 'end': return none({ ...state, cursor: chars.length });
    case 'clear-line': return edit([], 0);
    case 'delete-word': {
      // Spaces before the cursor, then the word before them (a shell's Ctrl-W).
      let start = state.cursor;
      while (start > 0 && chars[start - 1] === ' ') start -= 1;
      while (start > 0 && chars[start - 1] !== ' ') start -= 1;
      return start === state.cursor ? none(state) : edit([...chars.slice(0, start), ...chars.slice(state.cursor)], start);
    }
    case 'escape': return none({ ...state, escape: true });
    case 'enter': {
      if (state.draft.trim() === '') return none({ ...state, refused: EMPTY_ANSWER });
      const result = view.validate(state.draft);
      return result.ok ? { state: { ...state, refused: undefined }, effects: [{ type: 'answer', value: result.value }] } : none({ ...state, refused: result.reason });
    }
    default: return none(state);
  }
}

function pagerKey(state: ScreenState, key: KeyEvent, view: Extract<ScreenView, { kind: 'pager' }>): Reduced {
  if (state.copy !== undefined) return copyKey(state, key, view);
  const scroll = (to: number) => none({ ...state, offset: clampOffset(to, view) });
  const last = Math.max(0, view.lines - view.page);
  if (key.kind === 'key') {
    switch (key.name) {
      case 'up': return scroll(state.offset - 1);
      case 'down': case 'enter': return scroll(state.offset + 1);
      case 'pageup': return scroll(state.offset - view.page);
      case 'pagedown': return scroll(state.offset + view.page);
      case 'home': return scroll(0);
      case 'end': return scroll(last);
      case 'escape': return none({ ...state, escape: true });
      default: return none(state);
    }
  }
  if (key.kind !== 'char') return none(state);
  switch (key.char) {
    case 'k': return scroll(state.offset - 1);
    case 'j': return scroll(state.offset + 1);
    case ' ': return scroll(state.offset + view.page);
    case 'g': return scroll(0);
    case 'G': return scroll(last);
    default: return letterCommand(state, key.char, view);
  }
}

/** `c`, then the step's number: one digit when there are fewer than ten steps, else digits and Enter. */
function copyKey(state: ScreenState, key: KeyEvent, view: Extract<ScreenView, { kind: 'pager' }>): Reduced {
  const typed = state.copy ?? '';
  // Any number is handed over: one out of range is told so, never silently ignored.
  const done = (digits: string) => ({ state: { ...state, copy: undefined }, effects: [{ type: 'copy', step: Number(digits) } as const] });
  if (key.kind === 'char' && /^[0-9]$/.test(key.char)) {
    const digits = typed + key.char;
    return view.steps < 10 || digits.length >= String(view.steps).length ? done(digits) : none({ ...state, copy: digits });
  }
  if (key.kind === 'key' && key.name === 'enter' && typed !== '') return done(typed);
  if (key.kind === 'key' && key.name === 'backspace') return none({ ...state, copy: typed.slice(0, -1) });
  return none({ ...state, copy: undefined });
}

/** After `s`: Enter the usual format, m Markdown, j JSON; any other key saves nothing. */
function saveFormatKey(state: ScreenState, key: KeyEvent): Reduced {
  if (key.kind === 'key' && key.name === 'enter') return { state, effects: [{ type: 'save' }] };
  const letter = key.kind === 'char' || key.kind === 'meta' ? key.char.toLowerCase() : undefined;
  if (letter === 'm') return { state, effects: [{ type: 'save', format: 'md' }] };
  if (letter === 'j') return { state, effects: [{ type: 'save', format: 'json' }] };
  return none(state);
}

function command(state: ScreenState, which: Command): Reduced {
  return { state, effects: [{ type: 'command', command: which }] };
}

function none(state: ScreenState): Reduced {
  return { state, effects: [] };
}

function clampIndex(index: number, count: number): number {
  return count === 0 ? 0 : Math.min(Math.max(0, index), count - 1);
}

function clampOffset(offset: number, view: Extract<ScreenView, { kind: 'pager' }>): number {
  return Math.min(Math.max(0, offset), Math.max(0, view.lines - view.page));
}
