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
const ENTER = '\r';
const DOWN = '\u001b[B';

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
    await term.press('3', 'Which host and port?', 'the host-port question');
    await term.press('db.contoso.local:1433', 'OK, press Enter', 'the typed answer accepted');
    await term.press(ENTER, 'What is the P2S pool?', 'the pool question');
    await term.press('10.10.0.0/24', 'OK, press Enter', 'the typed pool accepted');
    await term.press(ENTER, 'Does tcpping db.contoso.local:1433 time out?', 'the templated question');
    // The command must stand alone on its line, indented with spaces only, ready to triple-click and copy.
    const findings = await term.press(ENTER, /^ {5}tcpping db\.contoso\.local:1433$/m, 'the finding with its command alone on a line');
    assert.match(findings, /Diagnosis: 1 error/);
    term.send('q');
    assert.equal(await term.exit, 1, 'exit code 1: an error finding');
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
    // A key typed before the program switches the terminal to raw mode is cooked by the tty (Enter
    // becomes a line feed); `?` passes unchanged, and its effect shows the keyboard is live.
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
    const screen = await term.waitFor(/demo: healthy[\s\S]*\(from ARM: [^)]+\)[\s\S]*❯/, 'a question with facts read from the emulator');
    assert.match(screen, /Already known/);
    await term.press('?', 'Esc + key', 'the long help');
    term.send('\u0003');
    assert.equal(await term.exit, 130);
    assert.match(readFileSync(join(dir, 'demo.md'), 'utf8'), /demo scenario[\s\S]*status: partial/);
  } finally {
    term.close();
  }
});
