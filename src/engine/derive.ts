/**
 * Facts derived in the fact catalogue (flows/catalog/facts.yaml): each entry's one derived form
 * (flow-format.ts DERIVED_FORMS) evaluated over the facts it names. Pure, like the rest of the
 * engine; a value is unknown while what it needs is, never a guess.
 */
import type { FactDefinition, FactValue, FactOperand } from './types.ts';
import { evaluate, conditionKeys, isFactOperand, type Lookup } from './expression.ts';
import { placeholders, render } from './template.ts';
import { compilePattern, matchable } from './safe-pattern.ts';
import { DERIVED_FORM_NAMES, type DerivedForm } from './flow-format.ts';

type Catalogue = Readonly<Record<string, FactDefinition>>;

/** The derived form of a catalogue entry, or undefined when the catalogue does not derive it. */
export const derivedForm = (entry: FactDefinition | undefined): DerivedForm | undefined =>
  entry === undefined ? undefined : DERIVED_FORM_NAMES.find((form) => entry[form] !== undefined);

/** The facts a catalogue derivation reads (none for a fact that is not derived in the catalogue). */
export function derivedInputs(entry: FactDefinition): string[] {
  if (entry.when) return conditionKeys(entry.when);
  if (entry.first) return [...entry.first];
  if (entry.text) return placeholders(entry.text).map((placeholder) => placeholder.key);
  if (entry.count) return [entry.count];
  if (entry.product) return entry.product.filter((factor): factor is string => typeof factor === 'string');
  if (entry.map) return [entry.map.fact];
  if (entry.cases) return entry.cases.flatMap((item) => [...conditionKeys(item.when), ...(isFactOperand(item.value) ? [item.value.fact] : [])]);
  if (entry.replace) return [entry.replace.fact];
  if (entry.unusedName) return [entry.unusedName.taken];
  if (entry.take) return [entry.take.fact];
  if (entry.except) return [entry.except.fact, entry.except.remove];
  if (entry.append) return [entry.append.fact, entry.append.item];
  return [];
}

/** The value a catalogue entry derives, or undefined while it is unknown. */
export function deriveFromCatalogue(entry: FactDefinition, lookup: Lookup, catalogue: Catalogue): FactValue | undefined {
  if (entry.when) return evaluate(entry.when, lookup);
  if (entry.first) return entry.first.map(lookup).find((value) => value !== undefined);
  if (entry.text) return placeholders(entry.text).every(({ key }) => lookup(key) !== undefined) ? render(entry.text, lookup, catalogue) : undefined;
  if (entry.count) {
    const value = lookup(entry.count);
    return value === undefined ? undefined : Array.isArray(value) ? value.length : 1;
  }
  if (entry.product) {
    let result = 1;
    for (const factor of entry.product) {
      const value = typeof factor === 'string' ? lookup(factor) : factor;
      if (typeof value !== 'number') return undefined;
      result *= value;
    }
    return result;
  }
  if (entry.map) {
    const value = lookup(entry.map.fact);
    const key = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    return key !== undefined && Object.hasOwn(entry.map.to, key) ? entry.map.to[key] : undefined;
  }
  if (entry.cases) {
    const chosen = entry.cases.find((item) => evaluate(item.when, lookup) === true);
    return chosen === undefined ? undefined : valueOf(chosen.value, lookup);
  }
  if (entry.replace) {
    const { fact, pattern, with: replacement, lower } = entry.replace;
    const value = lookup(fact);
    if (typeof value !== 'string' || !matchable(value)) return undefined;
    const replaced = value.replace(new RegExp(compilePattern(pattern).source, 'gi'), () => replacement);
    return lower ? replaced.toLowerCase() : replaced;
  }
  if (entry.unusedName) {
    const taken = lookup(entry.unusedName.taken);
    if (taken === undefined) return undefined;
    const names = new Set((Array.isArray(taken) ? taken : [String(taken)]).map((name) => name.toLowerCase()));
    const { base } = entry.unusedName;
    // At most names.size + 1 tries: one of them is free.
    for (let n = 1; ; n += 1) {
      const name = n === 1 ? base : `${base}-${n}`;
      if (!names.has(name.toLowerCase())) return name;
    }
  }
  if (entry.take) {
    const items = listOf(lookup(entry.take.fact));
    return items?.slice(0, entry.take.count);
  }
  if (entry.except) {
    const items = listOf(lookup(entry.except.fact));
    const remove = listOf(lookup(entry.except.remove));
    return items && remove ? items.filter((item) => !remove.includes(item)) : undefined;
  }
  if (entry.append) {
    const items = listOf(lookup(entry.append.fact));
    const item = lookup(entry.append.item);
    if (!items || item === undefined || Array.isArray(item)) return undefined;
    return items.includes(String(item)) ? items : [...items, String(item)];
  }
  return undefined;
}

/** A list fact's items; a single value is a list of one. */
const listOf = (value: FactValue | undefined): readonly string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly string[]) : [String(value)];

const valueOf = (value: FactValue | FactOperand, lookup: Lookup): FactValue | undefined => (isFactOperand(value) ? lookup(value.fact) : value);
