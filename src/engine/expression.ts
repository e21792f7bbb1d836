/**
 * The check-node condition language: a handful of comparisons combined with all/any/not,
 * evaluated in three-valued (Kleene) logic so an unknown fact yields "unknown", never a guess.
 * No eval, no user code: a condition is plain data.
 */
import type { ComparisonCondition, Condition, FactOperand, FactValue, Operand } from './types.ts';
import { isRfc1918, isWithin } from './net.ts';
import { compilePattern, matchable } from './safe-pattern.ts';
import { COMPARISON_OPERATORS, COMPARISONS } from './flow-format.ts';

export type Truth = true | false | undefined;

/** Reads the current value of a fact key, or undefined when it is unknown. */
export type Lookup = (key: string) => FactValue | undefined;

export function evaluate(condition: Condition, lookup: Lookup): Truth {
  if ('all' in condition) {
    let result: Truth = true;
    for (const part of condition.all) {
      const value = evaluate(part, lookup);
      if (value === false) return false;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in condition) {
    let result: Truth = false;
    for (const part of condition.any) {
      const value = evaluate(part, lookup);
      if (value === true) return true;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in condition) {
    const value = evaluate(condition.not, lookup);
    return value === undefined ? undefined : !value;
  }
  return compare(condition, lookup);
}

/** The fact keys a condition reads (for the linter and for "facts used" in the report). */
export function conditionKeys(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionKeys);
  if ('any' in condition) return condition.any.flatMap(conditionKeys);
  if ('not' in condition) return conditionKeys(condition.not);
  const right = [condition.within, ...COMPARED.map((op) => operandFact(condition[op]))];
  return [condition.fact, ...right.filter((key): key is string => key !== undefined)];
}

/** Operators whose right side may name a fact (`{ fact: key }`) instead of a literal (flow-format.ts). */
export const COMPARED = COMPARISON_OPERATORS.filter((op) => COMPARISONS[op].endsWith('-or-fact'));

export const isFactOperand = (operand: unknown): operand is FactOperand =>
  typeof operand === 'object' && operand !== null && !Array.isArray(operand) && typeof (operand as { fact?: unknown }).fact === 'string';

const operandFact = (operand: unknown): string | undefined => (isFactOperand(operand) ? operand.fact : undefined);

function compare(c: ComparisonCondition, lookup: Lookup): Truth {
  const value = lookup(c.fact);
  if (c.known !== undefined) return (value !== undefined) === c.known;
  if (value === undefined) return undefined;
  // The right side: a literal, or another fact's value (unknown when that fact is).
  const right = <T extends FactValue>(operand: Operand<T>): T | undefined => (isFactOperand(operand) ? (lookup(operand.fact) as T | undefined) : operand);
  const against = <T extends FactValue>(operand: Operand<T> | undefined, test: (other: T) => Truth): Truth | 'absent' => {
    if (operand === undefined) return 'absent';
    const other = right(operand);
    return other === undefined ? undefined : test(other);
  };
  const numberOf = (other: FactValue): number | undefined => (typeof other === 'number' ? other : undefined);
  const order = (operand: Operand<number> | undefined, test: (n: number, m: number) => boolean) =>
    against(operand, (other) => { const m = numberOf(other); return m === undefined ? undefined : numeric(value, (n) => test(n, m)); });
  const results: (Truth | 'absent')[] = [
    against(c.eq, (other) => same(value, other)),
    against(c.ne, (other) => !same(value, other)),
    c.in === undefined ? 'absent' : c.in.some((option) => same(value, option)),
    order(c.gt, (n, m) => n > m),
    order(c.gte, (n, m) => n >= m),
    order(c.lt, (n, m) => n < m),
    order(c.lte, (n, m) => n <= m),
    against(c.contains, (other) => list(value).some((item) => same(item, other))),
    against(c.countGte, (other) => { const m = numberOf(other); return m === undefined ? undefined : list(value).length >= m; }),
    against(c.sameItems, (other) => sameItems(list(value), list(other))),
  ];
  // A comparison has exactly one operator (validate-flow.ts): the first one present decides.
  const decided = results.findIndex((result) => result !== 'absent');
  if (decided >= 0) return results[decided] as Truth;
  if (c.rfc1918 !== undefined) {
    const prefixes = list(value);
    if (prefixes.length === 0) return undefined;
    const results = prefixes.map((prefix) => isRfc1918(prefix));
    if (results.includes(undefined)) return undefined;
    return results.every(Boolean) === c.rfc1918;
  }
  if (c.matches !== undefined) {
    // A text matches the (safe, validated) pattern; a list when any item does; too long a text is not matched.
    const texts = list(value);
    if (texts.some((text) => !matchable(text))) return undefined;
    const pattern = compilePattern(c.matches);
    return texts.some((text) => pattern.test(text));
  }
  if (c.within !== undefined) {
    const outer = lookup(c.within);
    if (outer === undefined) return undefined;
    const inner = list(value);
    if (inner.length === 0) return undefined;
    const results = inner.map((item) => list(outer).some((prefix) => isWithin(item, prefix) === true));
    return results.every(Boolean);
  }
  return undefined;
}

/** The same items as many times each, in any order (texts without case). */
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  const key = (items: readonly string[]) => JSON.stringify(items.map((item) => String(item).toLowerCase()).sort());
  return key(a) === key(b);
}

function same(a: FactValue, b: FactValue): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function numeric(value: FactValue, test: (n: number) => boolean): Truth {
  const n = typeof value === 'number' ? value : Number.NaN;
  return Number.isNaN(n) ? undefined : test(n);
}

function list(value: FactValue): readonly string[] {
  if (Array.isArray(value)) return value as readonly string[];
  return [String(value)];
}
