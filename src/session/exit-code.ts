/**
 * The one exit-code rule, shared by the wizard and `check` (documented in --help and the README):
 *
 *   0    the session ended (finished, or quit with q) with no finding of severity error
 *   1    at least one finding of severity error
 *   2    usage error, or the session could not run (bad flags or input, no Azure access, unknown target)
 *   130  stopped by Ctrl-C or SIGTERM before the findings (129 when the terminal hung up)
 *
 * `q` is a normal quit. Ctrl-C on the findings screen interrupts nothing (the session is complete),
 * so it gets the findings' code like `q`.
 */
import { EXIT_FINDINGS, EXIT_HANGUP, EXIT_INTERRUPTED, EXIT_OK } from '../errors.ts';

/** How a session ended: on its own or by `q` (normal), or stopped by a key or a signal. */
export type SessionEnd = 'normal' | 'interrupted' | 'hangup';

export interface Ending {
  readonly end: SessionEnd;
  /** The session had reached its findings when it ended. */
  readonly complete: boolean;
  readonly findings: readonly { readonly severity: string }[];
}

export function exitCodeFor({ end, complete, findings }: Ending): number {
  if (end !== 'normal' && !complete) return end === 'hangup' ? EXIT_HANGUP : EXIT_INTERRUPTED;
  return findings.some((finding) => finding.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Which ending a process signal means. */
export function endForSignal(signal: NodeJS.Signals): SessionEnd {
  return signal === 'SIGHUP' ? 'hangup' : 'interrupted';
}
