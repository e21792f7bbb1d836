/**
 * Flow text cannot configure Mermaid. Before parsing any grammar, Mermaid applies a directive
 * `%%{init: ...}%%` found anywhere in the text (theme, themeCSS) and drops what follows `%%` to
 * the end of the line as a comment, quotes or not. Mermaid is not a dependency here, so the test
 * checks the output against those preprocessing rules as Mermaid states them
 * (mermaid-js/mermaid packages/mermaid/src/diagram-api/regexes.ts: directiveRegex and
 * anyCommentRegex; comments.ts: cleanupComments), and that labels still say what the flow says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFlowGraph } from '../../src/graph/flow-graph.ts';
import { renderMermaid } from '../../src/graph/render-mermaid.ts';
import { renderDot } from '../../src/graph/render-dot.ts';
import type { FlowSet } from '../../src/engine/types.ts';

// Mermaid's preprocessing rules (see above), written out for the check.
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const ANY_COMMENT = /(?:^|(?<=\S))\s*%%.*\n/gm;
const LINE_COMMENT = /^\s*%%(?!{)[^\n]+\n?/gm;

const TITLE = "Triage %%{init: {'theme':'dark','themeCSS':'.node{display:none}'} }%%";
const BIDI = 'Check \u202eexe.gnp\u202c and \u2066isolated\u2069';

function hostileSet(): FlowSet {
  return {
    entry: 'triage', facts: {}, findings: { bad: { title: BIDI, severity: 'error' } },
    flows: {
      triage: {
        id: 'triage', title: TITLE, summary: '', entry: 'q',
        nodes: {
          q: { kind: 'question', text: 'Which %% of {hosts}?', answer: 'choice', options: [{ value: 'v', label: '%%{init: {"theme":"forest"}}%%', next: 'f1' }] },
          f1: { kind: 'finding', finding: 'bad', title: BIDI, explanation: '', steps: [], next: 'e' },
          e: { kind: 'end', outcome: 'resolved' },
        },
      },
    },
  };
}

test('a flow title holding %%{init: ...}%% reaches the Mermaid graph as text, not as a directive or a comment', () => {
  const mermaid = `${renderMermaid(buildFlowGraph(hostileSet()))}\n`;
  assert.deepEqual([...mermaid.matchAll(DIRECTIVE)].map((match) => match[0]), [], 'no directive for Mermaid to apply');
  assert.deepEqual([...mermaid.matchAll(ANY_COMMENT)].map((match) => match[0]), [], 'no comment for Mermaid to cut');
  assert.equal(mermaid.replace(LINE_COMMENT, '').trimStart(), mermaid.trimStart());
  assert.ok(mermaid.includes('["Triage #37;#37;#123;init: #123;\'theme\':\'dark\''), 'the title is shown as written, through entity codes');
});

test('bidi controls in flow text are shown as escapes in the Mermaid and DOT graphs', () => {
  const graph = buildFlowGraph(hostileSet());
  for (const text of [renderMermaid(graph), renderDot(graph)]) {
    assert.doesNotMatch(text, /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
  }
  assert.ok(renderMermaid(graph).includes('Check #92;u202eexe.gnp#92;u202c'));
  assert.ok(renderDot(graph).includes('Check \\\\u202eexe.gnp\\\\u202c'));
});
