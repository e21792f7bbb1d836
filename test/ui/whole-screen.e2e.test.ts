/**
 * The whole screen at 80x24 (issue 19 items 6 and 9), in the real wizard in a pseudo-terminal:
 * lists show every row that fits (all the symptoms; the tier list down to "Standard" and beyond),
 * the `?` help fits and closes with Esc, q or ?, and `f` shows the findings so far and returns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const ENTER = '\r';
const DOWN = '\u001b[B';

function wizard(args: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-screen-'));
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  return new PseudoTerminal([process.execPath, BIN, ...args], { cwd: dir, env, columns: 80, rows: 24 });
}

/** Keys, then the whole frame that shows `pattern` (its footer drawn too). */
async function press(term: PseudoTerminal, keys: string, pattern: RegExp, what: string): Promise<string> {
  const before = term.send(keys);
  await term.waitFor((text) => pattern.test(text) && /(\? help|close the help)/.test(text.slice(text.search(pattern))), what, before);
  return term.lastScreen();
}

function fits(screen: string): void {
  const rows = screen.replace(/\n+$/, '').split('\n');
  assert.ok(rows.length <= 24, `the frame fits 24 rows (${rows.length}):\n${screen}`);
  const widest = Math.max(...rows.map((row) => [...row].length));
  assert.ok(widest <= 80, `every row fits 80 columns (widest ${widest})`);
}

test('80x24: every symptom is listed, ? help fits and closes with q, Esc or ?, and f shows the findings so far', async () => {
  const term = wizard(['--demo', 'root-cert-missing']);
  try {
    const first = await term.waitFor(/What does the customer see\?[\s\S]*\? help/, 'the symptom question').then(() => term.lastScreen());
    fits(first);
    assert.match(first, /Plan the move to regional integration[\s\S]*Don't know/, 'the last symptoms and "don\'t know" are on screen');
    assert.doesNotMatch(first, /more below/);
    assert.match(first, /4 findings so far/, 'the header counts what the facts prove already');
    for (const close of ['q', '\u001b', '?']) {
      const help = await press(term, '?', /Esc, q or \? closes this help/, 'the help');
      fits(help);
      assert.doesNotMatch(help, /What does the customer see\?/, 'the help stands in place of the screen');
      const back = await press(term, close, /What does the customer see\?/, `the question again after ${JSON.stringify(close)}`);
      assert.doesNotMatch(back, /closes this help/);
    }
    const peek = await press(term, 'f', /Findings so far: 1 error/, 'the findings so far');
    fits(peek);
    assert.match(peek, /App Service's root certificate is missing/);
    const back = await press(term, 'f', /What does the customer see\?/, 'back to the question with f');
    assert.match(back, /0 answered/, 'nothing was answered on the way');
    term.send('q');
    assert.equal(await term.exit, 1, 'quit (q) with an error among the findings');
  } finally {
    term.close();
  }
});

test('80x24 offline: the pricing tier list shows Standard and the rows after it', async () => {
  const term = wizard(['--offline']);
  try {
    await term.waitFor(/What does the customer see\?[\s\S]*\? help/, 'the symptom question');
    await press(term, ENTER, /Does the app run on Linux\?/, 'the Linux question');
    await press(term, `${DOWN}${ENTER}`, /Windows container\?/, 'the container question');
    const tiers = await press(term, `${DOWN}${ENTER}`, /Which pricing tier/, 'the tier question');
    fits(tiers);
    assert.match(tiers, /Standard \(S1-S3\)[\s\S]*Premium v3/);
    assert.match(tiers, /Don't know/, 'the whole list fits');
  } finally {
    term.close();
  }
});
