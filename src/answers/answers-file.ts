/**
 * Answers files for `vnet-doctor check`: YAML or JSON with two optional sections.
 *
 *   answers:                      # keyed by question id (flow/node), see `flows questions`
 *     triage/ask-symptom: reach-vnet
 *   facts:                        # keyed by fact key from flows/catalog/facts.yaml
 *     target.host: db.contoso.local
 *
 * Facts the tool owns (session.*, derived facts, limits) cannot be stated: see engine/owned-facts.ts.
 * Every id and value is checked against the loaded flows and the fact catalogue; each problem
 * is reported with the file, the line and the reason, and nothing is used until all are fixed.
 */
import { validateAnswerValue } from '../engine/answer-types.ts';
import { answerFacts } from '../engine/answer-facts.ts';
import type { Diagnostic } from '../engine/diagnostic.ts';
import { MAX_FILE_BYTES, parseYaml } from '../engine/parse-yaml.ts';
import { InputFileError, readRegularFile } from '../fs/read-bounded.ts';
import type { AnswerValue, Fact, Facts, FlowSet, QuestionNode } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';
import { validateFactValue } from './fact-value.ts';
import { ownedFactReason } from '../engine/owned-facts.ts';

export interface Answers {
  /** Facts stated in the file, with source 'answer' and the line they came from. */
  readonly facts: Facts;
  /** Preset answers keyed by question id; null means "don't know". */
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** Where each answer stands in the file ("answers file line 4"), shown as its provenance. */
  readonly answerDetails: Readonly<Record<string, string>>;
}

