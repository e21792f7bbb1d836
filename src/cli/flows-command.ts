/**
 * `vnet-doctor flows lint|test|list|questions [dir]`: tools for people who write flows or answers
 * files; `flows test` runs the flow test cases (flows-test.ts). Without a directory they check the shipped flows (built into the bundle, flows/ in a
 * checkout); with one they read its YAML files.
 */
import { formatDiagnostics } from '../engine/diagnostic.ts';
import { policyDiagnostics } from '../engine/policy.ts';
import { buildFlowSet, buildFlowSetFromParsed } from '../engine/load.ts';
import { questionId } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import { readFlowFiles } from '../flows/flow-dir.ts';
import { shippedFlowFiles, shippedFlowOrigin } from '../flows/shipped-flow-files.ts';
import { EXIT_OK, EXIT_USAGE } from '../errors.ts';
import type { Output } from './output.ts';
import { terminalLine } from '../text/terminal-line.ts';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { createEngine } from '../engine/engine.ts';
import { DERIVATIONS } from '../facts/derived.ts';
import { shippedFlowDir } from '../flows/flow-dir.ts';
import { readFlowCases, runFlowCase } from './flows-test.ts';
import { EXIT_FINDINGS } from '../errors.ts';

export function flowsCommand(args: readonly string[], out: Output): number {
  const [sub, dir] = args;
  let built: ReturnType<typeof buildFlowSetFromParsed>;
  try {
    built = dir === undefined ? buildFlowSetFromParsed(shippedFlowFiles()) : buildFlowSet(readFlowFiles(dir));
  } catch (error) {
    out.error(terminalLine(`vnet-doctor: cannot read flows from ${dir ?? shippedFlowOrigin()}: ${readProblem(error)}`));
    return EXIT_USAGE;
  }
  if (sub === 'lint') {
    // Loading checks first; the standards of policy.ts only once the flows load.
    const problems = built.flowSet && built.sources ? policyDiagnostics(built.sources.flows, built.flowSet, built.sources.findings) : built.diagnostics;
    if (!built.flowSet || problems.length > 0) {
      for (const line of formatDiagnostics(problems)) out.error(terminalLine(line));
      out.error(`${problems.length} problem(s) found.`);
      return EXIT_USAGE;
    }
    const count = Object.keys(built.flowSet.flows).length;
    const nodes = Object.values(built.flowSet.flows).reduce((sum, flow) => sum + Object.keys(flow.nodes).length, 0);
    out.print(`${count} flows, ${nodes} nodes: no problems found.`);
    return EXIT_OK;
  }
  if (!built.flowSet) {
    for (const line of formatDiagnostics(built.diagnostics)) out.error(terminalLine(line));
    return EXIT_USAGE;
  }
  if (sub === 'list') {
    out.print(listFlows(built.flowSet));
    return EXIT_OK;
  }
  if (sub === 'questions') {
    out.print(listQuestions(built.flowSet));
    return EXIT_OK;
  }
  if (sub === 'test') return testFlows(built.flowSet, dir, out);
  out.error(`unknown flows command "${sub ?? ''}": use "flows lint [dir]", "flows test [dir]", "flows list" or "flows questions"`);
  return EXIT_USAGE;
}

export function listFlows(set: FlowSet): string {
  const flows = Object.values(set.flows);
  const width = Math.max(...flows.map((flow) => terminalLine(flow.id).length));
  return flows
    .map((flow) => `${terminalLine(flow.id).padEnd(width)}  ${terminalLine(flow.title)}${flow.id === set.entry ? ' (entry)' : ''}\n${' '.repeat(width + 2)}${terminalLine(flow.summary)}`)
    .join('\n');
}

/** Every question id with its answer type, accepted values and the fact that can answer it. */
export function listQuestions(set: FlowSet): string {
  const lines: string[] = ['# question id | answer type | values | fact key', ''];
  for (const flow of Object.values(set.flows)) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.kind !== 'question') continue;
      const values = node.answer === 'choice' ? node.options!.map((option) => option.value).join(', ') : node.answer === 'yes-no' ? 'yes, no' : '';
      lines.push(terminalLine(`${questionId(flow.id, id)} | ${node.answer} | ${values} | ${node.fact ?? ''}`));
      lines.push(`    ${terminalLine(node.text.replace(/\s+/g, ' '))}`);
    }
  }
  return lines.join('\n');
}

/** `flows test [dir]`: every case of the *.test.yaml files; exit 0 when all pass, 1 when one fails, 2 when a file is broken. */
function testFlows(flowSet: FlowSet, dir: string | undefined, out: Output): number {
  const folder = dir ?? shippedFlowDir();
  if (!existsSync(folder)) {
    out.error(terminalLine(`vnet-doctor: no flow tests at ${folder}: the installed package ships none; pass the flow directory that holds the *.test.yaml files`));
    return EXIT_USAGE;
  }
  const engine = createEngine(flowSet, DERIVATIONS);
  let read: ReturnType<typeof readFlowCases>;
  try {
    read = readFlowCases(folder, engine, (path) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path)));
  } catch (error) {
    out.error(terminalLine(`vnet-doctor: cannot read flow tests from ${folder}: ${readProblem(error)}`));
    return EXIT_USAGE;
  }
  if (read.diagnostics.length > 0) {
    for (const line of formatDiagnostics(read.diagnostics)) out.error(terminalLine(line));
    out.error(`${read.diagnostics.length} problem(s) in the flow tests; no case was run.`);
    return EXIT_USAGE;
  }
  if (read.cases.length === 0) {
    out.error(terminalLine(`vnet-doctor: no *.test.yaml files in ${folder}`));
    return EXIT_USAGE;
  }
  let failed = 0;
  for (const result of read.cases.map((flowCase) => runFlowCase(engine, flowCase))) {
    const where = `${result.flowCase.file}${result.flowCase.line === undefined ? '' : `:${result.flowCase.line}`}`;
    if (result.problems.length === 0) {
      out.print(terminalLine(`ok    ${result.flowCase.name}`));
      continue;
    }
    failed += 1;
    out.print(terminalLine(`FAIL  ${result.flowCase.name} (${where})`));
    for (const problem of result.problems) out.print(terminalLine(`      ${problem}`));
  }
  out.print(`${read.cases.length - failed} of ${read.cases.length} flow test case(s) pass.`);
  return failed === 0 ? EXIT_OK : EXIT_FINDINGS;
}

/** A file-system error in plain words (Node's text repeats the path and the system call). */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ENOTDIR') return 'not a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
