/**
 * The facts a session starts with: none (offline), read from ARM, or read from the local ARM
 * emulator running a demo scenario. Azure SDKs and the emulator load only when needed, so
 * offline use and --help never pay for them.
 */
import { DEFAULT_DEMO, type TargetFlags } from './target-flags.ts';
import { UsageError } from '../errors.ts';
import type { Fact } from '../engine/types.ts';
import type { ReportError, ReportTarget } from './read-outcome.ts';
import {
  CLOUD_ENDPOINTS, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, staticTokenCredential, type ArmContext, type CloudName, type RetrySettings,
} from './arm/context.ts';
import { parseResourceId } from './arm/resource-id.ts';
import { checkTokenInput, userAccessToken } from './arm/access-token.ts';
import { maskKnownSecrets } from '../text/secrets.ts';
import { gatherFromArm, type AppTarget } from './arm/gather-arm.ts';
import { appId, appLabel } from './arm/arm-reader.ts';
import { startEmulator } from '../emulator/server.ts';
import type { TokenCredential } from '@azure/identity';

export interface GatherOptions {
  signal?: AbortSignal;
  /** YYYY-MM-DD; default: today (UTC). */
  today?: string;
  onProgress?: (message: string) => void;
  /** Per call, default 15000. */
  timeoutMs?: number;
  /** A credential built by the caller (default: from --access-token [- for standard input], VNET_DOCTOR_ACCESS_TOKEN or DefaultAzureCredential). */
  credential?: TokenCredential;
  /** Extra CA (PEM) to trust, for a local ARM emulator. */
  tlsCa?: string;
  retry?: RetrySettings;
  env?: Readonly<Record<string, string | undefined>>;
  /** --read-dns-settings: read WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER (the call returns every setting; two are kept). */
  readDnsSettings?: boolean;
}

export interface FactGathering {
  facts: Record<string, Fact>;
  errors: ReportError[];
  target: ReportTarget;
  stats?: { requests: number; rounds: number; ms: number };
}

/** No credential could be found: callers offer offline mode. */
export class NoCredentialError extends Error {}

/** The token the demo emulator accepts; not a secret, it only opens the local emulator. */
export const DEMO_ACCESS_TOKEN = 'vnet-doctor-demo-token';

/**
 * What to read facts about, typed: the command line turns its flags into this once (targetFromFlags).
 * The session's TargetChoice (sources-interface.ts) is what the engineer picked, with the app as an id;
 * this is the same choice with the id already parsed into subscription, group and name.
 */
export type FactTarget =
  | { readonly mode: 'offline' }
  | { readonly mode: 'demo'; readonly scenario: string }
  | { readonly mode: 'arm'; readonly app: AppTarget };

/**
 * ARM access for one session: the endpoint and a credential built once; the token is checked
 * with one request on first use (again only after a failed check), not before every read.
 */
export interface ArmAccess {
  readonly endpoint: string;
  context(gather?: GatherOptions): Promise<ArmContext>;
}

export function armAccess(endpoint: string, credential: () => TokenCredential | Promise<TokenCredential>, tlsCa?: string): ArmAccess {
  let checked: Promise<TokenCredential> | undefined;
  const scope = `${endpoint}/.default`;
  return {
    endpoint,
    async context(gather = {}) {
      checked ??= (async () => {
        const built = await credential();
        await ensureToken({ credential: built, scope, signal: gather.signal });
        return built;
      })();
      checked.catch(() => { checked = undefined; });
      const ready = await checked;
      return {
        endpoint, credential: ready, scope, tlsCa: gather.tlsCa ?? tlsCa, signal: gather.signal,
        timeoutMs: gather.timeoutMs ?? DEFAULT_TIMEOUT_MS, retry: gather.retry ?? DEFAULT_RETRY,
      };
    },
  };
}

/** The flags' target: --offline, --demo, or the app named by --app (or --subscription, --resource-group and --name). */
export function targetFromFlags(options: TargetFlags): FactTarget {
  if (options.offline) return { mode: 'offline' };
  if (options.demo !== undefined) return { mode: 'demo', scenario: options.demo || DEFAULT_DEMO };
  return { mode: 'arm', app: appTarget(options) };
}

