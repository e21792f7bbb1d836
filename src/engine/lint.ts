/**
 * Cross-checks of a set of structurally valid flows against each other and the catalogues:
 * dangling transitions, unreachable nodes, loops with no way out, unknown fact keys and
 * placeholders, finding ids missing from the catalogue. Pure: it reads data, returns diagnostics.
 */
import type { Diagnostic } from './diagnostic.ts';
import { answerFactKeys } from './answer-facts.ts';
import type { AnswerType, FactDefinition, Flow, FlowNode, FlowSet, QuestionNode } from './types.ts';
import { conditionKeys } from './expression.ts';
import { placeholders, TEMPLATE_FILTERS } from './template.ts';
import { follow, transitions } from './transitions.ts';

export interface FlowSource {
  readonly file: string;
  readonly flow: Flow;
  readonly lines: ReadonlyMap<string, number>;
}

/** Answer types a fact type can answer. */
const COMPATIBLE: Record<FactDefinition['type'], readonly AnswerType[]> = {
  'yes-no': ['yes-no'], choice: ['choice'], ip: ['ip', 'hostname'], cidr: ['cidr'], 'cidr-list': ['cidr-list', 'cidr'],
  hostname: ['hostname'], port: ['port'], number: ['number'], text: ['text', 'hostname', 'error-text'], 'text-list': ['text', 'ip', 'ip-list', 'hostname'], date: ['date'],
};

export function lintFlows(sources: readonly FlowSource[], set: Pick<FlowSet, 'facts' | 'findings' | 'entry'>): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const byId = new Map<string, FlowSource>();
  for (const source of sources) {
    const expected = source.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
    if (source.flow.id !== expected) errors.push({ file: source.file, line: source.lines.get('id'), message: `flow id "${source.flow.id}" must match the file name "${expected}"` });
    const earlier = byId.get(source.flow.id);
    if (earlier) errors.push({ file: source.file, line: source.lines.get('id'), message: `duplicate flow id "${source.flow.id}" (also in ${earlier.file})` });
    else byId.set(source.flow.id, source);
  }
  if (!byId.has(set.entry)) errors.push({ file: '(flows)', message: `the entry flow "${set.entry}" is missing` });
  for (const source of byId.values()) errors.push(...lintFlow(source, byId, set));
  errors.push(...callCycles(byId));
  return errors;
}

function lintFlow(source: FlowSource, flows: ReadonlyMap<string, FlowSource>, set: Pick<FlowSet, 'facts' | 'findings'>): Diagnostic[] {
  const { flow, file, lines } = source;
  const errors: Diagnostic[] = [];
  const at = (node: string | undefined, message: string): Diagnostic => ({ file, ...(node === undefined ? {} : { node }), line: node ? lines.get(`nodes.${node}`) : lines.get('entry'), message });
  const has = (id: string) => Object.hasOwn(flow.nodes, id);
  if (!has(flow.entry)) errors.push(at(undefined, `entry "${flow.entry}" is not a node of this flow`));

  for (const [id, node] of Object.entries(flow.nodes)) {
    for (const { field, target } of transitions(node)) {
      if (!has(target)) errors.push(at(id, `${field} -> "${target}" is not a node of this flow`));
    }
    if (node.kind === 'goto' && !flows.has(node.flow)) errors.push(at(id, `goto flow "${node.flow}" does not exist`));
    if (node.kind === 'finding' && !Object.hasOwn(set.findings, node.finding)) errors.push(at(id, `finding id "${node.finding}" is not in the finding catalogue`));
    for (const key of factKeys(node)) {
      if (!Object.hasOwn(set.facts, key)) errors.push(at(id, `unknown fact key "${key}" (not in the fact catalogue)`));
    }
    for (const template of templates(node)) {
      for (const { key, filter } of placeholders(template)) {
        if (!Object.hasOwn(set.facts, key)) errors.push(at(id, `placeholder {{${key}}} names no fact in the fact catalogue`));
        if (filter !== undefined && !(TEMPLATE_FILTERS as readonly string[]).includes(filter)) errors.push(at(id, `placeholder {{${key} | ${filter}}} uses unknown filter "${filter}" (expected ${TEMPLATE_FILTERS.join(', ')})`));
      }
      const stray = template.replace(/\{\{\s*[A-Za-z0-9_.$-]+\s*(\|\s*[a-z]+\s*)?\}\}/g, '');
      if (stray.includes('{{') || stray.includes('}}')) errors.push(at(id, `malformed placeholder in "${template.slice(0, 60)}"`));
    }
    errors.push(...eachErrors(id, node, set.facts, at));
    if (node.kind === 'question' && node.fact) errors.push(...factTypeErrors(id, node, set.facts, at));
  }

  if (has(flow.entry)) {
    const reachable = reach(flow, flow.entry);
    for (const id of Object.keys(flow.nodes)) if (!reachable.has(id)) errors.push(at(id, `unreachable: no path from entry "${flow.entry}" leads here`));
  }
  errors.push(...loops(flow, at));
  return errors;
}

