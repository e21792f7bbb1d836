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
// The flows reworded so far; dns and firewall-timeout still name the VNet in a few questions.
const REWORDED = ['certificate-sync', 'coexistence', 'eligibility', 'gateway-setup', 'migration', 'gateway-down', 'onprem-routes', 'peering', 'rfc1918', 'triage', 'retirement'];

for (const id of REWORDED) test(`offline, the questions of ${id} read without unknown names`, () => {
  const flow = flowSet.flows[id]!;
  const unknown = () => undefined;
  for (const [node, definition] of Object.entries(flow.nodes)) {
    if (definition.kind !== 'question') continue;
    const text = render(definition.text, unknown, flowSet.facts);
    assert.doesNotMatch(text, NAME_PLACEHOLDER, `${id}/${node}: ${text}`);
  }
});
