/**
 * The check-node condition language: a handful of comparisons combined with all/any/not,
 * evaluated in three-valued (Kleene) logic so an unknown fact yields "unknown", never a guess.
 * No eval, no user code: a condition is plain data.
 */
import type { ComparisonCondition, Condition, FactValue } from './types.ts';
import { isRfc1918, isWithin } from './net.ts';

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
  return condition.within ? [condition.fact, condition.within] : [condition.fact];
}

function compare(c: ComparisonCondition, lookup: Lookup): Truth {
  const value = lookup(c.fact);
  if (c.known !== undefined) return (value !== undefined) === c.known;
  if (value === undefined) return undefined;
  if (c.eq !== undefined) return same(value, c.eq);
  if (c.ne !== undefined) return !same(value, c.ne);
  if (c.in !== undefined) return c.in.some((option) => same(value, option));
  if (c.gt !== undefined) return numeric(value, (n) => n > c.gt!);
  if (c.gte !== undefined) return numeric(value, (n) => n >= c.gte!);
  if (c.lt !== undefined) return numeric(value, (n) => n < c.lt!);
  if (c.lte !== undefined) return numeric(value, (n) => n <= c.lte!);
  if (c.contains !== undefined) return list(value).some((item) => same(item, c.contains!));
  if (c.countGte !== undefined) return list(value).length >= c.countGte;
  if (c.rfc1918 !== undefined) {
    const prefixes = list(value);
    if (prefixes.length === 0) return undefined;
    const results = prefixes.map((prefix) => isRfc1918(prefix));
    if (results.includes(undefined)) return undefined;
    return results.every(Boolean) === c.rfc1918;
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
