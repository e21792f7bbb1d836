/**
 * `{{fact.key}}` placeholders in step text and commands. A known value is filled in; an unknown
 * one becomes `<label>` from the fact catalogue, so a step never shows a raw placeholder and
 * always says what to substitute. Placeholders are looked up as data, never evaluated.
 */
import type { FactDefinition, FactValue } from './types.ts';
import type { Lookup } from './expression.ts';

/** `{{ key }}` or `{{ key | filter }}`; keys are lower-case dotted names. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.$-]+)\s*(?:\|\s*([a-z]+)\s*)?\}\}/g;

/**
 * `list`, `csv` and `first` shape a list in place; `each` (steps only) repeats the whole step once
 * per item, so "ask every DNS server" becomes one command per server, each copy-ready on its own.
 */
export const TEMPLATE_FILTERS = ['list', 'first', 'csv', 'each'] as const;

export interface Placeholder {
  readonly key: string;
  readonly filter?: string;
}

export function placeholders(template: string): Placeholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => ({ key: match[1]!, filter: match[2] }));
}

export function render(
  template: string,
  lookup: Lookup,
  catalogue: Readonly<Record<string, FactDefinition>>,
): string {
  return template.replace(PLACEHOLDER, (_whole, key: string, filter?: string) => {
    const value = lookup(key);
    if (value === undefined) {
      const label = Object.hasOwn(catalogue, key) ? catalogue[key]!.label : key;
      return `<${label}>`;
    }
    return format(value, filter);
  });
}

/** A value is one line of text wherever it lands: a line break in it could fake a new paragraph or step. */
const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ');

function format(value: FactValue, filter?: string): string {
  if (!Array.isArray(value)) return oneLine(String(value));
  const items = (value as readonly string[]).map(oneLine);
  switch (filter) {
    case 'first': return items[0] ?? '';
    case 'list': return items.join(', ');
    case 'csv': return items.join(',');
    default: return items.join(' ');
  }
}
