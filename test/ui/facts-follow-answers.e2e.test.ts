/**
 * Facts follow the answers (issue 19 item 1), through the real wizard in a pseudo-terminal on the
 * nsg-blocks-p2s demo: 10.10.2.4 sits in a subnet without an NSG, 10.10.1.20 in snet-data whose
 * NSG nsg-data denies the point-to-site pool on 1433. Whatever way the target changes (back,
 * `o`, a resumed session), the NSG facts and findings are those of the target named last.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PseudoTerminal } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const ENTER = '\r';
const CTRL_U = '\u0015';
const CTRL_C = '\u0003';
const OPEN = '10.10.2.4:1433';
const BLOCKED = '10.10.1.20:1433';
/** The footer's last key: once it is drawn after a key, the whole frame is. */
const FRAME_END = /\? help/;

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-follow-'));
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  return { dir, env };
}

const wizard = (args: readonly string[], dir: string, env: NodeJS.ProcessEnv) =>
  new PseudoTerminal([process.execPath, BIN, ...(args.includes('--resume') ? [] : ['--demo', 'nsg-blocks-p2s']), ...args], { cwd: dir, env, columns: 110, rows: 45 });

/** Types keys and waits until a whole frame showing `pattern` is drawn; returns that frame. */
async function press(term: PseudoTerminal, keys: string, pattern: RegExp, what: string): Promise<string> {
  const before = term.send(keys);
  await term.waitFor((text: string) => pattern.test(text) && FRAME_END.test(text.slice(text.search(pattern))), what, before);
  return term.lastScreen();
}

/** Enter on every question until the findings (each question's first row: timeout, yes, ...). */
async function enterToFindings(term: PseudoTerminal): Promise<string> {
  for (let answers = 0; answers < 12; answers += 1) {
    const screen = await press(term, ENTER, /(Diagnosis|❯)[\s\S]*/, 'the next question or the findings');
    if (/Diagnosis/.test(screen)) return screen;
  }
  throw new Error(`no findings after 12 answers:\n${term.lastScreen()}`);
}

/** `b` until the host-port box is back, then the box cleared (Ctrl-U) and `target` typed in. */
async function backToTarget(term: PseudoTerminal, target: string): Promise<void> {
  for (let steps = 0; steps < 12; steps += 1) {
    const screen = term.lastScreen();
    if (/Which host and port/.test(screen)) break;
    // In a text box, b is text: Esc b goes back there.
    await press(term, /Press Esc then d/.test(screen) ? '\u001bb' : 'b', /(❯|>)[\s\S]*/, 'the question before');
  }
  assert.match(term.lastScreen(), /Which host and port/);
  await press(term, CTRL_U, /Which host and port[\s\S]*e\.g\. db\.contoso\.local/, 'the box cleared by Ctrl-U');
  await press(term, target, new RegExp(`${target.replace(/\./g, '\\.')}[\\s\\S]*OK, press Enter`), 'the new target typed');
}

async function toTargetQuestion(term: PseudoTerminal): Promise<void> {
  await term.waitFor('What does the customer see?', 'the symptom question');
  await press(term, ENTER, /service endpoint/, 'the service endpoint question');
  await press(term, `2${ENTER}`, /Which host and port/, 'the target question');
}

type SavedFact = { value?: unknown; follows?: string } | undefined;
const savedFacts = (dir: string): Record<string, SavedFact> => {
  try {
    return (JSON.parse(readFileSync(join(dir, 'state', 'session.json'), 'utf8')) as { facts: Record<string, SavedFact> }).facts;
  } catch {
    return {}; // not written yet, or being replaced
  }
};

