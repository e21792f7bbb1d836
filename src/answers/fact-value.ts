/**
 * Validation of a fact value given in an answers file, by the fact's catalogue type. Types that
 * are also answer types go through the same validator as the wizard's prompts, so a value is
 * accepted in an answers file exactly when it would be accepted when typed.
 */
import { MAX_ANSWER_LENGTH, validateAnswerValue, type Validation } from '../engine/answer-types.ts';
import type { AnswerType, FactDefinition, FactValue } from '../engine/types.ts';

export type FactValidation =
  | { readonly ok: true; readonly value: FactValue }
  | { readonly ok: false; readonly reason: string };

/** Entries a list fact may hold; far more than any VNet has DNS servers or tunnel types. */
export const MAX_LIST_ENTRIES = 256;

export function validateFactValue(definition: FactDefinition, value: unknown): FactValidation {
  if (value === null || value === undefined) return { ok: false, reason: 'a fact needs a value; leave the key out when it is not known' };
  switch (definition.type) {
    case 'text-list': return validateTextList(value);
    case 'choice': {
      const options = (definition.values ?? []).map((choice) => ({ value: choice, label: choice, next: '' }));
      return fromAnswer(validateAnswerValue('choice', value, options));
    }
    default: return fromAnswer(validateAnswerValue(definition.type satisfies AnswerType, value));
  }
}

function fromAnswer(result: Validation): FactValidation {
  if (!result.ok) return result;
  return { ok: true, value: result.value as FactValue };
}

function validateTextList(value: unknown): FactValidation {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!items) return { ok: false, reason: `expected a list of texts, got ${typeof value}` };
  if (items.length > MAX_LIST_ENTRIES) return { ok: false, reason: `the list has ${items.length} entries; at most ${MAX_LIST_ENTRIES} are accepted` };
  const values: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' && typeof item !== 'number') return { ok: false, reason: `list entries must be texts, found ${Array.isArray(item) ? 'a list' : typeof item}` };
    const text = String(item).trim();
    if (text.length === 0) return { ok: false, reason: 'the list has an empty entry' };
    if (text.length > MAX_ANSWER_LENGTH) return { ok: false, reason: `a list entry is ${text.length} characters long; at most ${MAX_ANSWER_LENGTH} are accepted` };
    values.push(text);
  }
  return { ok: true, value: values };
}