/** The flags' ARM access: --arm-endpoint or --cloud, and --access-token, VNET_DOCTOR_ACCESS_TOKEN or DefaultAzureCredential. */
export function accessFromFlags(options: TargetFlags, gather: Pick<GatherOptions, 'credential' | 'tlsCa' | 'env'> = {}): ArmAccess {
  // `--access-token -` where standard input is the terminal is refused now, before any screen or call.
  if (gather.credential === undefined) checkTokenInput(options['access-token']);
  return armAccess(armEndpoint(options), () => gather.credential ?? credentialFor(options, gather.env ?? process.env), gather.tlsCa);
}

/** Flag-set entry point, kept for callers that hold flags; sessions use gatherFactsFor. */
export async function gatherFacts(options: TargetFlags, gather: GatherOptions = {}): Promise<FactGathering> {
  const target = targetFromFlags(options);
  return gatherFactsFor(target, target.mode === 'arm' ? accessFromFlags(options, gather) : undefined, gather);
}

export async function gatherFactsFor(target: FactTarget, access: ArmAccess | undefined, gather: GatherOptions = {}): Promise<FactGathering> {
  const today = gather.today ?? new Date().toISOString().slice(0, 10);
  const session: Record<string, Fact> = { 'session.today': { value: today, source: 'derived', detail: "today's date" } };
  if (target.mode === 'offline') return { facts: session, errors: [], target: { mode: 'offline' } };
  if (target.mode === 'demo') return gatherDemo(target.scenario, session, gather);
  if (!access) throw new UsageError('reading facts from Azure needs an ARM endpoint and credential');
  const ctx = await access.context(gather);
  const result = await usableArmAnswers(target.app.name, ctx.signal, () => gatherFromArm(ctx, target.app, gather.onProgress, { readDnsSettings: gather.readDnsSettings === true }));
  const app = target.app;
  return { facts: { ...result.facts, ...session }, errors: result.errors, target: { mode: 'arm', appId: appId(app), appName: appLabel(app) }, stats: result.stats };
}

/** ARM's answers could not be turned into facts (a value of a type no ARM API sends): a clear error, never a stack trace. */
export class UnusableArmAnswerError extends UsageError {}

async function usableArmAnswers<T>(app: string, signal: AbortSignal | undefined, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UsageError || signal?.aborted || (error as Error)?.name === 'AbortError' || !(error instanceof TypeError)) throw error;
    throw new UnusableArmAnswerError(maskKnownSecrets(`ARM's answers about ${app} could not be used (${error.message.split('\n')[0]!.slice(0, 200)}); no facts were read`));
  }
}

async function gatherDemo(scenarioId: string, session: Record<string, Fact>, gather: GatherOptions): Promise<FactGathering> {
  return withDemoEmulator(scenarioId, async (app, access, scenario) => {
    // A scenario set on a declared day keeps showing what it promises, whatever day the demo runs.
    const today = scenario.today ?? (session['session.today']!.value as string);
    const result = await gatherFactsFor({ mode: 'arm', app }, access, { ...gather, today });
    if (scenario.today) result.facts['session.today'] = { value: today, source: 'derived', detail: 'the day the demo scenario is set on' };
    return { ...result, target: { mode: 'demo', appId: scenario.target.app, appName: result.target.appName, scenario: scenario.id } };
  });
}

/** Runs `work` against the emulator serving a demo scenario, with the app and ARM access pointing at it. */
export async function withDemoEmulator<T>(
  scenarioId: string,
  work: (app: AppTarget, access: ArmAccess, scenario: { id: string; target: { app: string }; today?: string }) => Promise<T>,
): Promise<T> {
  const { loadScenario, ScenarioError } = await import('../emulator/scenarios.ts');
  let scenario;
  try {
    scenario = loadScenario(scenarioId);
  } catch (error) {
    throw error instanceof ScenarioError ? new UsageError(error.message) : error;
  }
  const emulator = await startEmulator({ scenario, token: DEMO_ACCESS_TOKEN });
  try {
    const access = armAccess(armEndpoint({ 'arm-endpoint': emulator.url }), () => staticTokenCredential(DEMO_ACCESS_TOKEN), emulator.ca);
    return await work(appTarget({ app: scenario.target.app }), access, scenario);
  } finally {
    await emulator.stop();
  }
}

