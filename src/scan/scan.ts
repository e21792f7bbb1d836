/**
 * `vnet-doctor scan`: every gateway-required VNet integration the credential can see.
 *   1. list plans, apps, VNets and gateways (inventory.ts: Resource Graph, or ARM lists);
 *   2. ask each Windows plan for its VNet connections (a bare array; not `isSwift` means
 *      gateway-required), 16 in flight;
 *   3. ask each Windows app of those plans for its own connections, 16 in flight;
 *   4. map each app x VNet to facts with check's mappers and judge it (diagnose-row.ts).
 * A plan or app that cannot be read becomes a row with readiness unknown and the reason.
 */
import type { AppServicePlan, Site, VnetInfoResource } from '@azure/arm-appservice';
import type { VirtualNetwork, VirtualNetworkGateway } from '@azure/arm-network';
import { createEngine } from '../engine/engine.ts';
import type { Fact, FlowSet } from '../engine/types.ts';
import { DERIVATIONS } from '../facts/derived.ts';
import type { ArmContext } from '../facts/arm/context.ts';
import { put, unknownFact, type FactMap } from '../facts/arm/fact-values.ts';
import { GATEWAY_KEYS, PLAN_KEYS, REMOTE_PEERING_KEYS, VNET_KEYS, CONNECTION_KEYS } from '../facts/arm/fact-groups.ts';
import { siteFacts, connectionFacts } from '../facts/arm/map-app.ts';
import { planFacts, planVnetFacts } from '../facts/arm/map-plan.ts';
import { vnetFacts, peeringFacts, remotePeeringFacts, migrationFacts, chosenPeering } from '../facts/arm/map-vnet.ts';
import { gatewayFacts } from '../facts/arm/map-gateway.ts';
import { parseResourceId } from '../facts/arm/resource-id.ts';
import type { ArmLists } from './arm-lists.ts';
import { daysUntilRetirement, diagnoseRow } from './diagnose-row.ts';
import { CONCURRENCY, groupKey, listInventory, type NetworkGroup } from './inventory.ts';
import { mapBounded } from './pool.ts';
import { attempt, SubscriptionReads, type ReadFailure } from './scan-read.ts';
import { describeScanError, subscriptionError } from './scan-text.ts';
import { GATEWAY_SHAPE, slim } from './slim.ts';
import {
  SCAN_SCHEMA_VERSION, type ScanError, type ScanRead, type ScanReport, type ScanRow, type ScanSubscription, type ScanSubscriptionStatus,
} from './scan-types.ts';

const slimGateway = slim(GATEWAY_SHAPE);

export interface ScanProgress {
  readonly subscriptions: number;
  readonly listed: number;
  readonly plansRead: number;
  readonly plansToRead: number;
  readonly appsRead: number;
  readonly appsToRead: number;
  /** Milliseconds left of a wait for Resource Graph's quota (0: not waiting). */
  readonly waitingMs: number;
}

export interface ScanOptions {
  readonly flowSet: FlowSet;
  readonly subscriptions: readonly string[];
  readonly now: Date;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Each subscription's time bound (default SCAN_SUBSCRIPTION_BOUND_MS). */
  readonly subscriptionBoundMs?: number;
}

/** A scan's report, and every resource id it listed or read (what `--redact` replaces). */
export interface ScanOutcome {
  readonly report: ScanReport;
  readonly knownIds: readonly string[];
}

const CLASSIC_REASON = 'classic VNet: only Resource Manager VNets can be read';
const lower = (text: string | undefined) => (text ?? '').toLowerCase();
const isLinux = (resource: { kind?: string; reserved?: boolean }) => resource.reserved === true || /linux/i.test(resource.kind ?? '');
const gatewayRequired = (connections: readonly VnetInfoResource[]) => connections.filter((connection) => connection.isSwift !== true && connection.vnetResourceId);

