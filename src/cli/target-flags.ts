/**
 * The command line's target flags turned, once, into what a session takes: a typed target choice
 * and the session's ARM access (endpoint and credential). Conflicting targets are refused here.
 */
import type { TokenCredential } from '@azure/identity';
import { UsageError } from '../errors.ts';
import { accessFromFlags, appTarget, type ArmAccess } from '../facts/gather-facts.ts';
import { appId } from '../facts/arm/arm-reader.ts';
import type { TargetChoice } from '../facts/sources-interface.ts';
import { DEFAULT_DEMO, type CliOptions } from './args.ts';

const APP_FLAGS = ['app', 'subscription', 'resource-group', 'name', 'slot'] as const;

/** --demo, --offline and an app in Azure each name the target: only one may be given. */
export function checkFlagConflicts(options: CliOptions): void {
  const app = APP_FLAGS.filter((flag) => options[flag] !== undefined).map((flag) => `--${flag}`);
  const named = [...(options.demo !== undefined ? ['--demo'] : []), ...(options.offline ? ['--offline'] : []), ...(app.length > 0 ? [app.join(', ')] : [])];
  if (named.length > 1) throw new UsageError(`${named.join(' and ')} each name what to examine; give only one of them`);
  if (options.offline && (options['access-token'] !== undefined || options['arm-endpoint'] !== undefined || options.cloud !== undefined)) {
    throw new UsageError('--offline never calls Azure; leave out --access-token, --arm-endpoint and --cloud');
  }
  if (options.offline && options['read-dns-settings']) {
    throw new UsageError('--read-dns-settings reads an app\'s settings in Azure, which --offline never calls; leave it out (an answers file can give app.dnsOverride instead)');
  }
}

export interface SessionTarget {
  /** Undefined when the flags name no target (the wizard then asks). */
  readonly choice: TargetChoice | undefined;
  /** ARM access for reading an app (and for the wizard's app picker); absent offline and in demos. */
  readonly access?: ArmAccess;
}

/**
 * What the flags name. A mistyped app id or endpoint is a usage error now, before any call.
 * `check` needs a target: without one it says how to name it.
 */
export async function sessionTarget(options: CliOptions, edge: { credential?: TokenCredential; tlsCa?: string; requireTarget?: boolean } = {}): Promise<SessionTarget> {
  if (options.offline) return { choice: { mode: 'offline' } };
  if (options.demo !== undefined) {
    const scenario = options.demo || DEFAULT_DEMO;
    const { loadScenario, ScenarioError } = await import('../emulator/scenarios.ts');
    try {
      loadScenario(scenario);
    } catch (error) {
      throw error instanceof ScenarioError ? new UsageError(error.message) : error;
    }
    return { choice: { mode: 'demo', scenario } };
  }
  const access = accessFromFlags(options, { ...(edge.credential === undefined ? {} : { credential: edge.credential }), ...(edge.tlsCa === undefined ? {} : { tlsCa: edge.tlsCa }) });
  const named = APP_FLAGS.some((flag) => options[flag] !== undefined);
  if (!named && edge.requireTarget === false) return { choice: undefined, access };
  const app = appTarget(options);
  return { choice: { mode: 'arm', appId: appId(app) }, access };
}
