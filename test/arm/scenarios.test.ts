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

test('every gathered fact key is in the fact catalogue and every expected finding in the finding catalogue', async () => {
  const { loadFlowDir } = await import('../../src/flows/flow-dir.ts');
  const flowSet = loadFlowDir();
  for (const { id } of scenarios) {
    const gathering = await gatherFacts({ demo: id }, { today: TODAY });
    const unknownKeys = Object.keys(gathering.facts).filter((key) => !Object.hasOwn(flowSet.facts, key));
    assert.deepEqual(unknownKeys, [], `${id}: facts missing from flows/catalog/facts.yaml`);
    for (const [key, fact] of Object.entries(gathering.facts)) {
      if (fact.value === null) continue;
      const definition = flowSet.facts[key]!;
      const value = fact.value;
      const fits = {
        'yes-no': typeof value === 'boolean', number: typeof value === 'number', date: typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value),
        'text-list': Array.isArray(value), 'cidr-list': Array.isArray(value),
        choice: typeof value === 'string' && (definition.values ?? []).includes(value),
      }[definition.type as string] ?? typeof value === 'string';
      assert.ok(fits, `${id}: ${key} = ${JSON.stringify(value)} does not fit type ${definition.type}`);
    }
    const unknownFindings = loadScenario(id).expect.findings.filter((finding) => !Object.hasOwn(flowSet.findings, finding));
    assert.deepEqual(unknownFindings, [], `${id}: findings missing from flows/catalog/findings.yaml`);
  }
});
