import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFlowSet } from '../../src/engine/load.ts';
import { readFlowFiles, shippedFlowDir } from '../../src/flows/flow-dir.ts';
import { explore } from './explore.ts';
import { flowSet, SITUATIONS } from './shipped.ts';

test('the shipped flows and catalogues load without a single lint problem', () => {
  const { flowSet: built, diagnostics } = buildFlowSet(readFlowFiles(shippedFlowDir()));
  assert.deepEqual(diagnostics, []);
  assert.ok(built);
});

test('every path of every shipped flow ends at an end or a finding, with every placeholder filled', () => {
  const runs = Object.entries(SITUATIONS).flatMap(([situation, facts]) => Object.keys(flowSet.flows).map((flow) => ({ situation, facts, flow })));
  for (const { situation, facts, flow } of runs) {
    const { leaves, texts } = explore(flowSet, flow, facts);
    for (const { state, answers } of leaves) {
      const where = `${flow} (${situation}) after ${JSON.stringify(answers)}`;
      assert.equal(state.status, 'done', where);
      assert.ok(['resolved', 'not-resolved', 'pass', 'finding'].includes(state.outcome!.kind), `${where}: ends with ${state.outcome!.kind}`);
      assert.deepEqual(state.openQuestions, [], where);
    }
    for (const text of texts) {
      assert.doesNotMatch(text, /\{\{|\}\}/, `${flow} (${situation}): unfilled placeholder in "${text}"`);
      assert.doesNotMatch(text, /undefined|null|\[object/, `${flow} (${situation}): a missing value leaked into "${text}"`);
    }
  }
});

test('without a date the retirement notice still appears, without a day count', () => {
  const { leaves, texts } = explore(flowSet, 'retirement', {});
  assert.deepEqual(leaves.map((leaf) => leaf.state.findings.map((f) => f.id)), [['integration-retiring']]);
  assert.ok(![...texts].some((text) => text.includes('<days until')), 'no placeholder label in the title');
});

test('an unknown value renders as a readable label inside a command', () => {
  const { texts } = explore(flowSet, 'gateway-setup', SITUATIONS.offline!);
  assert.ok(texts.has('az network vnet-gateway update -g <gateway resource group> -n <gateway name> --client-protocol SSTP --subscription <VNet subscription id>'));
});
