/**
 * The real program in a real pseudo-terminal: keys typed, the screen read back. Uses the flow
 * fixtures in test/ui/fixtures/flows so it does not depend on the shipped flows' wording.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal, plain } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const FLOWS = fileURLToPath(new URL('fixtures/flows', import.meta.url));
const LONG_FLOWS = fileURLToPath(new URL('fixtures/long-flows', import.meta.url));
const ENTER = '\r';
const DOWN = '\u001b[B';
const PAGE_DOWN = '\u001b[6~';
const BACKSPACE = '\u007f';
/** Ink erases the whole screen only when a frame is as tall as the terminal, pushing a copy into the scrollback. */
const CLEAR_SCREEN = '\u001b[2J';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-pty-'));
  const state = join(dir, 'state');
  // VNET_DOCTOR_SOURCE is inherited: npm test runs this file against the bundle and again against src/.
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: state, TERM: 'xterm-256color' };
  delete env.NO_COLOR;
  delete env.CI;
  return { dir, state, env };
}

const wizard = (args: readonly string[], options: ConstructorParameters<typeof PseudoTerminal>[1]) =>
  new PseudoTerminal([process.execPath, BIN, ...args], options);

test('a support engineer walks an offline session to a finding and quits with the report saved', async () => {
  const { dir, state, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    await term.press(DOWN, '❯ No', 'the highlight on No');
    await term.press(ENTER, 'Tier?', 'the tier question');
    await term.press('3', '❯ Standard', 'digit 3 moves the highlight to Standard');
    await term.press(ENTER, 'Which host and port?', 'the host-port question');
    await term.press('db.contoso.local:1433', 'OK, press Enter', 'the typed answer accepted');
    await term.press(ENTER, 'What is the P2S pool?', 'the pool question');
    await term.press('10.10.0.0/24', 'OK, press Enter', 'the typed pool accepted');
    await term.press(ENTER, 'Does tcpping db.contoso.local:1433 time out?', 'the templated question');
    // The command must stand alone on its line, indented with spaces only, ready to triple-click and copy.
    const findings = await term.press(ENTER, /^ {5}tcpping db\.contoso\.local:1433$/m, 'the finding with its command alone on a line');
    assert.match(findings, /Diagnosis: 1 error/);
    term.send('q');
    assert.equal(await term.exit, 1, 'exit code 1: an error finding');
    // The last screen stays readable: the findings, then the report path; no spinner, no stale keys.
    const last = term.lastScreen();
    assert.match(last, /Diagnosis: 1 error[\s\S]*tcpping db\.contoso\.local:1433[\s\S]*Report written to .*vnet-doctor-report-/);
    assert.doesNotMatch(last, /Saving the report|Ctrl-C quit|q quit/);
    const reports = readdirSync(dir).filter((name) => /^vnet-doctor-report-\d{8}-\d{6}\.md$/.test(name));
    assert.equal(reports.length, 1, 'the report is written to the current directory by default');
    assert.match(readFileSync(join(dir, reports[0]!), 'utf8'), /tcpping db\.contoso\.local:1433/);
    assert.equal(existsSync(join(state, 'session.json')), false, 'a finished session is cleared');
  } finally {
    term.close();
  }
});

test('60 columns without colour stay legible, and Ctrl-C writes the partial report', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS, '--report', 'partial.json'], { cwd: dir, env: { ...env, NO_COLOR: '1' }, columns: 60 });
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    await term.press(DOWN, '❯ No', 'the highlight on No');
    await term.press(ENTER, 'Tier?', 'the tier question');
    assert.doesNotMatch(term.raw, /\u001b\[(3|9)[0-7]m|\u001b\[38;/, 'no colour escape sequences with NO_COLOR');
    const widest = Math.max(...plain(term.raw).split('\n').map((line) => [...line].length));
    assert.ok(widest <= 60, `every line fits 60 columns (widest: ${widest})`);
    term.send('\u0003');
    assert.equal(await term.exit, 130);
    const last = term.lastScreen();
    assert.match(last, /Tier\?[\s\S]*Report written to .*partial\.json[\s\S]*vnet-doctor --resume/, 'the question, the report path and the resume hint stay on screen');
    assert.doesNotMatch(last, /Saving the report|Ctrl-C quit/);
    const report = JSON.parse(readFileSync(join(dir, 'partial.json'), 'utf8'));
    assert.equal(report.status, 'partial');
    assert.deepEqual(report.path.map((entry: { answer: unknown }) => entry.answer), [false]);
  } finally {
    term.close();
  }
});