/** `each` repeats a step, so it belongs in steps only (several lists in one step are repeated together, item by item). */
function eachErrors(id: string, node: FlowNode, facts: FlowSet['facts'], at: (node: string, message: string) => Diagnostic): Diagnostic[] {
  // Most nodes have no `each` at all: a plain scan rules them out before any parsing.
  if (!templates(node).some((template) => template.includes('each'))) return [];
  const eachIn = (template: string) => placeholders(template).filter((placeholder) => placeholder.filter === 'each').map((placeholder) => placeholder.key);
  const errors: Diagnostic[] = [];
  const prose = node.kind === 'finding' ? [...(node.title === undefined ? [] : [node.title]), node.explanation] : templates(node);
  for (const template of prose) {
    for (const key of eachIn(template)) errors.push(at(id, `{{${key} | each}} repeats a step, so it may only be used in a finding's steps`));
  }
  if (node.kind !== 'finding') return errors;
  for (const step of node.steps) {
    const keys = [...new Set([...eachIn(step.text), ...eachIn(step.command ?? '')])];
    if (keys.length < 2) continue;
    // Lists repeated together go item by item, so each must be a list fact.
    const single = keys.filter((key) => Object.hasOwn(facts, key) && !['cidr-list', 'text-list'].includes(facts[key]!.type));
    if (single.length > 0) errors.push(at(id, `a step repeats over several lists together only when each is a list, and ${single.join(' and ')} is not`));
  }
  return errors;
}

function factKeys(node: FlowNode): string[] {
  if (node.kind === 'check') return conditionKeys(node.when);
  if (node.kind === 'question' && node.fact) return answerFactKeys(node);
  return [];
}

function templates(node: FlowNode): string[] {
  switch (node.kind) {
    case 'question': return [node.text, ...(node.help ? [node.help] : []), ...(node.options ?? []).map((option) => option.label)];
    case 'finding': return [...(node.title === undefined ? [] : [node.title]), node.explanation, ...node.steps.flatMap((step) => [step.text, ...(step.command ? [step.command] : [])])];
    case 'check': return node.text ? [node.text] : [];
    case 'end': return node.text ? [node.text] : [];
    case 'goto': return [];
  }
}

function factTypeErrors(id: string, node: QuestionNode, facts: Readonly<Record<string, FactDefinition>>, at: (node: string, message: string) => Diagnostic): Diagnostic[] {
  if (node.answer === 'host-port') return [];
  const definition = Object.hasOwn(facts, node.fact!) ? facts[node.fact!] : undefined;
  if (!definition) return [];
  if (!(COMPATIBLE[definition.type] ?? []).includes(node.answer)) {
    return [at(id, `fact "${node.fact}" is of type ${definition.type} and cannot answer a ${node.answer} question`)];
  }
  if (node.answer === 'choice' && definition.values) {
    const missing = (node.options ?? []).filter((option) => !definition.values!.includes(option.value));
    if (missing.length > 0) return [at(id, `option "${missing[0]!.value}" is not a value of fact "${node.fact}" (${definition.values.join(', ')})`)];
  }
  return [];
}

