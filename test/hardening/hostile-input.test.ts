/**
 * Hostile answers and flow files: alias bombs, huge strings, keys naming JavaScript internals
 * and placeholders naming functions are refused or treated as plain data, with a clear error,
 * and without touching Object.prototype. (An alias bomb that expanded would not return at all;
 * how long these inputs take is a figure of `npm run bench`, not a limit here.)
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAnswers, readAnswersFile, AnswersFileError } from '../../src/answers/answers-file.ts';
import { MAX_ANSWER_LENGTH, validateAnswer } from '../../src/engine/answer-types.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { buildFlowSet } from '../../src/engine/load.ts';
import { render } from '../../src/engine/template.ts';
import { safeText } from '../../src/text/safe-text.ts';
import { MINI_FACTS, MINI_FINDINGS, MINI_TRIAGE, miniFlowSet } from '../support/mini-flows.ts';

const flows = miniFlowSet();
const MB10 = 10 * 1024 * 1024;

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
after(() => {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeBefore, 'Object.prototype gained or lost a property');
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.equal(Object.getPrototypeOf({}), Object.prototype);
});

const messages = (text: string) => parseAnswers('hostile.yaml', text, flows).diagnostics.map((d) => d.message);

/** Nine levels of ten references each: 10^9 strings if expanded. */
function billionLaughs(root: string): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level <= 9; level += 1) lines.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
  lines.push(`${root}: *a9`);
  return lines.join('\n');
}

test('an alias bomb in an answers file is refused before it expands', () => {
  const [message] = messages(billionLaughs('answers'));
  assert.match(message!, /^YAML: .*alias/i);
});

test('an alias bomb in a flow file is refused before it expands', () => {
  const { flowSet, diagnostics } = buildFlowSet({
    flows: [{ path: 'triage.yaml', text: billionLaughs('nodes') }],
    facts: { path: 'facts.yaml', text: MINI_FACTS },
    findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  });
  assert.equal(flowSet, undefined);
  assert.ok(diagnostics.some((d) => d.file === 'triage.yaml' && /alias/i.test(d.message)), JSON.stringify(diagnostics));
});

test('deeply nested lists or mappings in a flow file are refused before parsing, naming the file', async () => {
  const { buildFlowSet } = await import('../../src/engine/load.ts');
  const { flowSet, diagnostics } = buildFlowSet({
    flows: [{ path: 'flows/deep.yaml', text: `id: deep\nnodes: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n` }],
    facts: { path: 'facts.yaml', text: 'facts: {}' },
    findings: { path: 'findings.yaml', text: 'findings: {}' },
  });
  assert.equal(flowSet, undefined);
  assert.ok(diagnostics.some((d) => d.file === 'flows/deep.yaml' && d.message === 'lists and mappings are nested 200000 deep; at most 32 are accepted'));
});

test('deeply nested lists or mappings in an answers file are refused before parsing', () => {
  for (const [open, close] of [['[', ']'], ['{a: ', '}']] as const) {
    const [message] = messages(`answers: ${open.repeat(150_000)}1${close.repeat(150_000)}`);
    assert.equal(message, 'lists and mappings are nested 150000 deep; at most 32 are accepted');
  }
  assert.match(messages('facts:\n  target.host: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n')[0]!, /not a valid host name/, 'brackets in quotes and comments are text');
  assert.match(messages("facts:\n  target.host: 'it''s [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n")[0]!, /not a valid host name/);
});

