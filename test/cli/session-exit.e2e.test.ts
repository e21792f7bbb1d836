/**
 * The one session rule, seen by a user at a real terminal: exit codes (q is a normal quit, Ctrl-C
 * before the findings is 130, Ctrl-C on the findings follows them), no report without answers,
 * and a demo started after an interrupted session leaves that session to resume.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal } from '../ui/pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const FLOWS = fileURLToPath(new URL('../ui/fixtures/flows', import.meta.url));
const ENTER = '\r';
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-exit-'));
  const state = join(dir, 'state');
  // VNET_DOCTOR_SOURCE is inherited: npm test runs this file against the bundle and against src/.
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: state, TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  return { dir, state, env };
}
const wizard = (args: readonly string[], options: ConstructorParameters<typeof PseudoTerminal>[1]) => new PseudoTerminal([process.execPath, BIN, ...args], options);
const reportsIn = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('vnet-doctor-report-'));

test('q mid-session is a normal quit: exit 0 without error findings, the report written and the resume hint shown', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    await term.press(DOWN, '❯ No', 'the highlight on No');
    await term.press(ENTER, 'Tier?', 'the tier question');
    term.send('q');
    assert.equal(await term.exit, 0);
    assert.match(term.lastScreen(), /Report written to [\s\S]*vnet-doctor --resume/);
    assert.equal(reportsIn(dir).length, 1);
  } finally {
    term.close();
  }
});

test('Ctrl-C on the findings screen ends like q: exit 1 for an error finding', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    await term.press(ENTER, 'Diagnosis: 1 error', 'the Linux finding');
    term.send(CTRL_C);
    assert.equal(await term.exit, 1);
  } finally {
    term.close();
  }
});

test('quitting before any answer writes no report and exits 0', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    term.send('q');
    assert.equal(await term.exit, 0);
    assert.deepEqual(reportsIn(dir), []);
  } finally {
    term.close();
  }
});

test('a demo started after an interrupted offline session and quit leaves that session to --resume', async () => {
  const { dir, state, env } = workspace();
  const offline = wizard(['--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await offline.waitFor('Is the app on Linux?', 'the first question');
    await offline.press(DOWN, '❯ No', 'the highlight on No');
    await offline.press(ENTER, 'Tier?', 'the tier question');
    offline.send(CTRL_C);
    assert.equal(await offline.exit, 130, 'Ctrl-C mid-session');
  } finally {
    offline.close();
  }
  const before = readFileSync(join(state, 'session.json'), 'utf8');

  const demo = wizard(['--demo', 'healthy', '--flows', FLOWS], { cwd: dir, env });
  try {
    await demo.waitFor('replaced once you answer', 'the notice that the saved session is kept until an answer');
    demo.send(CTRL_C);
    assert.equal(await demo.exit, 130);
  } finally {
    demo.close();
  }
  assert.equal(readFileSync(join(state, 'session.json'), 'utf8'), before, 'the offline session is untouched');

  const resumed = wizard(['--resume', '--flows', FLOWS], { cwd: dir, env });
  try {
    const screen = await resumed.waitFor('Tier?', 'the offline session, resumed at the tier question');
    assert.match(screen, /1 answered/);
    assert.match(screen, /offline/);
    resumed.send(CTRL_C);
    assert.equal(await resumed.exit, 130);
  } finally {
    resumed.close();
  }
});
