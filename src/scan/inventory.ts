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
import { flattenArmResource } from './flatten.ts';
import { mapBounded } from './pool.ts';
import { resourceGraph, ResourceGraphUnavailable, type RawResource } from './resource-graph-source.ts';
import { attempt, type SubscriptionReads } from './scan-read.ts';
import type { ScanError, ScanRead } from './scan-types.ts';
import { CONNECTION_SHAPE, GATEWAY_SHAPE, LOCAL_GATEWAY_SHAPE, PLAN_SHAPE, SITE_SHAPE, slim, VNET_SHAPE } from './slim.ts';

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
  readonly onListed: (what: string, count: number) => void;
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
  const graph = await resourceGraph(ctx, options.onWait);
  const read = async (type: string, what: string, keep: (item: unknown) => unknown) => {
    const got = await graph.resources(type, subscriptions, (count) => options.onListed(what, count), (item: RawResource) => keep(flattenArmResource(item)));
    if (got.truncated) throw new ResourceGraphUnavailable({ problem: 'truncated', detail: `the list of ${type}` });
    return got.items;
  };
  const [plans, sites, slots, vnets, gateways, connections, localGateways] = await Promise.all([
    read(TYPES.plans, 'plans', slimPlan), read(TYPES.sites, 'apps', slimSite), read(TYPES.slots, 'slots', slimSite), read(TYPES.vnets, 'VNets', slimVnet),
    read(TYPES.gateways, 'gateways', slim(GATEWAY_SHAPE)), read(TYPES.connections, 'gateway connections', slim(CONNECTION_SHAPE)),
    read(TYPES.localGateways, 'local network gateways', slim(LOCAL_GATEWAY_SHAPE)),
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
  return { enumeration: 'resource-graph', plans: plans as AppServicePlan[], sites: sites as Site[], slots: slots as Site[], vnets: vnets as VirtualNetwork[], network, errors };
}

async function fromArmLists(ctx: ArmContext, lists: ArmLists, subscriptions: readonly string[], errors: ScanError[], options: InventoryOptions): Promise<Inventory> {
  const plans: AppServicePlan[] = [];
  const sites: Site[] = [];
  const vnets: VirtualNetwork[] = [];
  type Job = { subscriptionId: string; what: string; read: ScanRead; into: unknown[]; run: (subscriptionId: string, signal: AbortSignal) => Promise<unknown[]>; essential: boolean };
  const jobs: Job[] = subscriptions.flatMap((subscriptionId) => [
    { subscriptionId, what: 'plans', read: 'plans', into: plans, run: async (id, signal) => (await lists.plans(id, signal)).map(slimPlan), essential: true },
    { subscriptionId, what: 'apps', read: 'apps', into: sites, run: async (id, signal) => (await lists.sites(id, signal)).map(slimSite), essential: true },
    { subscriptionId, what: 'VNets', read: 'vnets', into: vnets, run: async (id, signal) => (await lists.vnets(id, signal)).map(slimVnet), essential: false },
  ]);
  await mapBounded(jobs, CONCURRENCY, async (job) => {
    const budget = options.budgets.get(job.subscriptionId.toLowerCase());
    const got = await attempt(ctx, (signal) => job.run(job.subscriptionId, signal), budget);
    if (got.ok) {
      job.into.push(...got.value);
      options.onListed(job.what, got.value.length);
      return;
    }
    errors.push({ read: job.read, resource: `/subscriptions/${job.subscriptionId}`, ...got.failure });
    if (job.essential && budget) budget.listFailed = true;
  });
  return { enumeration: 'arm', plans, sites, vnets, errors };
}
