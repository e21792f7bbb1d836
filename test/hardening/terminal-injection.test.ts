/**
 * Values from ARM or an answers file can hold ANSI escape sequences or other control
 * characters. On a terminal they would clear the screen, move the cursor or retitle the
 * window; they must reach the user escaped, and reach JSON consumers intact.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import { hasControlCharacters, safeText } from '../../src/text/safe-text.ts';
import { MINI_FACTS, MINI_FINDINGS } from '../support/mini-flows.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';
import { propertyRuns } from '../support/property-runs.ts';

// ESC, C1 controls (U+0080-U+009F, CSI is U+009B), other C0 controls except tab and newline, DEL.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const EVIL = 'gw\u001b[2J\u001b]0;pwned\u0007\u009b31mhub\r\u007f';

test('safeText shows each control character as a visible escape', () => {
  assert.equal(safeText('a\u001b[2Jb'), 'a\\x1b[2Jb');
  assert.equal(safeText('\u009b31m'), '\\x9b31m');
  assert.equal(safeText('bell\u0007 del\u007f cr\r nul\u0000'), 'bell\\x07 del\\x7f cr\\x0d nul\\x00');
  assert.equal(safeText('line one\n\tline two'), 'line one\n\tline two', 'newlines and tabs keep the layout');
  assert.equal(safeText('café 東京 🚀 ~'), 'café 東京 🚀 ~', 'printable text is unchanged');
});

test('safeText output never holds a control character, and clean text passes unchanged', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
    const shown = safeText(text);
    assert.equal(RAW_CONTROL.test(shown), false, JSON.stringify(shown));
    assert.equal(hasControlCharacters(shown), false);
    if (!RAW_CONTROL.test(text)) assert.equal(shown, text);
    assert.equal(hasControlCharacters(text), RAW_CONTROL.test(text));
  }), { numRuns: propertyRuns(2000) });
});

const NAMES_FLOW = `
id: names
title: Names
summary: Shows the gateway name in a finding and asks about it.
entry: known
nodes:
  known:
    kind: check
    when: { fact: gateway.name, known: true }
    then: shown
    else: ask
  shown:
    kind: finding
    finding: gateway-named
    title: Gateway {{gateway.name}} needs a look
    explanation: The gateway {{gateway.name}} was named in the answers.
    steps:
      - { kind: az, text: "Show {{gateway.name}}", command: "az network vnet-gateway show --name {{gateway.name}}" }
    next: ask
  ask:
    kind: question
    text: Does {{gateway.name}} answer on port {{target.port}}?
    answer: yes-no
    "yes": done
    "no": done
  done: { kind: end, outcome: resolved }
`;

const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-escape-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function checkWithEvilName(format: 'md' | 'json') {
  const flows = writeFlowDir({
    'names.yaml': NAMES_FLOW,
    'catalog/facts.yaml': `${MINI_FACTS}  gateway.name: { type: text, label: gateway name }\n`,
    'catalog/findings.yaml': `${MINI_FINDINGS}  gateway-named: { severity: warning, title: Gateway named }\n`,
  });
  const answers = join(work, `evil-${format}.yaml`);
  // YAML double-quoted escapes: \e is ESC, \x9b is the one-byte CSI, \a is BEL.
  writeFileSync(answers, 'facts:\n  gateway.name: "gw\\e[2J\\e]0;pwned\\a\\x9b31mhub\\r\\x7f"\n');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
  const code = await checkCommand({ offline: true, flows, flow: 'names', answers, format }, out, { now: () => new Date('2026-11-25T10:00:00Z') });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

test('a Markdown report on stdout shows escape sequences from the answers escaped', async () => {
  const run = await checkWithEvilName('md');
  assert.equal(run.code, 0);
  assert.equal(RAW_CONTROL.test(run.stdout), false, 'no raw ESC, CSI or other control character on stdout');
  assert.equal(RAW_CONTROL.test(run.stderr), false, 'none on stderr either');
  // As a Markdown viewer shows it: backslash escapes (`\\[`, `\\\\`) removed.
  const shown = run.stdout.replace(/\\(.)/g, '$1');
  assert.ok(shown.includes('\\x1b[2J'), 'the sequence is visible, so the user sees something odd was there');
  assert.ok(shown.includes('\\x9b31m'));
});

test('a JSON report keeps the exact value while holding no raw control character', async () => {
  const run = await checkWithEvilName('json');
  assert.equal(RAW_CONTROL.test(run.stdout), false);
  const report = JSON.parse(run.stdout);
  assert.equal(report.facts.find((fact: { key: string }) => fact.key === 'gateway.name').value, EVIL);
  // Inside a text a value is one line: its line break (\r) becomes a space.
  assert.equal(report.findings[0].title, `Gateway ${EVIL.replace('\r', ' ')} needs a look`);
});

test('escape sequences in values read from ARM reach a Markdown report on stdout escaped', async () => {
  const base = loadScenario('healthy');
  const location = 'West\u001b[2J Europe\u009b31m';
  const scenario = { ...base, resources: base.resources.map((resource) => (resource.id === base.target.app ? { ...resource, location } : resource)) };
  const token = 'terminal-injection-token';
  const emulator = await startEmulator({ scenario, token });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
  try {
    await checkCommand({ app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': token }, out, { tlsCa: emulator.ca, now: () => new Date('2026-11-25T10:00:00Z') });
  } finally {
    await emulator.stop();
  }
  const text = stdout.join('\n');
  assert.ok(text.includes('x1b'), 'the app region from ARM is in the report');
  assert.equal(RAW_CONTROL.test(text), false, 'no raw ESC or CSI on stdout');
  assert.equal(RAW_CONTROL.test(stderr.join('\n')), false);
});
