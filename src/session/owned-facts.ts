/**
 * A saved session cannot set the facts the tool owns (engine/owned-facts.ts): they are rebuilt
 * or ignored here, as an answers file that names one is refused, so a crafted file can neither
 * put text into a step such as `vnet-doctor {{session.targetArgs}} --flow migration` nor bend a
 * conclusion drawn from facts.
 */
import { validateAnswerValue } from '../engine/answer-types.ts';
import type { Fact, FactDefinition } from '../engine/types.ts';
import { OWNED_SOURCES, ownedFactReason } from '../engine/owned-facts.ts';
import type { SavedSession } from './session-schema.ts';
import { targetArgs } from './target-args.ts';

type Catalogue = Readonly<Record<string, FactDefinition>>;

export interface CleanedSession {
  readonly session: SavedSession;
  /** One line per fact of the file that was ignored, with the reason. */
  readonly ignored: readonly string[];
}

/**
 * A saved session with the tool's facts rebuilt by the tool: the target flags from the saved
 * target, the day only when it is a real date (a demo keeps the day its scenario is set on), and
 * derived facts and limits dropped, for the engine works them out again. A fact the tool would
 * have written the same way is no news; any other is listed as ignored.
 */
export function withoutOwnedFacts(saved: SavedSession, catalogue: Catalogue): CleanedSession {
  const facts: Record<string, Fact> = {};
  const ignored: string[] = [];
  for (const [key, fact] of Object.entries(saved.facts)) {
    const reason = ownedFactReason(key, catalogue);
    if (reason === undefined) facts[key] = fact;
    else if (key === 'session.today' && isDate(fact.value)) facts[key] = { value: fact.value, source: 'derived', detail: "the session's day" };
    else if (key !== 'session.targetArgs') ignored.push(`${key} (${reason})`);
  }
  const args = sessionTargetArgs(saved.target);
  if (args) {
    const savedArgs = saved.facts['session.targetArgs']?.value;
    if (savedArgs !== undefined && JSON.stringify(savedArgs) !== JSON.stringify(args.value)) ignored.push(`session.targetArgs (${OWNED_SOURCES.session})`);
    facts['session.targetArgs'] = args;
  } else if (Object.hasOwn(saved.facts, 'session.targetArgs')) {
    ignored.push(`session.targetArgs (${OWNED_SOURCES.session})`);
  }
  return { session: { ...saved, facts }, ignored };
}

/** "The saved session set 2 facts only the tool sets; they were ignored: ..." */
export function describeIgnored(ignored: readonly string[]): string | undefined {
  if (ignored.length === 0) return undefined;
  const count = ignored.length === 1 ? 'a fact' : `${ignored.length} facts`;
  return `The saved session file set ${count} only vnet-doctor sets; ignored: ${ignored.join(', ')}.`;
}

function sessionTargetArgs(target: SavedSession['target']): Fact | undefined {
  const detail = 'the target of this session';
  if (target.mode === 'offline') return { value: targetArgs({ mode: 'offline' }), source: 'derived', detail };
  if (target.mode === 'demo' && target.scenario !== undefined) return { value: targetArgs({ mode: 'demo', scenario: target.scenario }), source: 'derived', detail };
  if (target.mode === 'arm' && target.appId !== undefined) return { value: targetArgs({ mode: 'arm', appId: target.appId }), source: 'derived', detail };
  return undefined;
}

function isDate(value: Fact['value']): value is string {
  return typeof value === 'string' && validateAnswerValue('date', value).ok;
}
