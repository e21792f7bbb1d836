/**
 * The facts a question's answer records, in one place for the engine, answers files and flows
 * lint: its `fact`; for a `host-port` question `<fact>.host` and `<fact>.port`; for an
 * `error-text` question the text and, beside it, what the text says (error-text.ts:
 * `error.text` -> `error.message`, `error.tcpping`, `error.nameresolver`).
 */
import type { AnswerValue, FactValue, HostPort, QuestionNode } from './types.ts';
import { ERROR_TEXT_FIELDS, errorTextFacts, errorTextFieldKey } from './error-text.ts';

/** Every fact key a question's answer may record. */
export function answerFactKeys(node: QuestionNode): string[] {
  const key = node.fact;
  if (key === undefined) return [];
  if (node.answer === 'host-port') return [`${key}.host`, `${key}.port`];
  if (node.answer === 'error-text') return [key, ...ERROR_TEXT_FIELDS.map((field) => errorTextFieldKey(key, field))];
  return [key];
}

/** The facts an answer given to the question states (none for "don't know"). */
export function answerFacts(node: QuestionNode, value: AnswerValue): [string, FactValue][] {
  const key = node.fact;
  if (key === undefined || value === null) return [];
  if (node.answer === 'host-port' && typeof value === 'object' && !Array.isArray(value)) {
    const { host, port } = value as HostPort;
    return [[`${key}.host`, host], [`${key}.port`, port]];
  }
  return [[key, value as FactValue], ...answerReading(node, value)];
}

/**
 * What an answer says beyond its own fact, recorded also when a known fact answered the question
 * (an error text given by `check --error` or an answers file is read just as a typed one).
 */
export function answerReading(node: QuestionNode, value: AnswerValue): [string, FactValue][] {
  return node.fact !== undefined && node.answer === 'error-text' && typeof value === 'string' ? errorTextFacts(node.fact, value) : [];
}
