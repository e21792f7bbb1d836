/** The report shows the option the engineer chose by its label; JSON keeps the option's id as well. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../src/engine/engine.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { toJson } from '../../src/report/json.ts';
import { toMarkdown } from '../../src/report/markdown.ts';

test('a choice answer is reported with the label the engineer chose, not its internal id', () => {
  const symptom = `
id: symptom
title: Symptom
summary: One choice question.
entry: ask
nodes:
  ask:
    kind: question
    text: What does the customer see?
    answer: choice
    options:
      - { value: reach-vnet, label: "The app cannot reach a host inside the VNet", next: done }
      - { value: dns, label: "A host name does not resolve from the app", next: done }
  done: { kind: end, outcome: resolved }
`;
  const flowSet = { ...miniFlowSet({ 'symptom.yaml': symptom }), entry: 'symptom' };
  const engine = createEngine(flowSet);
  const state = engine.answer(engine.start({}, {}, {}), 'reach-vnet');
  const entry = state.path.find((step) => step.answer === 'reach-vnet')!;
  assert.equal(entry.answerLabel, 'The app cannot reach a host inside the VNet');
  const report = buildReport({ engine, sessions: [state], target: { mode: 'offline' }, errors: [], interrupted: true, now: new Date('2026-11-25T12:00:00Z'), version: 'test' });
  const markdown = toMarkdown(report);
  assert.match(markdown, /\*\*The app cannot reach a host inside the VNet\*\*/);
  assert.doesNotMatch(markdown, /\*\*reach-vnet\*\*/);
  const json = JSON.parse(toJson(report)) as { path: { answer: unknown; answerLabel?: string }[] };
  assert.deepEqual(json.path.map(({ answer: value, answerLabel }) => ({ value, answerLabel })).find(({ value }) => value === 'reach-vnet'),
    { value: 'reach-vnet', answerLabel: 'The app cannot reach a host inside the VNet' });
});