export async function runScan(ctx: ArmContext, lists: ArmLists, options: ScanOptions): Promise<ScanOutcome> {
  const today = options.now.toISOString().slice(0, 10);
  const daysLeft = daysUntilRetirement(today);
  const engine = createEngine(options.flowSet, DERIVATIONS);
  const progress = { subscriptions: options.subscriptions.length, listed: 0, plansRead: 0, plansToRead: 0, appsRead: 0, appsToRead: 0, waitingMs: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const budgets = new Map(options.subscriptions.map((id) => [lower(id), new SubscriptionReads(id, options.subscriptionBoundMs)]));
  const budgetOf = (subscriptionId: string) => budgets.get(lower(subscriptionId));
  try {
    const inventory = await listInventory(ctx, lists, options.subscriptions, {
      budgets,
      onListed: (_what, count) => { progress.listed += count; report(); },
      onWait: (ms) => { progress.waitingMs = ms; report(); },
    });
    const errors: ScanError[] = [...inventory.errors];
    const knownIds = [
      ...inventory.plans, ...inventory.sites, ...inventory.vnets,
      ...[...(inventory.network?.values() ?? [])].flatMap((group) => [...group.gateways, ...(group.connections ?? []), ...(group.localGateways ?? [])]),
    ].flatMap((resource) => (resource.id ? [resource.id] : []));

    // Plans by id, including plans only known from their apps (the plan list may have failed).
    const plans = new Map<string, { id: string; plan?: AppServicePlan; sites: Site[] }>();
    for (const plan of inventory.plans) if (plan.id) plans.set(lower(plan.id), { id: plan.id, plan, sites: [] });
    for (const site of inventory.sites) {
      if (!site.serverFarmId || !parseResourceId(site.serverFarmId)) continue;
      const key = lower(site.serverFarmId);
      if (!plans.has(key)) plans.set(key, { id: site.serverFarmId, sites: [] });
      plans.get(key)!.sites.push(site);
    }
    // Gateway-required integration exists on Windows plans only.
    const windowsPlans = [...plans.values()].filter((entry) => (entry.plan ? !isLinux(entry.plan) : entry.sites.some((site) => !isLinux(site))));
    progress.plansToRead = windowsPlans.length;
    report();

    const rows: ScanRow[] = [];
    const planReads = await mapBounded(windowsPlans, CONCURRENCY, async (entry) => {
      const id = parseResourceId(entry.id)!;
      const budget = budgetOf(id.subscriptionId);
      const got = await attempt(ctx, (signal) => lists.planConnections(id.subscriptionId, id.resourceGroup, id.name, signal), budget);
      progress.plansRead += 1;
      report();
      if (!got.ok) {
        // Not an integration: a plan whose connections are unknown is counted apart, as not read.
        if (budget) budget.plansNotRead += 1;
        errors.push({ read: 'plan-connections', resource: entry.id, ...got.failure });
        return undefined;
      }
      if (budget) budget.plansRead += 1;
      return gatewayRequired(got.value).length > 0 ? { entry, connections: got.value } : undefined;
    });

    const apps = planReads.flatMap((read) => (read ? read.entry.sites.filter((site) => !isLinux(site) && site.id).map((site) => ({ site, ...read })) : []));
    progress.appsToRead = apps.length;
    report();
    const network = networkReader(ctx, lists, inventory.vnets, inventory.network, new Set(options.subscriptions.map(lower)), budgetOf, errors);

    await mapBounded(apps, CONCURRENCY, async ({ site, entry, connections: planConnections }) => {
      const id = parseResourceId(site.id)!;
      const budget = budgetOf(id.subscriptionId);
      const got = await attempt(ctx, (signal) => lists.appConnections(id.subscriptionId, id.resourceGroup, id.name, signal), budget);
      progress.appsRead += 1;
      report();
      if (!got.ok) {
        if (budget) budget.appsNotRead += 1;
        errors.push({ read: 'app-connections', resource: site.id!, ...got.failure });
        return;
      }
      for (const connection of gatewayRequired(got.value)) {
        const facts = await rowFacts(site, entry.plan, entry.id, planConnections, connection, network);
        facts['session.today'] = { value: today, source: 'derived', detail: "today's date" };
        const verdict = diagnoseRow(engine, facts);
        const vnetId = connection.vnetResourceId!.replace(/\/subnets\/[^/]+$/i, '');
        rows.push({ app: site.id!, plan: entry.id, vnet: vnetId, gateway: gatewayId(facts, vnetId), ...verdict, daysLeft });
      }
    });

    rows.sort((a, b) => lower(a.app).localeCompare(lower(b.app)) || lower(a.vnet ?? '').localeCompare(lower(b.vnet ?? '')));
    const subscriptions: ScanSubscription[] = options.subscriptions.map((subscriptionId) => {
      const budget = budgetOf(subscriptionId)!;
      const notRead = budget.plansNotRead + budget.appsNotRead;
      const status: ScanSubscriptionStatus = budget.cutShort ? 'cut-short'
        : (budget.listFailed || notRead > 0) && budget.plansRead === 0 ? 'failed'
          : budget.listFailed || notRead > 0 ? 'partial' : 'scanned';
      const counted = { id: subscriptionId, status, plansNotRead: budget.plansNotRead, appsNotRead: budget.appsNotRead };
      const error = subscriptionError(counted, errors);
      return error ? { ...counted, error } : counted;
    });
    const scanReport: ScanReport = { schemaVersion: SCAN_SCHEMA_VERSION, generatedAt: options.now.toISOString(), enumeration: inventory.enumeration, subscriptions, rows, errors };
    return { report: scanReport, knownIds };
  } finally {
    for (const budget of budgets.values()) budget.dispose();
  }
}

function gatewayId(facts: FactMap, vnetId: string): string | null {
  const name = facts['gateway.name']?.value;
  const group = facts['gateway.resourceGroup']?.value;
  const vnet = parseResourceId(vnetId);
  if (typeof name !== 'string' || typeof group !== 'string' || !vnet) return null;
  return `/subscriptions/${vnet.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworkGateways/${name}`;
}

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

interface NetworkReader {
  vnet(id: string, read: 'vnet' | 'peered-vnet'): Promise<Read<VirtualNetwork>>;
  group(subscriptionId: string, resourceGroup: string): Promise<NetworkGroup | { failed: string }>;
}

/**
 * VNets and gateway groups from the inventory, or read once through ARM when it does not hold
 * them. A failed read is recorded once, as structured data, and its reason is the tool's sentence.
 */
function networkReader(
  ctx: ArmContext, lists: ArmLists, vnets: readonly VirtualNetwork[], listed: ReadonlyMap<string, NetworkGroup> | undefined, scanned: ReadonlySet<string>,
  budgetOf: (subscriptionId: string) => SubscriptionReads | undefined, errors: ScanError[],
): NetworkReader {
  const byId = new Map(vnets.filter((vnet) => vnet.id).map((vnet) => [lower(vnet.id), vnet]));
  const vnetReads = new Map<string, Promise<Read<VirtualNetwork>>>();
  const groupReads = new Map<string, ReturnType<NetworkReader['group']>>();
  const failed = (read: ScanRead, resource: string, failure: ReadFailure): string => {
    const error: ScanError = { read, resource, ...failure };
    errors.push(error);
    return describeScanError(error);
  };
  return {
    vnet(id, read) {
      const known = byId.get(lower(id));
      if (known) return Promise.resolve({ ok: true, value: known });
      if (!vnetReads.has(lower(id))) {
        const parsed = parseResourceId(id)!;
        vnetReads.set(lower(id), attempt(ctx, (signal) => lists.vnet(parsed.subscriptionId, parsed.resourceGroup, parsed.name, signal), budgetOf(parsed.subscriptionId))
          .then((got) => (got.ok ? got : { ok: false, reason: failed(read, id, got.failure) })));
      }
      return vnetReads.get(lower(id))!;
    },
    group(subscriptionId, resourceGroup) {
      const key = groupKey(subscriptionId, resourceGroup);
      if (listed && scanned.has(lower(subscriptionId))) return Promise.resolve(listed.get(key) ?? { gateways: [], connections: [], localGateways: [] });
      if (!groupReads.has(key)) {
        const budget = budgetOf(subscriptionId);
        const groupId = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
        groupReads.set(key, (async () => {
          const [gateways, connections, localGateways] = await Promise.all([
            attempt(ctx, (signal) => lists.gateways(subscriptionId, resourceGroup, signal), budget),
            attempt(ctx, (signal) => lists.connections(subscriptionId, resourceGroup, signal), budget),
            attempt(ctx, (signal) => lists.localGateways(subscriptionId, resourceGroup, signal), budget),
          ]);
          if (!gateways.ok) return { failed: failed('gateways', groupId, gateways.failure) };
          if (!connections.ok) failed('connections', groupId, connections.failure);
          if (!localGateways.ok) failed('local-gateways', groupId, localGateways.failure);
          return {
            gateways: gateways.value.map(slimGateway) as VirtualNetworkGateway[],
            connections: connections.ok ? connections.value : undefined, localGateways: localGateways.ok ? localGateways.value : undefined,
          };
        })());
      }
      return groupReads.get(key)!;
    },
  };
}

/** The facts `check` would read for this app and connection, from what the scan listed. */
async function rowFacts(
  site: Site, plan: AppServicePlan | undefined, planId: string, planConnections: readonly VnetInfoResource[], connection: VnetInfoResource, network: NetworkReader,
): Promise<Record<string, Fact>> {
  const facts: FactMap = {};
  const merge = (more: FactMap) => Object.assign(facts, more);
  const unknown = (keys: readonly string[], reason: string) => { for (const key of keys) facts[key] ??= unknownFact(reason); };
  const id = parseResourceId(site.id)!;
  put(facts, 'app.name', id.name, 'scan');
  put(facts, 'app.resourceGroup', id.resourceGroup, 'scan');
  put(facts, 'app.subscriptionId', id.subscriptionId, 'scan');
  merge(siteFacts(site).facts);
  const planName = parseResourceId(planId)!.name;
  if (plan) merge(planFacts(plan));
  else unknown(PLAN_KEYS, `plan ${planName} was not listed`);
  merge(planVnetFacts(planName, planConnections));
  const read = connectionFacts([connection], undefined);
  merge(read.facts);
  const vnet = read.vnet;
  if (!vnet) return facts;
  if (vnet.isClassic) {
    unknown([...VNET_KEYS, ...GATEWAY_KEYS], CLASSIC_REASON);
    return facts;
  }
  const [got, group] = await Promise.all([network.vnet(vnet.id, 'vnet'), network.group(vnet.subscriptionId, vnet.resourceGroup)]);
  if ('failed' in group) {
    unknown(GATEWAY_KEYS, group.failed);
  } else {
    merge(gatewayFacts(vnet.id, group.gateways, group.connections, group.localGateways));
    if (!group.connections) unknown(CONNECTION_KEYS, `the gateway connections of resource group ${vnet.resourceGroup} could not be read`);
  }
  if (!got.ok) {
    unknown(VNET_KEYS, got.reason);
    return facts;
  }
  merge(vnetFacts(got.value));
  merge(peeringFacts(got.value));
  merge(migrationFacts(got.value));
  const remoteId = chosenPeering(got.value)?.remoteVirtualNetwork?.id;
  if (remoteId && parseResourceId(remoteId)) {
    const remote = await network.vnet(remoteId, 'peered-vnet');
    if (remote.ok) merge(remotePeeringFacts(got.value.id ?? vnet.id, remote.value));
    else unknown(REMOTE_PEERING_KEYS, remote.reason);
  }
  return facts;
}
