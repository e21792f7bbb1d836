/**
 * Random and mutated flow files never crash the loader and linter: `buildFlowSet` either
 * returns a flow set with no diagnostics or diagnostics that each name a file and a problem.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { buildFlowSet, type FlowFiles } from '../../src/engine/load.ts';
import { readFlowFiles, shippedFlowDir } from '../../src/flows/flow-dir.ts';
import { MINI_ELIGIBLE, MINI_FACTS, MINI_FINDINGS, MINI_TRIAGE } from '../support/mini-flows.ts';
import { propertyRuns } from '../support/property-runs.ts';

const files = (triage: string, eligible = MINI_ELIGIBLE): FlowFiles => ({
  flows: [{ path: 'triage.yaml', text: triage }, { path: 'eligible.yaml', text: eligible }],
  facts: { path: 'facts.yaml', text: MINI_FACTS },
  findings: { path: 'findings.yaml', text: MINI_FINDINGS },
});

function assertWellFormed(input: FlowFiles): void {
  const result = buildFlowSet(input);
  if (result.flowSet) {
    assert.deepEqual(result.diagnostics, [], 'a flow set is only returned without problems');
    return;
  }
  assert.ok(result.diagnostics.length > 0, 'a refused flow set says why');
  const known = new Set([...input.flows.map((file) => file.path), input.facts.path, input.findings.path, '(flows)']);
  for (const diagnostic of result.diagnostics) {
    assert.ok(known.has(diagnostic.file), `diagnostic names a file: ${JSON.stringify(diagnostic)}`);
    assert.equal(typeof diagnostic.message, 'string');
    assert.ok(diagnostic.message.length > 0, 'diagnostic has a message');
    if (diagnostic.line !== undefined) assert.ok(Number.isInteger(diagnostic.line) && diagnostic.line >= 1, 'lines count from 1');
  }
}

/** Lines of the mini triage flow, mutated: dropped, duplicated, swapped, re-indented or overwritten. */
const mutation = fc.tuple(fc.nat(), fc.constantFrom('drop', 'duplicate', 'swap', 'indent', 'outdent', 'replace-value', 'replace-key'), fc.string({ maxLength: 12 }));
const VALUE_NOISE = ['~', '[]', '{}', '"{{constructor}}"', '__proto__', '-1', 'yes', '&a x', '*a', '"\\u001b[2J"', 'nowhere', 'question', 'triage'];
const KEY_NOISE = ['__proto__', 'constructor', 'prototype', 'kind', 'next', 'toString', 'hasOwnProperty'];

function mutate(text: string, steps: readonly [number, string, string][]): string {
  const lines = text.split('\n');
  for (const [pick, kind, noise] of steps) {
    const at = pick % lines.length;
    const line = lines[at]!;
    switch (kind) {
      case 'drop': lines.splice(at, 1); break;
      case 'duplicate': lines.splice(at, 0, line); break;
      case 'swap': lines[at] = lines[(at + 1) % lines.length]!; lines[(at + 1) % lines.length] = line; break;
      case 'indent': lines[at] = `  ${line}`; break;
      case 'outdent': lines[at] = line.replace(/^ {2}/, ''); break;
      case 'replace-value': lines[at] = line.replace(/:\s.*$/, `: ${VALUE_NOISE[pick % VALUE_NOISE.length]}${noise.replace(/[\n\r]/g, '')}`); break;
      case 'replace-key': lines[at] = line.replace(/^(\s*)[\w-]+:/, `$1${KEY_NOISE[pick % KEY_NOISE.length]}:`); break;
    }
    if (lines.length === 0) lines.push('');
  }
  return lines.join('\n');
}

test('mutated flow files are refused with located diagnostics, never a crash', () => {
  fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (steps, both) => {
    assertWellFormed(files(mutate(MINI_TRIAGE, steps), both ? mutate(MINI_ELIGIBLE, steps) : MINI_ELIGIBLE));
  }), { numRuns: propertyRuns(800) });
});

test('mutated shipped flow files and catalogues are refused with located diagnostics, never a crash', () => {
  const shipped = readFlowFiles(shippedFlowDir());
  const all = [...shipped.flows, shipped.facts, shipped.findings];
  fc.assert(fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (pick, steps) => {
    const target = all[pick % all.length]!;
    const swap = (file: { path: string; text: string }) => (file === target ? { path: file.path, text: mutate(file.text, steps) } : file);
    assertWellFormed({ flows: shipped.flows.map(swap), facts: swap(shipped.facts), findings: swap(shipped.findings) });
  }), { numRuns: propertyRuns(60) });
});

test('random text as a flow file is refused with diagnostics, never a crash', () => {
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => assertWellFormed(files(text))), { numRuns: propertyRuns(600) });
});

test('random YAML structures as a flow file or catalogue are refused with diagnostics, never a crash', () => {
  const node = fc.record({ kind: fc.constantFrom('question', 'check', 'finding', 'goto', 'end', 'nope'), answer: fc.constantFrom('choice', 'yes-no', 'port', 'x') }, { requiredKeys: [] });
  const flowLike = fc.record({
    id: fc.oneof(fc.constant('triage'), fc.string()),
    title: fc.anything(), summary: fc.anything(), entry: fc.oneof(fc.constant('a'), fc.anything()),
    nodes: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('a', '__proto__', 'constructor'), fc.string()), fc.oneof(node, fc.anything())), fc.anything()),
  }, { requiredKeys: [] });
  fc.assert(fc.property(fc.oneof(flowLike, fc.anything()), fc.anything(), (flow, catalogue) => {
    assertWellFormed(files(stringify(flow) ?? ""));
    assertWellFormed({ ...files(MINI_TRIAGE), facts: { path: 'facts.yaml', text: stringify({ facts: catalogue }) } });
    assertWellFormed({ ...files(MINI_TRIAGE), findings: { path: 'findings.yaml', text: stringify({ findings: catalogue }) } });
  }), { numRuns: propertyRuns(300) });
  assert.equal(Object.getPrototypeOf({}), Object.prototype);
});