export class AnswersFileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the answers file`);
  }
}

const SECTIONS = ['answers', 'facts'] as const;
/**
 * Answers and facts (and items of their lists) one file may hold. Every question and fact of the
 * shipped flows together are a few hundred; the cap keeps a hostile file from costing minutes.
 */
export const MAX_ANSWERS_ENTRIES = 2_000;
const IGNORED_KEYS = ['$schema'];

/** Checks the text of an answers file against the flows; returns the answers or every problem found. */
export function parseAnswers(file: string, text: string, flowSet: FlowSet): { answers?: Answers; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text, { maxEntries: MAX_ANSWERS_ENTRIES, entriesName: 'answers, facts and list items' });
  if (parsed.errors.length > 0) return { diagnostics: [...parsed.errors] };
  const diagnostics: Diagnostic[] = [];
  const at = (path: string | undefined, message: string): Diagnostic => {
    const line = path === undefined ? undefined : parsed.lines.get(path);
    return { file, ...(line === undefined ? {} : { line }), message };
  };
  const root = parsed.value;
  if (root === null || root === undefined) return { answers: { facts: {}, answers: {}, answerDetails: {} }, diagnostics };
  if (!isMapping(root)) return { diagnostics: [at(undefined, 'an answers file is a mapping with "answers:" and/or "facts:"')] };
  for (const key of Object.keys(root)) {
    if (!(SECTIONS as readonly string[]).includes(key) && !IGNORED_KEYS.includes(key)) {
      diagnostics.push(at(key, `unknown section ${quote(key)} (an answers file has "answers:" and "facts:")`));
    }
  }

  const where: Where = {
    at,
    detail: (path) => {
      const line = parsed.lines.get(path);
      return line === undefined ? 'answers file' : `answers file line ${line}`;
    },
  };
  const answers = readSections(root, flowSet, where, diagnostics);
  return diagnostics.length > 0 ? { diagnostics } : { answers, diagnostics };
}

/**
 * The "answers:" and "facts:" sections of a mapping (an answers file, or one case of a flow test
 * file), checked against the flows; problems are added to `diagnostics`.
 */
export function readSections(mapping: Readonly<Record<string, unknown>>, flowSet: FlowSet, where: Where, diagnostics: Diagnostic[]): Answers {
  const given = readAnswersSection(Object.hasOwn(mapping, 'answers') ? mapping.answers : undefined, flowSet, where, diagnostics);
  const stated = readFactsSection(Object.hasOwn(mapping, 'facts') ? mapping.facts : undefined, flowSet, where, diagnostics);
  // Facts stated in "facts:" come last and so win over the same fact given through an answer.
  // Object.fromEntries defines own properties, so no key can reach a prototype.
  return { facts: Object.fromEntries([...given.facts, ...stated]), answers: Object.fromEntries(given.answers), answerDetails: Object.fromEntries(given.details) };
}

/** Where a key of the file is: a diagnostic at its line, and the provenance text for its value. Paths are relative to the mapping read. */
export interface Where {
  at(path: string | undefined, message: string): Diagnostic;
  detail(path: string): string;
}

function readAnswersSection(section: unknown, flowSet: FlowSet, where: Where, diagnostics: Diagnostic[]) {
  const answers: [string, AnswerValue][] = [];
  const details: [string, string][] = [];
  const facts: [string, Fact][] = [];
  if (section === undefined || section === null) return { answers, details, facts };
  if (!isMapping(section)) {
    diagnostics.push(where.at('answers', '"answers:" must be a mapping of question ids (flow/node) to answers'));
    return { answers, details, facts };
  }
  for (const [id, value] of Object.entries(section)) {
    const path = `answers.${id}`;
    const question = findQuestion(flowSet, id);
    if (!question) {
      diagnostics.push(where.at(path, `unknown question id ${quote(id)} (run "vnet-doctor flows questions" for the list)`));
      continue;
    }
    const checked = shapeProblem(value) ?? validateAnswerValue(question.answer, value, question.options);
    if (!checked.ok) {
      diagnostics.push(where.at(path, `${id}: ${checked.reason}`));
      continue;
    }
    answers.push([id, checked.value]);
    details.push([id, where.detail(path)]);
    facts.push(...factsFromAnswer(question, checked.value, where.detail(path)));
  }
  return { answers, details, facts };
}

function readFactsSection(section: unknown, flowSet: FlowSet, where: Where, diagnostics: Diagnostic[]): [string, Fact][] {
  const facts: [string, Fact][] = [];
  if (section === undefined || section === null) return facts;
  if (!isMapping(section)) {
    diagnostics.push(where.at('facts', '"facts:" must be a mapping of fact keys to values'));
    return facts;
  }
  for (const [key, value] of Object.entries(section)) {
    const path = `facts.${key}`;
    const definition = Object.hasOwn(flowSet.facts, key) ? flowSet.facts[key] : undefined;
    if (!definition) {
      diagnostics.push(where.at(path, `unknown fact key ${quote(key)} (fact keys are listed in flows/catalog/facts.yaml and by "vnet-doctor flows questions")`));
      continue;
    }
    const owned = ownedFactReason(key, flowSet.facts);
    if (owned !== undefined) {
      diagnostics.push(where.at(path, `${key} cannot be set in an answers file: ${owned} (an answers file states what the customer or engineer knows)`));
      continue;
    }
    const checked = shapeProblem(value) ?? validateFactValue(definition, value);
    if (!checked.ok) {
      diagnostics.push(where.at(path, `${key} (${definition.type}): ${checked.reason}`));
      continue;
    }
    facts.push([key, { value: checked.value, source: 'answer', detail: where.detail(path) }]);
  }
  return facts;
}

/** Reads and checks an answers file; throws AnswersFileError listing every problem. */
export function readAnswersFile(path: string, flowSet: FlowSet): Answers {
  let text: string;
  try {
    // Only a regular file, and never more than the limit: /dev/zero or a FIFO claim 0 bytes.
    text = readRegularFile(path, MAX_FILE_BYTES);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    const message = error.code === 'too-large' ? error.reason : `cannot read the answers file: ${error.reason}`;
    throw new AnswersFileError([{ file: path, message }]);
  }
  const { answers, diagnostics } = parseAnswers(path, text, flowSet);
  if (!answers) throw new AnswersFileError(diagnostics);
  return answers;
}

/**
 * An answer to a fact-backed question also states that fact, as it does in the wizard, so
 * later questions and step texts use the value (e.g. the host in a tcpping command).
 */
function factsFromAnswer(question: QuestionNode, value: AnswerValue, detail: string): [string, Fact][] {
  return answerFacts(question, value).map(([key, v]): [string, Fact] => [key, { value: v, source: 'answer', detail }]);
}

function findQuestion(flowSet: FlowSet, id: string): QuestionNode | undefined {
  const slash = id.indexOf('/');
  if (slash < 0) return undefined;
  const flowId = id.slice(0, slash);
  const nodeId = id.slice(slash + 1);
  const flow = Object.hasOwn(flowSet.flows, flowId) ? flowSet.flows[flowId] : undefined;
  const node = flow && Object.hasOwn(flow.nodes, nodeId) ? flow.nodes[nodeId] : undefined;
  return node?.kind === 'question' ? node : undefined;
}


/**
 * Values are scalars, lists of texts or numbers, or a flat mapping such as {host: db, port: 1433}.
 * Anything deeper is refused here, before a validator turns it into text (an object whose own
 * `toString` is not a function cannot even be converted).
 */
function shapeProblem(value: unknown): { ok: false; reason: string } | undefined {
  const scalar = (item: unknown) => item === null || ['string', 'number', 'boolean'].includes(typeof item);
  if (scalar(value)) return undefined;
  if (Array.isArray(value)) {
    return value.every((item) => typeof item === 'string' || typeof item === 'number') ? undefined : { ok: false, reason: 'list entries must be texts or numbers' };
  }
  if (isMapping(value) && Object.values(value).every(scalar)) return undefined;
  return { ok: false, reason: 'expected a text, a number, yes/no, a list, or host and port (e.g. {host: db.contoso.local, port: 1433})' };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Quotes an id from the file for a message: clipped, with control characters escaped. */
function quote(value: string): string {
  return safeText(JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value));
}
