/**
 * The data model shared by the flow files, the linter and the engine.
 * Everything here is plain, serialisable data: no functions, no classes.
 */

/** Answer types a question can ask for. Each has one validator (answer-types.ts). */
export type AnswerType =
  | 'choice'
  | 'yes-no'
  | 'ip'
  | 'cidr'
  | 'cidr-list'
  | 'ip-list'
  | 'host-port'
  | 'hostname'
  | 'port'
  | 'number'
  | 'date'
  | 'text';

export const ANSWER_TYPES: readonly AnswerType[] = [
  'choice', 'yes-no', 'ip', 'cidr', 'cidr-list', 'ip-list', 'host-port', 'hostname', 'port', 'number', 'date', 'text',
];

/** A fact's value once known. Lists hold address prefixes, DNS servers and the like. */
export type FactValue = string | number | boolean | readonly string[];

/** Where a fact came from; shown next to every auto-answered question and in the report. */
export type FactSource = 'arm' | 'answer' | 'derived' | 'probe';

/** A fact handed to the engine: known (value set) or known to be unknown (value null, reason set). */
export interface Fact {
  readonly value: FactValue | null;
  readonly source: FactSource;
  /** Human description of the origin, e.g. "gateway gw-hub" or "answers file line 4". */
  readonly detail?: string;
  /** Why the value could not be read (only when value is null), e.g. "ARM 403 Forbidden". */
  readonly reason?: string;
  /** Set on a fact read because of an answer ("target 10.10.2.4:1433"): it goes when that answer changes. */
  readonly follows?: string;
}

export type Facts = Readonly<Record<string, Fact>>;

/** The value of a given answer. `null` is "don't know". host-port answers are objects. */
export type AnswerValue = string | number | boolean | readonly string[] | HostPort | null;

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

// ---------------------------------------------------------------- flow format

export type Severity = 'error' | 'warning' | 'info';
export type StepKind = 'kudu' | 'powershell' | 'az' | 'portal' | 'manual';
export type EndOutcome = 'resolved' | 'not-resolved' | 'pass';

/** A condition over facts and answers (expression.ts evaluates it in three-valued logic). */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | ComparisonCondition;

/** The right side of a comparison: a literal, or `{ fact: key }` for another fact's current value. */
export type Operand<T> = T | FactOperand;
export interface FactOperand {
  readonly fact: string;
}

export interface ComparisonCondition {
  /** A fact key, optionally followed by a field (e.g. `target.host`). */
  readonly fact: string;
  readonly eq?: Operand<FactValue>;
  readonly ne?: Operand<FactValue>;
  readonly in?: readonly (string | number | boolean)[];
  readonly gt?: Operand<number>;
  readonly gte?: Operand<number>;
  readonly lt?: Operand<number>;
  readonly lte?: Operand<number>;
  /** True when the fact is known (false when unknown: never itself unknown). */
  readonly known?: boolean;
  /** Every prefix/address of the fact lies inside RFC 1918 space. */
  readonly rfc1918?: boolean;
  /** The fact (address or prefix list) lies inside one of the prefixes held by this other fact. */
  readonly within?: string;
  /** The list fact contains this value (case-insensitive for strings). */
  readonly contains?: Operand<string>;
  /** The list fact has this many entries or more. */
  readonly countGte?: Operand<number>;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
  readonly next: string;
}

export interface QuestionNode {
  readonly kind: 'question';
  readonly text: string;
  readonly help?: string;
  readonly answer: AnswerType;
  /** The fact that answers this question; the answer is also recorded as this fact. */
  readonly fact?: string;
  readonly options?: readonly ChoiceOption[];
  /** yes-no transitions. */
  readonly yes?: string;
  readonly no?: string;
  /** Transition for free-form answer types. */
  readonly next?: string;
  /** Where "don't know" leads; without it, "don't know" ends the flow as an open question. */
  readonly unknown?: string;
}

export interface CheckNode {
  readonly kind: 'check';
  readonly text?: string;
  readonly when: Condition;
  readonly then: string;
  readonly else: string;
  /** Where an undecidable condition leads (default: `else`). */
  readonly unknown?: string;
}

export interface Step {
  readonly kind: StepKind;
  /** What to do, in words (templated). */
  readonly text: string;
  /** The copy-ready command or portal path (templated). */
  readonly command?: string;
}

export interface FindingNode {
  readonly kind: 'finding';
  readonly finding: string;
  readonly severity: Severity;
  readonly title: string;
  readonly explanation: string;
  readonly steps: readonly Step[];
  /** Continue here after recording the finding; without it the flow ends on the finding. */
  readonly next?: string;
}

export interface GotoNode {
  readonly kind: 'goto';
  readonly flow: string;
  /** Return here when the called flow ends with outcome `pass`; without it the session continues there for good. */
  readonly then?: string;
}

export interface EndNode {
  readonly kind: 'end';
  readonly outcome: EndOutcome;
  readonly text?: string;
}

export type FlowNode = QuestionNode | CheckNode | FindingNode | GotoNode | EndNode;

export interface Flow {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly entry: string;
  readonly nodes: Readonly<Record<string, FlowNode>>;
}

/** A fact key the flows may read (flows/catalog/facts.yaml). */
export interface FactDefinition {
  readonly type: 'yes-no' | 'choice' | 'ip' | 'cidr' | 'cidr-list' | 'hostname' | 'port' | 'number' | 'text' | 'text-list' | 'date';
  /** What to write in a step when the value is unknown, e.g. "database host". */
  readonly label: string;
  readonly values?: readonly string[];
  readonly description?: string;
  /** Who normally provides it: arm, derived, answer or session. */
  readonly source?: string;
  /** A derived yes-no fact written in the catalogue: true or false as this condition is (unknown when it is). */
  readonly when?: Condition;
}

/** A finding id reports and scripts depend on (flows/catalog/findings.yaml). */
export interface FindingDefinition {
  readonly title: string;
  readonly severity: Severity;
}

/** Everything the engine needs: the flows plus both catalogues. */
export interface FlowSet {
  readonly flows: Readonly<Record<string, Flow>>;
  readonly entry: string;
  readonly facts: Readonly<Record<string, FactDefinition>>;
  readonly findings: Readonly<Record<string, FindingDefinition>>;
}
