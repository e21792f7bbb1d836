/**
 * The decision-tree engine: pure transition functions over plain data.
 *
 * As in XState, the machine and its snapshots are kept apart: `createEngine(flowSet,
 * derivations)` binds the definition once, and its `start`, `answer`, `back`, `override` and
 * `restart` each take a plain state and return the next one, performing no I/O. The state holds
 * data only (it survives JSON and structuredClone) and keeps the user's inputs; everything else
 * (path, findings, the pending question) follows from replaying those inputs over the flows and
 * facts, which makes `back`, fact overrides and resuming a saved session exact and simple.
 */
import type {
  AnswerValue, Fact, FactSource, FactValue, Facts, FlowSet, QuestionNode,
} from './types.ts';
import { evaluate, conditionKeys, type Lookup } from './expression.ts';
import { render } from './template.ts';
import { deriveFromCatalogue, derivedForm } from './derive.ts';
import { renderSteps } from './render-step.ts';
import { stepForSlot } from './slot-steps.ts';
import { validateAnswerValue } from './answer-types.ts';
import { answerFacts as answerFactsOf, answerReading } from './answer-facts.ts';
import { Chain } from './chain.ts';
import { follow } from './transitions.ts';
import { coreOf, expose, type Core, type StateView } from './state-core.ts';
import type {
  AutoAnswer, Derivations, EngineOptions, EngineState, FindingInstance, Input, PathEntry, Position,
} from './session-types.ts';

export type {
  AutoAnswer, Derivation, Derivations, EngineOptions, EngineState, FindingInstance, Input, OpenQuestion, Outcome, PathEntry, Position, RenderedStep,
} from './session-types.ts';

export class EngineError extends Error {}

const DEFAULT_MAX_AUTO_STEPS = 100_000;
const MAX_CALL_DEPTH = 32;

export const questionId = (flow: string, node: string): string => `${flow}/${node}`;

/** The pending question with its text (and option labels) rendered. */
export interface PendingQuestion {
  readonly id: string;
  readonly flow: string;
  readonly node: QuestionNode;
  readonly text: string;
  readonly help?: string;
}

export interface ResolvedFact {
  readonly value: FactValue;
  readonly source: FactSource;
  readonly detail?: string;
}

/**
 * A flow set and its derivations, bound once. Every function takes a plain state and returns the
 * next one (or reads it); none uses `this`, so they can be passed around on their own.
 */
export interface Engine {
  /** The flows and the derived-fact rules: what a state is read against, never part of it. */
  readonly flowSet: FlowSet;
  readonly derivations: Derivations;
  /** Starts a session at the entry flow (or `options.flow`), auto-answering what facts and preset answers cover. */
  readonly start: (facts?: Facts, presetAnswers?: Readonly<Record<string, AnswerValue>>, options?: EngineOptions) => EngineState;
  /** Answers the pending question (`null` = "don't know"). Throws on an invalid value. */
  readonly answer: (state: EngineState, value: AnswerValue) => EngineState;
  /** Undoes the last input (an answer or an override). At the first question it changes nothing. */
  readonly back: (state: EngineState) => EngineState;
  /** Starts again from the entry with the same facts and preset answers, forgetting every input. */
  readonly restart: (state: EngineState) => EngineState;
  /**
   * Lets the user answer a fact-backed question themselves instead of taking the known value:
   * the session rewinds to where that fact was used and asks. The original fact stays in the
   * state, so a report can show both values.
   */
  readonly override: (state: EngineState, fact: string) => EngineState;
  /** Rebuilds a session from its inputs (used by back, override and resume). Inputs that no longer fit are dropped. */
  readonly replay: (state: EngineState, inputs: readonly Input[]) => EngineState;
  /** The pending question with its text rendered, or undefined when the session has ended. */
  readonly currentQuestion: (state: StateView) => PendingQuestion | undefined;
  /** The current value of a fact, with where it came from; undefined when unknown. */
  readonly resolveFact: (state: StateView, key: string) => ResolvedFact | undefined;
}

type Definition = Pick<Engine, 'flowSet' | 'derivations'>;

