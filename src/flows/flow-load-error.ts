/** The flows could not be loaded: every problem, each with file and line where known. */
import type { Diagnostic } from '../engine/diagnostic.ts';

export class FlowLoadError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the flow files`);
  }
}
