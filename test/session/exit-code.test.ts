/** The one exit-code rule for the wizard and check, as --help and the README state it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endForSignal, exitCodeFor } from '../../src/session/exit-code.ts';
import { commandHelp, globalHelp } from '../../src/cli/render-help.ts';
import { CHECK, WIZARD } from '../../src/cli/commands.ts';

const error = [{ severity: 'error' }];
const warning = [{ severity: 'warning' }];

test('the exit-code table as implemented', () => {
  const table = [
    // end, complete, findings -> code
    ['normal', true, warning, 0], ['normal', true, error, 1],
    ['normal', false, warning, 0], ['normal', false, error, 1],
    ['interrupted', false, error, 130], ['interrupted', false, [], 130],
    ['interrupted', true, error, 1], ['interrupted', true, warning, 0],
    ['hangup', false, [], 129],
  ] as const;
  for (const [end, complete, findings, code] of table) assert.equal(exitCodeFor({ end, complete, findings }), code, `${end} complete=${complete} ${findings.map((f) => f.severity).join(',')}`);
});

test('signals: SIGINT and SIGTERM interrupt, SIGHUP hangs up', () => {
  assert.equal(endForSignal('SIGINT'), 'interrupted');
  assert.equal(endForSignal('SIGTERM'), 'interrupted');
  assert.equal(endForSignal('SIGHUP'), 'hangup');
});

test('every help states the same rule', () => {
  for (const text of [globalHelp(), commandHelp(CHECK), commandHelp(WIZARD)]) {
    assert.match(text, /0 {4}the session ended \(finished, or quit with q\) with no finding of/);
    assert.match(text, /1 {4}at least one finding of severity error/);
    assert.match(text, /130 {2}stopped by Ctrl-C or SIGTERM before the findings/);
    assert.match(text, /Ctrl-C on the\s+findings screen ends like q/);
    assert.match(text, /129 {2}the terminal hung up \(SIGHUP\) before the findings/);
  }
});