/** The engine for a flow set: made once (per command or session), used for every state of it. */
export function createEngine(flowSet: FlowSet, derivations: Derivations = {}): Engine {
  const def: Definition = { flowSet, derivations };
  return Object.freeze({
    flowSet,
    derivations,
    start: (facts: Facts = {}, presetAnswers: Readonly<Record<string, AnswerValue>> = {}, options: EngineOptions = {}) =>
      expose(begin(def, facts, presetAnswers, options, [])),
    answer: (state: EngineState, value: AnswerValue) => expose(answerCore(def, coreOf(state), value)),
    back: (state: EngineState) => (state.inputs.length === 0 ? state : replay(def, state, state.inputs.slice(0, -1))),
    restart: (state: EngineState) => expose(begin(def, state.facts, state.presetAnswers, state.options, [])),
    override: (state: EngineState, fact: string) => override(def, state, fact),
    replay: (state: EngineState, inputs: readonly Input[]) => replay(def, state, inputs),
    currentQuestion: (state: StateView) => currentQuestion(def, state),
    resolveFact: (state: StateView, key: string) => resolveFact(def, state, key),
  });
}

function begin(
  def: Definition,
  facts: Facts,
  presetAnswers: Readonly<Record<string, AnswerValue>>,
  options: EngineOptions,
  overrides: readonly string[],
): Core {
  const flow = options.flow ?? def.flowSet.entry;
  const target = Object.hasOwn(def.flowSet.flows, flow) ? def.flowSet.flows[flow] : undefined;
  if (!target) throw new EngineError(`unknown flow "${flow}"`);
  const initial: Core = {
    options, facts, presetAnswers, inputs: Chain.empty(), answerFacts: {}, overrides,
    path: Chain.empty(), findings: [], openQuestions: [], factsUsed: [], stack: [], status: 'asking',
  };
  return advance(def, initial, { flow, node: target.entry });
}

function answerCore(def: Definition, state: Core, value: AnswerValue): Core {
  const { current } = state;
  if (state.status !== 'asking' || !current) throw new EngineError('the session has ended; there is no question to answer');
  const node = questionNode(def, current);
  const checked = validateAnswerValue(node.answer, value, node.options);
  if (!checked.ok) throw new EngineError(checked.reason);
  const id = questionId(current.flow, current.node);
  const withInput = { ...state, inputs: state.inputs.append({ type: 'answer', question: id, value: checked.value }) };
  return proceed(def, withInput, current, node, checked.value, undefined);
}

function override(def: Definition, state: EngineState, fact: string): EngineState {
  const index = state.path.findIndex((entry) => entry.auto?.fact === fact);
  if (index < 0) throw new EngineError(`no question was answered from the fact "${fact}"`);
  const answersBefore = state.path.slice(0, index).filter((entry) => entry.question !== undefined && !entry.auto).length;
  const kept: Input[] = [];
  let answers = 0;
  for (const input of state.inputs) {
    if (input.type === 'answer') {
      if (answers === answersBefore) break;
      answers += 1;
    }
    kept.push(input);
  }
  return replay(def, state, [...kept, { type: 'override', fact }]);
}

function replay(def: Definition, state: EngineState, inputs: readonly Input[]): EngineState {
  const overrides = [...new Set(inputs.flatMap((input) => (input.type === 'override' ? [input.fact] : [])))];
  let next = begin(def, state.facts, state.presetAnswers, state.options, overrides);
  const applied: Input[] = [];
  for (const input of inputs) {
    if (input.type === 'override') {
      applied.push(input);
      continue;
    }
    if (next.status !== 'asking' || !next.current) break;
    if (questionId(next.current.flow, next.current.node) !== input.question) break;
    try {
      next = answerCore(def, next, input.value);
    } catch (error) {
      // An answer the flows no longer accept ends the replay there; anything else is a bug and must not cut a resumed session short silently.
      if (!(error instanceof EngineError)) throw error;
      break;
    }
    applied.push(input);
  }
  return expose({ ...next, inputs: Chain.from(applied) });
}

function currentQuestion(def: Definition, state: StateView): PendingQuestion | undefined {
  if (state.status !== 'asking' || !state.current) return undefined;
  const node = questionNode(def, state.current);
  const lookup = lookupFor(def, state);
  const catalogue = def.flowSet.facts;
  // Option labels may hold placeholders too (e.g. a timeout in seconds).
  const options = node.options?.map((option) => ({ ...option, label: render(option.label, lookup, catalogue) }));
  return {
    id: questionId(state.current.flow, state.current.node),
    flow: state.current.flow,
    node: options ? { ...node, options } : node,
    text: render(node.text, lookup, catalogue),
    help: node.help === undefined ? undefined : render(node.help, lookup, catalogue),
  };
}

