/**
 * The wizard's first frame comes before the flows are loaded: the header and "Checking the
 * flows" appear at once, then the wizard. A problem found while loading (an unknown --flow)
 * clears that frame, so the message stands alone on the screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal, plain } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const FLOWS = fileURLToPath(new URL('fixtures/flows', import.meta.url));

function start(args: readonly string[]): PseudoTerminal {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-starting-'));
  // VNET_DOCTOR_SOURCE is inherited: npm test runs this file against the bundle and again against src/.
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color', NO_COLOR: '1' };
  return new PseudoTerminal([process.execPath, BIN, ...args], { cwd: dir, env });
}

test('the first frame shows the header and that the flows are being checked, then the first question', async () => {
  const term = start(['--offline', '--flows', FLOWS]);
  try {
    await term.waitFor('Is the app on Linux?', 'the first question');
    const screen = term.since(0);
    assert.ok(screen.indexOf('Checking the flows') < screen.indexOf('Is the app on Linux?'), 'the starting screen comes first');
    term.send('\u0003');
    assert.equal(await term.exit, 130);
  } finally {
    term.close();
  }
});

test('an unknown --flow found behind the first frame erases that frame and then explains itself', async () => {
  const term = start(['--offline', '--flows', FLOWS, '--flow', 'no-such-flow']);
  try {
    assert.equal(await term.exit, 2);
    const erase = term.raw.lastIndexOf('\u001b[2K');
    const message = term.raw.indexOf('unknown flow "no-such-flow"');
    assert.ok(term.raw.includes('Checking the flows'), 'the starting screen was drawn');
    assert.ok(erase !== -1 && erase < message, 'the starting screen is erased before the message');
    assert.doesNotMatch(plain(term.raw.slice(erase)), /Checking the flows/);
  } finally {
    term.close();
  }
});
