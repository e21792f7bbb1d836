/**
 * The work an answers or flow file can cost is bounded before the YAML parser runs: too many keys
 * or list items and too deep block nesting get one clear error naming the file and the limit,
 * and printed problems stop after the first 50 with a count of the rest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswers, MAX_ANSWERS_ENTRIES } from '../../src/answers/answers-file.ts';
import { formatDiagnostics, MAX_PRINTED_DIAGNOSTICS, type Diagnostic } from '../../src/engine/diagnostic.ts';
import { buildFlowSet } from '../../src/engine/load.ts';
import { parseYaml } from '../../src/engine/parse-yaml.ts';
import { blockDepth, MAX_ENTRIES, MAX_NESTING } from '../../src/engine/yaml-nesting.ts';
import { runCli } from '../support/run-cli.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';
import { MINI_FACTS, MINI_FINDINGS, MINI_TRIAGE, miniFlowSet } from '../support/mini-flows.ts';

const flows = miniFlowSet();
const manyKeys = (count: number) => `answers:\n${Array.from({ length: count }, (_, i) => `  nope/q${i}: 1\n`).join('')}`;

test('an answers file with thousands of keys gets one error naming the limit, not one per key', () => {
  const { answers, diagnostics } = parseAnswers('many.yaml', manyKeys(5_000), flows);
  assert.equal(answers, undefined);
  assert.deepEqual(diagnostics, [{ file: 'many.yaml', message: `file has about 5001 answers, facts and list items; at most ${MAX_ANSWERS_ENTRIES} are accepted` }]);
  const list = `facts:\n  p2s.addressPool:\n${'    - 10.0.0.0/24\n'.repeat(MAX_ANSWERS_ENTRIES)}`;
  assert.match(parseAnswers('list.yaml', list, flows).diagnostics[0]!.message, /at most 2000 are accepted/, 'list items count too');
});

test('a flow file with more keys and list items than the limit is refused before parsing', () => {
  const nodes = Array.from({ length: 3_000 }, (_, i) => `  c${i}: { kind: check, when: { fact: app.isLinux, eq: true }, then: c${i + 1}, else: c${i + 1} }\n`).join('');
  const { flowSet, diagnostics } = buildFlowSet({
    flows: [{ path: 'flows/big.yaml', text: `id: big\ntitle: Big\nsummary: Big.\nentry: c0\nnodes:\n${nodes}` }, { path: 'triage.yaml', text: MINI_TRIAGE }],
    facts: { path: 'facts.yaml', text: MINI_FACTS },
    findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  });
  assert.equal(flowSet, undefined);
  const big = diagnostics.filter((d) => d.file === 'flows/big.yaml');
  assert.deepEqual(big.map((d) => d.message), [`file has about 21005 keys and list items; at most ${MAX_ENTRIES} are accepted`]);
});

test('duplicate keys are still found, with both lines, without the quadratic check', () => {
  const { errors } = parseYaml('dup.yaml', 'answers:\n  a: 1\n  b: 2\n  a: 3\nfacts:\n  x: {p: 1, p: 2}\n');
  assert.deepEqual(errors, [
    { file: 'dup.yaml', line: 4, message: 'YAML: Map keys must be unique: "a" is already on line 2' },
    { file: 'dup.yaml', line: 6, message: 'YAML: Map keys must be unique: "p" is already on line 6' },
  ]);
  // Unique keys near the limit parse normally.
  const fine = parseYaml('fine.yaml', Array.from({ length: 9_000 }, (_, i) => `k${i}: ${i}`).join('\n'));
  assert.deepEqual(fine.errors, []);
  assert.equal((fine.value as Record<string, number>).k8999, 8999);
});

test('printed problems stop after the first 50, then say how many more there are', () => {
  const many: Diagnostic[] = Array.from({ length: 120 }, (_, i) => ({ file: 'f.yaml', line: i + 1, message: `problem ${i}` }));
  const lines = formatDiagnostics(many);
  assert.equal(lines.length, MAX_PRINTED_DIAGNOSTICS + 1);
  assert.equal(lines[0], 'f.yaml:1: problem 0');
  assert.equal(lines.at(-1), '... and 70 more problems (fix the ones above first)');
  assert.deepEqual(formatDiagnostics(many.slice(0, 50)).length, 50, 'exactly 50 are all shown');
});

test('flows lint prints at most 50 problems of a flow with hundreds', () => {
  const nodes = Array.from({ length: 300 }, (_, i) => `  n${i}:\n    kind: goto\n    flow: nowhere${i}\n    then: gone${i}\n`).join('');
  const dir = writeFlowDir({ 'broken.yaml': `id: broken\ntitle: Broken\nsummary: Many problems.\nentry: n0\nnodes:\n${nodes}` });
  const run = runCli(['flows', 'lint', dir]);
  assert.equal(run.status, 2);
  const lines = run.stderr.trimEnd().split('\n');
  assert.ok(lines.length <= MAX_PRINTED_DIAGNOSTICS + 2, `${lines.length} lines printed`);
  assert.match(run.stderr, /^\.\.\. and \d+ more problems \(fix the ones above first\)$/m);
  assert.match(lines.at(-1)!, /^\d+ problem\(s\) found\.$/);
});

test('deep block nesting ("- - - -" or ever deeper indentation) names the file and the limit', () => {
  const dashes = `answers: ${'- '.repeat(5_000)}x\n`;
  assert.deepEqual(parseAnswers('deep.yaml', dashes, flows).diagnostics, [
    { file: 'deep.yaml', message: `lists and mappings are nested 5002 levels deep (by indentation or "- - -"); at most ${MAX_NESTING} are accepted` },
  ]);
  const indented = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
  assert.match(parseAnswers('indented.yaml', indented, flows).diagnostics[0]!.message, /nested 400 levels deep .* at most 32 are accepted/);
  const { diagnostics } = buildFlowSet({
    flows: [{ path: 'flows/deep.yaml', text: `id: deep\nnodes:\n${'  - '.repeat(3_000)}x\n` }],
    facts: { path: 'facts.yaml', text: MINI_FACTS },
    findings: { path: 'findings.yaml', text: MINI_FINDINGS },
  });
  assert.ok(diagnostics.some((d) => d.file === 'flows/deep.yaml' && /nested \d+ levels deep .* at most 32/.test(d.message)), JSON.stringify(diagnostics));
});

test('block nesting counts structure, not text: block scalars and the shipped depth pass', () => {
  assert.equal(blockDepth('a:\n  b:\n    - c: 1\n      d: [1, 2]\n'), 5, 'four collections and the value');
  assert.equal(blockDepth('- - - x\n'), 4);
  // Text of a block scalar may be indented at will: it is text, not nesting.
  const poem = `text: |\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(2 + i)}line ${i}`).join('\n')}\nnext: 1\n`;
  assert.equal(blockDepth(poem), 2);
  assert.deepEqual(parseYaml('poem.yaml', poem).errors, []);
  // A sibling key after a compact mapping's folded text is structure again.
  assert.equal(blockDepth('- a: >\n    folded\n  b:\n    c:\n      d: 1\n'), 5);
});
