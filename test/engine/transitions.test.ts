import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { follow, transitions } from '../../src/engine/transitions.ts';
import type { CheckNode, QuestionNode } from '../../src/engine/types.ts';

const choice: QuestionNode = {
  kind: 'question', text: 'Which?', answer: 'choice',
  options: [{ value: 'a', label: 'A', next: 'to-a' }, { value: 'b', label: 'B', next: 'to-b' }],
};
const port: QuestionNode = { kind: 'question', text: 'Port?', answer: 'port', next: 'after' };
const check: CheckNode = { kind: 'check', when: { fact: 'x', eq: 1 }, then: 'yes', else: 'no' };

test('a choice is followed by its option; "don\'t know" without unknown ends the flow open', () => {
  assert.equal(follow(choice, { kind: 'answered', value: 'b' }), 'to-b');
  assert.equal(follow(choice, { kind: 'answered', value: null }), undefined);
  assert.equal(follow({ ...choice, unknown: 'ask-later' }, { kind: 'answered', value: null }), 'ask-later');
});

test('a free-form question falls back to next for "don\'t know", unless unknown says otherwise', () => {
  assert.equal(follow(port, { kind: 'answered', value: 443 }), 'after');
  assert.equal(follow(port, { kind: 'answered', value: null }), 'after');
  assert.equal(follow({ ...port, unknown: 'find-out' }, { kind: 'answered', value: null }), 'find-out');
});

test('an undecidable check takes unknown when it has one, else its else branch', () => {
  assert.equal(follow(check, { kind: 'decided', truth: true }), 'yes');
  assert.equal(follow(check, { kind: 'decided', truth: undefined }), 'no');
  assert.equal(follow({ ...check, unknown: 'ask' }, { kind: 'decided', truth: undefined }), 'ask');
  assert.deepEqual(transitions({ ...check, unknown: 'ask' }).map(({ field, label }) => [field, label]), [['then', 'true'], ['else', 'false'], ['unknown', 'unknown']]);
});

test('the engine, the linter and the graph read transitions from the one map, never a key of their own', () => {
  const spelled = /\bnode\.(yes|no|next|unknown|then|else)\b|option\.next|\.options\b[^;]*\.next/;
  for (const file of ['src/engine/engine.ts', 'src/engine/lint.ts', 'src/graph/flow-graph.ts']) {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    assert.doesNotMatch(text, spelled, `${file} spells a transition key itself`);
    assert.match(text, /from '\.{1,2}\/(engine\/)?transitions\.ts'/, `${file} imports the transition map`);
  }
});
