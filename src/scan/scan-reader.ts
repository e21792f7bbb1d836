/**
 * The fact reader of a scan: the same interface `check` reads through (facts/arm/arm-reader.ts),
 * answered from what the scan has listed (plans, apps, VNets, gateways) and read (each plan's
 * connections), and otherwise through the SDK once per resource, within its subscription's
 * bound. A failed read is recorded once as structured data; the facts it leaves unknown carry
 * the tool's sentence ("VNet vnet-x could not be read: ARM 403 Forbidden").
 */
import type { AppServicePlan, SwiftVirtualNetwork, VnetInfoResource } from '@azure/arm-appservice';
import type { LocalNetworkGateway, VirtualNetwork, VirtualNetworkGateway, VirtualNetworkGatewayConnection } from '@azure/arm-network';
import { appId, type AppTarget, type ArmReader } from '../facts/arm/arm-reader.ts';
import { ArmReadError } from '../facts/arm/call.ts';
import type { ArmContext } from '../facts/arm/context.ts';
import type { ResourceId } from '../facts/arm/resource-id.ts';
import { groupKey, type Inventory } from './inventory.ts';
import { attempt, type ReadTurn, type SubscriptionReads } from './scan-read.ts';
import { describeScanError } from './scan-text.ts';
import type { ScanError, ScanRead } from './scan-types.ts';
import { CONNECTION_SHAPE, GATEWAY_SHAPE, LOCAL_GATEWAY_SHAPE, PLAN_SHAPE, slim, VNET_SHAPE } from './slim.ts';

