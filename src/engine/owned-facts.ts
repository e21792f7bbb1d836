/**
 * Facts the tool owns: `session.*` (the session's own target and day) and every fact the
 * catalogue marks as derived (worked out from other facts) or constant (the limits). Nobody
 * outside the tool may set them: an answers file that names one is refused
 * (answers/answers-file.ts), and a saved session that holds one has it ignored
 * (session/owned-facts.ts).
 */
import type { FactDefinition } from './types.ts';

type Catalogue = Readonly<Record<string, FactDefinition>>;

export const OWNED_SOURCES: Readonly<Record<string, string>> = {
  session: 'the tool sets it for the session',
  derived: 'the tool works it out from other facts',
  constant: 'it is a documented limit the tool defines',
};

/** Why `key` cannot be set from outside the tool, or undefined when it can. */
export function ownedFactReason(key: string, catalogue: Catalogue): string | undefined {
  if (key.startsWith('session.')) return OWNED_SOURCES.session;
  const source = Object.hasOwn(catalogue, key) ? catalogue[key]!.source : undefined;
  return source !== undefined && Object.hasOwn(OWNED_SOURCES, source) ? OWNED_SOURCES[source] : undefined;
}
