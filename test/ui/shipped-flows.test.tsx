/** The wizard over the flows that ship, not fixtures: every screen renders and a session reaches a diagnosis. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { KEY, startWizard } from './harness.tsx';

// Three ways through: always the first option, always the second, always "don't know" (Up wraps to the last row).
const STRATEGIES = { first: [KEY.enter], second: ['2', KEY.enter], unknown: [KEY.up, KEY.enter] } as const;

for (const [name, keys] of Object.entries(STRATEGIES)) test(`the shipped flows can be walked to a diagnosis with the keyboard alone (${name} option)`, async () => {
  const flowSet = loadFlowDir();
  const ui = startWizard({ flowSet, facts: { 'session.today': { value: '2026-11-25', source: 'derived', detail: "today's date" } } });
  let screen = await ui.waitFor((f) => f.includes('❯') || f.includes('Press Esc then d'), 'the first question');
  let steps = 0;
  while (!screen.includes('Diagnosis')) {
    assert.ok(steps < 60, `no diagnosis after ${steps} answers; the screen shows:\n${screen}`);
    const before = screen;
    // Typed answers get "don't know": a path no test author chose.
    if (screen.includes('Press Esc then d')) await ui.press(KEY.escape, 'd');
    else for (const key of keys) await ui.press(key);
    screen = await ui.waitFor((f) => f !== before && (f.includes('Diagnosis') || f.includes('❯') || f.includes('Press Esc then d')), 'the next question or the diagnosis');
    steps += 1;
  }
  assert.match(screen, /Diagnosis: \d+ errors?, \d+ warnings?, \d+ notes? \((complete|partial[^)]*)\)\./);
  assert.doesNotMatch(screen, /\{\{|\}\}/, 'every template placeholder was filled or named');
  ui.unmount();
});
