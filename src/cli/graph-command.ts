/**
 * `vnet-doctor flows graph [flow] [--format mermaid|dot] [--flows DIR]`: a diagram of the
 * decision trees, generated from the same flow files the sessions run.
 */
import { formatDiagnostics } from '../engine/diagnostic.ts';
import { buildFlowSet, buildFlowSetFromParsed } from '../engine/load.ts';
import { readFlowFiles } from '../flows/flow-dir.ts';
import { shippedFlowFiles, shippedFlowOrigin } from '../flows/shipped-flow-files.ts';
import { buildFlowGraph } from '../graph/flow-graph.ts';
import { renderDot } from '../graph/render-dot.ts';
import { renderMermaid } from '../graph/render-mermaid.ts';
import { safeText } from '../text/safe-text.ts';
import type { CliOptions } from './args.ts';
import { EXIT_OK, EXIT_USAGE } from '../errors.ts';
import type { Output } from './output.ts';

export function graphCommand(args: readonly string[], options: CliOptions, out: Output): number {
  const dir = options.flows;
  let built: ReturnType<typeof buildFlowSetFromParsed>;
  try {
    built = dir === undefined ? buildFlowSetFromParsed(shippedFlowFiles()) : buildFlowSet(readFlowFiles(dir));
  } catch (error) {
    out.error(safeText(`vnet-doctor: cannot read flows from ${dir ?? shippedFlowOrigin()}: ${(error as Error).message}`));
    return EXIT_USAGE;
  }
  if (!built.flowSet) {
    for (const line of formatDiagnostics(built.diagnostics)) out.error(safeText(line));
    return EXIT_USAGE;
  }
  const flow = args[0];
  if (flow !== undefined && !Object.hasOwn(built.flowSet.flows, flow)) {
    out.error(safeText(`vnet-doctor: no flow "${flow}"; the flows are ${Object.keys(built.flowSet.flows).join(', ')}`));
    return EXIT_USAGE;
  }
  const graph = buildFlowGraph(built.flowSet, flow);
  out.print(options.format === 'dot' ? renderDot(graph) : renderMermaid(graph));
  return EXIT_OK;
}
