/**
 * The flow file format, defined once as data: node kinds and their fields, the value each field
 * takes, the condition operators and the enumerations. The TypeScript types (types.ts), the
 * loader's structural checks (validate-flow.ts) and the JSON Schema editors read
 * (schema/flow.schema.json, written by flow-schema.ts: `npm run schema`) all come from here, so
 * a field added here is typed, checked and offered by editors at once.
 */

export const ANSWER_TYPES = ['choice', 'yes-no', 'ip', 'cidr', 'cidr-list', 'ip-list', 'host-port', 'hostname', 'port', 'number', 'date', 'text', 'error-text'] as const;
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const STEP_KINDS = ['kudu', 'powershell', 'az', 'portal', 'manual'] as const;
export const END_OUTCOMES = ['resolved', 'not-resolved', 'pass'] as const;
export const FACT_TYPES = ['yes-no', 'choice', 'ip', 'cidr', 'cidr-list', 'hostname', 'port', 'number', 'text', 'text-list', 'date'] as const;
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * What a field holds. `string` is any text, `text` a non-empty one, `id` a node, flow or finding
 * id; the rest are the enumerations above and the structures below.
 */
export type ValueKind = 'string' | 'text' | 'id' | 'answer' | 'severity' | 'outcome' | 'step-kind' | 'condition' | 'options' | 'steps';

export interface FieldSpec {
  readonly value: ValueKind;
  readonly required?: true;
  readonly description?: string;
}

/** Every node kind with its fields (besides `kind`). Transition keys are followed by transitions.ts. */
export const NODE_FIELDS = {
  question: {
    text: { value: 'text', required: true, description: 'The question; may hold {{fact.key}} placeholders.' },
    help: { value: 'string' },
    answer: { value: 'answer', required: true },
    fact: { value: 'string', description: 'Fact key that answers this question automatically when known; the answer is recorded as this fact.' },
    options: { value: 'options', description: 'The choices of a choice question.' },
    yes: { value: 'id' },
    no: { value: 'id' },
    next: { value: 'id', description: 'Where a free-form answer leads.' },
    unknown: { value: 'id', description: 'Where "don\'t know" leads.' },
  },
  check: {
    text: { value: 'string' },
    when: { value: 'condition', required: true },
    then: { value: 'id', required: true },
    else: { value: 'id', required: true },
    unknown: { value: 'id', description: 'Where an undecidable condition leads (default: else).' },
  },
  finding: {
    finding: { value: 'id', required: true, description: 'An id from flows/catalog/findings.yaml, which gives its severity and title.' },
    title: { value: 'text', description: "This occurrence's headline, with {{fact.key}} placeholders (default: the catalogue's title)." },
    explanation: { value: 'text', required: true },
    steps: { value: 'steps', required: true },
    next: { value: 'id' },
  },
  goto: {
    flow: { value: 'id', required: true },
    then: { value: 'id', description: 'Return here when the called flow ends with outcome pass.' },
  },
  end: {
    outcome: { value: 'outcome', required: true },
    text: { value: 'string' },
  },
} as const satisfies Record<string, Record<string, FieldSpec>>;

export const NODE_KINDS = Object.keys(NODE_FIELDS) as (keyof typeof NODE_FIELDS)[];

/** A choice option and a finding's step. */
export const OPTION_FIELDS = {
  value: { value: 'string', required: true },
  label: { value: 'string', required: true },
  next: { value: 'id', required: true },
} as const satisfies Record<string, FieldSpec>;

export const STEP_FIELDS = {
  kind: { value: 'step-kind', required: true },
  text: { value: 'text', required: true },
  command: { value: 'string', description: 'Copy-ready command or portal path; may hold {{fact.key}} placeholders.' },
} as const satisfies Record<string, FieldSpec>;

/** The top of a flow file. */
export const FLOW_FIELDS = {
  id: { value: 'id', required: true, description: 'Must equal the file name without .yaml.' },
  title: { value: 'text', required: true },
  summary: { value: 'text', required: true },
  entry: { value: 'id', required: true, description: 'The node a session enters the flow at.' },
} as const satisfies Record<string, FieldSpec>;

/**
 * What each comparison operator takes on its right. `-or-fact` operands may instead name another
 * fact (`{ fact: key }`), compared by its current value.
 */
export type OperandKind = 'scalar-or-fact' | 'number-or-fact' | 'text-or-fact' | 'list-or-fact' | 'scalar-list' | 'boolean' | 'fact-key' | 'pattern';

