/**
 * The engine's session state and what it is made of: plain, serialisable data that the UI,
 * the report and the session store read. engine.ts computes it; nothing else writes it. The
 * flow set and the derivations are the engine's (createEngine), never part of a state.
 */
import type { AnswerValue, EndOutcome, FactSource, FactValue, Facts, FlowNode, Severity, StepKind } from './types.ts';
import type { Lookup } from './expression.ts';

/**
 * A pure function that computes a fact from others (e.g. "the VNet's first free /26"), with the
 * facts it reads: the engine lets it read those only.
 */
export interface Derivation {
  readonly inputs: readonly string[];
  readonly compute: (lookup: Lookup) => FactValue | undefined;
}
export type Derivations = Readonly<Record<string, Derivation>>;

export interface EngineOptions {
  /** Flow to start in (default: the flow set's entry flow). */
  readonly flow?: string;
  /** Where each preset answer came from (e.g. "answers file line 4"), shown as its provenance. */
  readonly presetAnswerDetails?: Readonly<Record<string, string>>;
  /** Runtime guard against loops the linter missed: automatic steps allowed between two questions. */
  readonly maxAutoSteps?: number;
}

/** What the user did: answered the pending question, or chose to answer a known fact themselves. */
export type Input =
  | { readonly type: 'answer'; readonly question: string; readonly value: AnswerValue }
  | { readonly type: 'override'; readonly fact: string };

export interface AutoAnswer {
  readonly fact?: string;
  readonly source: FactSource;
  readonly detail?: string;
}

export interface PathEntry {
  readonly flow: string;
  readonly node: string;
  readonly kind: FlowNode['kind'];
  /** Question id (`flow/node`) and its rendered text, for question entries. */
  readonly question?: string;
  readonly text?: string;
  readonly answer?: AnswerValue;
  /** For a choice question: the label of the option chosen, as shown (the answer keeps the option's id). */
  readonly answerLabel?: string;
  /** Set when the answer came from a fact or a preset answer instead of the user. */
  readonly auto?: AutoAnswer;
  /** Check result, for check entries. */
  readonly result?: 'true' | 'false' | 'unknown';
}

export interface RenderedStep {
  readonly kind: StepKind;
  readonly text: string;
  readonly command?: string;
  /** What the reader must fill in (render-step.ts): set only when the command is a template, not copy-ready. */
  readonly blanks?: readonly string[];
}

export interface FindingInstance {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly explanation: string;
  readonly steps: readonly RenderedStep[];
  readonly flow: string;
  readonly node: string;
}

export interface OpenQuestion {
  readonly question: string;
  readonly text: string;
  readonly flow: string;
}

export interface Outcome {
  readonly kind: EndOutcome | 'finding' | 'open-question';
  readonly flow: string;
  readonly node: string;
  readonly text?: string;
}

export interface Position {
  readonly flow: string;
  readonly node: string;
}

export interface EngineState {
  readonly options: EngineOptions;
  readonly facts: Facts;
  readonly presetAnswers: Readonly<Record<string, AnswerValue>>;
  readonly inputs: readonly Input[];
  /** Values the user gave for fact-backed questions (they win over ARM and derived values). */
  readonly answerFacts: Readonly<Record<string, { readonly value: FactValue; readonly question: string }>>;
  readonly overrides: readonly string[];
  readonly path: readonly PathEntry[];
  readonly findings: readonly FindingInstance[];
  readonly openQuestions: readonly OpenQuestion[];
  /** Fact keys the session read, in first-read order. */
  readonly factsUsed: readonly string[];
  readonly stack: readonly Position[];
  /** The question awaiting an answer, when status is `asking`. */
  readonly current?: Position;
  readonly status: 'asking' | 'done';
  readonly outcome?: Outcome;
}
