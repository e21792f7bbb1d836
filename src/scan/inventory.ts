/**
 * What a scan lists before it looks at connections: App Service plans, apps, VNets, and the
 * gateways, gateway connections and local network gateways of the VNets' resource groups.
 * Resource Graph first (a handful of paged queries over every subscription); when it is
 * refused, ARM list calls per subscription, and per resource group for the network parts.
 */
import type { AppServicePlan, Site } from '@azure/arm-appservice';
import type { LocalNetworkGateway, VirtualNetwork, VirtualNetworkGateway, VirtualNetworkGatewayConnection } from '@azure/arm-network';
import type { ArmContext } from '../facts/arm/context.ts';
import type { ArmLists } from './arm-lists.ts';
import { PRIORITY, type RequestSlots } from './pool.ts';
import { resourceGraph, ResourceGraphUnavailable, type RawResource } from './resource-graph-source.ts';
import { attempt, type SubscriptionReads } from './scan-read.ts';
import type { ScanError, ScanRead } from './scan-types.ts';
import { CONNECTION_SHAPE, GATEWAY_SHAPE, LOCAL_GATEWAY_SHAPE, PLAN_SHAPE, SITE_SHAPE, slim, slimFlattened, VNET_SHAPE, type Shape } from './slim.ts';

export const CONCURRENCY = 16;

export interface NetworkGroup {
  readonly gateways: readonly VirtualNetworkGateway[];
  readonly connections: readonly VirtualNetworkGatewayConnection[] | undefined;
  readonly localGateways: readonly LocalNetworkGateway[] | undefined;
}

/**
 * What rows are judged with: VNets, slots and (Resource Graph) the network groups. Plans and apps
 * are not held here: they are handed over page by page (InventoryOptions.onPlans / onSites), so
 * the scan reads plans while the rest is still being listed and keeps only what it needs.
 */
export interface Inventory {
  readonly enumeration: 'resource-graph' | 'arm';
  /** Every deployment slot, when Resource Graph listed them (else each app's are listed when needed). */
  readonly slots?: readonly Site[];
  readonly vnets: readonly VirtualNetwork[];
  /** Gateways etc. by lower-case `subscription/resourceGroup`, when Resource Graph listed them. */
  readonly network?: ReadonlyMap<string, NetworkGroup>;
  readonly errors: ScanError[];
}

const TYPES = {
  plans: 'microsoft.web/serverfarms',
  sites: 'microsoft.web/sites',
  slots: 'microsoft.web/sites/slots',
  vnets: 'microsoft.network/virtualnetworks',
  gateways: 'microsoft.network/virtualnetworkgateways',
  connections: 'microsoft.network/connections',
  localGateways: 'microsoft.network/localnetworkgateways',
} as const;

const slimSite = slim(SITE_SHAPE);
const slimPlan = slim(PLAN_SHAPE);
const slimVnet = slim(VNET_SHAPE);

export const groupKey = (subscriptionId: string, resourceGroup: string): string => `${subscriptionId}/${resourceGroup}`.toLowerCase();
const SUBSCRIPTION_AND_GROUP = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\//i;

function groupOf(id: string | undefined): string | undefined {
  const match = SUBSCRIPTION_AND_GROUP.exec(id ?? '');
  return match ? groupKey(match[1]!, match[2]!) : undefined;
}

export interface InventoryOptions {
  /** Each subscription's reads and time bound (scan-read.ts), by lower-case id. */
  readonly budgets: ReadonlyMap<string, SubscriptionReads>;
  /** The scan's shared request slots (pool.ts): listing requests go first. */
  readonly slots?: RequestSlots;
  readonly onListed: (what: string, count: number) => void;
  /** Plans as each page (or subscription's list) arrives; the same plan may come again after a fallback to ARM. */
  readonly onPlans: (plans: readonly AppServicePlan[]) => void;
  /** Apps as each page (or subscription's list) arrives; the same app may come again after a fallback to ARM. */
  readonly onSites: (sites: readonly Site[]) => void;
  /** VNets, slots and network groups are all listed: rows can be judged from here on (called once). */
  readonly onNetwork: (inventory: Inventory) => void;
  /** Told when a wait for Resource Graph's quota starts (ms) and ends (0). */
  readonly onWait?: (ms: number) => void;
}

export async function listInventory(ctx: ArmContext, lists: ArmLists, subscriptions: readonly string[], options: InventoryOptions): Promise<Inventory> {
  const errors: ScanError[] = [];
  try {
    return await fromResourceGraph(ctx, subscriptions, errors, options);
  } catch (error) {
    if (!(error instanceof ResourceGraphUnavailable)) throw error;
    errors.push({ read: 'resource-graph', resource: '/providers/Microsoft.ResourceGraph/resources', ...error.failure });
  }
  return fromArmLists(ctx, lists, subscriptions, errors, options);
}