test('a 10 MB answers file is refused by size, from text and from disk', () => {
  const huge = `facts:\n  target.host: ${'a'.repeat(MB10)}\n`;
  assert.match(messages(huge)[0]!, /^file is \d+ bytes; at most 1000000 are accepted$/);
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-hostile-'));
  try {
    const path = join(dir, 'huge.yaml');
    writeFileSync(path, huge);
    assert.throws(() => readAnswersFile(path, flows), (error: unknown) =>
      error instanceof AnswersFileError && /^file is \d+ bytes/.test(error.diagnostics[0]!.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a long value under the file limit is refused at the answer length limit', () => {
  const [message] = messages(`answers:\n  triage/ask-target: ${'a'.repeat(900_000)}:80\n`);
  assert.match(message!, new RegExp(`at most ${MAX_ANSWER_LENGTH} are accepted`));
  assert.match(messages(`facts:\n  p2s.addressPool: "${'10.0.0.0/8,'.repeat(90_000)}"\n`)[0]!, /at most 1024 are accepted/);
});

test('10 MB strings at a prompt are refused, and safeText escapes every control character in them', () => {
  const big = '\u001b[2J'.repeat(MB10 / 4);
  for (const type of ['ip', 'cidr', 'cidr-list', 'ip-list', 'hostname', 'host-port', 'port', 'number', 'text', 'yes-no'] as const) {
    assert.equal(validateAnswer(type, big).ok, false, type);
  }
  assert.equal(safeText(big), '\\x1b[2J'.repeat(MB10 / 4));
  const wide = '\u009b31m\u20ac'.repeat(MB10 / 5);
  assert.equal(safeText(wide), '\\x9b31m\u20ac'.repeat(MB10 / 5), 'text beyond Latin-1 keeps its characters');
});

test('safeText escapes exactly the C0 and C1 controls and DEL, keeping tabs, newlines and all other text', () => {
  const every = Array.from({ length: 0x200 }, (_, code) => String.fromCharCode(code)).join('') + '\u{1F600}\u2028';
  const expected = [...every].map((char) => {
    const code = char.codePointAt(0)!;
    const control = (code < 0x20 && char !== '\t' && char !== '\n') || (code >= 0x7f && code <= 0x9f);
    return control ? `\\x${code.toString(16).padStart(2, '0')}` : char;
  }).join('');
  assert.equal(safeText(every), expected);
  assert.equal(safeText('plain text\tand\nlines'), 'plain text\tand\nlines');
  assert.equal(safeText(''), '');
});

test('keys naming object internals are unknown ids in an answers file, and nothing is polluted', () => {
  const fixture = fileURLToPath(new URL('../fixtures/answers/prototype-keys.yaml', import.meta.url));
  let caught: unknown;
  try { readAnswersFile(fixture, flows); } catch (error) { caught = error; }
  assert.ok(caught instanceof AnswersFileError);
  assert.deepEqual(caught.diagnostics.map((d) => [d.line, d.message.replace(/ \(.*$/, '')]), [
    [3, 'unknown question id "__proto__"'],
    [4, 'unknown question id "constructor/prototype"'],
    [6, 'unknown fact key "constructor"'],
    [7, 'unknown fact key "prototype"'],
    [8, 'unknown fact key "__proto__"'],
  ]);
  const json = parseAnswers('a.json', '{"answers": {"__proto__": {"polluted": true}, "toString/valueOf": 1}, "__proto__": {"polluted": true}}', flows);
  assert.equal(json.answers, undefined);
  assert.equal(json.diagnostics.length, 3);
});

test('node ids and fact keys that name object internals work as plain data', () => {
  const facts = `${MINI_FACTS}\n  constructor: { type: text, label: the constructor fact }\n  toString: { type: yes-no, label: the toString fact }\n`;
  const flow = [
    'id: triage', 'title: T', 'summary: S.', 'entry: constructor', 'nodes:',
    '  constructor: { kind: question, text: "Name? {{constructor}}", answer: text, fact: constructor, next: prototype }',
    '  prototype: { kind: question, text: "Flag?", answer: yes-no, fact: toString, "yes": has-own-property, "no": has-own-property }',
    '  has-own-property: { kind: end, outcome: resolved, text: "Got {{constructor}}" }',
  ].join('\n');
  const { flowSet, diagnostics } = buildFlowSet({ flows: [{ path: 'triage.yaml', text: flow }], facts: { path: 'facts.yaml', text: facts }, findings: { path: 'findings.yaml', text: MINI_FINDINGS } });
  assert.deepEqual(diagnostics, []);
  const { start, answer, currentQuestion, resolveFact } = createEngine(flowSet!);
  let state = start();
  assert.equal(currentQuestion(state)?.text, 'Name? <the constructor fact>');
  state = answer(answer(state, 'widget'), true);
  assert.equal(state.outcome?.kind, 'resolved');
  assert.equal(resolveFact(state, 'constructor')?.value, 'widget');
  assert.equal(resolveFact(state, 'hasOwnProperty'), undefined);
  const { answers } = parseAnswers('a.yaml', 'facts:\n  constructor: widget\n  toString: yes\n', flowSet!);
  assert.deepEqual(answers!.facts.constructor, { value: 'widget', source: 'answer', detail: 'answers file line 2' });
  assert.equal(Object.getPrototypeOf(answers!.facts), Object.prototype);
});

test('placeholders naming functions are refused by the linter and rendered as data by the engine', () => {
  const triage = MINI_TRIAGE.replace('Which host and port?', 'Which host? {{constructor}} {{__proto__}} {{toString}}');
  const { diagnostics } = buildFlowSet({ flows: [{ path: 'triage.yaml', text: triage }], facts: { path: 'facts.yaml', text: MINI_FACTS }, findings: { path: 'findings.yaml', text: MINI_FINDINGS } });
  for (const name of ['constructor', '__proto__', 'toString']) {
    assert.ok(diagnostics.some((d) => d.message === `placeholder {{${name}}} names no fact in the fact catalogue`), name);
  }
  const engine = createEngine(flows);
  const session = engine.start();
  const lookup = (key: string) => engine.resolveFact(session, key)?.value;
  assert.equal(render('{{constructor}} {{__proto__}} {{toString}} {{valueOf | list}}', lookup, flows.facts), '<constructor> <__proto__> <toString> <valueOf>');
});
