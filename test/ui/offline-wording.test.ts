/**
 * Offline, nothing is known about the app, the VNet, the plan or the gateway, so a question must
 * not lean on their names: "Is <VNet name> in a different region than <app name>?" reads badly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '../../src/engine/template.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';

const flowSet = loadFlowDir();
const NAME_PLACEHOLDER = /<[^<>]*\bname>/;

test('every flow is covered, dns and firewall-timeout included', () => {
  assert.ok(Object.keys(flowSet.flows).length >= 13);
  assert.ok(flowSet.flows['dns'] && flowSet.flows['firewall-timeout']);
});

for (const id of Object.keys(flowSet.flows)) test(`offline, the questions of ${id} read without unknown names`, () => {
  const flow = flowSet.flows[id]!;
  const unknown = () => undefined;
  const naming: string[] = [];
  for (const [node, definition] of Object.entries(flow.nodes)) {
    if (definition.kind !== 'question') continue;
    const text = render(definition.text, unknown, flowSet.facts);
    if (NAME_PLACEHOLDER.test(text)) naming.push(`${id}/${node}: ${text}`);
  }
  assert.deepEqual(naming, []);
});
