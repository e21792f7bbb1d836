/**
 * `vnet-doctor scan`: every gateway-required VNet integration the credential can see.
 *   1. list plans, apps, VNets and gateways (inventory.ts: Resource Graph, or ARM lists);
 *   2. ask each Windows plan for its VNet connections (a bare array; not `isSwift` means
 *      gateway-required), 16 in flight;
 *   3. ask each Windows app of those plans for its own connections, 16 in flight;
 *   4. gather each app x VNet's facts through check's own sequencing (facts/arm/gather-arm.ts)
 *      with the scan's reader (scan-reader.ts: what was listed, else one read per resource) and
 *      judge it (diagnose-row.ts).
 * A plan or app that cannot be read is counted apart as not read (never a row).
 */
import type { AppServicePlan, Site, VnetInfoResource } from '@azure/arm-appservice';
import { createEngine } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import { DERIVATIONS, daysUntilRetirement } from '../facts/derived.ts';
import type { ArmContext } from '../facts/arm/context.ts';
import { appId, sdkReader, type AppTarget, type ArmReader } from '../facts/arm/arm-reader.ts';
import { gatherFromArm } from '../facts/arm/gather-arm.ts';
import { parseResourceId } from '../facts/arm/resource-id.ts';
import type { FactMap } from '../facts/arm/fact-values.ts';
import type { ArmLists } from './arm-lists.ts';
import { diagnoseRow } from './diagnose-row.ts';
import { CONCURRENCY, listInventory } from './inventory.ts';
import { mapBounded } from './pool.ts';
import { attempt, SubscriptionReads } from './scan-read.ts';
import { forRow, scanReader } from './scan-reader.ts';
import { subscriptionError } from './scan-text.ts';
import { SITE_SHAPE, slim } from './slim.ts';
import {
  SCAN_SCHEMA_VERSION, type ScanError, type ScanReport, type ScanRow, type ScanSubscription, type ScanSubscriptionStatus,
} from './scan-types.ts';

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
  /** Per-resource reads (default: the SDK clients, as check). */
  readonly reader?: ArmReader;
  /** Each row with the facts it was judged on, as it is made (scan --runbooks builds runbooks from them). */
  readonly onRow?: (row: ScanRow, facts: FactMap) => void;
}

/** A scan's report, and every resource id it listed or read (what `--redact` replaces). */
export interface ScanOutcome {
  readonly report: ScanReport;
  readonly knownIds: readonly string[];
}

interface PlanEntry { readonly id: string; readonly plan?: AppServicePlan; readonly sites: Site[] }

const slimSite = slim(SITE_SHAPE) as (site: Site) => Site;
const lower = (text: string | undefined) => (text ?? '').toLowerCase();
const isLinux = (resource: { kind?: string; reserved?: boolean }) => resource.reserved === true || /linux/i.test(resource.kind ?? '');
const gatewayRequired = (connections: readonly VnetInfoResource[]) => connections.filter((connection) => connection.isSwift !== true && connection.vnetResourceId);