/** Waits until the saved session's fact `key` passes `ok` (as PseudoTerminal.waitFor: a generous guard, not a timing test). */
async function savedFact(dir: string, key: string, ok: (fact: SavedFact) => boolean): Promise<void> {
  for (let polls = 0; !ok(savedFacts(dir)[key]); polls += 1) {
    if (polls > 1200) throw new Error(`the session file never held ${key} as expected: ${JSON.stringify(savedFacts(dir)[key])}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
  findings: { id: string; title: string }[];
  facts: { key: string; value: unknown; detail?: string }[];
};
const nsgFinding = (dir: string) => report(dir).findings.find((finding) => finding.id === 'nsg-blocks-p2s-range');
const factValue = (dir: string, key: string) => report(dir).facts.find((fact) => fact.key === key)?.value;

test('back from a target without an NSG to one behind nsg-data: the NSG error appears, with the rule for nsg-data', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--report', 'report.json'], dir, env);
  try {
    await toTargetQuestion(term);
    await press(term, `${OPEN}${ENTER}`, /tcpping 10\.10\.2\.4:1433/, 'the tcpping question');
    const first = await enterToFindings(term);
    assert.doesNotMatch(first, /nsg-data/);
    await backToTarget(term, BLOCKED);
    const findings = await enterToFindings(term);
    assert.match(findings, /The NSG nsg-data blocks the point-to-site pool/);
    term.send('q');
    assert.equal(await term.exit, 1);
    assert.match(nsgFinding(dir)?.title ?? '', /nsg-data/);
    assert.equal(factValue(dir, 'nsg.blocksP2s'), true);
    assert.equal(factValue(dir, 'nsg.name'), 'nsg-data');
  } finally {
    term.close();
  }
});

test('back from a target behind nsg-data to one without an NSG: the old NSG error and its rule are gone', async () => {
  const { dir, env } = workspace();
  const term = wizard(['--report', 'report.json'], dir, env);
  try {
    await toTargetQuestion(term);
    await press(term, `${BLOCKED}${ENTER}`, /tcpping 10\.10\.1\.20:1433/, 'the tcpping question');
    const first = await enterToFindings(term);
    assert.match(first, /The NSG nsg-data blocks/);
    await backToTarget(term, OPEN);
    const findings = await enterToFindings(term);
    assert.doesNotMatch(findings, /nsg-data/);
    term.send('q');
    await term.exit;
    assert.equal(nsgFinding(dir), undefined, 'no NSG finding in the report');
    assert.equal(factValue(dir, 'nsg.blocksP2s'), false, 'the NSG verdict is the open subnet\'s');
    assert.equal(factValue(dir, 'nsg.name'), undefined, 'no NSG name left from the other subnet');
  } finally {
    term.close();
  }
});

test('o on a target from the answers file: the box opens on it, and the NSG is read for the target typed instead', async () => {
  const { dir, env } = workspace();
  const answers = join(dir, 'answers.yaml');
  writeFileSync(answers, 'facts:\n  target.host: 10.10.2.4\n  target.port: 1433\n');
  const term = wizard(['--answers', answers, '--report', 'report.json'], dir, env);
  try {
    await term.waitFor('What does the customer see?', 'the symptom question');
    await press(term, ENTER, /service endpoint/, 'the service endpoint question');
    await press(term, `2${ENTER}`, /tcpping 10\.10\.2\.4:1433/, 'the tcpping question, the target taken from the answers file');
    // The list opens on the fact used last (the target, just above Cancel).
    const picker = await press(term, 'o', /Which known fact do you want to answer yourself\?[\s\S]*❯ .*10\.10\.2\.4/, 'the override list on the target');
    assert.match(picker, /❯ .*10\.10\.2\.4:1433/);
    await press(term, ENTER, /Which host and port[\s\S]*10\.10\.2\.4:1433/, 'the target question, its box holding the current value');
    await press(term, CTRL_U, /Which host and port[\s\S]*e\.g\. db\.contoso\.local/, 'the box cleared');
    await press(term, `${BLOCKED}${ENTER}`, /tcpping 10\.10\.1\.20:1433/, 'the tcpping question for the new target');
    const findings = await enterToFindings(term);
    assert.match(findings, /The NSG nsg-data blocks/);
    term.send('q');
    await term.exit;
    assert.equal(factValue(dir, 'nsg.name'), 'nsg-data');
  } finally {
    term.close();
  }
});

test('--resume after Ctrl-C, then a new target: facts saved for the old target are not used for the new one', async () => {
  const { dir, env } = workspace();
  const first = wizard([], dir, env);
  try {
    await toTargetQuestion(first);
    await press(first, `${BLOCKED}${ENTER}`, /tcpping 10\.10\.1\.20:1433/, 'the tcpping question');
    await press(first, ENTER, /From a VM in the VNet/, 'the question after tcpping');
    // The NSG is read in the background: Ctrl-C once the session file holds what was read for this target.
    await savedFact(dir, 'nsg.name', (fact) => fact?.follows === 'target 10.10.1.20:1433');
    first.send(CTRL_C);
    assert.equal(await first.exit, 130);
  } finally {
    first.close();
  }
  const state = JSON.parse(readFileSync(join(dir, 'state', 'session.json'), 'utf8')) as { facts: Record<string, { follows?: string }> };
  assert.equal(state.facts['nsg.name']?.follows, 'target 10.10.1.20:1433', 'the saved NSG facts say which target they were read for');
  const term = wizard(['--resume', '--report', 'report.json', '--force'], dir, env);
  try {
    await term.waitFor(/From a VM in the VNet[\s\S]*\? help/, 'the resumed question');
    await backToTarget(term, OPEN);
    await press(term, ENTER, /tcpping 10\.10\.2\.4:1433/, 'the tcpping question for the new target');
    const findings = await enterToFindings(term);
    assert.doesNotMatch(findings, /nsg-data/);
    term.send('q');
    await term.exit;
    assert.equal(nsgFinding(dir), undefined);
    assert.equal(factValue(dir, 'nsg.name'), undefined);
    assert.equal(factValue(dir, 'nsg.blocksP2s'), false);
  } finally {
    term.close();
  }
});
