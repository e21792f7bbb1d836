/**
 * The flow set every session uses unless --flows names a directory: the shipped flows,
 * validated and linted on every start (a broken flow never reaches a user's session).
 */
import { buildFlowSetFromParsed } from '../engine/build-flow-set.ts';
import type { FlowSet } from '../engine/types.ts';
import { FlowLoadError } from './flow-load-error.ts';
import { shippedFlowFiles, shippedFlowOrigin } from './shipped-flow-files.ts';

export function loadShippedFlows(): FlowSet {
  let files;
  try {
    files = shippedFlowFiles();
  } catch (error) {
    throw new FlowLoadError([{ file: shippedFlowOrigin(), message: `cannot read the flow directory: ${(error as Error).message}` }]);
  }
  const { flowSet, diagnostics } = buildFlowSetFromParsed(files);
  if (!flowSet) throw new FlowLoadError(diagnostics);
  return flowSet;
}
