/**
 * The data model shared by the flow files, the linter and the engine.
 * Everything here is plain, serialisable data: no functions, no classes. The flow file's types
 * come from its one definition, flow-format.ts.
 */
import {
  ANSWER_TYPES, COMPARISONS, DERIVED_FORMS, END_OUTCOMES, FACT_FIELDS, FACT_SOURCES, FACT_TYPES, FINDING_FIELDS, NODE_FIELDS, FLOW_FIELDS, OPTION_FIELDS,
  SEVERITIES, STEP_FIELDS, STEP_KINDS, type CatalogueFieldSpec, type CatalogueValueKind, type FieldSpec,
} from './flow-format.ts';

/** Answer types a question can ask for. Each has one validator (answer-types.ts). */
export type AnswerType = (typeof ANSWER_TYPES)[number];
export { ANSWER_TYPES };

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

export type Severity = (typeof SEVERITIES)[number];
export type StepKind = (typeof STEP_KINDS)[number];
export type EndOutcome = (typeof END_OUTCOMES)[number];

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

/** What each operand kind of flow-format.ts holds. */
interface OperandTypes {
  'scalar-or-fact': Operand<FactValue>;
  'number-or-fact': Operand<number>;
  'text-or-fact': Operand<string>;
  'list-or-fact': Operand<readonly string[]>;
  'scalar-list': readonly (string | number | boolean)[];
  boolean: boolean;
  'fact-key': string;
  pattern: string;
}

/** `{ fact: key, <one operator>: operand }`: the operators and operands of flow-format.ts. */
export type ComparisonCondition = { readonly fact: string } & { readonly [Op in keyof typeof COMPARISONS]?: OperandTypes[(typeof COMPARISONS)[Op]] };

/** What each value kind of flow-format.ts holds. */
interface ValueTypes {
  string: string;
  text: string;
  id: string;
  answer: AnswerType;
  severity: Severity;
  outcome: EndOutcome;
  'step-kind': StepKind;
  condition: Condition;
  options: readonly ChoiceOption[];
  steps: readonly Step[];
}

type Spec = Readonly<Record<string, FieldSpec>>;
type RequiredKeys<F extends Spec> = { [K in keyof F]: F[K] extends { readonly required: true } ? K : never }[keyof F];
/** The object a field table of flow-format.ts describes: required fields required, the rest optional. */
type FieldsOf<F extends Spec> =
  & { readonly [K in RequiredKeys<F>]: ValueTypes[F[K]['value']] }
  & { readonly [K in Exclude<keyof F, RequiredKeys<F>>]?: ValueTypes[F[K]['value']] };

export type ChoiceOption = FieldsOf<typeof OPTION_FIELDS>;
export type Step = FieldsOf<typeof STEP_FIELDS>;

type NodeOf<K extends keyof typeof NODE_FIELDS> = { readonly kind: K } & FieldsOf<(typeof NODE_FIELDS)[K]>;
export type QuestionNode = NodeOf<'question'>;
export type CheckNode = NodeOf<'check'>;
export type FindingNode = NodeOf<'finding'>;
export type GotoNode = NodeOf<'goto'>;
export type EndNode = NodeOf<'end'>;
export type FlowNode = QuestionNode | CheckNode | FindingNode | GotoNode | EndNode;

export type Flow = FieldsOf<typeof FLOW_FIELDS> & { readonly nodes: Readonly<Record<string, FlowNode>> };

/** What each value kind of a catalogue field (flow-format.ts) holds. */
interface CatalogueValueTypes {
  string: string;
  text: string;
  severity: Severity;
  'fact-type': (typeof FACT_TYPES)[number];
  'fact-source': (typeof FACT_SOURCES)[number];
  'string-list': readonly string[];
  condition: Condition;
  'fact-keys': readonly string[];
  template: string;
  'fact-key': string;
  /** Fact keys (texts) and literal numbers. */
  factors: readonly (string | number)[];
  lookup: { readonly fact: string; readonly to: Readonly<Record<string, string | number | boolean>> };
  cases: readonly { readonly when: Condition; readonly value: FactValue | FactOperand }[];
  replace: { readonly fact: string; readonly pattern: string; readonly with: string; readonly lower?: boolean };
  'unused-name': { readonly base: string; readonly taken: string };
  take: { readonly fact: string; readonly count: number };
  except: { readonly fact: string; readonly remove: string };
  append: { readonly fact: string; readonly item: string };
}

type CatalogueSpec = Readonly<Record<string, CatalogueFieldSpec>>;
type CatalogueFieldsOf<F extends CatalogueSpec> =
  & { readonly [K in keyof F as F[K] extends { readonly required: true } ? K : never]: CatalogueValueTypes[F[K]['value'] & CatalogueValueKind] }
  & { readonly [K in keyof F as F[K] extends { readonly required: true } ? never : K]?: CatalogueValueTypes[F[K]['value'] & CatalogueValueKind] };

/**
 * A fact key the flows may read (flows/catalog/facts.yaml): its type, label and source, and at
 * most one derived form (`when`, `first`, `text`, `count`, ...: flow-format.ts DERIVED_FORMS).
 */
export type FactDefinition = CatalogueFieldsOf<typeof FACT_FIELDS> & CatalogueFieldsOf<typeof DERIVED_FORMS>;

/** A finding id reports and scripts depend on (flows/catalog/findings.yaml). */
export type FindingDefinition = CatalogueFieldsOf<typeof FINDING_FIELDS>;

/** Everything the engine needs: the flows plus both catalogues. */
export interface FlowSet {
  readonly flows: Readonly<Record<string, Flow>>;
  readonly entry: string;
  readonly facts: Readonly<Record<string, FactDefinition>>;
  readonly findings: Readonly<Record<string, FindingDefinition>>;
}