// SIGKILL stands in for a crash: no handler runs, so only what was already on disk survives.
for (const signal of ['SIGTERM', 'SIGHUP', 'SIGKILL'] as const) {
  test(`${signal} leaves the last answer saved, and --resume continues from it`, async () => {
    const { dir, state, env } = workspace();
    const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
    try {
      await term.waitFor('Is the app on Linux?', 'the first question');
      await term.press(DOWN, '❯ No', 'the highlight on No');
      await term.press(ENTER, 'Tier?', 'the tier question');
      term.kill(signal);
      assert.notEqual(await term.exit, 0);
    } finally {
      term.close();
    }
    const saved = JSON.parse(readFileSync(join(state, 'session.json'), 'utf8'));
    assert.deepEqual(saved.inputs, [{ type: 'answer', question: 'eligible/ask-linux', value: false }]);
    const resumed = wizard(['--resume', '--flows', FLOWS], { cwd: dir, env });
    try {
      const screen = await resumed.waitFor('Tier?', 'the resumed session at the tier question');
      assert.match(screen, /1 answered/);
      resumed.send('\u0003');
      assert.equal(await resumed.exit, 130);
    } finally {
      resumed.close();
    }
  });
}

test('a corrupt saved session is reported and moved aside; the start screen still opens', async () => {
  const { dir, state, env } = workspace();
  mkdirSync(state, { recursive: true });
  writeFileSync(join(state, 'session.json'), '{"format": 1, "inputs": [tru');
  const term = wizard(['--flows', FLOWS], { cwd: dir, env });
  try {
    const screen = await term.waitFor('Which app are we looking at?', 'the start screen');
    assert.match(screen, /could not be read/);
    const moved = readdirSync(state).filter((name) => name.startsWith('session.json.corrupt-'));
    assert.equal(moved.length, 1);
    assert.equal(readFileSync(join(state, moved[0]!), 'utf8'), '{"format": 1, "inputs": [tru', 'kept byte for byte');
    await term.press('?', 'Esc + key', 'the long help');
    await term.press(DOWN, '❯ No Azure access', 'the offline choice highlighted');
    await term.press(ENTER, 'Is the app on Linux?', 'offline mode chosen from the start screen');
    term.send('\u0003');
    assert.equal(await term.exit, 130);
  } finally {
    term.close();
  }
});

test('without a terminal on stdin the wizard exits 2 and points to batch mode', () => {
  const { dir, env } = workspace();
  const run = spawnSync(process.execPath, [BIN, '--offline', '--flows', FLOWS], { cwd: dir, env, input: '', encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /needs a terminal/);
  assert.match(run.stderr, /vnet-doctor check --offline --answers FILE/);
});

test('--demo reads facts from the local emulator and shows where each known answer came from', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--demo', 'healthy', '--report', 'demo.md'], { cwd: dir, env });
  try {
    // Triage asks the symptom first; once it is chosen, the facts read from the emulator answer the
    // eligibility checks and the next question shows where they came from.
    await term.waitFor(/demo: healthy[\s\S]*What does the customer see\?[\s\S]*❯/, 'the symptom question');
    // One answer, so there is something to report (quitting with no answer writes no report).
    const screen = await term.press(ENTER, /1 answered[\s\S]*\(from ARM: [^)]+\)[\s\S]*❯/, 'the first answer counted, then a question with facts read from the emulator');
    assert.match(screen, /Already known/);
    await term.press('?', 'Esc + key', 'the long help');
    term.send('\u0003');
    assert.equal(await term.exit, 130, 'Ctrl-C before the findings');
    assert.match(term.lastScreen(), /1 answered[\s\S]*Report written to demo\.md[\s\S]*vnet-doctor --resume/);
    assert.match(readFileSync(join(dir, 'demo.md'), 'utf8'), /demo scenario[\s\S]*\(partial, the session was stopped/);
  } finally {
    term.close();
  }
});

