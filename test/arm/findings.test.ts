/**
 * Each scenario's expected findings, from the shipped flows: every flow is walked from its
 * entry with the scenario's facts, like batch mode (no answers: a walk stops at the first
 * question the facts cannot answer), and the finding ids are compared.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/engine/engine.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { listScenarios, loadScenario } from '../../src/emulator/scenarios.ts';
import { gatherFacts } from '../../src/facts/gather-facts.ts';
import { TODAY } from './support.ts';

const flowSet = loadFlowDir();
const engine = createEngine(flowSet, DERIVATIONS);

for (const { id } of listScenarios()) {
  test(`scenario ${id}: the shipped flows produce the expected findings`, async () => {
    const { facts } = await gatherFacts({ demo: id }, { today: TODAY });
    const found = new Set<string>();
    for (const flow of Object.keys(flowSet.flows)) {
      const state = engine.start(facts, {}, { flow });
      for (const finding of state.findings) found.add(finding.id);
    }
    assert.deepEqual([...found].sort(), [...loadScenario(id).expect.findings].sort());
  });
}
