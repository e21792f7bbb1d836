/**
 * The real program: a session quit before its end and resumed in a second sitting leaves one
 * report file, rewritten by the second sitting (issue 19 item 10), not one file per sitting.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const FLOWS = fileURLToPath(new URL('fixtures/flows', import.meta.url));
const ENTER = '\r';
const DOWN = '\u001b[B';

test('q mid-session, then --resume and q again: one report file, holding the answers of both sittings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-resume-report-'));
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  const reports = () => readdirSync(dir).filter((name) => name.endsWith('.md'));

  const first = new PseudoTerminal([process.execPath, BIN, '--offline', '--flows', FLOWS], { cwd: dir, env });
  try {
    await first.waitFor('Is the app on Linux?', 'the first question');
    await first.press(DOWN, '❯ No', 'the highlight on No');
    await first.press(ENTER, 'Tier?', 'the tier question');
    first.send('q');
    await first.exit;
    assert.match(first.lastScreen(), /Report written to [\s\S]*vnet-doctor --resume/);
  } finally {
    first.close();
  }
  const written = reports();
  assert.equal(written.length, 1);

  const second = new PseudoTerminal([process.execPath, BIN, '--resume', '--flows', FLOWS], { cwd: dir, env });
  try {
    await second.waitFor('Tier?', 'the resumed session at the tier question');
    await second.press('3', '❯ Standard', 'digit 3 moves the highlight to Standard');
    await second.press(ENTER, 'Which host and port?', 'the host-port question');
    // In a text box q is text: Esc then q quits.
    second.send('\u001bq');
    await second.exit;
    assert.match(second.lastScreen(), new RegExp(`Report written to .*${written[0]!.replace(/\./g, '\\.')}`), 'the same file named');
  } finally {
    second.close();
  }
  assert.deepEqual(reports(), written, 'still one report file');
  assert.match(readFileSync(join(dir, written[0]!), 'utf8'), /Standard/, 'rewritten with the second sitting\'s answer');
});