test('keys that arrive in one read all count: Down+Enter picks the second option, keys for the next list act on it', async () => {
  const { dir, state, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    // One write: Down and Enter (No), then Down Down Enter on the tier list that Enter brings up (Standard).
    await term.press(`${DOWN}${ENTER}${DOWN}${DOWN}${ENTER}`, 'Which host and port?', 'the host-port question');
    // A burst of Backspaces empties the box and stays on the question.
    await term.press('db.contoso.local:1433', 'OK, press Enter', 'the typed answer');
    await term.press(BACKSPACE.repeat(40), 'e.g. db.contoso.local:1433', 'the emptied box');
    await term.press('db:1', /db:1[\s\S]*\? help/, 'typing after the burst, the whole frame drawn');
    assert.match(term.lastScreen(), /Which host and port\?/);
    assert.match(term.lastScreen(), /2 answered/, 'the Backspaces did not go back into earlier questions');
    term.send('\u0003');
    assert.equal(await term.exit, 130);
    const saved = JSON.parse(readFileSync(join(state, 'session.json'), 'utf8'));
    assert.deepEqual(saved.inputs, [
      { type: 'answer', question: 'eligible/ask-linux', value: false },
      { type: 'answer', question: 'eligible/ask-tier', value: 'Standard' },
    ]);
  } finally {
    term.close();
  }
});

test('keys typed while the program starts are kept for the first question, in order', async () => {
  const { dir, state, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    // Typed at once, while the program is still starting: the first question takes them when it comes.
    term.send(`${DOWN}${ENTER}`);
    await term.waitFor('Tier?', 'the tier question, reached with the keys typed ahead');
    term.send('\u0003');
    assert.equal(await term.exit, 130);
    const saved = JSON.parse(readFileSync(join(state, 'session.json'), 'utf8'));
    assert.deepEqual(saved.inputs, [{ type: 'answer', question: 'eligible/ask-linux', value: false }]);
  } finally {
    term.close();
  }
});

