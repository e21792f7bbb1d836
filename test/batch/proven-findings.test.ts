/**
 * What Azure proves is never hidden by the symptom (issue 19 item 2): for every demo scenario and
 * every symptom, `check --flow triage` with that symptom reports every finding the scenario
 * promises (its `expect.findings`, what its facts prove on their own), errors first, however
 * early the symptom's own path stops on an open question.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { shippedScenarioIds } from '../../src/emulator/shipped-scenarios.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import type { Output } from '../../src/cli/output.ts';

const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-proven-'));
const triage = loadFlowDir().flows.triage!;
const symptomNode = triage.nodes['ask-symptom']!;
export const SYMPTOMS = symptomNode.kind === 'question' ? symptomNode.options!.map((option) => option.value) : [];
const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

interface Finding { readonly id: string; readonly severity: keyof typeof SEVERITY }

async function check(demo: string, symptom: string): Promise<{ code: number; findings: Finding[]; status: string }> {
  const answers = join(work, `${symptom}.yaml`);
  writeFileSync(answers, `answers:\n  triage/ask-symptom: ${symptom}\n`);
  const printed: string[] = [];
  const out: Output = { print: (text) => printed.push(text), error: () => {} };
  const code = await checkCommand({ demo, flow: 'triage', answers, format: 'json' }, out);
  const report = JSON.parse(printed.join('')) as { findings: Finding[]; status: string };
  return { code, findings: report.findings, status: report.status };
}

test('the triage flow walks every symptom of the shipped flows', () => {
  assert.ok(SYMPTOMS.length >= 8, `symptoms: ${SYMPTOMS.join(', ')}`);
});

for (const demo of shippedScenarioIds()) {
  test(`check --flow triage --demo ${demo}: every symptom reports every finding the facts prove, errors first`, async () => {
    const expected = loadScenario(demo).expect.findings;
    for (const symptom of SYMPTOMS) {
      const { code, findings } = await check(demo, symptom);
      const ids = findings.map((finding) => finding.id);
      const missing = expected.filter((id) => !ids.includes(id));
      assert.deepEqual(missing, [], `${demo} x ${symptom}: missing ${missing.join(', ')} (reported: ${ids.join(', ')})`);
      const ranks = findings.map((finding) => SEVERITY[finding.severity]);
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${demo} x ${symptom}: errors first`);
      assert.equal(code, findings.some((finding) => finding.severity === 'error') ? 1 : 0, `${demo} x ${symptom}: the exit code follows the errors`);
    }
  });
}
