/**
 * Demos do not rot: every scenario is set on a declared day, so `check --demo X` shows what the
 * scenario promises (its `expect.findings`) whatever day it runs: today, or after the retirement
 * date, when a real-date demo would say "retired" everywhere and the expiring certificate expired.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listScenarios, loadScenario } from '../../src/emulator/scenarios.ts';
import { gatherFacts } from '../../src/facts/gather-facts.ts';
import { engine, flowSet } from './shipped.ts';

const RUN_DAYS = [new Date().toISOString().slice(0, 10), '2026-12-01', '2027-06-01'];

test('every scenario declares the day it is set on', () => {
  for (const { id } of listScenarios()) assert.match(loadScenario(id).today ?? '', /^\d{4}-\d{2}-\d{2}$/, id);
});

for (const { id } of listScenarios()) {
  test(`demo ${id}: the expected findings on every run day (${RUN_DAYS.join(', ')})`, async () => {
    const expected = [...loadScenario(id).expect.findings].sort();
    for (const day of RUN_DAYS) {
      const { facts } = await gatherFacts({ demo: id }, { today: day });
      assert.equal(facts['session.today']?.value, loadScenario(id).today, `${id} on ${day}: the scenario's day is today's date`);
      const found = new Set<string>();
      for (const flow of Object.keys(flowSet.flows)) for (const finding of engine.start(facts, {}, { flow }).findings) found.add(finding.id);
      assert.deepEqual([...found].sort(), expected, `${id} run on ${day}`);
    }
  });
}
