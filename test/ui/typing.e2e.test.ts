/**
 * Keys as an engineer under pressure types them (issue 19 items 4 and 8), in the real wizard in a
 * pseudo-terminal: text meant for a text box that lands on a list answers nothing (a digit moves
 * the highlight, only Enter answers); host,port, tcp:host,port and a pasted connection string are
 * taken as host:port, showing the value taken; Ctrl-U clears the box and Ctrl-W deletes a word.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const FLOWS = fileURLToPath(new URL('fixtures/flows', import.meta.url));
const ENTER = '\r';
const DOWN = '\u001b[B';

function wizard() {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-typing-'));
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  return new PseudoTerminal([process.execPath, BIN, '--offline', '--flows', FLOWS], { cwd: dir, env, columns: 100, rows: 30 });
}

test('an address typed onto a list answers nothing: digits move the highlight, Enter chooses', async () => {
  const term = wizard();
  try {
    await term.waitFor(/Is the app on Linux\?[\s\S]*\? help/, 'the first question');
    await term.press(`${DOWN}${ENTER}`, /Tier\?[\s\S]*\? help/, 'the tier question');
    // The engineer meant this for the host box, which is not on screen yet.
    const typed = term.send('10.50.1.4:');
    await term.waitFor(/❯ [\s\S]*\? help/, 'the list after the keys', typed);
    // Wait for the last key's frame: the highlight on the row of the last digit (4: "Don't know").
    await term.waitFor(/❯ Don't know[\s\S]*\? help/, 'the highlight on row 4', typed);
    const screen = term.lastScreen();
    assert.match(screen, /Tier\?/, 'still on the tier question');
    assert.match(screen, /1 answered/, 'nothing more was answered');
    assert.doesNotMatch(screen, /Which host and port\?/);
    await term.press(`3${ENTER}`, /Which host and port\?[\s\S]*\? help/, 'Enter chose the row the digit 3 moved to');
    assert.match(term.lastScreen(), /2 answered/);
  } finally {
    term.close();
  }
});

test('a pasted connection string is taken as host:port, showing the value; Ctrl-U clears and Ctrl-W deletes a word', async () => {
  const term = wizard();
  try {
    await term.waitFor(/Is the app on Linux\?[\s\S]*\? help/, 'the first question');
    await term.press(`${DOWN}${ENTER}`, /Tier\?[\s\S]*\? help/, 'the tier question');
    await term.press(`3${ENTER}`, /Which host and port\?[\s\S]*\? help/, 'the host-port question');
    await term.press('Server=tcp:10.50.1.4,1433;Database=orders;Encrypt=True', /OK, press Enter \(taken as 10\.50\.1\.4:1433\)/, 'the value taken from the connection string');
    await term.press('\u0015', /e\.g\. db\.contoso\.local:1433[\s\S]*\? help/, 'Ctrl-U cleared the box');
    await term.press('tcp:10.50.1.4,1433 oops', /not a valid|Not accepted|needs a port|is not/, 'a stray word makes it invalid');
    await term.press('\u0017', /OK, press Enter \(taken as 10\.50\.1\.4:1433\)/, 'Ctrl-W deleted the stray word');
    await term.press(ENTER, /What is the P2S pool\?[\s\S]*\? help/, 'the answer taken');
    await term.press(`10.10.0.0/24${ENTER}`, /Does tcpping 10\.50\.1\.4:1433 time out\?/, 'the answer used as host:port');
  } finally {
    term.close();
  }
});