function resolveFact(def: Definition, state: StateView, key: string): ResolvedFact | undefined {
  const given = Object.hasOwn(state.answerFacts, key) ? state.answerFacts[key] : undefined;
  if (given) return { value: given.value, source: 'answer', detail: `answer to ${given.question}` };
  if (!state.overrides.includes(key) && Object.hasOwn(state.facts, key)) {
    const fact: Fact = state.facts[key]!;
    if (fact.value !== null) return { value: fact.value, source: fact.source, detail: fact.detail };
  }
  // A derived fact: written in the fact catalogue (derive.ts), or computed in code (CIDR and date
  // maths) from its declared inputs.
  const entry = Object.hasOwn(def.flowSet.facts, key) ? def.flowSet.facts[key]! : undefined;
  if (entry && derivedForm(entry)) {
    const value = deriveFromCatalogue(entry, lookupFor(def, state), def.flowSet.facts);
    return value === undefined ? undefined : { value, source: 'derived' };
  }
  const derivation = Object.hasOwn(def.derivations, key) ? def.derivations[key] : undefined;
  if (derivation) {
    const lookup = lookupFor(def, state);
    const value = derivation.compute((input) => (derivation.inputs.includes(input) ? lookup(input) : undefined));
    if (value !== undefined) return { value, source: 'derived' };
  }
  return undefined;
}

function lookupFor(def: Definition, state: StateView): Lookup {
  return (key) => resolveFact(def, state, key)?.value;
}

// ------------------------------------------------------------------ internals

function renderOptional(text: string | undefined, lookup: Lookup, flowSet: FlowSet): string | undefined {
  return text === undefined ? undefined : render(text, lookup, flowSet.facts);
}

function questionNode(def: Definition, at: Position): QuestionNode {
  const node = def.flowSet.flows[at.flow]?.nodes[at.node];
  if (!node || node.kind !== 'question') throw new EngineError(`${at.flow}/${at.node} is not a question`);
  return node;
}

/** Records an answer (given or automatic) and moves on to the next question or the end. */
function proceed(def: Definition, state: Core, at: Position, node: QuestionNode, value: AnswerValue, auto: AutoAnswer | undefined): Core {
  const id = questionId(at.flow, at.node);
  const lookup = lookupFor(def, state);
  const option = node.answer === 'choice' && value !== null ? node.options?.find((candidate) => candidate.value === value) : undefined;
  const entry: PathEntry = {
    flow: at.flow, node: at.node, kind: 'question', question: id, text: render(node.text, lookup, def.flowSet.facts), answer: value, auto,
    ...(option ? { answerLabel: render(option.label, lookup, def.flowSet.facts) } : {}),
  };
  let answerFacts = state.answerFacts;
  // A typed answer states its facts; one taken from a known fact or a preset answer only adds what it says beside (answer-facts.ts).
  const recorded = auto ? answerReading(node, value) : answerFactsOf(node, value);
  if (recorded.length > 0) answerFacts = { ...answerFacts, ...Object.fromEntries(recorded.map(([key, fact]) => [key, { value: fact, question: id }])) };
  const next = { ...state, answerFacts, path: state.path.append(entry), current: undefined };
  const target = follow(node, { kind: 'answered', value });
  if (target === undefined) {
    const open = { question: id, text: entry.text!, flow: at.flow };
    return { ...next, status: 'done', openQuestions: [...next.openQuestions, open], outcome: { kind: 'open-question', flow: at.flow, node: at.node } };
  }
  return advance(def, next, { flow: at.flow, node: target });
}

/** What a known fact or a preset answer says about a question, if anything. */
function automaticAnswer(def: Definition, state: StateView, id: string, node: QuestionNode): { value: AnswerValue; auto: AutoAnswer } | undefined {
  if (node.fact && !state.overrides.includes(node.fact)) {
    const known = node.answer === 'host-port' ? hostPortFact(def, state, node.fact) : resolveFact(def, state, node.fact);
    if (known) {
      const checked = validateAnswerValue(node.answer, known.value, node.options);
      if (checked.ok && checked.value !== null) return { value: checked.value, auto: { fact: node.fact, source: known.source, detail: known.detail } };
    }
  }
  if (Object.hasOwn(state.presetAnswers, id)) {
    const value = state.presetAnswers[id]!;
    const checked = validateAnswerValue(node.answer, value, node.options);
    const details = state.options.presetAnswerDetails;
    const detail = details && Object.hasOwn(details, id) ? details[id]! : 'answers file';
    if (checked.ok) return { value: checked.value, auto: { source: 'answer', detail } };
  }
  return undefined;
}

