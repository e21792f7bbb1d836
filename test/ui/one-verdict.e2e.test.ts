/**
 * One verdict (issue 19 item 3), through the real wizard in a pseudo-terminal: on the
 * root-cert-missing demo with the symptom "VNet integration cannot be set up", the flow ends on
 * "the gateway is ready", yet Azure's facts prove an error. The findings screen opens and closes
 * with the same verdict, its closing line never calls the gateway ready without the error, and
 * the Markdown summary and the JSON report say the same words; the exit code is 1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const ENTER = '\r';

test('root-cert-missing, symptom setup: the closing line, the summary and the report status say the same', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-verdict-'));
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  const term = new PseudoTerminal([process.execPath, BIN, '--demo', 'root-cert-missing', '--report', 'report.md'], { cwd: dir, env, columns: 120, rows: 60 });
  try {
    await term.waitFor(/What does the customer see\?[\s\S]*\? help/, 'the symptom question');
    await term.press('5', /❯ VNet integration cannot be set up[\s\S]*\? help/, 'the setup symptom highlighted');
    let screen = '';
    for (let answers = 0; answers < 15 && !/Diagnosis[\s\S]*\? help/.test(screen); answers += 1) {
      // Typed answers get "don't know" (Esc d); lists their first row.
      const before = term.send(/Press Esc then d/.test(term.lastScreen()) ? '\u001bd' : ENTER);
      screen = await term.waitFor(/(❯|Diagnosis|Press Esc then d)[\s\S]*\? help/, 'the next screen', before);
    }
    screen = term.lastScreen();
    const verdicts = screen.split('\n').filter((line) => line.startsWith('Diagnosis:'));
    assert.ok(verdicts.length >= 1, screen);
    const verdict = verdicts[0]!;
    // The first rows answered "yes" (service endpoints, Key Vault): errors of their own beside the certificate.
    assert.match(verdict, /^Diagnosis: \d+ errors?, \d+ warnings?, \d+ notes? \(complete\)\. Fix the errors? first\.$/);
    assert.match(screen, /App Service's root certificate is missing/);
    // The rest of the pager: the closing line, then the verdict again.
    const end = term.send('G');
    const bottom = await term.waitFor(/rows \d+-\d+ of \d+ · end[\s\S]*\? help/, 'the end of the findings', end);
    assert.match(bottom, /Once the errors? above (is|are) fixed: The gateway is ready/);
    assert.doesNotMatch(bottom, /No cause found/);
    assert.ok(term.lastScreen().split('\n').includes(verdict), 'the last line says what the first says');
    term.send('q');
    assert.equal(await term.exit, 1, 'an error finding: exit 1');
    const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
    assert.ok(markdown.includes(`**Summary:** ${verdict}`), 'the Markdown summary is the verdict word for word');
    // Printed to the normal screen on quit: the demo says which day it is set on.
    assert.match(term.since(0), /retires on 31 March 2027: 303 days left as of 2026-06-01/);
  } finally {
    term.close();
  }
});
