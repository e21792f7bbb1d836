/** The keyboard reducer on its own: every key counts, in order, however the terminal chunks them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswer } from '../../src/engine/answer-types.ts';
import { decodeKeys, type KeyEvent } from '../../src/ui/key-events.ts';
import { KeyQueue } from '../../src/ui/key-queue.ts';
import { initialScreenState, reduceKey, takeHeld, type Effect, type ScreenState, type ScreenView } from '../../src/ui/screen-state.ts';

const ALL = ['back', 'restart', 'save', 'quit', 'override', 'dont-know'] as const;
const list = (id = 'q1', count = 3, initial = 0): ScreenView => ({ kind: 'list', id, count, initial, commands: ALL });
const text = (id = 't1', initialDraft = ''): ScreenView => ({ kind: 'text', id, initialDraft, commands: ALL, validate: (value) => validateAnswer('host-port', value) });
const pager = (lines = 45, page = 20, steps = 3): ScreenView => ({ kind: 'pager', id: 'findings', lines, page, steps, commands: ['back', 'restart', 'save', 'quit'] });

/** Feeds raw terminal data (as one read) through the decoder and the reducer. */
function feed(view: ScreenView, data: string, start: ScreenState = initialScreenState(view)): { state: ScreenState; effects: Effect[] } {
  let state = start;
  const effects: Effect[] = [];
  for (const key of decodeKeys(data)) {
    const next = reduceKey(state, key, view);
    state = next.state;
    effects.push(...next.effects);
  }
  return { state, effects };
}

test('Down and Enter in one read choose the second option', () => {
  assert.deepEqual(feed(list(), '\u001b[B\r').effects, [{ type: 'choose', index: 1 }]);
  // Ink splits escape sequences from text, so a read holds "\u001b[B" then "\r"; both orders of chunking agree.
  const split = feed(list(), '\r', feed(list(), '\u001b[B').state);
  assert.deepEqual(split.effects, [{ type: 'choose', index: 1 }]);
});

test('a digit and Enter in one read, and a line feed typed before raw mode, each count once', () => {
  assert.deepEqual(decodeKeys('3\r'), [{ kind: 'char', char: '3' }, { kind: 'key', name: 'enter' }]);
  assert.deepEqual(decodeKeys('\n'), [{ kind: 'key', name: 'enter' }]);
  assert.deepEqual(feed(list('q', 3), '2\r').effects, [{ type: 'choose', index: 1 }]);
});

test('three Backspaces in one read delete three characters', () => {
  const typed = feed(text(), 'db.contoso.local:1433');
  assert.equal(typed.state.draft, 'db.contoso.local:1433');
  // Ink hands each Backspace byte over on its own; the decoder keeps every one of them.
  const after = ['\u007f', '\u007f', '\u007f'].reduce((state, data) => feed(text(), data, state).state, typed.state);
  assert.equal(after.draft, 'db.contoso.local:1');
  assert.equal(feed(text(), '\u007f\u007f\u007f', typed.state).state.draft, 'db.contoso.local:1', 'also when they come as one run');
});

test('a burst of Backspaces never leaves the question: an empty box ignores them', () => {
  const { state, effects } = feed(text(), 'ab' + '\u007f'.repeat(20));
  assert.equal(state.draft, '');
  assert.deepEqual(effects, [], 'no back command');
  // Going back takes a deliberate key: Esc then b.
  assert.deepEqual(feed(text(), '\u001b', state).effects, []);
  assert.deepEqual(feed(text(), 'b', feed(text(), '\u001b', state).state).effects, [{ type: 'command', command: 'back' }]);
  assert.deepEqual(feed(text(), '\u001bb', state).effects, [{ type: 'command', command: 'back' }], 'Esc b in one read (Alt-b)');
});

test('a pasted answer and Enter in one read submit the whole answer', () => {
  assert.deepEqual(feed(text(), 'db.contoso.local:1433\r').effects, [{ type: 'answer', value: { host: 'db.contoso.local', port: 1433 } }]);
  const refused = feed(text(), '300.1.2.3:80\r');
  assert.deepEqual(refused.effects, []);
  assert.match(refused.state.refused ?? '', /300\.1\.2\.3 is not an IPv4 address/);
  assert.match(feed(text(), '\r').state.refused ?? '', /type an answer first/);
});

test('letters in a text box are text; the cursor moves and edits in place', () => {
  const { state } = feed(text(), 'bq\u001b[D\u001b[Dx');
  assert.equal(state.draft, 'xbq');
  assert.equal(state.cursor, 1);
  assert.equal(feed(text(), '\u001b[3~', state).state.draft, 'xq', 'Delete removes the character under the cursor');
});

test('keys for the next screen act on that screen: each key sees the state the previous one left', () => {
  // "Enter" answers list q1; the wizard then shows q2, where "Down Enter" must pick row 2.
  let state = initialScreenState(list('q1'));
  const first = reduceKey(state, { kind: 'key', name: 'enter' }, list('q1'));
  assert.deepEqual(first.effects, [{ type: 'choose', index: 0 }]);
  state = first.state;
  for (const key of decodeKeys('\u001b[B')) state = reduceKey(state, key, list('q2')).state;
  assert.deepEqual(reduceKey(state, { kind: 'key', name: 'enter' }, list('q2')).effects, [{ type: 'choose', index: 1 }]);
});

