/**
 * The real fact sources behind the session controller: ARM through the session's one ArmAccess
 * (credential built and checked once), the demo emulator, or none. The Azure SDKs and the
 * emulator load on first use, so offline sessions never pay for them.
 */
import type { Fact } from '../engine/types.ts';
import { appTarget, gatherFactsFor, type ArmAccess } from '../facts/gather-facts.ts';
import { readNsgFacts } from '../facts/nsg-facts.ts';
import { listSubscriptions, listWebApps } from '../facts/arm/discovery.ts';
import type { ReportTarget } from '../report/report-model.ts';
import type { FactSources, ReadOptions } from '../facts/sources-interface.ts';
import type { TargetChoice } from '../facts/sources-interface.ts';
import { targetArgs } from './target-args.ts';

export { targetArgs } from './target-args.ts';

export interface SourceSettings {
  /** ARM access for the session; absent offline and in demos. */
  readonly access?: ArmAccess;
  readonly now?: () => Date;
  /** --read-dns-settings: the engineer allows reading the app settings for WEBSITE_DNS_SERVER / _ALT_SERVER. */
  readonly readDnsSettings?: boolean;
}

export function factSources(settings: SourceSettings): FactSources {
  const today = () => (settings.now ?? (() => new Date()))().toISOString().slice(0, 10);
  return {
    gather: async (choice, options) => {
      const target = choice.mode === 'arm' ? { mode: 'arm' as const, app: appTarget({ app: choice.appId }) } : choice;
      const gathered = await gatherFactsFor(target, settings.access, { ...gatherOptions(options), today: today(), readDnsSettings: settings.readDnsSettings === true });
      const args: Fact = { value: targetArgs(choice), source: 'derived', detail: 'the target of this session' };
      return { facts: { ...gathered.facts, 'session.targetArgs': args }, errors: gathered.errors, target: gathered.target };
    },
    readNsg: async (target, facts, nsg, options) => {
      const from = factTarget(target);
      if (!from) return { facts: {}, errors: [] };
      const typed = from.mode === 'arm' ? { mode: 'arm' as const, app: appTarget({ app: from.appId }) } : from;
      return readNsgFacts(typed, settings.access, facts, nsg, { ...gatherOptions(options), today: today() });
    },
  };
}

/** Subscription and app lists for the wizard's picker, through the same ArmAccess as the facts. */
export function armBrowser(access: ArmAccess) {
  return {
    listSubscriptions: async (signal: AbortSignal) => listSubscriptions(await access.context({ signal })),
    listWebApps: async (subscriptionId: string, signal: AbortSignal) => listWebApps(await access.context({ signal }), subscriptionId),
  };
}

function factTarget(target: ReportTarget): TargetChoice | undefined {
  if (target.mode === 'demo' && target.scenario !== undefined) return { mode: 'demo', scenario: target.scenario };
  if (target.mode === 'arm' && target.appId !== undefined) return { mode: 'arm', appId: target.appId };
  return undefined;
}

function gatherOptions(options: ReadOptions) {
  return {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: (event: unknown) => options.onProgress!(progressText(event)) }),
  };
}

function progressText(event: unknown): string {
  if (typeof event === 'string') return event;
  const message = (event as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : 'Reading facts';
}