/** Endpoint, credential (checked with one token request) and call settings for ARM mode. */
export async function armContextFor(options: TargetFlags, gather: GatherOptions = {}): Promise<ArmContext> {
  return accessFromFlags(options, gather).context(gather);
}

/** Deployment slot names: letters, digits and hyphens (App Service's own rule for slot names). */
const SLOT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,58}$/;
/** An app id, or a slot's (`.../sites/<app>/slots/<slot>`), and nothing after it. */
const APP_ID_TAIL = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Web\/sites\/[^/]+(?:\/slots\/([^/]+))?\/?$/i;

/**
 * The app named by --app (an app or slot id), or by --subscription, --resource-group and --name
 * together; --slot names one of its deployment slots (each has its own VNet integration).
 */
export function appTarget(options: TargetFlags): AppTarget {
  const slotFlag = options.slot;
  if (slotFlag !== undefined && !SLOT_NAME.test(slotFlag)) throw new UsageError(`--slot takes a deployment slot name (letters, digits and hyphens), not "${slotFlag}"`);
  if (options.app !== undefined) {
    const id = parseResourceId(options.app);
    const tail = APP_ID_TAIL.exec(options.app.trim());
    if (!id || !tail || id.provider.toLowerCase() !== 'microsoft.web' || id.type.toLowerCase() !== 'sites') {
      throw new UsageError(`--app must be an App Service resource id like /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Web/sites/<app> (or .../sites/<app>/slots/<slot>), not "${options.app}"`);
    }
    const inId = tail[1];
    if (inId !== undefined && !SLOT_NAME.test(inId)) throw new UsageError(`the slot in --app must be a deployment slot name (letters, digits and hyphens), not "${inId}"`);
    if (inId !== undefined && slotFlag !== undefined && inId.toLowerCase() !== slotFlag.toLowerCase()) throw new UsageError(`--slot ${slotFlag} contradicts the slot ${inId} in --app`);
    const slot = slotFlag ?? inId;
    return { subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup, name: id.name, ...(slot ? { slot } : {}) };
  }
  if (slotFlag !== undefined && options.name === undefined) throw new UsageError('--slot names a slot of the app given with --app or --name');
  const missing = (['subscription', 'resource-group', 'name'] as const).filter((flag) => !options[flag]);
  if (missing.length === 3) throw new UsageError('name the app: --app <resource id>, or --subscription, --resource-group and --name (or use --offline or --demo)');
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((flag) => `--${flag}`).join(', ')}: --subscription, --resource-group and --name go together`);
  return { subscriptionId: options.subscription!, resourceGroup: options['resource-group']!, name: options.name!, ...(slotFlag ? { slot: slotFlag } : {}) };
}

export function armEndpoint(options: TargetFlags): string {
  if (options['arm-endpoint'] !== undefined) {
    let url: URL;
    try {
      url = new URL(options['arm-endpoint']);
    } catch {
      throw new UsageError(`--arm-endpoint must be an https URL, not "${options['arm-endpoint']}"`);
    }
    if (url.protocol !== 'https:') throw new UsageError(`--arm-endpoint must use https, not "${url.protocol}"`);
    return url.origin;
  }
  return CLOUD_ENDPOINTS[(options.cloud ?? 'AzureCloud') as CloudName];
}

async function credentialFor(options: TargetFlags, env: Readonly<Record<string, string | undefined>>): Promise<TokenCredential> {
  const token = await userAccessToken(options['access-token'], env);
  if (token !== undefined) return staticTokenCredential(token);
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential();
}

/** One token request up front: without a credential there is no point calling ARM. */
async function ensureToken(ctx: Pick<ArmContext, 'credential' | 'scope' | 'signal'>): Promise<void> {
  try {
    const token = await ctx.credential.getToken(ctx.scope, { abortSignal: ctx.signal });
    if (!token) throw new Error('the credential returned no token');
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    throw new NoCredentialError(`no Azure credential available (${String((error as Error).message).split('\n')[0]}). Sign in with "az login", pass --access-token, or use --offline.`);
  }
}
