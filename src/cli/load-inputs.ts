/**
 * What the wizard and `check` both read before anything else: the flows (shipped, or --flows
 * DIR), the --flow choice and the answers file. Problems are printed with file and line and
 * come back as exit code 2, so a typo costs no Azure call.
 */
import { formatDiagnostics } from '../engine/diagnostic.ts';
import type { FlowSet } from '../engine/types.ts';
import { FlowLoadError, loadFlowDir } from '../flows/flow-dir.ts';
import { loadShippedFlows } from '../flows/shipped-flows.ts';
import { AnswersFileError, readAnswersFile, type Answers } from '../answers/answers-file.ts';
import { UsageError, type CliOptions } from './args.ts';
import { EXIT_USAGE } from '../errors.ts';

export interface Inputs {
  readonly flowSet: FlowSet;
  readonly answers: Answers;
}

const NO_ANSWERS: Answers = { facts: {}, answers: {}, answerDetails: {} };

export async function loadInputs(options: CliOptions, warn: (text: string) => void): Promise<Inputs | number> {
  let flowSet: FlowSet;
  try {
    // The bundle's shipped flows come pre-parsed: only --flows DIR runs the YAML parser.
    flowSet = options.flows === undefined ? loadShippedFlows() : loadFlowDir(options.flows);
  } catch (error) {
    if (!(error instanceof FlowLoadError)) throw error;
    for (const line of formatDiagnostics(error.diagnostics)) warn(line);
    warn(`vnet-doctor: ${error.message}; run "vnet-doctor flows lint" for details`);
    return EXIT_USAGE;
  }
  if (options.flow !== undefined && !Object.hasOwn(flowSet.flows, options.flow)) {
    throw new UsageError(`unknown flow "${options.flow}"; the flows are: ${Object.keys(flowSet.flows).join(', ')}`);
  }
  if (options.answers === undefined) return { flowSet, answers: NO_ANSWERS };
  try {
    return { flowSet, answers: readAnswersFile(options.answers, flowSet) };
  } catch (error) {
    if (!(error instanceof AnswersFileError)) throw error;
    for (const line of formatDiagnostics(error.diagnostics)) warn(line);
    warn(`vnet-doctor: ${error.message}`);
    return EXIT_USAGE;
  }
}
