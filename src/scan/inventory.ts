/**
 * What a scan lists before it looks at connections: App Service plans, apps, VNets, and the
 * gateways, gateway connections and local network gateways of the VNets' resource groups.
 * Resource Graph first (a handful of paged queries over every subscription); when it is
 * refused, ARM list calls per subscription, and per resource group for the network parts.
 */
import type { AppServicePlan, Site } from '@azure/arm-appservice';
import type { LocalNetworkGateway, VirtualNetwork, VirtualNetworkGateway, VirtualNetworkGatewayConnection } from '@azure/arm-network';
import type { ArmContext } from '../facts/arm/context.ts';
import { describeFailure, UserAbortError } from '../facts/arm/call.ts';
import type { ArmLists } from './arm-lists.ts';
import { flattenArmResource } from './flatten.ts';
import { mapBounded } from './pool.ts';
import { resourceGraph, ResourceGraphUnavailable, type RawResource } from './resource-graph-source.ts';
import type { ScanError } from './scan-types.ts';

export const CONCURRENCY = 16;

export interface NetworkGroup {
  readonly gateways: readonly VirtualNetworkGateway[];
  readonly connections: readonly VirtualNetworkGatewayConnection[] | undefined;
  readonly localGateways: readonly LocalNetworkGateway[] | undefined;
}

export interface Inventory {
  readonly enumeration: 'resource-graph' | 'arm';
  readonly plans: readonly AppServicePlan[];
  readonly sites: readonly Site[];
  readonly vnets: readonly VirtualNetwork[];
  /** Gateways etc. by lower-case `subscription/resourceGroup`, when Resource Graph listed them. */
  readonly network?: ReadonlyMap<string, NetworkGroup>;
  /** Subscriptions whose plans or apps could not be listed, with why. */
  readonly listFailures: ReadonlyMap<string, string>;
  readonly errors: ScanError[];
}

const TYPES = {
  plans: 'microsoft.web/serverfarms',
  sites: 'microsoft.web/sites',
  vnets: 'microsoft.network/virtualnetworks',
  gateways: 'microsoft.network/virtualnetworkgateways',
  connections: 'microsoft.network/connections',
  localGateways: 'microsoft.network/localnetworkgateways',
} as const;

/** The fields of plans and apps the scan reads; the rest of each (often large) resource is dropped as it arrives. */
const SITE_FIELDS = ['id', 'name', 'kind', 'location', 'serverFarmId', 'reserved', 'isXenon', 'hyperV', 'virtualNetworkSubnetId', 'state', 'hostNameSslStates'] as const;
const PLAN_FIELDS = ['id', 'name', 'kind', 'location', 'sku', 'reserved'] as const;
const pick = (fields: readonly string[]) => (item: unknown): unknown => {
  const record = item as Record<string, unknown>;
  return Object.fromEntries(fields.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));
};
const slimSite = pick(SITE_FIELDS);
const slimPlan = pick(PLAN_FIELDS);

export const groupKey = (subscriptionId: string, resourceGroup: string): string => `${subscriptionId}/${resourceGroup}`.toLowerCase();
const SUBSCRIPTION_AND_GROUP = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i;

function groupOf(id: string | undefined): string | undefined {
  const match = SUBSCRIPTION_AND_GROUP.exec(id ?? '');
  return match ? groupKey(match[1]!, match[2]!) : undefined;
}

export async function listInventory(
  ctx: ArmContext, lists: ArmLists, subscriptions: readonly string[], onListed: (what: string, count: number) => void,
): Promise<Inventory> {
  const errors: ScanError[] = [];
  try {
    return await fromResourceGraph(ctx, subscriptions, errors, onListed);
  } catch (error) {
    if (!(error instanceof ResourceGraphUnavailable)) throw error;
    errors.push({ source: 'Resource Graph query', reason: `${error.message}; listed through ARM per subscription instead` });
  }
  return fromArmLists(ctx, lists, subscriptions, errors, onListed);
}

