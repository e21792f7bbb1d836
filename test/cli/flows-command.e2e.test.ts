import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../support/run-cli.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';

test('flows lint passes on the shipped flows', () => {
  const run = runCli(['flows', 'lint']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /\d+ flows, \d+ nodes: no problems found/);
});

test('flows lint names file, line, node and problem, and exits 2', () => {
  const broken = readFileSync(new URL('../fixtures/broken/dangling-transition.yaml', import.meta.url), 'utf8');
  const dir = writeFlowDir({ 'dangling-transition.yaml': broken });
  const run = runCli(['flows', 'lint', dir]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /dangling-transition\.yaml:7: node "a": yes -> "nowhere" is not a node of this flow/);
  assert.equal(run.stdout, '');
});

test('flows list and flows questions describe the flows for people writing answers files', () => {
  const dir = writeFlowDir();
  const list = runCli(['flows', 'list', dir]);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^triage\s+Triage \(entry\)/m);
  const questions = runCli(['flows', 'questions', dir]);
  assert.match(questions.stdout, /^eligible\/ask-tier \| choice \| Free, Basic, Standard \| plan\.tier$/m);
  assert.match(questions.stdout, /^triage\/ask-target \| host-port \| {2}\| target$/m);
});

test('unknown flags and commands are usage errors (exit 2) that point to --help', () => {
  const flag = runCli(['--bogus']);
  assert.equal(flag.status, 2);
  assert.match(flag.stderr, /--help/);
  const command = runCli(['frobnicate']);
  assert.equal(command.status, 2);
  assert.match(command.stderr, /unknown command "frobnicate"/);
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Exit codes/);
});
