import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explore } from './explore.ts';
import { flowSet, SITUATIONS } from './shipped.ts';

// The static standards (severity as catalogued, a way on for "don't know", every catalogue
// finding recorded in a reachable flow) are flows lint's (test/lint/policy.test.ts); this walks
// the engine under fact situations, so a finding behind a check that is never true is caught too.
test('every finding in the catalogue is reachable on some path of some flow', () => {
  const reached = new Set<string>();
  for (const facts of Object.values(SITUATIONS)) {
    for (const flow of Object.keys(flowSet.flows)) explore(flowSet, flow, facts).findingIds.forEach((id) => reached.add(id));
  }
  const unreachable = Object.keys(flowSet.findings).filter((id) => !reached.has(id));
  assert.deepEqual(unreachable, []);
});
