/**
 * The standards the shipped flows keep are checked by `flows lint` (policy.ts), each problem at
 * its file, line and node: no finding node repeating its catalogue title, a way on for "don't know", every
 * catalogue finding reachable from the entry flow.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowsCommand } from '../../src/cli/flows-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { buildFlowSet } from '../../src/engine/load.ts';
import { formatDiagnostic } from '../../src/engine/diagnostic.ts';
import { policyDiagnostics } from '../../src/engine/policy.ts';
import { readFlowFiles, shippedFlowDir } from '../../src/flows/flow-dir.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';
import { MINI_ELIGIBLE, MINI_FINDINGS, MINI_TRIAGE } from '../support/mini-flows.ts';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The mini flows with every choice and yes-no question given a way on for "don't know". */
const COMPLIANT = {
  'triage.yaml': MINI_TRIAGE.replace('    yes: timeout\n    no: fine\n', '    yes: timeout\n    no: fine\n    unknown: fine\n'),
  'eligible.yaml': MINI_ELIGIBLE.replace('    yes: linux\n    no: ask-tier\n', '    yes: linux\n    no: ask-tier\n    unknown: ask-tier\n'),
};

function policy(dir: string): string[] {
  const built = buildFlowSet(readFlowFiles(dir));
  assert.ok(built.flowSet && built.sources, built.diagnostics.map(formatDiagnostic).join('\n'));
  return policyDiagnostics(built.sources.flows, built.flowSet, built.sources.findings).map(formatDiagnostic);
}

function lint(dir: string): { status: number; stderr: string } {
  let stderr = '';
  const output: Output = { print: () => {}, error: (text) => { stderr += `${text}\n`; } };
  return { status: flowsCommand(['lint', dir], output), stderr };
}

test('the shipped flows keep every standard', () => {
  assert.deepEqual(policy(shippedFlowDir()), []);
});

test('the mini flows with a way on for every "don\'t know" keep every standard', () => {
  assert.deepEqual(policy(writeFlowDir(COMPLIANT)), []);
  assert.equal(lint(writeFlowDir(COMPLIANT)).status, 0);
});

test('a yes-no question without "unknown" is refused by flows lint at its line, though the flows still load', () => {
  const dir = writeFlowDir({ 'eligible.yaml': COMPLIANT['eligible.yaml'] });
  assert.ok(buildFlowSet(readFlowFiles(dir)).flowSet, 'a draft with an open question still runs');
  const run = lint(dir);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /triage\.yaml:37: node "ask-timeout": "don't know" leads nowhere: add "unknown"/);
  assert.match(run.stderr, /^1 problem\(s\) found\.$/m);
});

test('a finding node that repeats its catalogue title is named; severity in a node is refused at load', () => {
  const repeated = writeFlowDir({ ...COMPLIANT, 'triage.yaml': COMPLIANT['triage.yaml'].replace('finding: tcp-timeout-firewall\n', 'finding: tcp-timeout-firewall\n    title: Timeout\n') });
  assert.deepEqual(policy(repeated).map((line) => line.replace(/^.*[\\/]/, '')),
    ['triage.yaml:44: node "timeout": title repeats the finding catalogue\'s title of "tcp-timeout-firewall": leave it out (a node\'s title is its own headline)']);
  const withSeverity = writeFlowDir({ ...COMPLIANT, 'triage.yaml': COMPLIANT['triage.yaml'].replace('finding: tcp-timeout-firewall\n', 'finding: tcp-timeout-firewall\n    severity: error\n') });
  const { flowSet, diagnostics } = buildFlowSet(readFlowFiles(withSeverity));
  assert.equal(flowSet, undefined);
  assert.deepEqual(diagnostics.filter((d) => d.node === 'timeout').map((d) => `${basename(d.file)}:${d.line}: ${d.message}`),
    ['triage.yaml:44: severity is given once, by the finding catalogue (flows/catalog/findings.yaml): remove it from the node']);
});

test('a catalogue finding no reachable node records, and a flow no goto reaches, are named', () => {
  const dir = writeFlowDir({ ...COMPLIANT, 'orphan.yaml': COMPLIANT['eligible.yaml'].replace('id: eligible', 'id: orphan') });
  writeFileSync(join(dir, 'catalog', 'findings.yaml'), `${MINI_FINDINGS}  cert-expired: { severity: error, title: Expired }\n`);
  const problems = policy(dir).map((line) => line.replace(/^.*[\\/]/, ''));
  assert.deepEqual(problems, [
    'orphan.yaml:2: flow "orphan" is never reached: no goto from the entry flow "triage" leads to it',
    'findings.yaml:7: node "cert-expired": finding "cert-expired" is recorded by no finding node reached from the entry flow "triage"',
  ]);
});
