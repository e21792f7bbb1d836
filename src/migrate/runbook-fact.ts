/** Reading a runbook's facts: typed accessors and provenance in words. */
import type { FactValue } from '../engine/types.ts';
import type { RunbookFact } from './runbook-types.ts';

export type FactTable = Readonly<Record<string, RunbookFact>>;

export const valueOf = (facts: FactTable, key: string): FactValue | undefined => {
  const value = Object.hasOwn(facts, key) ? facts[key]!.value : null;
  return value === null ? undefined : value;
};
export const textOf = (facts: FactTable, key: string): string | undefined => {
  const value = valueOf(facts, key);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
};
export const flagOf = (facts: FactTable, key: string): boolean | undefined => {
  const value = valueOf(facts, key);
  return typeof value === 'boolean' ? value : undefined;
};
export const numberOf = (facts: FactTable, key: string): number | undefined => {
  const value = valueOf(facts, key);
  return typeof value === 'number' ? value : undefined;
};
export const listOf = (facts: FactTable, key: string): readonly string[] | undefined => {
  const value = valueOf(facts, key);
  return Array.isArray(value) ? (value as readonly string[]) : undefined;
};

/** Where a fact came from, as the preflight table shows it. */
export function provenance(facts: FactTable, key: string): string {
  const fact = Object.hasOwn(facts, key) ? facts[key] : undefined;
  if (!fact) return 'not read';
  if (fact.value === null) return `not read${fact.detail ? `: ${fact.detail}` : ''}`;
  const origin = fact.source === 'arm' ? 'ARM' : fact.source;
  return fact.detail ? `${origin}: ${fact.detail}` : origin;
}
