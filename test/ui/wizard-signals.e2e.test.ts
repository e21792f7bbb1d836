/**
 * The built program in a real pseudo-terminal, stopped by real signals mid-session: they go
 * through the wizard's machine like the Ctrl-C key (run-wizard.tsx), and the exit code (130 for
 * SIGINT and SIGTERM, 129 for SIGHUP) and the last lines are the session controller's.
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

for (const [signal, code] of [['SIGTERM', 130], ['SIGINT', 130], ['SIGHUP', 129]] as const) {
  test(`${signal} mid-session exits ${code} at once, says the answers are saved and writes no report`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-signal-'));
    const state = join(dir, 'state');
    const term = new PseudoTerminal([process.execPath, BIN, '--offline', '--flows', FLOWS], { cwd: dir, env: { ...process.env, VNET_DOCTOR_STATE_DIR: state, TERM: 'xterm-256color', NO_COLOR: '1' } });
    try {
      await term.waitFor('Is the app on Linux?', 'the first question');
      await term.press('\u001b[B', '❯ No', 'the highlight on No');
      await term.press('\r', 'Tier?', 'the tier question');
      const mark = term.mark();
      process.kill(term.pid!, signal);
      assert.equal(await term.exit, code);
      const said = term.since(mark);
      assert.match(said, new RegExp(`Stopped by ${signal}\\.\\nStopped before the report was written\\. Your answers are saved\\. Continue with: vnet-doctor --resume\\n`), said);
      assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('vnet-doctor-report')), [], 'no report');
      assert.deepEqual(JSON.parse(readFileSync(join(state, 'session.json'), 'utf8')).inputs, [{ type: 'answer', question: 'eligible/ask-linux', value: false }]);
    } finally {
      term.close();
    }
  });
}
