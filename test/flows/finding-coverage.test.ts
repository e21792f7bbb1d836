import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explore } from './explore.ts';
import { flowSet, SITUATIONS } from './shipped.ts';

test('every finding in the catalogue is reachable on some path of some flow', () => {
  const reached = new Set<string>();
  for (const facts of Object.values(SITUATIONS)) {
    for (const flow of Object.keys(flowSet.flows)) explore(flowSet, flow, facts).findingIds.forEach((id) => reached.add(id));
  }
  const unreachable = Object.keys(flowSet.findings).filter((id) => !reached.has(id));
  assert.deepEqual(unreachable, []);
});

test('every finding node uses the severity its catalogue entry promises', () => {
  for (const flow of Object.values(flowSet.flows)) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.kind !== 'finding') continue;
      assert.equal(node.severity, flowSet.findings[node.finding]!.severity, `${flow.id}/${id} (${node.finding})`);
    }
  }
});

test('every choice and yes-no question offers a way on for "don\'t know"', () => {
  for (const flow of Object.values(flowSet.flows)) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.kind === 'question' && (node.answer === 'choice' || node.answer === 'yes-no')) assert.ok(node.unknown, `${flow.id}/${id}`);
    }
  }
});
