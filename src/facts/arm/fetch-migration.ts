/**
 * What a migration runbook reads on top of the session's facts: the app's deployment slots and
 * each slot's own VNet connection (integration is per slot), and the inbound NSG rules of the
 * VNet's subnets that name the point-to-site pool. Every read is bounded and degrades to a
 * reason the runbook shows.
 */
import type { ArmContext } from './context.ts';
import { createClients, collect } from './clients.ts';
import { armRead } from './call.ts';
import { parseResourceId, type ResourceId } from './resource-id.ts';
import { rulesNamingPool } from '../pool-rules.ts';
import type { PoolRule, Read, SlotInfo } from '../migration-reads.ts';
import type { VnetInfoResource } from '@azure/arm-appservice';
import type { NetworkSecurityGroup, Subnet } from '@azure/arm-network';

/** Slots whose connections are read (App Service allows up to 20 per app on Premium tiers). */
const MAX_SLOTS_READ = 20;
/** NSGs read for one VNet (one per subnet at most; a VNet rarely has more). */
export const MAX_NSGS_READ = 32;

/** The NSGs attached to a VNet's subnets, each once, with the subnets it is on. */
export function nsgsOfSubnets(subnets: readonly Subnet[] | undefined): { id: ResourceId; subnets: string[] }[] {
  const bySubnet = new Map<string, { id: ResourceId; subnets: string[] }>();
  for (const subnet of subnets ?? []) {
    const id = parseResourceId(subnet.networkSecurityGroup?.id);
    if (!id) continue;
    const key = id.id.toLowerCase();
    if (!bySubnet.has(key)) bySubnet.set(key, { id, subnets: [] });
    bySubnet.get(key)!.subnets.push(subnet.name ?? '');
  }
  return [...bySubnet.values()];
}

/** The inbound rules of one NSG that name the pool, as the runbook and the migration flow list them. */
export function poolRulesOf(id: ResourceId, subnets: readonly string[], nsg: NetworkSecurityGroup, pool: readonly string[]): PoolRule[] {
  return rulesNamingPool(nsg, pool).map(({ rule, sourcePrefixes }): PoolRule => ({
    nsg: id.name, resourceGroup: id.resourceGroup, subscriptionId: id.subscriptionId, rule: rule.name ?? '',
    id: rule.id ?? `${id.id}/securityRules/${rule.name ?? ''}`, priority: rule.priority ?? 0, direction: 'Inbound',
    access: (rule.access ?? '').toLowerCase() === 'deny' ? 'Deny' : 'Allow', sourcePrefixes, subnets: [...subnets],
  }));
}

export interface MigrationReadQuery {
  readonly app: { readonly subscriptionId: string; readonly resourceGroup: string; readonly name: string };
  readonly slot?: string;
  readonly vnet?: { readonly subscriptionId: string; readonly resourceGroup: string; readonly name: string };
  readonly pool?: readonly string[];
}

export interface MigrationReads {
  readonly slots: Read<readonly SlotInfo[]>;
  readonly slotConnection?: Read<SlotInfo>;
  readonly poolRules: Read<readonly PoolRule[]>;
}

const failed = (error: unknown): { ok: false; reason: string; status?: number } => {
  const status = (error as { status?: number }).status;
  return { ok: false, reason: (error as Error).message, ...(typeof status === 'number' ? { status } : {}) };
};

/** The slot's integration, from its connection list: the gateway-required VNet, or regional. */
export function slotInfo(name: string, connections: readonly VnetInfoResource[]): SlotInfo {
  const gateway = connections.find((connection) => connection.isSwift !== true);
  const vnet = gateway ? parseResourceId(gateway.vnetResourceId)?.name ?? gateway.name : undefined;
  return { name, ...(vnet ? { gatewayVnet: vnet } : {}), ...(connections.some((connection) => connection.isSwift === true) ? { regional: true } : {}) };
}

export async function fetchMigrationReads(ctx: ArmContext, query: MigrationReadQuery): Promise<MigrationReads> {
  const clients = createClients(ctx);
  const { app } = query;
  const web = await clients.web(app.subscriptionId);
  const connectionsOf = (slot: string) => armRead(ctx, (abortSignal) => web.webApps.listVnetConnectionsSlot(app.resourceGroup, app.name, slot, { abortSignal }));

  const slotsRead = (async (): Promise<Read<readonly SlotInfo[]>> => {
    try {
      const slots = await armRead(ctx, (abortSignal) => collect(web.webApps.listSlots(app.resourceGroup, app.name, { abortSignal }), ctx.endpoint));
      // A slot's name comes as "app/slot".
      const names = slots.map((slot) => (slot.name ?? '').split('/').pop() ?? '').filter((name) => name !== '').slice(0, MAX_SLOTS_READ);
      const infos = await Promise.all(names.map(async (name) => {
        try { return slotInfo(name, await connectionsOf(name)); } catch { return { name }; }
      }));
      return { ok: true, value: infos };
    } catch (error) {
      return failed(error);
    }
  })();

  const slotConnection = query.slot === undefined ? undefined : (async (): Promise<Read<SlotInfo>> => {
    try { return { ok: true, value: slotInfo(query.slot!, await connectionsOf(query.slot!)) }; } catch (error) { return failed(error); }
  })();

  const poolRules = readPoolRules(ctx, query.vnet, query.pool, clients);

  const [slots, slotRead, rules] = await Promise.all([slotsRead, slotConnection, poolRules]);
  return { slots, ...(slotRead ? { slotConnection: slotRead } : {}), poolRules: rules };
}

/**
 * The inbound rules of the NSGs on a VNet's subnets that name an address of the pool (one VNet
 * read, then each NSG once). `scan --runbooks` reads them once per VNet for all its apps.
 */
export async function readPoolRules(
  ctx: ArmContext, vnet: MigrationReadQuery['vnet'], pool: readonly string[] | undefined, clients = createClients(ctx),
): Promise<Read<readonly PoolRule[]>> {
  if (!vnet) return { ok: false, reason: 'the VNet of the integration is not known' };
  if (!pool || pool.length === 0) return { ok: false, reason: 'the point-to-site pool is not known' };
  try {
    const network = await clients.network(vnet.subscriptionId);
    const got = await armRead(ctx, (abortSignal) => network.virtualNetworks.get(vnet.resourceGroup, vnet.name, { abortSignal }));
    const nsgs = nsgsOfSubnets(got.subnets);
    if (nsgs.length > MAX_NSGS_READ) return { ok: false, reason: `the VNet's subnets carry ${nsgs.length} NSGs, more than the ${MAX_NSGS_READ} read` };
    const read = await Promise.all(nsgs.map(async ({ id, subnets }) => {
      const nsgNetwork = await clients.network(id.subscriptionId);
      const nsg = await armRead(ctx, (abortSignal) => nsgNetwork.networkSecurityGroups.get(id.resourceGroup, id.name, { abortSignal }));
      return poolRulesOf(id, subnets, nsg, pool);
    }));
    return { ok: true, value: read.flat() };
  } catch (error) {
    return failed(error);
  }
}
