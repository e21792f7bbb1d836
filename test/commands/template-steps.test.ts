/**
 * A step whose command still needs a value is a template with its blanks listed, wherever it is
 * shown: the wizard's findings pager, the Markdown report and the JSON report (issue 12 item 16).
 * A step with every value known stays copy-ready and says nothing about blanks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineState } from '../../src/engine/engine.ts';
import type { FindingInstance } from '../../src/engine/session-types.ts';
import { renderStep } from '../../src/engine/render-step.ts';
import { findingsPage } from '../../src/ui/findings-lines.ts';
import { toMarkdown } from '../../src/report/markdown.ts';
import { toJson } from '../../src/report/json.ts';
import { completeSession, reportOf } from '../report/support/report-sessions.ts';

const catalogue = { 'nsg.name': { type: 'text', label: 'NSG name' }, 'nsg.resourceGroup': { type: 'text', label: 'NSG resource group' } } as const;
const template = renderStep(
  { kind: 'az', text: 'Allow the pool in the NSG.', command: 'az network nsg rule create -g {{nsg.resourceGroup}} --nsg-name {{nsg.name}} --priority <a free priority below the deny rule>' },
  (key) => (key === 'nsg.name' ? 'nsg-app' : undefined), catalogue,
);
const ready = renderStep({ kind: 'az', text: 'List the rules.', command: 'az network nsg rule list --nsg-name {{nsg.name}} -g rg-x' }, (key) => (key === 'nsg.name' ? 'nsg-app' : undefined), catalogue);

test('the rendered step lists each blank once, in order', () => {
  assert.deepEqual(template.blanks, ['NSG resource group', 'a free priority below the deny rule']);
  assert.equal(template.command, 'az network nsg rule create -g <NSG resource group> --nsg-name nsg-app --priority <a free priority below the deny rule>');
  assert.equal(ready.blanks, undefined);
});

test('the wizard\'s findings pager says "Template, fill in" with the blanks, and only for templates', () => {
  const finding: FindingInstance = { id: 'nsg-blocks', severity: 'error', title: 'NSG blocks', explanation: 'x', steps: [template, ready], flow: 'f', node: 'n' };
  const state = { findings: [finding], openQuestions: [], outcome: undefined, facts: {}, answerFacts: {}, path: [] } as unknown as EngineState;
  const text = findingsPage(state, 200).lines.map((line) => line.text).join('\n');
  assert.match(text, /1\. Allow the pool in the NSG\..*Template, fill in: NSG resource group; a free priority below the deny rule\./);
  assert.doesNotMatch(text.split('\n').find((line) => line.includes('List the rules'))!, /fill in/);
});

test('the Markdown and JSON reports mark the template and list its blanks', () => {
  const report = reportOf([completeSession()]);
  const withSteps = { ...report, findings: [{ ...report.findings[0]!, steps: [template, ready] }] };
  const markdown = toMarkdown(withSteps);
  assert.match(markdown, /1\. Allow the pool in the NSG\.\n\nTemplate, fill in: NSG resource group; a free priority below the deny rule\.\n\n```bash\naz network nsg rule create/);
  assert.doesNotMatch(markdown.slice(markdown.indexOf('List the rules')), /^Template, fill in/m);
  const json = JSON.parse(toJson(withSteps));
  assert.deepEqual(json.findings[0].steps.map((step: { blanks?: string[] }) => step.blanks), [['NSG resource group', 'a free priority below the deny rule'], undefined]);
});