const lower = (text: string | undefined) => (text ?? '').toLowerCase();
const groupId = (subscriptionId: string, resourceGroup: string) => `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;

export interface ScanReaderOptions {
  readonly budgetOf: (subscriptionId: string) => SubscriptionReads | undefined;
  /** Subscriptions the scan covers (Resource Graph listed their gateways). */
  readonly scanned: ReadonlySet<string>;
  readonly errors: ScanError[];
  /** Plans the scan listed (only those it still holds: the plans of rows), by lower-case id. */
  readonly plans: ReadonlyMap<string, AppServicePlan>;
  /** Each plan's connections, as the scan read them (the plans of rows), by lower-case id. */
  readonly planConnectionsRead: ReadonlyMap<string, VnetInfoResource[]>;
  /** The scan's shared request slots: a row's reads wait for their turn there. */
  readonly turn?: ReadTurn;
}

/** The shared part; each row adds its own app and connection (forRow). */
export type ScanReader = Omit<ArmReader, 'site' | 'siteConnections'>;

export function scanReader(ctx: ArmContext, sdk: ArmReader, inventory: Inventory, options: ScanReaderOptions): ScanReader {
  const vnets = new Map(inventory.vnets.filter((vnet) => vnet.id).map((vnet) => [lower(vnet.id), vnet]));
  const { plans, planConnectionsRead } = options;
  const gateways = new Map<string, VirtualNetworkGateway>();
  for (const group of inventory.network?.values() ?? []) for (const gateway of group.gateways) if (gateway.id) gateways.set(lower(gateway.id), gateway);
  const cache = new Map<string, Promise<unknown>>();

  /** One read per key for the whole scan; a failure is recorded once and rejects every caller alike. */
  function once<T>(key: string, read: ScanRead, resource: string, subscriptionId: string, run: (signal: AbortSignal) => Promise<T>, keep: (value: T) => T = (value) => value): Promise<T> {
    if (!cache.has(key)) {
      cache.set(key, attempt(ctx, run, options.budgetOf(subscriptionId), options.turn).then((got) => {
        if (got.ok) return keep(got.value);
        const error: ScanError = { read, resource, ...got.failure };
        options.errors.push(error);
        throw new ArmReadError(describeScanError(error), got.failure.status);
      }));
      cache.get(key)!.catch(() => undefined);
    }
    return cache.get(key) as Promise<T>;
  }
  const listed = (subscriptionId: string) => inventory.network !== undefined && options.scanned.has(lower(subscriptionId));
  const group = (subscriptionId: string, resourceGroup: string) => inventory.network?.get(groupKey(subscriptionId, resourceGroup));

  return {
    swift: (app: AppTarget) => once(`swift ${lower(appId(app))}`, 'app-network-config', appId(app), app.subscriptionId,
      (signal) => sdk.swift(app, signal), (value: SwiftVirtualNetwork) => ({ swiftSupported: value.swiftSupported, subnetResourceId: value.subnetResourceId })),
    dnsSettings: () => Promise.reject(new ArmReadError('a scan does not read app settings', undefined)),
    plan: (plan: ResourceId) => {
      const known = plans.get(lower(plan.id));
      return known ? Promise.resolve(known) : once(`plan ${lower(plan.id)}`, 'plan', plan.id, plan.subscriptionId, (signal) => sdk.plan(plan, signal), slim(PLAN_SHAPE) as (value: AppServicePlan) => AppServicePlan);
    },
    planConnections: (plan: ResourceId) => {
      const known = planConnectionsRead.get(lower(plan.id));
      return known ? Promise.resolve(known) : once(`plan-connections ${lower(plan.id)}`, 'plan-connections', plan.id, plan.subscriptionId, (signal) => sdk.planConnections(plan, signal));
    },
    vnet: (vnet: ResourceId) => {
      const known = vnets.get(lower(vnet.id));
      return known ? Promise.resolve(known) : once(`vnet ${lower(vnet.id)}`, 'vnet', vnet.id, vnet.subscriptionId, (signal) => sdk.vnet(vnet, signal), slim(VNET_SHAPE) as (value: VirtualNetwork) => VirtualNetwork);
    },
    gateways: (subscriptionId: string, resourceGroup: string) => listed(subscriptionId)
      ? Promise.resolve([...(group(subscriptionId, resourceGroup)?.gateways ?? [])])
      : once(`gateways ${groupKey(subscriptionId, resourceGroup)}`, 'gateways', groupId(subscriptionId, resourceGroup), subscriptionId,
        (signal) => sdk.gateways(subscriptionId, resourceGroup, signal), (value) => value.map(slim(GATEWAY_SHAPE)) as VirtualNetworkGateway[]),
    connections: (subscriptionId: string, resourceGroup: string) => listed(subscriptionId)
      ? Promise.resolve([...(group(subscriptionId, resourceGroup)?.connections ?? [])])
      : once(`connections ${groupKey(subscriptionId, resourceGroup)}`, 'connections', groupId(subscriptionId, resourceGroup), subscriptionId,
        (signal) => sdk.connections(subscriptionId, resourceGroup, signal), (value) => value.map(slim(CONNECTION_SHAPE)) as VirtualNetworkGatewayConnection[]),
    localGateways: (subscriptionId: string, resourceGroup: string) => listed(subscriptionId)
      ? Promise.resolve([...(group(subscriptionId, resourceGroup)?.localGateways ?? [])])
      : once(`local-gateways ${groupKey(subscriptionId, resourceGroup)}`, 'local-gateways', groupId(subscriptionId, resourceGroup), subscriptionId,
        (signal) => sdk.localGateways(subscriptionId, resourceGroup, signal), (value) => value.map(slim(LOCAL_GATEWAY_SHAPE)) as LocalNetworkGateway[]),
    // A gateway in another resource group than its VNet: listed by Resource Graph, or read once.
    gateway: (gateway: ResourceId) => {
      const known = gateways.get(lower(gateway.id));
      return known ? Promise.resolve(known) : once(`gateway ${lower(gateway.id)}`, 'gateway', gateway.id, gateway.subscriptionId,
        (signal) => sdk.gateway(gateway, signal), slim(GATEWAY_SHAPE) as (value: VirtualNetworkGateway) => VirtualNetworkGateway);
    },
  };
}

/** The reader for one row: its app (or slot) as listed, and the one connection the row is about. */
export function forRow(shared: ScanReader, site: import('@azure/arm-appservice').Site, connection: VnetInfoResource): ArmReader {
  return { ...shared, site: () => Promise.resolve(site), siteConnections: () => Promise.resolve([connection]) };
}
