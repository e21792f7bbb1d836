/**
 * Every shipped scenario, gathered through the real SDK clients over HTTPS from the emulator,
 * yields the facts the scenario states (`expect.facts`) and the reviewed golden file
 * (test/fixtures/arm/golden/<id>.json; regenerate with UPDATE_GOLDEN=1 and review the diff).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { listScenarios, loadScenario } from '../../src/emulator/scenarios.ts';
import { gatherFacts } from '../../src/facts/gather-facts.ts';
import { TODAY, values } from './support.ts';

const goldenDir = new URL('../fixtures/arm/golden/', import.meta.url);
const scenarios = listScenarios();

test('at least ten scenarios ship, each with a title and summary for the picker', () => {
  assert.ok(scenarios.length >= 10, `${scenarios.length} scenarios`);
  for (const s of scenarios) assert.ok(s.title.length > 0 && s.summary.length > 20, s.id);
});

for (const { id } of scenarios) {
  test(`scenario ${id}: demo facts match the scenario and the golden file`, async () => {
    const scenario = loadScenario(id);
    const gathering = await gatherFacts({ demo: id }, { today: TODAY });
    assert.deepEqual(gathering.errors, []);
    assert.equal(gathering.target.mode, 'demo');
    assert.equal(gathering.target.scenario, id);
    const got = values(gathering);
    for (const [key, value] of Object.entries(scenario.expect.facts ?? {})) assert.deepEqual(got[key] ?? null, value, `${id}: ${key}`);
    const golden = new URL(`${id}.json`, goldenDir);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
      assert.ok(process.env.UPDATE_GOLDEN === '1', `missing golden file ${golden.pathname}; run with UPDATE_GOLDEN=1 and review it`);
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(golden, `${JSON.stringify(got, null, 2)}\n`);
    }
    assert.deepEqual(got, JSON.parse(readFileSync(golden, 'utf8')));
  });
}
