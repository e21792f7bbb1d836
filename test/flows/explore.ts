/**
 * Walks every path of a flow: depth-first over engine states, answering each question with every
 * option, "don't know" and a few representative typed values. States that cannot behave
 * differently later are visited once: the fingerprint is the position, the call stack, the values
 * of facts that questions still ahead would be answered from, and the checks still ahead as far
 * as they are not yet decided.
 */
import { createEngine, questionId, type EngineState, type Position } from '../../src/engine/engine.ts';
import { evaluate, type Lookup } from '../../src/engine/expression.ts';
import { transitions } from '../../src/engine/transitions.ts';
import type { AnswerValue, Condition, Facts, FlowSet, QuestionNode } from '../../src/engine/types.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { answerFactKeys } from '../../src/engine/answer-facts.ts';

const DATES = ['2020-01-01', '2027-02-01', '2034-01-01'];

/** Representative answers per question: every branch of choice/yes-no, typed values that fall on both sides of each check. */
export function candidateAnswers(node: QuestionNode): AnswerValue[] {
  switch (node.answer) {
    case 'choice': return [...node.options!.map((option) => option.value), null];
    case 'yes-no': return [true, false, null];
    case 'cidr-list': return [['10.0.0.0/24'], ['172.32.0.0/16'], null];
    case 'ip-list': return [['10.0.0.4', '10.0.0.5'], ['52.1.2.3'], null];
    case 'cidr': return ['10.0.0.0/26', '10.0.0.0/28', '10.0.0.0/29', null];
    case 'ip': return ['10.0.0.4', '172.32.0.5', '52.1.2.3', null];
    case 'host-port': return [{ host: 'sql01.contoso.local', port: 1433 }, null];
    case 'hostname': return ['db.contoso.local', null];
    case 'port': return [1433, null];
    case 'number': return [0, 1, 5, 6, 130, null];
    case 'date': return [...DATES, null];
    case 'text': return node.fact === 'app.certExpiresOn' ? [...DATES, null] : ['10.20.0.4', null];
    // One text per cause the error route tells apart, and one it does not know.
    case 'error-text': return [
      'An attempt was made to access a socket in a way forbidden by its access permissions', 'Non-recoverable error during a database lookup',
      'tcpping db:1433\nConnection attempt failed: Connection timed out.\nComplete: 0/4 successful', 'Server: 10.20.0.4\n*** can\'t find db: Non-existent domain',
      'Something else', null,
    ];
  }
}

/** What a question or check still ahead depends on: its fact key or its condition. */
interface Ahead {
  readonly questionKeys: readonly string[];
  readonly checks: readonly (readonly [string, Condition])[];
}

/** For every position, the fact-backed questions and checks reachable from it (following calls). */
function aheadOf(set: FlowSet): (at: Position) => Ahead {
  const cache = new Map<string, Ahead>();
  return (at) => {
    const cacheKey = `${at.flow}/${at.node}`;
    const hit = cache.get(cacheKey);
    if (hit) return hit;
    const questionKeys = new Set<string>();
    const checks: [string, Condition][] = [];
    const seen = new Set<string>([cacheKey]);
    const queue: Position[] = [at];
    while (queue.length > 0) {
      const { flow, node: id } = queue.pop()!;
      const node = set.flows[flow]!.nodes[id]!;
      if (node.kind === 'check') checks.push([`${flow}/${id}`, node.when]);
      if (node.kind === 'question' && node.fact) answerFactKeys(node).forEach((key) => questionKeys.add(key));
      const next: Position[] = transitions(node).map(({ target }) => ({ flow, node: target }));
      if (node.kind === 'goto') next.push({ flow: node.flow, node: set.flows[node.flow]!.entry });
      for (const position of next) {
        const k = `${position.flow}/${position.node}`;
        if (!seen.has(k)) { seen.add(k); queue.push(position); }
      }
    }
    const ahead = { questionKeys: [...questionKeys].sort(), checks };
    cache.set(cacheKey, ahead);
    return ahead;
  };
}

/**
 * A condition simplified by what is known now: decided parts become true/false, the rest stays
 * as written. Sound because facts only ever become known, and three-valued logic never changes a
 * decided result when more becomes known; `known` tests are the exception and stay open until
 * their fact is known.
 */
function residual(condition: Condition, lookup: Lookup): unknown {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const parts = (isAll ? condition.all : condition.any).map((part) => residual(part, lookup));
    if (parts.includes(!isAll)) return !isAll;
    const open = parts.filter((part) => part !== isAll);
    return open.length === 0 ? isAll : { [isAll ? 'all' : 'any']: open };
  }
  if ('not' in condition) {
    const inner = residual(condition.not, lookup);
    return typeof inner === 'boolean' ? !inner : { not: inner };
  }
  if (condition.known !== undefined && lookup(condition.fact) === undefined) return condition;
  const truth = evaluate(condition, lookup);
  return truth === undefined ? condition : truth;
}

export interface Leaf {
  readonly state: EngineState;
  readonly answers: readonly { readonly question: string; readonly value: AnswerValue }[];
}

export interface Exploration {
  readonly leaves: Leaf[];
  readonly states: number;
  /** Every text shown to the user along the way: questions, help, findings, steps, end texts. */
  readonly texts: Set<string>;
  /** Every finding recorded on any path, including paths cut short as already visited. */
  readonly findingIds: Set<string>;
}

export function explore(set: FlowSet, flow: string, facts: Facts): Exploration {
  const { start, answer, currentQuestion, resolveFact } = createEngine(set, DERIVATIONS);
  const ahead = aheadOf(set);
  const visited = new Set<string>();
  const leaves: Leaf[] = [];
  const texts = new Set<string>();
  const findingIds = new Set<string>();
  const fingerprint = (state: EngineState): string => {
    const lookup: Lookup = (key) => resolveFact(state, key)?.value;
    const parts: unknown[] = [state.current, state.stack];
    for (const at of [state.current!, ...state.stack]) {
      const { questionKeys, checks } = ahead(at);
      parts.push(questionKeys.map((key) => lookup(key) ?? null), checks.map(([id, condition]) => [id, residual(condition, lookup)]));
    }
    return JSON.stringify(parts);
  };
  const collect = (state: EngineState) => {
    for (const entry of state.path) if (entry.text) texts.add(entry.text);
    for (const finding of state.findings) {
      findingIds.add(finding.id);
      texts.add(finding.title); texts.add(finding.explanation);
      for (const step of finding.steps) { texts.add(step.text); if (step.command) texts.add(step.command); }
    }
    if (state.outcome?.text) texts.add(state.outcome.text);
  };
  const stack: Leaf[] = [{ state: start(facts, {}, { flow }), answers: [] }];
  while (stack.length > 0) {
    const { state, answers } = stack.pop()!;
    collect(state);
    if (state.status === 'done') { leaves.push({ state, answers }); continue; }
    const key = fingerprint(state);
    if (visited.has(key)) continue;
    visited.add(key);
    const question = currentQuestion(state)!;
    texts.add(question.text);
    if (question.help) texts.add(question.help);
    for (const value of candidateAnswers(question.node)) {
      stack.push({ state: answer(state, value), answers: [...answers, { question: questionId(state.current!.flow, state.current!.node), value }] });
    }
  }
  return { leaves, states: visited.size, texts, findingIds };
}