test('findings taller than the terminal scroll in a pager: header and footer stay, nothing lands in the scrollback', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--offline', '--flows', LONG_FLOWS], { cwd: dir, env, columns: 100, rows: 35 });
  try {
    await term.waitFor('Which host and port?', 'the question');
    // The whole frame, down to the footer's last key, before anything is asserted about it.
    await term.press(`db.contoso.local:1433${ENTER}`, /rows 1-\d+ of \d+[\s\S]*\? help/, 'the findings pager with its footer');
    let screen = term.lastScreen();
    assert.ok(screen.trimEnd().split('\n').length <= 35, `the frame fits 35 rows:\n${screen}`);
    assert.match(screen, /^vnet-doctor · /m, 'the header is on screen');
    assert.match(screen, /Diagnosis: 1 error, 2 warnings, 1 note/);
    assert.match(screen, /PgUp\/PgDn/, 'the footer is on screen');
    assert.doesNotMatch(screen, /Fourth and last finding/, 'the last finding is further down');
    // Commands: one logical line, the shell named, no continuation characters.
    assert.match(screen, /Connect the integration subnet again \(bash, Azure CLI; cut to fit: c 1 copies it whole\)/);
    assert.doesNotMatch(screen, / \\$/m, 'no bash continuation at a row end');
    // A command wider than the screen is cut with "…" on its one row, never broken onto the next.
    assert.match(screen, /^ {5}az webapp vnet-integration add --resource-group rg-contoso-production-westeurope .*…$/m);
    assert.doesNotMatch(screen, /^--subnet snet-integration-01$|^[^ ].*snet-integration-01$/m, 'no row holds the rest of a command');
    await term.press(PAGE_DOWN, 'Fourth and last finding', 'the rest after PgDn');
    await term.press('g', /rows 1-\d+ of/, 'the top again with g');
    await term.press('G', /rows \d+-\d+ of \d+ · end[\s\S]*\? help/, 'the end of the findings with G, footer drawn');
    screen = term.lastScreen();
    assert.match(screen, /^vnet-doctor · /m, 'the header is still on screen');
    assert.match(screen, /Diagnosis: 1 error/);
    await term.press('s', 'Save the report as:', 'the format choice');
    await term.press('\r', /Report saved to[\s\S]*\? help/, 'the save confirmation, footer drawn');
    assert.match(term.lastScreen(), /Report saved to .*vnet-doctor-report-[\s\S]*PgUp\/PgDn/, 'the confirmation sits in the footer, above the keys');
    // c and the step number put the whole command on the clipboard through the terminal (OSC 52).
    const before = term.mark();
    // The message says what was done (sent, through OSC 52), never "copied", which the wizard cannot know.
    await term.press('c1', "Step 1's command was sent to your terminal's clipboard (OSC 52)", 'the copy message');
    const command = 'az webapp vnet-integration add --resource-group rg-contoso-production-westeurope --name contoso-api-production --vnet vnet-hub-westeurope --subnet snet-integration-01';
    assert.ok(term.raw.slice(before).includes(`\u001b]52;c;${Buffer.from(command).toString('base64')}\u0007`), 'OSC 52 carries the command');
    assert.doesNotMatch(term.lastScreen(), /copied/);
    // A step number out of range is told so.
    await term.press('c9', 'There is no step 9: the steps are numbered 1 to', 'the out-of-range message');
    assert.ok(!term.raw.includes(CLEAR_SCREEN), 'no frame filled the terminal, so none was pushed into the scrollback');
    const quit = term.send('q');
    assert.equal(await term.exit, 1);
    // What stays in the terminal: every command whole on one logical line (the terminal wraps it softly).
    const left = term.since(quit).split('\n');
    assert.ok(left.includes(`     ${command}`), `the whole command on one line after quitting:\n${left.join('\n')}`);
    assert.match(term.since(quit), /Fourth and last finding/, 'every finding is printed, not only the page on show');
  } finally {
    term.close();
  }
});

test('s, then r, then q: one report file for the session, rewritten by the quit with what the session holds then', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    await term.press(`${DOWN}${ENTER}`, 'Tier?', 'the tier question');
    await term.press('s', 'Save the report as:', 'the format choice');
    await term.press(ENTER, 'Report saved to', 'the save confirmation');
    const saved = readdirSync(dir).filter((name) => name.startsWith('vnet-doctor-report-'));
    assert.equal(saved.length, 1);
    const first = readFileSync(join(dir, saved[0]!), 'utf8');
    assert.match(first, /Is the app on Linux\? \*\*no\*\*/, 'the saved report holds the answer given');
    await term.press('r', 'Restart from the first question?', 'the restart confirmation');
    await term.press('y', 'Is the app on Linux?', 'the first question again');
    // The earlier answer (No) is highlighted again; Up picks Yes this time.
    await term.press(`\u001b[A${ENTER}`, 'Diagnosis', 'the findings for a Linux app');
    term.send('q');
    assert.equal(await term.exit, 1, 'a Linux app: an error finding');
    const after = readdirSync(dir).filter((name) => name.startsWith('vnet-doctor-report-'));
    assert.deepEqual(after, saved, 'still one report file for the session');
    assert.match(readFileSync(join(dir, saved[0]!), 'utf8'), /Is the app on Linux\? \*\*yes\*\*/, 'rewritten with the answers at quit');
  } finally {
    term.close();
  }
});