export async function runScan(userCtx: ArmContext, lists: ArmLists, options: ScanOptions): Promise<ScanOutcome> {
  const today = options.now.toISOString().slice(0, 10);
  const daysLeft = daysUntilRetirement(today) ?? 0;
  const engine = createEngine(options.flowSet, DERIVATIONS);
  const progress = { subscriptions: options.subscriptions.length, listed: 0, plansRead: 0, plansToRead: 0, appsRead: 0, appsToRead: 0, waitingMs: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const budgets = new Map(options.subscriptions.map((id) => [lower(id), new SubscriptionReads(id, options.subscriptionBoundMs)]));
  const budgetOf = (subscriptionId: string) => budgets.get(lower(subscriptionId));
  // Every answer's rate-limit headers go to its subscription's reads (scan-read.ts paces them).
  const ctx: ArmContext = {
    ...userCtx,
    onAnswer: (url, status, header) => {
      const subscription = /\/subscriptions\/([^/?]+)\//i.exec(url)?.[1];
      if (subscription) budgetOf(subscription)?.observe(status, header);
    },
  };
  const sdk = options.reader ?? sdkReader(ctx);
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
    const plans = new Map<string, PlanEntry>();
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
    /** An app's slots: from Resource Graph's list, or listed through ARM (once per app that needs it). */
    const slotsOf = async (site: Site, target: AppTarget): Promise<Site[]> => {
      if (inventory.slots) return slotsByApp.get(lower(site.id)) ?? [];
      const got = await attempt(ctx, (signal) => lists.slots(target.subscriptionId, target.resourceGroup, target.name, signal), budgetOf(target.subscriptionId));
      if (got.ok) return got.value.map(slimSite);
      errors.push({ read: 'slots', resource: site.id!, ...got.failure });
      return [];
    };
    const reader = scanReader(ctx, sdk, inventory, { budgetOf, scanned: new Set(options.subscriptions.map(lower)), errors });
    const planReads = await mapBounded(windowsPlans, CONCURRENCY, async (entry) => {
      const id = parseResourceId(entry.id)!;
      const budget = budgetOf(id.subscriptionId);
      const got = await attempt(ctx, (signal) => sdk.planConnections(id, signal), budget);
      progress.plansRead += 1;
      report();
      if (!got.ok) {
        // Not an integration: a plan whose connections are unknown is counted apart, as not read.
        if (budget) budget.plansNotRead += 1;
        errors.push({ read: 'plan-connections', resource: entry.id, ...got.failure });
        return undefined;
      }
      if (budget) budget.plansRead += 1;
      reader.planConnectionsRead.set(lower(entry.id), got.value);
      return gatewayRequired(got.value).length > 0 ? { entry, connections: got.value } : undefined;
    });

    const apps = planReads.flatMap((read) => (read ? read.entry.sites.filter((site) => !isLinux(site) && site.id).map((site) => ({ site, entry: read.entry })) : []));
    // Each deployment slot has its own integration: a unit of its own, on its app's plan.
    const slotsByApp = new Map<string, Site[]>();
    for (const slot of inventory.slots ?? []) {
      const parent = lower(slot.id?.replace(/\/slots\/[^/]+$/i, ''));
      if (!slotsByApp.has(parent)) slotsByApp.set(parent, []);
      slotsByApp.get(parent)!.push(slot);
    }
    progress.appsToRead = apps.length;
    report();

    const readUnit = async (site: Site, entry: PlanEntry, target: AppTarget) => {
      const budget = budgetOf(target.subscriptionId);
      const got = await attempt(ctx, (signal) => sdk.siteConnections(target, signal), budget);
      progress.appsRead += 1;
      report();
      if (!got.ok) {
        if (budget) budget.appsNotRead += 1;
        errors.push({ read: 'app-connections', resource: appId(target), ...got.failure });
        return;
      }
      for (const connection of gatewayRequired(got.value)) {
        // The facts check would read, through check's own sequencing, from what the scan holds.
        const { facts } = await gatherFromArm(ctx, target, undefined, { reader: forRow(reader, site, connection) });
        facts['session.today'] = { value: today, source: 'derived', detail: "today's date" };
        const verdict = diagnoseRow(engine, facts);
        const vnetId = connection.vnetResourceId!.replace(/\/subnets\/[^/]+$/i, '');
        const app = appId({ ...target, slot: undefined });
        const row: ScanRow = { app, slot: target.slot ?? null, plan: entry.id, vnet: vnetId, gateway: gatewayId(facts, vnetId), ...verdict, daysLeft };
        rows.push(row);
        options.onRow?.(row, facts);
      }
    };

    await mapBounded(apps, CONCURRENCY, async ({ site, entry }) => {
      const id = parseResourceId(site.id)!;
      const target: AppTarget = { subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup, name: id.name };
      const slots = await slotsOf(site, target);
      progress.appsToRead += slots.length;
      await readUnit(site, entry, target);
      for (const slot of slots) {
        const name = /\/slots\/([^/]+)$/i.exec(slot.id ?? '')?.[1];
        if (name && !isLinux(slot)) await readUnit(slot, entry, { ...target, slot: name });
      }
    });

    rows.sort((a, b) => lower(a.app).localeCompare(lower(b.app)) || lower(a.slot ?? '').localeCompare(lower(b.slot ?? '')) || lower(a.vnet ?? '').localeCompare(lower(b.vnet ?? '')));
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

