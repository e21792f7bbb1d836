/** Small constructors for facts read from ARM, so every mapper records its origin the same way. */
import type { Fact, FactValue } from '../../engine/types.ts';

export type FactMap = Record<string, Fact>;

export const armFact = (value: FactValue, detail: string): Fact => ({ value, source: 'arm', detail });
export const unknownFact = (reason: string): Fact => ({ value: null, source: 'arm', reason });

/** Sets a fact when the value is defined; ARM omits properties that are not set. */
export function put(facts: FactMap, key: string, value: FactValue | undefined | null, detail: string): void {
  if (value !== undefined && value !== null) facts[key] = armFact(value, detail);
}

/**
 * A list ARM may send as one delimited string or as an array. App Service's VnetInfo
 * `dnsServers` is a comma-separated string in the REST API ("10.0.0.4,10.0.0.5"); arrays (and
 * array items that are themselves delimited) are accepted too, and anything else reads as empty.
 */
export const splitList = (value: string | readonly unknown[] | null | undefined): string[] => {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return parts.flatMap((part) => part.split(/[,;\s]+/)).map((item) => item.trim()).filter((item) => item.length > 0);
};