test('a screen coming back highlights the earlier answer', () => {
  assert.equal(initialScreenState(list('q1', 3, 1)).highlight, 1);
  assert.equal(initialScreenState(text('t', 'db:1433')).draft, 'db:1433');
});

test('r asks before restarting; only y restarts', () => {
  const asked = feed(list(), 'r');
  assert.equal(asked.state.confirm, 'restart');
  assert.deepEqual(asked.effects, []);
  assert.deepEqual(feed(list(), 'y', asked.state).effects, [{ type: 'command', command: 'restart' }]);
  const declined = feed(list(), 'n', asked.state);
  assert.deepEqual(declined.effects, []);
  assert.equal(declined.state.confirm, undefined);
  assert.deepEqual(feed(list(), '\u001b[B\r', declined.state).effects, [{ type: 'choose', index: 1 }], 'the list works again');
});

test('the pager scrolls with PgUp/PgDn, j/k and g/G and never past the last page', () => {
  const view = pager(45, 20);
  assert.equal(feed(view, '\u001b[6~').state.offset, 20);
  assert.equal(feed(view, '\u001b[6~\u001b[6~\u001b[6~').state.offset, 25);
  assert.equal(feed(view, 'jjjk').state.offset, 2);
  assert.equal(feed(view, 'G').state.offset, 25);
  assert.equal(feed(view, 'Gg').state.offset, 0);
  assert.equal(feed(view, 'G\u001b[5~').state.offset, 5);
});

test('c and a step number copy that step; with ten or more steps the number ends with Enter', () => {
  assert.deepEqual(feed(pager(45, 20, 3), 'c2').effects, [{ type: 'copy', step: 2 }]);
  assert.deepEqual(feed(pager(45, 20, 3), 'c9').effects, [{ type: 'copy', step: 9 }], 'no such step: handed over, so the wizard says so');
  assert.deepEqual(feed(pager(45, 20, 12), 'c1').effects, [], 'waits: 1 may be the start of 12');
  assert.deepEqual(feed(pager(45, 20, 12), 'c12').effects, [{ type: 'copy', step: 12 }]);
  assert.deepEqual(feed(pager(45, 20, 12), 'c1\r').effects, [{ type: 'copy', step: 1 }]);
});

test('Ctrl-C interrupts from anywhere, even mid-command; keys typed while loading are held, not lost', () => {
  assert.deepEqual(feed(text(), 'ab\u001b\u0003').effects, [{ type: 'command', command: 'interrupt' }]);
  const busy: ScreenView = { kind: 'busy', id: 'loading', hold: true };
  const held = feed(busy, '\u001b[B\r');
  assert.deepEqual(held.effects, []);
  assert.deepEqual(held.state.held, [{ kind: 'key', name: 'down' }, { kind: 'key', name: 'enter' }]);
  const { state, keys } = takeHeld(held.state);
  assert.deepEqual(state.held, []);
  let next = state;
  const effects: Effect[] = [];
  for (const key of keys) { const reduced = reduceKey(next, key, list('q1')); next = reduced.state; effects.push(...reduced.effects); }
  assert.deepEqual(effects, [{ type: 'choose', index: 1 }]);
});

test('the key queue keeps keys that arrive before anyone listens, in order', () => {
  const queue = new KeyQueue();
  queue.pushData('\u001b[B');
  queue.pushData('3\r');
  const seen: KeyEvent[] = [];
  const stop = queue.listen((key) => seen.push(key));
  queue.pushData('\u007f');
  stop();
  queue.pushData('x');
  assert.deepEqual(seen, [{ kind: 'key', name: 'down' }, { kind: 'char', char: '3' }, { kind: 'key', name: 'enter' }, { kind: 'key', name: 'backspace' }]);
});

test('s asks for the format: Enter the usual one, m Markdown, j JSON, any other key saves nothing', () => {
  for (const view of [list(), pager()]) {
    const asked = feed(view, 's');
    assert.equal(asked.state.confirm, 'save');
    assert.deepEqual(asked.effects, [], 'nothing is saved before the format is chosen');
    assert.deepEqual(feed(view, '\r', asked.state).effects, [{ type: 'save' }]);
    assert.deepEqual(feed(view, 'm', asked.state).effects, [{ type: 'save', format: 'md' }]);
    assert.deepEqual(feed(view, 'J', asked.state).effects, [{ type: 'save', format: 'json' }]);
    const cancelled = feed(view, 'x', asked.state);
    assert.deepEqual(cancelled.effects, []);
    assert.equal(cancelled.state.confirm, undefined);
  }
  // In a text box: Esc s, then j; the j is no text and the draft is kept.
  const typed = feed(text(), 'db:1433');
  const saved = feed(text(), '\u001bsj', typed.state);
  assert.deepEqual(saved.effects, [{ type: 'save', format: 'json' }]);
  assert.equal(saved.state.draft, 'db:1433');
  // On the findings, j after s is the format, not a scroll.
  assert.equal(feed(pager(), 'sj').state.offset, 0);
});
