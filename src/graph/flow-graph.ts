/**
 * The decision trees as a graph (nodes and labelled edges), built from the same FlowSet the
 * engine runs. Pure: renderers (mermaid.ts, dot.ts) turn it into text for docs and reviews.
 * Node ids in the output are generated (n0, n1, ...), so no flow text ever becomes syntax.
 */
import type { FlowNode, FlowSet, Severity } from '../engine/types.ts';
import { transitions } from '../engine/transitions.ts';

export type GraphNodeKind = 'question' | 'check' | 'finding' | 'goto' | 'end' | 'flow';

export interface GraphNode {
  /** Generated, syntax-safe id (n0, n1, ...). */
  readonly id: string;
  /** `flow/node` for flow nodes, `flow` for a called flow shown as one box. */
  readonly key: string;
  readonly flow: string;
  readonly kind: GraphNodeKind;
  /** Display text: the node's own words (data; escaped by each renderer). */
  readonly label: string;
  readonly severity?: Severity;
}

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  /** A goto: the called flow runs and (with `then`) comes back. */
  readonly call?: boolean;
}

export interface FlowGraph {
  /** Flows drawn in full, in order, each as a group of nodes. */
  readonly flows: readonly { readonly id: string; readonly title: string; readonly nodes: readonly string[] }[];
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** One label per line of text, long text shortened so boxes stay readable. */
const MAX_LABEL = 80;
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_LABEL ? flat : `${flat.slice(0, MAX_LABEL - 1)}…`;
}

function labelOf(set: FlowSet, flowId: string, nodeId: string, node: FlowNode): string {
  switch (node.kind) {
    case 'question': return shorten(node.text);
    case 'check': return shorten(node.text ?? nodeId);
    case 'finding': return `${node.finding}: ${shorten(node.title ?? set.findings[node.finding]?.title ?? '')}`;
    case 'goto': return `run ${node.flow}`;
    case 'end': return node.outcome;
  }
  return `${flowId}/${nodeId}`;
}

/**
 * The graph of one flow (its calls shown as boxes for the called flows) or, without `only`,
 * of every flow, calls drawn to the called flow's entry node.
 */
export function buildFlowGraph(set: FlowSet, only?: string): FlowGraph {
  const drawn = only === undefined ? Object.keys(set.flows) : [only];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const idOf = new Map<string, string>();
  const add = (node: Omit<GraphNode, 'id'>): string => {
    const id = `n${nodes.length}`;
    nodes.push({ id, ...node });
    idOf.set(node.key, id);
    return id;
  };
  const flows = drawn.map((flowId) => {
    const flow = set.flows[flowId]!;
    const ids = Object.entries(flow.nodes).map(([nodeId, node]) => add({
      key: `${flowId}/${nodeId}`,
      flow: flowId,
      kind: node.kind,
      label: labelOf(set, flowId, nodeId, node),
      ...(node.kind === 'finding' ? { severity: set.findings[node.finding]?.severity } : {}),
    }));
    return { id: flowId, title: flow.title, nodes: ids };
  });
  // Called flows not drawn in full appear as one box each.
  const target = (flowId: string): string => {
    if (drawn.includes(flowId)) return idOf.get(`${flowId}/${set.flows[flowId]!.entry}`)!;
    return idOf.get(flowId) ?? add({ key: flowId, flow: flowId, kind: 'flow', label: `${flowId}: ${shorten(set.flows[flowId]?.title ?? flowId)}` });
  };
  for (const flowId of drawn) {
    for (const [nodeId, node] of Object.entries(set.flows[flowId]!.nodes)) {
      const from = idOf.get(`${flowId}/${nodeId}`)!;
      if (node.kind === 'goto') edges.push({ from, to: target(node.flow), label: 'calls', call: true });
      for (const next of transitions(node)) {
        edges.push({ from, to: idOf.get(`${flowId}/${next.target}`)!, ...(next.label === undefined ? {} : { label: next.label }) });
      }
    }
  }
  return { flows, nodes, edges };
}