function hostPortFact(def: Definition, state: StateView, key: string) {
  const host = resolveFact(def, state, `${key}.host`);
  const port = resolveFact(def, state, `${key}.port`);
  if (!host || !port) return undefined;
  return { value: `${String(host.value)}:${String(port.value)}`, source: host.source, detail: host.detail };
}

function noteFacts(state: StateView, keys: readonly string[]): readonly string[] {
  const fresh = keys.filter((key) => !state.factsUsed.includes(key));
  return fresh.length === 0 ? state.factsUsed : [...state.factsUsed, ...fresh];
}

/** Runs automatic nodes from `at` until a question needs the user or the session ends. */
function advance(def: Definition, initial: Core, at: Position): Core {
  let state = initial;
  let position = at;
  const limit = state.options.maxAutoSteps ?? DEFAULT_MAX_AUTO_STEPS;
  for (let steps = 0; ; steps += 1) {
    if (steps > limit) throw new EngineError(`stopped after ${limit} automatic steps without a question: ${position.flow}/${position.node} is in a loop`);
    const flow = def.flowSet.flows[position.flow];
    const node = flow?.nodes[position.node];
    if (!flow || !node) throw new EngineError(`${position.flow}/${position.node} does not exist`);
    const lookup = lookupFor(def, state);
    switch (node.kind) {
      case 'question': {
        const id = questionId(position.flow, position.node);
        const auto = automaticAnswer(def, state, id, node);
        if (!auto) return { ...state, current: position, status: 'asking' };
        const used = node.fact ? noteFacts(state, node.answer === 'host-port' ? [`${node.fact}.host`, `${node.fact}.port`] : [node.fact]) : state.factsUsed;
        return proceed(def, { ...state, factsUsed: used }, position, node, auto.value, auto.auto);
      }
      case 'check': {
        const truth = evaluate(node.when, lookup);
        const result = truth === undefined ? 'unknown' : truth ? 'true' : 'false';
        const entry: PathEntry = { flow: position.flow, node: position.node, kind: 'check', result, text: renderOptional(node.text, lookup, def.flowSet) };
        state = { ...state, path: state.path.append(entry), factsUsed: noteFacts(state, conditionKeys(node.when)) };
        position = { flow: position.flow, node: follow(node, { kind: 'decided', truth })! };
        break;
      }
      case 'finding': {
        const catalogue = def.flowSet.facts;
        const instance: FindingInstance = {
          // Severity and the default title are the catalogue's; a node may word its own headline.
          id: node.finding, severity: def.flowSet.findings[node.finding]!.severity, flow: position.flow, node: position.node,
          title: render(node.title ?? def.flowSet.findings[node.finding]!.title, lookup, catalogue),
          explanation: render(node.explanation, lookup, catalogue),
          steps: node.steps.flatMap((step) => renderSteps(stepForSlot(step, lookup), lookup, catalogue)),
        };
        const findings = state.findings.some((finding) => finding.id === node.finding) ? state.findings : [...state.findings, instance];
        const entry: PathEntry = { flow: position.flow, node: position.node, kind: 'finding', text: instance.title };
        state = { ...state, findings, path: state.path.append(entry) };
        const next = follow(node, { kind: 'recorded' });
        if (next === undefined) return { ...state, status: 'done', current: undefined, outcome: { kind: 'finding', flow: position.flow, node: position.node } };
        position = { flow: position.flow, node: next };
        break;
      }
      case 'goto': {
        const target = def.flowSet.flows[node.flow];
        if (!target) throw new EngineError(`${position.flow}/${position.node} goes to unknown flow "${node.flow}"`);
        if (state.stack.length >= MAX_CALL_DEPTH) throw new EngineError(`flows call each other more than ${MAX_CALL_DEPTH} deep at ${position.flow}/${position.node}`);
        const back = follow(node, { kind: 'returned' });
        const stack = back === undefined ? state.stack : [...state.stack, { flow: position.flow, node: back }];
        state = { ...state, stack, path: state.path.append({ flow: position.flow, node: position.node, kind: 'goto', text: target.title }) };
        position = { flow: node.flow, node: target.entry };
        break;
      }
      case 'end': {
        const text = renderOptional(node.text, lookup, def.flowSet);
        state = { ...state, path: state.path.append({ flow: position.flow, node: position.node, kind: 'end', text }) };
        const caller = state.stack.at(-1);
        if (node.outcome === 'pass' && caller) {
          state = { ...state, stack: state.stack.slice(0, -1) };
          position = caller;
          break;
        }
        return { ...state, status: 'done', current: undefined, outcome: { kind: node.outcome, flow: position.flow, node: position.node, text } };
      }
    }
  }
}