async function fromResourceGraph(ctx: ArmContext, subscriptions: readonly string[], errors: ScanError[], options: InventoryOptions): Promise<Inventory> {
  // A failed list stops the others (the scan lists through ARM instead), rather than paging on.
  const stop = new AbortController();
  const graphCtx: ArmContext = { ...ctx, signal: ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal };
  const graph = await resourceGraph(graphCtx, options.onWait, options.slots);
  // Each item is cut to its shape as its page arrives (Resource Graph's REST shape, lifted as the SDK would: slim.ts).
  const read = async <T>(type: string, what: string, shape: Shape, onPage?: (page: readonly T[]) => void) => {
    const keep = slimFlattened(shape);
    const got = await graph.resources(type, subscriptions, (count, page) => { options.onListed(what, count); onPage?.(page as T[]); },
      (item: RawResource) => keep(item), onPage !== undefined);
    if (got.truncated) throw new ResourceGraphUnavailable({ problem: 'truncated', detail: `the list of ${type}` });
    return got.items as T[];
  };
  const network = new Map<string, { gateways: VirtualNetworkGateway[]; connections: VirtualNetworkGatewayConnection[]; localGateways: LocalNetworkGateway[] }>();
  const group = (id: string | undefined) => {
    const key = groupOf(id);
    if (!key) return undefined;
    if (!network.has(key)) network.set(key, { gateways: [], connections: [], localGateways: [] });
    return network.get(key)!;
  };
  // Plans and apps stream to the scan; the rest is small and complete before any row is judged.
  const streamed = Promise.all([
    read<AppServicePlan>(TYPES.plans, 'plans', PLAN_SHAPE, options.onPlans),
    read<Site>(TYPES.sites, 'apps', SITE_SHAPE, options.onSites),
  ]);
  const judged = Promise.all([
    read<Site>(TYPES.slots, 'slots', SITE_SHAPE), read<VirtualNetwork>(TYPES.vnets, 'VNets', VNET_SHAPE),
    read<VirtualNetworkGateway>(TYPES.gateways, 'gateways', GATEWAY_SHAPE), read<VirtualNetworkGatewayConnection>(TYPES.connections, 'gateway connections', CONNECTION_SHAPE),
    read<LocalNetworkGateway>(TYPES.localGateways, 'local network gateways', LOCAL_GATEWAY_SHAPE),
  ]).then(([slots, vnets, gateways, connections, localGateways]) => {
    for (const item of gateways) group(item.id)?.gateways.push(item);
    for (const item of connections) group(item.id)?.connections.push(item);
    for (const item of localGateways) group(item.id)?.localGateways.push(item);
    const inventory: Inventory = { enumeration: 'resource-graph', slots, vnets, network, errors };
    options.onNetwork(inventory);
    return inventory;
  });
  try {
    const [, inventory] = await Promise.all([streamed, judged]);
    return inventory;
  } catch (error) {
    stop.abort();
    // The lists still running end with the stop; their errors say nothing more.
    streamed.catch(() => undefined);
    judged.catch(() => undefined);
    throw error;
  }
}

async function fromArmLists(ctx: ArmContext, lists: ArmLists, subscriptions: readonly string[], errors: ScanError[], options: InventoryOptions): Promise<Inventory> {
  const vnets: VirtualNetwork[] = [];
  type Job = { subscriptionId: string; what: string; read: ScanRead; run: (subscriptionId: string, signal: AbortSignal) => Promise<unknown[]>; take: (items: unknown[]) => void; essential: boolean };
  const jobs: Job[] = subscriptions.flatMap((subscriptionId) => [
    { subscriptionId, what: 'plans', read: 'plans', run: async (id, signal) => (await lists.plans(id, signal)).map(slimPlan), take: (items) => options.onPlans(items as AppServicePlan[]), essential: true },
    { subscriptionId, what: 'apps', read: 'apps', run: async (id, signal) => (await lists.sites(id, signal)).map(slimSite), take: (items) => options.onSites(items as Site[]), essential: true },
    { subscriptionId, what: 'VNets', read: 'vnets', run: async (id, signal) => (await lists.vnets(id, signal)).map(slimVnet), take: (items) => vnets.push(...(items as VirtualNetwork[])), essential: false },
  ]);
  const turn = options.slots ? { slots: options.slots, priority: PRIORITY.listing } : undefined;
  await Promise.all(jobs.map(async (job) => {
    const budget = options.budgets.get(job.subscriptionId.toLowerCase());
    const got = await attempt(ctx, (signal) => job.run(job.subscriptionId, signal), budget, turn);
    if (got.ok) {
      job.take(got.value);
      options.onListed(job.what, got.value.length);
      return;
    }
    errors.push({ read: job.read, resource: `/subscriptions/${job.subscriptionId}`, ...got.failure });
    if (job.essential && budget) budget.listFailed = true;
  }));
  const inventory: Inventory = { enumeration: 'arm', vnets, errors };
  options.onNetwork(inventory);
  return inventory;
}
