/**
 * A FlowGraph as a Mermaid flowchart (GitHub renders it in Markdown). Every label is flow data:
 * it goes inside double quotes with Mermaid's entity codes for the characters that would end
 * the string or start markup, and ids are the generated n0, n1, ...
 *
 * Mermaid reads some text before any grammar, quotes or not: `%%{init: ...}%%` anywhere is a
 * directive that configures the diagram (theme, themeCSS), and `%%` starts a comment that runs
 * to the end of the line (mermaid-js/mermaid packages/mermaid/src/diagram-api/regexes.ts,
 * directiveRegex and anyCommentRegex). So `%`, `{` and `}` are entity codes too, and bidi
 * controls are shown as `\u202e` (they would make the source read differently from the diagram).
 */
import { escapeBidi } from '../text/bidi.ts';
import type { FlowGraph, GraphNode } from './flow-graph.ts';
import { SEVERITY_COLOURS } from './severity-colours.ts';

// `#` first: every other replacement introduces one.
const ENTITIES: readonly [RegExp, string][] = [
  [/#/g, '#35;'], [/"/g, '#quot;'], [/</g, '#lt;'], [/>/g, '#gt;'], [/&/g, '#amp;'],
  [/\|/g, '#124;'], [/`/g, '#96;'], [/\\/g, '#92;'],
  [/%/g, '#37;'], [/\{/g, '#123;'], [/\}/g, '#125;'],
];

/** Text safe inside a Mermaid double-quoted label: one line, no control characters, no markup. */
export function mermaidText(text: string): string {
  let out = escapeBidi(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '));
  for (const [pattern, entity] of ENTITIES) out = out.replace(pattern, entity);
  return `"${out}"`;
}

function shape(node: GraphNode): string {
  const text = mermaidText(node.label);
  switch (node.kind) {
    case 'question': return `${node.id}[/${text}/]`;
    case 'check': return `${node.id}{${text}}`;
    case 'finding': return `${node.id}[${text}]`;
    case 'goto': return `${node.id}[[${text}]]`;
    case 'end': return `${node.id}([${text}])`;
    case 'flow': return `${node.id}[[${text}]]`;
  }
}

export function renderMermaid(graph: FlowGraph): string {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = ['flowchart TD'];
  graph.flows.forEach((flow, index) => {
    lines.push(`  subgraph f${index}[${mermaidText(`${flow.title} (${flow.id})`)}]`);
    for (const id of flow.nodes) lines.push(`    ${shape(byId.get(id)!)}`);
    lines.push('  end');
  });
  for (const node of graph.nodes) if (node.kind === 'flow') lines.push(`  ${shape(node)}`);
  for (const edge of graph.edges) {
    const arrow = edge.call ? '-.->' : '-->';
    lines.push(`  ${edge.from} ${arrow}${edge.label === undefined ? '' : `|${mermaidText(edge.label)}|`} ${edge.to}`);
  }
  for (const [severity, colour] of Object.entries(SEVERITY_COLOURS)) {
    const ids = graph.nodes.filter((node) => node.severity === severity).map((node) => node.id);
    lines.push(`  classDef ${severity} fill:${colour.fill},stroke:${colour.stroke},color:#000`);
    if (ids.length > 0) lines.push(`  class ${ids.join(',')} ${severity}`);
  }
  return lines.join('\n');
}
