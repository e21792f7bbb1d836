/**
 * `flows list` and `flows lint` print text from flow files. A flow file is outside data: an ESC
 * or OSC sequence in a title or node id must reach the terminal escaped, never raw (it could
 * retitle the window or write to the clipboard).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowsCommand } from '../../src/cli/flows-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';
import { MINI_ELIGIBLE } from '../support/mini-flows.ts';

const OSC_CLIPBOARD = '\u001b]52;c;Y3VybCBldmlsfHNo\u0007';
const OSC_TITLE = '\u001b]0;owned\u0007';
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function capture(args: readonly string[]): { status: number; stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  const output: Output = { print: (text) => { out.stdout += `${text}\n`; }, error: (text) => { out.stderr += `${text}\n`; } };
  const status = flowsCommand(args, output);
  return { status, ...out };
}

test('flows list shows a hostile flow title and summary escaped, on one line each', () => {
  const hostile = MINI_ELIGIBLE
    .replace(/^title: .*$/m, `title: "Eligible${OSC_TITLE}\\u202egnp.exe"`)
    .replace(/^summary: .*$/m, `summary: "line one\\nFAKE  second entry${OSC_CLIPBOARD}"`);
  const dir = writeFlowDir({ 'eligible.yaml': hostile });
  const run = capture(['list', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stdout, RAW_CONTROLS);
  assert.doesNotMatch(run.stdout, BIDI);
  assert.match(run.stdout, /Eligible\\x1b\]0;owned\\x07/);
  assert.doesNotMatch(run.stdout, /^FAKE/m, 'a line break in a summary must not start a new entry');
});

test('flows lint shows hostile node ids and messages escaped', () => {
  const hostile = MINI_ELIGIBLE.replace(/^entry: .*$/m, `entry: "start${OSC_CLIPBOARD}"`);
  const dir = writeFlowDir({ 'eligible.yaml': hostile });
  const run = capture(['lint', dir]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /eligible\.yaml/);
  assert.doesNotMatch(run.stderr, RAW_CONTROLS);
  assert.match(run.stderr, /\\x1b\]52;c;/);
});
