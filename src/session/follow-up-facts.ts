/**
 * Facts read because of an answer (the NSG, route table and network interface of the subnet
 * holding the target address) carry the answer they follow (`Fact.follows`, e.g. "target
 * 10.10.2.4:1433"). When that answer changes (back, restart, override, a resumed session
 * answered differently), they are dropped and read again for the new answer: a session never
 * reasons about one target with facts read for another.
 */
import type { Fact, Facts } from '../engine/types.ts';
import type { NsgTarget } from '../facts/nsg-facts.ts';

/** The tag of facts read for a target address and port. */
export const followsTarget = (target: NsgTarget): string => `target ${target.ip}:${target.port}`;

/** The facts with the tag of the answer they follow. */
export function tagged(facts: Facts, follows: string): Record<string, Fact> {
  return Object.fromEntries(Object.entries(facts).map(([key, fact]) => [key, { ...fact, follows }]));
}

/** The answer the follow-up facts among `facts` were read for, if any. */
export function followedAnswer(facts: Facts): string | undefined {
  for (const fact of Object.values(facts)) if (fact.follows !== undefined) return fact.follows;
  return undefined;
}

/** `facts` without those read because of an answer (the same object when there are none). */
export function withoutFollowUps(facts: Facts): Facts {
  if (followedAnswer(facts) === undefined) return facts;
  return Object.fromEntries(Object.entries(facts).filter(([, fact]) => fact.follows === undefined));
}
