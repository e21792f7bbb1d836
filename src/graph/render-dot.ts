/**
 * A FlowGraph in Graphviz DOT. Labels are flow data: quoted, with backslash and double quote
 * escaped (a backslash would otherwise start a DOT escape such as \N), one line each, bidi
 * controls shown as `\u202e`.
 */
import { escapeBidi } from '../text/bidi.ts';
import type { FlowGraph, GraphNode } from './flow-graph.ts';
import { SEVERITY_COLOURS } from './severity-colours.ts';

export function dotText(text: string): string {
  const flat = escapeBidi(text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' '));
  return `"${flat.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const SHAPES: Readonly<Record<GraphNode['kind'], string>> = {
  question: 'parallelogram', check: 'diamond', finding: 'box', goto: 'component', end: 'oval', flow: 'component',
};

function nodeLine(node: GraphNode): string {
  const attrs = [`label=${dotText(node.label)}`, `shape=${SHAPES[node.kind]}`];
  if (node.severity) {
    const colour = SEVERITY_COLOURS[node.severity];
    attrs.push('style=filled', `fillcolor=${dotText(colour.fill)}`, `color=${dotText(colour.stroke)}`);
  }
  return `${node.id} [${attrs.join(', ')}];`;
}

export function renderDot(graph: FlowGraph): string {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lines = ['digraph flows {', '  rankdir=TB;', '  node [fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];'];
  graph.flows.forEach((flow, index) => {
    lines.push(`  subgraph cluster_${index} {`, `    label=${dotText(`${flow.title} (${flow.id})`)};`);
    for (const id of flow.nodes) lines.push(`    ${nodeLine(byId.get(id)!)}`);
    lines.push('  }');
  });
  for (const node of graph.nodes) if (node.kind === 'flow') lines.push(`  ${nodeLine(node)}`);
  for (const edge of graph.edges) {
    const attrs = [edge.label === undefined ? '' : `label=${dotText(edge.label)}`, edge.call ? 'style=dashed' : ''].filter(Boolean);
    lines.push(`  ${edge.from} -> ${edge.to}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return lines.join('\n');
}