function reach(flow: Flow, from: string): Set<string> {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = flow.nodes[queue.pop()!];
    if (!node) continue;
    for (const { target } of transitions(node)) {
      if (!seen.has(target) && Object.hasOwn(flow.nodes, target)) { seen.add(target); queue.push(target); }
    }
  }
  return seen;
}

/**
 * Loops are fine while the user can leave them. Two kinds are errors: a loop of automatic
 * nodes only (facts do not change between questions, so it would spin for ever), and a group
 * of nodes that can reach each other but nothing else (no end, no finding, no way out).
 */
function loops(flow: Flow, at: (node: string, message: string) => Diagnostic): Diagnostic[] {
  const errors: Diagnostic[] = [];
  for (const component of stronglyConnected(flow)) {
    const members = new Set(component);
    const cyclic = component.length > 1 || transitions(flow.nodes[component[0]!]!).some(({ target }) => target === component[0]);
    if (!cyclic) continue;
    const first = component.slice().sort()[0]!;
    if (component.every((id) => flow.nodes[id]!.kind !== 'question')) {
      errors.push(at(first, `loop without a question: ${component.join(' -> ')} would repeat for ever`));
      continue;
    }
    const exits = component.some((id) => {
      const node = flow.nodes[id]!;
      return node.kind === 'goto' || transitions(node).some(({ target }) => !members.has(target)) || (node.kind === 'question' && follow(node, { kind: 'answered', value: null }) === undefined);
    });
    if (!exits) errors.push(at(first, `cycle without exit: ${component.join(' -> ')} never reaches an end or a finding`));
  }
  return errors;
}

/** Tarjan's algorithm, iterative so a 50,000-node flow cannot overflow the stack. */
function stronglyConnected(flow: Flow): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  const successors = (id: string) => transitions(flow.nodes[id]!).map(({ target }) => target).filter((target) => Object.hasOwn(flow.nodes, target));
  for (const root of Object.keys(flow.nodes)) {
    if (index.has(root)) continue;
    const work: { id: string; next: string[]; i: number }[] = [];
    const visit = (id: string) => {
      index.set(id, counter); low.set(id, counter); counter += 1;
      stack.push(id); onStack.add(id);
      work.push({ id, next: successors(id), i: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work.at(-1)!;
      if (frame.i < frame.next.length) {
        const target = frame.next[frame.i++]!;
        if (!index.has(target)) visit(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do { member = stack.pop()!; onStack.delete(member); component.push(member); } while (member !== frame.id);
        components.push(component.reverse());
      }
    }
  }
  return components;
}

/** Flows that call each other round in a circle would recurse without end. */
function callCycles(flows: ReadonlyMap<string, FlowSource>): Diagnostic[] {
  const calls = new Map<string, { target: string; node: string }[]>();
  for (const [id, source] of flows) {
    calls.set(id, Object.entries(source.flow.nodes).flatMap(([node, value]) => (value.kind === 'goto' && flows.has(value.flow) ? [{ target: value.flow, node }] : [])));
  }
  const errors: Diagnostic[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open'); path.push(id);
    for (const { target, node } of calls.get(id) ?? []) {
      if (state.get(target) === 'open') {
        const source = flows.get(id)!;
        errors.push({ file: source.file, node, line: source.lines.get(`nodes.${node}`), message: `flows call each other in a circle: ${[...path.slice(path.indexOf(target)), target].join(' -> ')}` });
      } else if (!state.has(target)) visit(target);
    }
    path.pop(); state.set(id, 'done');
  };
  for (const id of flows.keys()) if (!state.has(id)) visit(id);
  return errors;
}