async function fromResourceGraph(ctx: ArmContext, subscriptions: readonly string[], errors: ScanError[], onListed: (what: string, count: number) => void): Promise<Inventory> {
  const graph = await resourceGraph(ctx);
  const read = async (type: string, what: string, slim: (item: unknown) => unknown = (item) => item) => {
    const got = await graph.resources(type, subscriptions, (count) => onListed(what, count), (item: RawResource) => slim(flattenArmResource(item)));
    if (got.truncated) throw new ResourceGraphUnavailable(`Resource Graph truncated the list of ${type}`);
    return got.items;
  };
  const [plans, sites, vnets, gateways, connections, localGateways] = await Promise.all([
    read(TYPES.plans, 'plans', slimPlan), read(TYPES.sites, 'apps', slimSite), read(TYPES.vnets, 'VNets'),
    read(TYPES.gateways, 'gateways'), read(TYPES.connections, 'gateway connections'), read(TYPES.localGateways, 'local network gateways'),
  ]);
  const network = new Map<string, { gateways: VirtualNetworkGateway[]; connections: VirtualNetworkGatewayConnection[]; localGateways: LocalNetworkGateway[] }>();
  const group = (id: string | undefined) => {
    const key = groupOf(id);
    if (!key) return undefined;
    if (!network.has(key)) network.set(key, { gateways: [], connections: [], localGateways: [] });
    return network.get(key)!;
  };
  for (const item of gateways as VirtualNetworkGateway[]) group(item.id)?.gateways.push(item);
  for (const item of connections as VirtualNetworkGatewayConnection[]) group(item.id)?.connections.push(item);
  for (const item of localGateways as LocalNetworkGateway[]) group(item.id)?.localGateways.push(item);
  return {
    enumeration: 'resource-graph', plans: plans as AppServicePlan[], sites: sites as Site[], vnets: vnets as VirtualNetwork[],
    network, listFailures: new Map(), errors,
  };
}

async function fromArmLists(
  ctx: ArmContext, lists: ArmLists, subscriptions: readonly string[], errors: ScanError[], onListed: (what: string, count: number) => void,
): Promise<Inventory> {
  const plans: AppServicePlan[] = [];
  const sites: Site[] = [];
  const vnets: VirtualNetwork[] = [];
  const listFailures = new Map<string, string>();
  type Job = { subscriptionId: string; what: string; into: unknown[]; run: (subscriptionId: string, signal: AbortSignal) => Promise<unknown[]>; essential: boolean };
  const jobs: Job[] = subscriptions.flatMap((subscriptionId) => [
    { subscriptionId, what: 'plans', into: plans, run: async (id, signal) => (await lists.plans(id, signal)).map(slimPlan), essential: true },
    { subscriptionId, what: 'apps', into: sites, run: async (id, signal) => (await lists.sites(id, signal)).map(slimSite), essential: true },
    { subscriptionId, what: 'VNets', into: vnets, run: lists.vnets, essential: false },
  ]);
  await mapBounded(jobs, CONCURRENCY, async (job) => {
    const got = await attempt(ctx, (signal) => job.run(job.subscriptionId, signal));
    if (got.ok) {
      job.into.push(...got.value);
      onListed(job.what, got.value.length);
      return;
    }
    errors.push({ source: `LIST ${job.what} in subscription ${job.subscriptionId}`, reason: got.reason });
    if (job.essential && !listFailures.has(job.subscriptionId)) listFailures.set(job.subscriptionId, `${job.what} cannot be listed: ${got.reason}`);
  });
  return { enumeration: 'arm', plans, sites, vnets, listFailures, errors };
}

/** One ARM call with the scan's timeout; a failure is a reason, a user abort is thrown. */
export async function attempt<T>(ctx: ArmContext, run: (signal: AbortSignal) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; reason: string }> {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  try {
    return { ok: true, value: await run(signal) };
  } catch (error) {
    if (ctx.signal?.aborted) throw new UserAbortError();
    return { ok: false, reason: describeFailure(error, ctx.timeoutMs, timeout.aborted) };
  }
}
