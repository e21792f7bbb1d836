/** Small constructors for facts read from ARM, so every mapper records its origin the same way. */
import type { Fact, FactValue } from '../../engine/types.ts';

export type FactMap = Record<string, Fact>;

export const armFact = (value: FactValue, detail: string): Fact => ({ value, source: 'arm', detail });
export const unknownFact = (reason: string): Fact => ({ value: null, source: 'arm', reason });

/** Sets a fact when the value is defined; ARM omits properties that are not set. */
export function put(facts: FactMap, key: string, value: FactValue | undefined | null, detail: string): void {
  if (value !== undefined && value !== null) facts[key] = armFact(value, detail);
}

/** Marks keys unknown with a reason, without touching keys already known. */
export function markUnknown(facts: FactMap, keys: readonly string[], reason: string): void {
  for (const key of keys) if (!Object.hasOwn(facts, key)) facts[key] = unknownFact(reason);
}

export const splitList = (text: string | undefined): string[] =>
  (text ?? '').split(/[,;\s]+/).map((item) => item.trim()).filter((item) => item.length > 0);
