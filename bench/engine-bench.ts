/**
 * Engine timings, run in a fresh process by bench/run.mjs (so each figure includes cold JIT,
 * as a user's start-up does). Prints one JSON line.
 *
 *   node <bundled engine-bench.js> shipped               load + validate + lint the shipped flows
 *   node --import tsx bench/engine-bench.ts synthetic N  validate + lint + walk an N-node flow
 *
 * `shipped` is measured on this file bundled by scripts/build.mjs (bench/engine.mjs builds it), so
 * it runs what the published bundle runs at start-up: the flows embedded pre-parsed, then
 * validated and linted. From source (tsx) it reads and parses flows/ instead, as a checkout does.
 */
import { loadShippedFlows } from '../src/flows/shipped-flows.ts';
import { shippedFlowOrigin } from '../src/flows/shipped-flow-files.ts';
import { validateFlow } from '../src/engine/validate-flow.ts';
import { lintFlows } from '../src/engine/lint.ts';
import { createEngine } from '../src/engine/engine.ts';
import type { FactDefinition, FindingDefinition, FlowNode, FlowSet } from '../src/engine/types.ts';

const FACTS: Record<string, FactDefinition> = {
  'bench.port': { type: 'port', label: 'the port under test' },
};
const FINDINGS: Record<string, FindingDefinition> = {
  'bench-finding': { severity: 'warning', title: 'Synthetic finding' },
};

/**
 * A chain of 3-node segments: a yes-no question, a check on a fact, a finding that continues to
 * the next segment. Answering "yes" everywhere visits every node once, so the walk is as long
 * as the flow. Built as data because the YAML reader refuses files over 1 MB by design.
 */
export function syntheticFlow(nodeCount: number): unknown {
  const segments = Math.max(1, Math.floor((nodeCount - 1) / 3));
  const padding = Math.max(0, nodeCount - 1 - 3 * segments);
  const nodes: Record<string, FlowNode> = {};
  const after = (i: number) => (i + 1 < segments ? `ask-${i + 1}` : padding > 0 ? 'pad-0' : 'done');
  for (let i = 0; i < segments; i += 1) {
    const next = after(i);
    nodes[`ask-${i}`] = { kind: 'question', text: `Step ${i}: is port {{bench.port}} open?`, answer: 'yes-no', yes: `check-${i}`, no: `found-${i}` };
    nodes[`check-${i}`] = { kind: 'check', when: { fact: 'bench.port', lt: 1024 }, then: next, else: `found-${i}` };
    nodes[`found-${i}`] = {
      kind: 'finding', finding: 'bench-finding', title: `Port {{bench.port}} at step ${i}`,
      explanation: 'Synthetic.', steps: [{ kind: 'manual', text: 'Open port {{bench.port}}' }], next,
    };
  }
  // Up to two extra checks make the node count exact.
  for (let i = 0; i < padding; i += 1) {
    const next = i + 1 < padding ? `pad-${i + 1}` : 'done';
    nodes[`pad-${i}`] = { kind: 'check', when: { fact: 'bench.port', gte: 1 }, then: next, else: next };
  }
  nodes.done = { kind: 'end', outcome: 'pass', text: 'Walked every segment.' };
  return { id: 'synthetic', title: 'Synthetic', summary: `${Object.keys(nodes).length} nodes`, entry: 'ask-0', nodes };
}

function timeShipped(): Record<string, number | string> {
  const started = performance.now();
  const flowSet = loadShippedFlows();
  const ms = performance.now() - started;
  const nodes = Object.values(flowSet.flows).reduce((sum, flow) => sum + Object.keys(flow.nodes).length, 0);
  return { ms, flows: Object.keys(flowSet.flows).length, nodes, origin: shippedFlowOrigin() };
}

function timeSynthetic(nodeCount: number): Record<string, number> {
  const value = syntheticFlow(nodeCount);
  const started = performance.now();
  const checked = validateFlow('synthetic.yaml', value, new Map());
  if (!checked.flow) throw new Error(`synthetic flow invalid: ${checked.errors[0]?.message}`);
  const diagnostics = lintFlows([{ file: 'synthetic.yaml', flow: checked.flow, lines: new Map() }], { facts: FACTS, findings: FINDINGS, entry: 'synthetic' });
  if (diagnostics.length > 0) throw new Error(`synthetic flow has lint errors: ${diagnostics[0]!.message}`);
  const linted = performance.now();
  const flowSet: FlowSet = { flows: { synthetic: checked.flow }, entry: 'synthetic', facts: FACTS, findings: FINDINGS };
  const engine = createEngine(flowSet);
  let state = engine.start({ 'bench.port': { value: 8443, source: 'arm' } });
  let answers = 0;
  while (state.status === 'asking') { state = engine.answer(state, true); answers += 1; }
  const walked = performance.now();
  return {
    nodes: Object.keys(checked.flow.nodes).length, ms: walked - started, lintMs: linted - started, walkMs: walked - linted,
    answers, pathLength: state.path.length, findings: state.findings.length,
  };
}

const [mode, size] = process.argv.slice(2);
const result = mode === 'shipped' ? timeShipped() : timeSynthetic(Number(size ?? 5000));
process.stdout.write(`${JSON.stringify(result)}\n`);
