/**
 * The findings report: one data model, exported as Markdown and JSON (report/*.ts), produced by
 * the wizard and by `check`. The JSON form is versioned: bump REPORT_SCHEMA_VERSION on any
 * incompatible change and describe it in schema/report.schema.json.
 */
import type { AnswerValue, FactSource, FactValue, Severity, StepKind } from '../engine/types.ts';
import type { ReportError, ReportTarget } from '../facts/read-outcome.ts';

export const REPORT_SCHEMA_VERSION = 1;

// The facts layer describes its target and its failed reads; the report carries them as they are.
export type { ReportError, ReportTarget } from '../facts/read-outcome.ts';

export interface ReportStep {
  readonly kind: StepKind;
  readonly text: string;
  readonly command?: string;
  /** Set when the command is a template: what the reader must fill in before running it. */
  readonly blanks?: readonly string[];
}

export interface ReportFinding {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly explanation: string;
  readonly steps: readonly ReportStep[];
  readonly flow: string;
}

export interface ReportFact {
  readonly key: string;
  readonly value: FactValue;
  readonly source: FactSource;
  readonly detail?: string;
  /** The value before the user overrode it (e.g. what ARM said). */
  readonly overridden?: { readonly value: FactValue; readonly source: FactSource; readonly detail?: string };
}


export interface ReportPathEntry {
  readonly flow: string;
  readonly question: string;
  readonly text: string;
  /** null = "don't know". */
  readonly answer: AnswerValue;
  /** For a choice question: the label of the option chosen, as the engineer saw it. */
  readonly answerLabel?: string;
  /** Set when the answer came from a fact or an answers file, not from the user. */
  readonly auto?: { readonly source: FactSource; readonly detail?: string; readonly fact?: string };
}

export interface ReportOpenQuestion {
  readonly question: string;
  readonly text: string;
  readonly flow: string;
}

export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'vnet-doctor'; readonly version: string };
  readonly generatedAt: string;
  readonly target: ReportTarget;
  /** complete: every walked flow ended; partial: the session was interrupted or questions are open. */
  readonly status: 'complete' | 'partial';
  /** The user stopped the session before it ended (always set by buildReport). */
  readonly interrupted?: boolean;
  /** `verdict`: the session's one verdict sentence (verdict.ts), as the findings screen words it. */
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number; readonly flows: readonly string[]; readonly verdict?: string };
  readonly findings: readonly ReportFinding[];
  readonly facts: readonly ReportFact[];
  readonly path: readonly ReportPathEntry[];
  readonly openQuestions: readonly ReportOpenQuestion[];
  /** Questions the user answered "don't know". */
  readonly unknowns: readonly ReportOpenQuestion[];
  readonly errors: readonly ReportError[];
  /** `asOf`: the session's date the days are counted from (a demo's is the day its scenario is set on). */
  readonly retirement?: { readonly date: string; readonly daysLeft: number; readonly asOf?: string };
  readonly redacted: boolean;
}
