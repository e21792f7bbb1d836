/**
 * What Azure proves is never hidden by the symptom (issue 19 item 2), in the wizard: for every
 * demo scenario and every symptom, the report saved right after the symptom is chosen (the
 * session stopped at its next question) and the findings screen hold every finding the
 * scenario promises, and the header counts them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { shippedScenarioIds } from '../../src/emulator/shipped-scenarios.ts';
import { factSources } from '../../src/session/fact-sources.ts';
import { KEY, startWizard } from './harness.tsx';

const flowSet = loadFlowDir();
const symptomNode = flowSet.flows.triage!.nodes['ask-symptom']!;
const SYMPTOMS = symptomNode.kind === 'question' ? symptomNode.options!.map((option) => option.value) : [];
const sources = factSources({});

for (const demo of shippedScenarioIds()) {
  test(`wizard --demo ${demo}: whatever the symptom, the report and the screen hold every finding the facts prove`, async () => {
    const expected = loadScenario(demo).expect.findings;
    const ui = startWizard({
      flowSet, beginning: { kind: 'target', choice: { mode: 'demo', scenario: demo } }, rows: 60, columns: 160,
      sources,
    });
    try {
      const first = await ui.waitFor((f) => /\? help/.test(f) && (f.includes('What does the customer see?') || f.includes('Diagnosis')), 'the symptom question or the findings');
      if (first.includes('Diagnosis')) {
        // Azure's facts alone rule the integration out: no symptom is asked.
        await ui.press('s', KEY.enter);
        await ui.waitFor(() => ui.reports.length === 1, 'the report');
        const ids = ui.reports[0]!.state.findings.map((finding) => finding.id);
        assert.deepEqual(expected.filter((id) => !ids.includes(id)), [], `${demo}: reported ${ids.join(', ')}`);
        return;
      }
      /** A command key: in a text box letters are text, so Esc goes first there. */
      const command = (letter: string) => (ui.frame().includes('Press Esc then d') ? [KEY.escape, letter] : [letter]);
      for (const [index, symptom] of SYMPTOMS.entries()) {
        if (index > 0) {
          await ui.press(...command('r'), 'y');
          await ui.waitFor((f) => f.includes('What does the customer see?') && f.includes('0 answered'), 'the symptom question after restart');
        }
        await ui.press(String(index + 1), KEY.enter);
        await ui.waitFor((f) => !f.includes('What does the customer see?') && /\? help/.test(f), `the screen after ${symptom}`);
        const screen = ui.frame();
        const count = /(\d+) findings? so far/.exec(screen)?.[1];
        await ui.press(...command('s'), KEY.enter);
        await ui.waitFor(() => ui.reports.length === index + 1, `the report for ${symptom}`);
        const findings = ui.reports[index]!.state.findings;
        const ids = findings.map((finding) => finding.id);
        assert.deepEqual(expected.filter((id) => !ids.includes(id)), [], `${demo} x ${symptom}: reported ${ids.join(', ')}`);
        if (count !== undefined) assert.equal(Number(count), findings.length, `${demo} x ${symptom}: the header counts them`);
        else assert.match(screen, /Diagnosis/, `${demo} x ${symptom}: the findings screen, or a header count`);
      }
      assert.equal(ui.reports.length, SYMPTOMS.length, `${demo}: one report per symptom`);
    } finally {
      ui.unmount();
    }
  });
}
