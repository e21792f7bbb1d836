/**
 * The one verdict of a session, in one sentence: the findings screen opens and closes with it, the
 * Markdown summary is it and the JSON report carries it, so they never disagree (an error on
 * screen with "no cause found" under it, or a report "complete" while the screen says otherwise).
 * Pure: counts and status in, words out.
 */
import type { EngineState } from '../engine/engine.ts';

export interface VerdictInput {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** The report's status: complete when the session ended with no open question. */
  readonly status: 'complete' | 'partial';
  /** Stopped (Ctrl-C, q before the findings) rather than ended. */
  readonly interrupted: boolean;
  /** Questions still open (answered "don't know" without a way on, or not reached). */
  readonly open: number;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "complete", or why the diagnosis is partial. */
export function statusWords({ status, interrupted, open }: Pick<VerdictInput, 'status' | 'interrupted' | 'open'>): string {
  if (status === 'complete') return 'complete';
  if (interrupted) return `partial, the session was stopped before it ended${open > 0 ? ` with ${count(open, 'open question')}` : ''}`;
  return `partial, ${count(open, 'question')} could not be answered`;
}

/** "Diagnosis: 1 error, 2 warnings, 1 note (complete). Fix the error first." */
export function verdictText(input: VerdictInput): string {
  const counts = `${count(input.errors, 'error')}, ${count(input.warnings, 'warning')}, ${count(input.infos, 'note')}`;
  const next = input.errors > 0 ? `Fix the ${input.errors === 1 ? 'error' : 'errors'} first.`
    : input.status === 'complete' ? 'No error found.' : 'No error found so far.';
  return `Diagnosis: ${counts} (${statusWords(input)}). ${next}`;
}

/** The verdict of a live session as its report would give it (build-report.ts: status, interrupted, open questions). */
export function sessionVerdict(state: Pick<EngineState, 'findings' | 'status' | 'openQuestions'>): VerdictInput {
  const severity = (level: string) => state.findings.filter((finding) => finding.severity === level).length;
  const interrupted = state.status !== 'done';
  const open = state.openQuestions.length + (state.status === 'asking' ? 1 : 0);
  return { errors: severity('error'), warnings: severity('warning'), infos: severity('info'), status: interrupted || open > 0 ? 'partial' : 'complete', interrupted, open };
}

/** The verdict of a built report, from its summary counts, status and open questions. */
export function reportVerdict(report: { readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number }; readonly status: 'complete' | 'partial'; readonly interrupted?: boolean; readonly openQuestions: readonly unknown[] }): string {
  return verdictText({ ...report.summary, status: report.status, interrupted: report.interrupted === true, open: report.openQuestions.length });
}
