import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { buildFlowGraph } from '../../src/graph/flow-graph.ts';
import { renderMermaid } from '../../src/graph/render-mermaid.ts';
import { renderDot } from '../../src/graph/render-dot.ts';
import type { FlowNode, FlowSet } from '../../src/engine/types.ts';
import { runCli } from '../support/run-cli.ts';

const shipped = loadFlowDir();

/** Every transition of a node, enumerated here independently of the graph code. */
function targets(node: FlowNode): string[] {
  const out: string[] = [];
  if (node.kind === 'question') {
    out.push(...(node.options ?? []).map((option) => option.next));
    for (const key of ['yes', 'no', 'next', 'unknown'] as const) if (node[key] !== undefined) out.push(node[key]!);
  }
  if (node.kind === 'check') out.push(node.then, node.else, ...(node.unknown === undefined ? [] : [node.unknown]));
  if (node.kind === 'finding' && node.next !== undefined) out.push(node.next);
  if (node.kind === 'goto' && node.then !== undefined) out.push(node.then);
  return out;
}

function assertComplete(set: FlowSet, only: string | undefined): void {
  const graph = buildFlowGraph(set, only);
  const mermaid = renderMermaid(graph).split('\n').map((line) => line.trim());
  const dot = renderDot(graph).split('\n').map((line) => line.trim());
  const id = new Map(graph.nodes.map((node) => [node.key, node.id]));
  const declared = (n: string) => {
    assert.ok(mermaid.some((line) => new RegExp(`^${n}[[{(/]`).test(line)), `mermaid declares ${n}`);
    assert.ok(dot.some((line) => line.startsWith(`${n} [label=`)), `dot declares ${n}`);
  };
  const edge = (from: string, to: string, call: boolean) => {
    assert.ok(mermaid.some((line) => new RegExp(`^${from} ${call ? '-\\.->' : '-->'}(\\|"[^"]*"\\|)? ${to}$`).test(line)), `mermaid edge ${from} -> ${to}`);
    assert.ok(dot.some((line) => new RegExp(`^${from} -> ${to}( \\[.*\\])?;$`).test(line)), `dot edge ${from} -> ${to}`);
  };
  const flows = only === undefined ? Object.keys(set.flows) : [only];
  for (const flowId of flows) {
    const flow = set.flows[flowId]!;
    for (const [nodeId, node] of Object.entries(flow.nodes)) {
      const from = id.get(`${flowId}/${nodeId}`);
      assert.ok(from, `${flowId}/${nodeId} is a graph node`);
      declared(from);
      for (const to of targets(node)) edge(from, id.get(`${flowId}/${to}`)!, false);
      if (node.kind === 'goto') {
        const called = flows.includes(node.flow) ? id.get(`${node.flow}/${set.flows[node.flow]!.entry}`) : id.get(node.flow);
        assert.ok(called, `${flowId}/${nodeId} calls ${node.flow}`);
        declared(called);
        edge(from, called, true);
      }
      if (node.kind === 'finding') {
        const severity = set.findings[node.finding]!.severity;
        assert.ok(mermaid.some((line) => line.startsWith('class ') && line.split(' ')[1]!.split(',').includes(from) && line.endsWith(` ${severity}`)), `${node.finding} coloured as ${severity}`);
      }
    }
  }
}

test('every node and every transition of every shipped flow appears in the Mermaid and DOT graphs', () => {
  assertComplete(shipped, undefined);
  for (const flow of Object.keys(shipped.flows)) assertComplete(shipped, flow);
});

test('flow text is data in the graph: quotes, pipes, brackets and markup cannot end a label or add syntax', () => {
  const hostile = 'a"] --> x{{evil}} | click n0 "javascript:alert(1)" %% <b>#amp;</b> `code` \\N\n end\u001b[31m';
  const set: FlowSet = {
    entry: 'f', facts: {}, findings: { bad: { title: hostile, severity: 'error' } },
    flows: {
      f: {
        id: 'f', title: hostile, summary: '', entry: 'q',
        nodes: {
          q: { kind: 'question', text: hostile, answer: 'choice', options: [{ value: 'v"|x', label: 'l', next: 'f1' }] },
          f1: { kind: 'finding', finding: 'bad', title: hostile, explanation: '', steps: [], next: 'e' },
          e: { kind: 'end', outcome: 'resolved' },
        },
      },
    },
  };
  const mermaid = renderMermaid(buildFlowGraph(set));
  for (const line of mermaid.split('\n').slice(1)) {
    // Outside the quoted labels only generated syntax remains.
    const syntax = line.replace(/"[^"]*"/g, '""');
    assert.match(syntax.trim(), /^(subgraph f\d+\[""\]|end|n\d+(\[\/""\/\]|\[""\]|\(\[""\]\)|\[\[""\]\]|\{""\})|n\d+ -(->|\.->)(\|""\|)? n\d+|classDef \w+ [\w:#,]+|class [n\d,]+ \w+)$/, line);
    assert.doesNotMatch(line, /[\u0000-\u001f]/);
  }
  assert.match(mermaid, /#quot;\] --#gt; x#123;#123;evil#125;#125; #124; click/);
  assert.match(mermaid, /#35;amp;/, 'an entity in the text is shown, not decoded');
  const dot = renderDot(buildFlowGraph(set));
  for (const line of dot.split('\n')) {
    const syntax = line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    assert.match(syntax.trim(), /^(digraph flows \{|\}|rankdir=TB;|(node|edge) \[fontname="", fontsize=\d+\];|subgraph cluster_\d+ \{|label="";|n\d+ \[label="", shape=\w+(, style=filled, fillcolor="", color="")?\];|n\d+ -> n\d+( \[label=""(, style=dashed)?\])?;)$/, line);
  }
  assert.ok(dot.includes('a\\"] --> x{{evil}}'));
  assert.ok(dot.includes('\\\\N'), 'a backslash cannot start a DOT escape');
});

test('flows graph renders every flow, one flow, DOT on request, and rejects an unknown flow', () => {
  const all = runCli(['flows', 'graph']);
  assert.equal(all.status, 0, all.stderr);
  for (const flow of Object.values(shipped.flows)) assert.ok(all.stdout.includes(`["${flow.title} (${flow.id})"]`), flow.id);
  const one = runCli(['flows', 'graph', 'dns', '--format', 'dot']);
  assert.equal(one.status, 0, one.stderr);
  assert.match(one.stdout, /^digraph flows \{/);
  assert.match(one.stdout, /label="Host names do not resolve \(dns\)"/);
  const bad = runCli(['flows', 'graph', 'nope']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /no flow "nope"; the flows are [a-z0-9, -]*\btriage\b/);
  const format = runCli(['flows', 'graph', '--format', 'svg']);
  assert.equal(format.status, 2);
  assert.match(format.stderr, /--format must be mermaid or dot/);
});