export const COMPARISONS = {
  eq: 'scalar-or-fact',
  ne: 'scalar-or-fact',
  in: 'scalar-list',
  gt: 'number-or-fact',
  gte: 'number-or-fact',
  lt: 'number-or-fact',
  lte: 'number-or-fact',
  known: 'boolean',
  rfc1918: 'boolean',
  within: 'fact-key',
  contains: 'text-or-fact',
  countGte: 'number-or-fact',
  matches: 'pattern',
  sameItems: 'list-or-fact',
} as const satisfies Record<string, OperandKind>;

export const COMPARISON_OPERATORS = Object.keys(COMPARISONS) as (keyof typeof COMPARISONS)[];

// ------------------------------------------------------------------ the catalogues

/** Who normally provides a fact (`source:` in flows/catalog/facts.yaml). */
export const FACT_SOURCES = ['arm', 'derived', 'answer', 'session', 'probe', 'constant'] as const;

/** What a catalogue field holds (besides the flow file's value kinds). */
export type CatalogueValueKind =
  | 'string' | 'text' | 'severity' | 'fact-type' | 'fact-source' | 'string-list'
  | 'condition' | 'fact-keys' | 'template' | 'fact-key' | 'factors' | 'lookup' | 'cases' | 'replace' | 'unused-name' | 'take' | 'except' | 'append';

export interface CatalogueFieldSpec {
  readonly value: CatalogueValueKind;
  readonly required?: true;
  readonly description?: string;
}

/** A fact of the fact catalogue, besides how it is derived. */
export const FACT_FIELDS = {
  type: { value: 'fact-type', required: true },
  label: { value: 'text', required: true, description: 'What a step shows while the value is unknown: <label>.' },
  values: { value: 'string-list', description: 'The values of a choice fact.' },
  description: { value: 'string' },
  source: { value: 'fact-source', description: 'Who normally provides the fact.' },
} as const satisfies Record<string, CatalogueFieldSpec>;

/**
 * The ways a catalogue entry derives its fact from other facts (an entry has at most one; its
 * source is `derived`). Each is evaluated by the engine (src/engine/derive.ts) from the facts it
 * names, in three-valued logic: unknown while what it needs is. `type` is the fact type a form
 * gives, when it gives one.
 */
export const DERIVED_FORMS = {
  when: { value: 'condition', type: 'yes-no', description: 'True or false as this condition is (as in a check node).' },
  first: { value: 'fact-keys', description: 'The value of the first of these facts that is known.' },
  text: { value: 'template', type: 'text', description: 'This template, once every fact it names is known.' },
  count: { value: 'fact-key', type: 'number', description: 'How many items this list fact holds (a single value counts one).' },
  product: { value: 'factors', type: 'number', description: 'The product of these numbers and number facts.' },
  map: { value: 'lookup', description: 'The entry of `to` for this fact\'s value (unknown when there is none).' },
  cases: { value: 'cases', description: 'The `value` of the first case whose `when` is true (unknown when none is).' },
  replace: { value: 'replace', type: 'text', description: 'The text fact with every match of `pattern` replaced by `with`, then lower-cased when `lower` is true.' },
  unusedName: { value: 'unused-name', type: 'text', description: 'The `base` name, else base-2, base-3, ..., that the list fact `taken` does not hold (case-insensitive).' },
  take: { value: 'take', description: 'The first `count` items of the list fact `fact`.' },
  except: { value: 'except', description: 'The items of the list fact `fact` (in its order) that the fact `remove` does not hold.' },
  append: { value: 'append', description: 'The list fact `fact` with the value of `item` at its end, unless the list holds it already.' },
} as const satisfies Record<string, CatalogueFieldSpec & { readonly type?: (typeof FACT_TYPES)[number] }>;

export type DerivedForm = keyof typeof DERIVED_FORMS;
export const DERIVED_FORM_NAMES = Object.keys(DERIVED_FORMS) as DerivedForm[];

/** A finding of the finding catalogue (flows/catalog/findings.yaml). */
export const FINDING_FIELDS = {
  severity: { value: 'severity', required: true },
  title: { value: 'text', required: true, description: 'The default headline; a finding node may give its own.' },
} as const satisfies Record<string, CatalogueFieldSpec>;

/**
 * Regular expressions in `matches` and `replace` stay cheap on any input: at most this many
 * characters of pattern, and values longer than MAX_MATCHED_TEXT are not matched (unknown).
 */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_MATCHED_TEXT = 1_000;
