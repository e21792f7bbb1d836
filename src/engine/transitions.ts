/**
 * The one transition map of the flow language: for every node kind, the keys that lead on
 * (`options[].next`, `yes`, `no`, `next`, `unknown`, `then`, `else`), the words a graph labels
 * each with, and which event follows it. The engine follows it, the linter checks its targets and
 * finds loops with it, the graph draws it; a new transition is added here and nowhere else.
 */
import type { AnswerValue, FlowNode } from './types.ts';

/** What happened at a node, deciding which transition is taken. */
export type NodeEvent =
  /** A question was answered (`null`: "don't know"). */
  | { readonly kind: 'answered'; readonly value: AnswerValue }
  /** A check's condition came out true, false or unknown (undefined). */
  | { readonly kind: 'decided'; readonly truth: boolean | undefined }
  /** A finding was recorded. */
  | { readonly kind: 'recorded' }
  /** The flow a goto called ended with outcome `pass`. */
  | { readonly kind: 'returned' };

/**
 * How a transition answers an event: `taken` when the event picks it, `fallback` when it is
 * taken only if no transition is `taken` (a check's `else` for an unknown condition without
 * `unknown`; a free-form question's `next` for "don't know"), `no` otherwise.
 */
type Match = 'taken' | 'fallback' | 'no';

/** One transition leaving a node. */
export interface Transition {
  /** The key as written in a flow file, e.g. `yes` or `options.vpn.next` (for diagnostics). */
  readonly field: string;
  readonly target: string;
  /** Words a graph writes on the edge (none for a plain `next`). */
  readonly label?: string;
  readonly match: (event: NodeEvent) => Match;
}

const FREE_FORM_FALLS_BACK = (node: { readonly answer: string }) => node.answer !== 'choice' && node.answer !== 'yes-no';

/** The transition keys of each node kind, in the order diagnostics and graphs list them. */
const MAP: { readonly [K in FlowNode['kind']]: (node: Extract<FlowNode, { kind: K }>) => readonly (Transition | undefined)[] } = {
  question: (node) => [
    ...(node.options ?? []).map((option) => ({
      field: `options.${option.value}.next`, target: option.next, label: option.value,
      match: (event: NodeEvent): Match => (event.kind === 'answered' && event.value === option.value ? 'taken' : 'no'),
    })),
    node.yes === undefined ? undefined : { field: 'yes', target: node.yes, label: 'yes', match: (event) => (event.kind === 'answered' && event.value === true ? 'taken' : 'no') },
    node.no === undefined ? undefined : { field: 'no', target: node.no, label: 'no', match: (event) => (event.kind === 'answered' && event.value === false ? 'taken' : 'no') },
    node.next === undefined ? undefined : {
      field: 'next', target: node.next,
      match: (event) => (event.kind !== 'answered' || !FREE_FORM_FALLS_BACK(node) ? 'no' : event.value === null ? 'fallback' : 'taken'),
    },
    node.unknown === undefined ? undefined : { field: 'unknown', target: node.unknown, label: "don't know", match: (event) => (event.kind === 'answered' && event.value === null ? 'taken' : 'no') },
  ],
  check: (node) => [
    { field: 'then', target: node.then, label: 'true', match: (event) => (event.kind === 'decided' && event.truth === true ? 'taken' : 'no') },
    {
      field: 'else', target: node.else, label: 'false',
      match: (event) => (event.kind !== 'decided' ? 'no' : event.truth === false ? 'taken' : event.truth === undefined ? 'fallback' : 'no'),
    },
    node.unknown === undefined ? undefined : { field: 'unknown', target: node.unknown, label: 'unknown', match: (event) => (event.kind === 'decided' && event.truth === undefined ? 'taken' : 'no') },
  ],
  finding: (node) => [node.next === undefined ? undefined : { field: 'next', target: node.next, match: (event) => (event.kind === 'recorded' ? 'taken' : 'no') }],
  goto: (node) => [node.then === undefined ? undefined : { field: 'then', target: node.then, label: 'pass', match: (event) => (event.kind === 'returned' ? 'taken' : 'no') }],
  end: () => [],
};

/** The transitions leaving a node inside its own flow (a goto's call to another flow is not one). */
export function transitions(node: FlowNode): readonly Transition[] {
  const entries = (MAP[node.kind] as (node: FlowNode) => readonly (Transition | undefined)[])(node);
  return entries.filter((entry): entry is Transition => entry !== undefined);
}

/**
 * The node an event leads to, or undefined when the node ends there: a finding without `next`, a
 * goto without `then`, a choice or yes-no question answered "don't know" without `unknown` (an
 * open question).
 */
export function follow(node: FlowNode, event: NodeEvent): string | undefined {
  const all = transitions(node);
  return (all.find((transition) => transition.match(event) === 'taken') ?? all.find((transition) => transition.match(event) === 'fallback'))?.target;
}
