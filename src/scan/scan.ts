/**
 * `vnet-doctor scan`: every gateway-required VNet integration the credential can see.
 *   1. list plans, apps, VNets and gateways (inventory.ts: Resource Graph, or ARM lists);
 *   2. ask each Windows plan for its VNet connections (a bare array; not `isSwift` means
 *      gateway-required) as soon as its page is listed;
 *   3. ask each Windows app of those plans for its own connections as soon as both are known;
 *      listing, plan and app reads share one pool of 16 requests in flight (pool.ts);
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
import { CONCURRENCY, listInventory, type Inventory } from './inventory.ts';
import { PRIORITY, RequestSlots } from './pool.ts';
import { attempt, SubscriptionReads } from './scan-read.ts';
import { forRow, scanReader, type ScanReader } from './scan-reader.ts';
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
  /** Keep every id listed or read, for `--redact` (default true; a plain scan of 50,000 apps need not hold them). */
  readonly keepIds?: boolean;
}

/** A scan's report, and every resource id it listed or read (what `--redact` replaces). */
export interface ScanOutcome {
  readonly report: ScanReport;
  readonly knownIds: readonly string[];
}

/**
 * A plan as the scan knows it: listed (or only named by its apps), its connections being read,
 * then with a gateway-required connection (its apps are read) or without (its apps are dropped).
 * Apps wait in `sites` only while the plan's verdict is pending.
 */
interface PlanEntry {
  readonly id: string;
  plan?: AppServicePlan;
  state: 'listed' | 'reading' | 'gateway' | 'none' | 'failed';
  sites: Site[];
  /** Some app of the plan runs on Windows (decides for a plan known only from its apps). */
  windowsSite: boolean;
}

const slimSite = slim(SITE_SHAPE) as (site: Site) => Site;
const lower = (text: string | undefined) => (text ?? '').toLowerCase();
const isLinux = (resource: { kind?: string; reserved?: boolean }) => resource.reserved === true || /linux/i.test(resource.kind ?? '');
const gatewayRequired = (connections: readonly VnetInfoResource[]) => connections.filter((connection) => connection.isSwift !== true && connection.vnetResourceId);
const slotName = (slot: Site) => /\/slots\/([^/]+)$/i.exec(slot.id ?? '')?.[1];

/**
 * The three kinds of reads overlap in one pool of CONCURRENCY requests (pool.ts RequestSlots):
 * a plan's connections are read as soon as its page is listed, an app's as soon as its plan
 * shows a gateway-required connection (or its page arrives, when the plan's verdict came first).
 * Rows are judged once the VNets and gateways are listed, and sorted at the end.
 */
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
  const slots = new RequestSlots(CONCURRENCY);
  const appTurn = { slots, priority: PRIORITY.app } as const;
  const planTurn = { slots, priority: PRIORITY.plan } as const;

  const errors: ScanError[] = [];
  const inventoryErrors: ScanError[] = [];
  const knownIds: string[] = [];
  const keepId = options.keepIds === false ? () => {} : (id: string) => { knownIds.push(id); };
  const rows: ScanRow[] = [];
  const plans = new Map<string, PlanEntry>();
  /** Plans and connections of the plans with a gateway-required connection: what the rows' facts read. */
  const rowPlans = new Map<string, AppServicePlan>();
  const planConnectionsRead = new Map<string, VnetInfoResource[]>();
  /** Apps and slots whose reads have started, by lower-case id (a fallback to ARM lists them again). */
  const started = new Set<string>();

  // Rows are judged with the listed VNets and gateways; reads before that only wait at the judging.
  let setInventory: (inventory: Inventory) => void = () => {};
  const listed = new Promise<Inventory>((resolve) => { setInventory = resolve; });
  let judgedWith: Inventory | undefined;
  let reader: ScanReader | undefined;
  const readerFor = async (): Promise<{ reader: ScanReader; inventory: Inventory }> => {
    const inventory = await listed;
    reader ??= scanReader(ctx, sdk, inventory, { budgetOf, scanned: new Set(options.subscriptions.map(lower)), errors, plans: rowPlans, planConnectionsRead, turn: appTurn });
    return { reader, inventory };
  };

  // Every read runs as tracked work; the scan ends when none is left (a failure such as Ctrl-C ends it at once).
  let pending = 0;
  let failed: { error: unknown } | undefined;
  let idle: () => void = () => {};
  const track = (task: Promise<void>) => {
    pending += 1;
    void task.catch((error: unknown) => { failed ??= { error }; idle(); }).finally(() => {
      pending -= 1;
      if (pending === 0) idle();
    });
  };

  const entryOf = (id: string): PlanEntry => {
    const key = lower(id);
    let entry = plans.get(key);
    if (!entry) { entry = { id, state: 'listed', sites: [], windowsSite: false }; plans.set(key, entry); }
    return entry;
  };

  const readPlan = (entry: PlanEntry) => {
    entry.state = 'reading';
    progress.plansToRead += 1;
    track((async () => {
      const id = parseResourceId(entry.id)!;
      const budget = budgetOf(id.subscriptionId);
      const got = await attempt(ctx, (signal) => sdk.planConnections(id, signal), budget, planTurn);
      progress.plansRead += 1;
      report();
      const waiting = entry.sites;
      entry.sites = [];
      if (!got.ok) {
        // Not an integration: a plan whose connections are unknown is counted apart, as not read.
        entry.state = 'failed';
        if (budget) budget.plansNotRead += 1;
        errors.push({ read: 'plan-connections', resource: entry.id, ...got.failure });
        return;
      }
      if (budget) budget.plansRead += 1;
      if (gatewayRequired(got.value).length === 0) {
        entry.state = 'none';
        entry.plan = undefined;
        return;
      }
      entry.state = 'gateway';
      planConnectionsRead.set(lower(entry.id), got.value);
      if (entry.plan) rowPlans.set(lower(entry.id), entry.plan);
      for (const site of waiting) readApp(site, entry);
    })());
  };

  const onPlans = (page: readonly AppServicePlan[]) => {
    for (const plan of page) {
      if (!plan.id) continue;
      const entry = entryOf(plan.id);
      if (entry.plan || entry.state !== 'listed') continue; // listed again after a fallback to ARM
      keepId(plan.id);
      entry.plan = plan;
      // Gateway-required integration exists on Windows plans only.
      if (!isLinux(plan)) readPlan(entry);
    }
  };
  const onSites = (page: readonly Site[]) => {
    for (const site of page) {
      if (!site.id || !site.serverFarmId || !parseResourceId(site.serverFarmId) || started.has(lower(site.id))) continue;
      keepId(site.id);
      const entry = entryOf(site.serverFarmId);
      if (isLinux(site)) continue;
      entry.windowsSite = true;
      if (entry.state === 'gateway') readApp(site, entry);
      else if (entry.state === 'listed' || entry.state === 'reading') entry.sites.push(site);
    }
  };

  const readApp = (site: Site, entry: PlanEntry) => {
    const key = lower(site.id);
    if (started.has(key)) return;
    started.add(key);
    const id = parseResourceId(site.id)!;
    const target: AppTarget = { subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup, name: id.name };
    progress.appsToRead += 1;
    track(readUnit(site, entry, target));
    track((async () => {
      // Each deployment slot has its own integration: a unit of its own, on its app's plan.
      for (const slot of await slotsOf(site, target)) {
        const name = slotName(slot);
        if (!name || isLinux(slot) || started.has(lower(slot.id))) continue;
        started.add(lower(slot.id));
        progress.appsToRead += 1;
        track(readUnit(slot, entry, { ...target, slot: name }));
      }
      report();
    })());
  };

  /** An app's slots: from Resource Graph's list, or listed through ARM (once per app that needs it). */
  let slotsByApp: Map<string, Site[]> | undefined;
  const slotsOf = async (site: Site, target: AppTarget): Promise<Site[]> => {
    const { inventory } = await readerFor();
    if (inventory.slots) {
      if (!slotsByApp) {
        slotsByApp = new Map();
        for (const slot of inventory.slots) {
          const parent = lower(slot.id?.replace(/\/slots\/[^/]+$/i, ''));
          if (!slotsByApp.has(parent)) slotsByApp.set(parent, []);
          slotsByApp.get(parent)!.push(slot);
        }
      }
      return slotsByApp.get(lower(site.id)) ?? [];
    }
    const got = await attempt(ctx, (signal) => lists.slots(target.subscriptionId, target.resourceGroup, target.name, signal), budgetOf(target.subscriptionId), appTurn);
    if (got.ok) return got.value.map(slimSite);
    errors.push({ read: 'slots', resource: site.id!, ...got.failure });
    return [];
  };

  const readUnit = async (site: Site, entry: PlanEntry, target: AppTarget) => {
    const budget = budgetOf(target.subscriptionId);
    const got = await attempt(ctx, (signal) => sdk.siteConnections(target, signal), budget, appTurn);
    progress.appsRead += 1;
    report();
    if (!got.ok) {
      if (budget) budget.appsNotRead += 1;
      errors.push({ read: 'app-connections', resource: appId(target), ...got.failure });
      return;
    }
    const connections = gatewayRequired(got.value);
    if (connections.length === 0) return;
    const { reader: shared } = await readerFor();
    for (const connection of connections) {
      // The facts check would read, through check's own sequencing, from what the scan holds.
      const { facts } = await gatherFromArm(ctx, target, undefined, { reader: forRow(shared, site, connection) });
      facts['session.today'] = { value: today, source: 'derived', detail: "today's date" };
      const verdict = diagnoseRow(engine, facts);
      const vnetId = connection.vnetResourceId!.replace(/\/subnets\/[^/]+$/i, '');
      const app = appId({ ...target, slot: undefined });
      const row: ScanRow = { app, slot: target.slot ?? null, plan: entry.id, vnet: vnetId, gateway: gatewayId(facts, vnetId), ...verdict, daysLeft };
      rows.push(row);
      options.onRow?.(row, facts);
    }
  };

  try {
    const inventory = await listInventory(ctx, lists, options.subscriptions, {
      budgets, slots, onPlans, onSites,
      onNetwork: (part) => { judgedWith ??= part; setInventory(judgedWith); },
      onListed: (_what, count) => { progress.listed += count; report(); },
      onWait: (ms) => { progress.waitingMs = ms; report(); },
    });
    setInventory(judgedWith ?? inventory);
    inventoryErrors.push(...inventory.errors);
    // Plans known only from their apps (not in the plan list): Windows when one of their apps is.
    for (const entry of plans.values()) if (entry.state === 'listed' && !entry.plan && entry.windowsSite) readPlan(entry);
    // Plans whose read never started (Linux, or no Windows app) hold no apps.
    for (const entry of plans.values()) if (entry.state === 'listed') entry.sites = [];
    report();
    if (pending > 0 && !failed) await new Promise<void>((resolve) => { idle = resolve; });
    if (failed) throw failed.error;
    for (const network of [judgedWith ?? inventory]) {
      for (const resource of [...network.vnets, ...(network.slots ?? []), ...[...(network.network?.values() ?? [])].flatMap((group) => [...group.gateways, ...(group.connections ?? []), ...(group.localGateways ?? [])])]) {
        if (resource.id) keepId(resource.id);
      }
    }

    rows.sort((a, b) => lower(a.app).localeCompare(lower(b.app)) || lower(a.slot ?? '').localeCompare(lower(b.slot ?? '')) || lower(a.vnet ?? '').localeCompare(lower(b.vnet ?? '')));
    // Reads end in any order: the errors are sorted, after the listing's own.
    errors.sort((a, b) => lower(a.resource).localeCompare(lower(b.resource)) || a.read.localeCompare(b.read));
    const allErrors = [...inventoryErrors, ...errors];
    const subscriptions: ScanSubscription[] = options.subscriptions.map((subscriptionId) => {
      const budget = budgetOf(subscriptionId)!;
      const notRead = budget.plansNotRead + budget.appsNotRead;
      const status: ScanSubscriptionStatus = budget.cutShort ? 'cut-short'
        : (budget.listFailed || notRead > 0) && budget.plansRead === 0 ? 'failed'
          : budget.listFailed || notRead > 0 ? 'partial' : 'scanned';
      const counted = { id: subscriptionId, status, plansNotRead: budget.plansNotRead, appsNotRead: budget.appsNotRead };
      const error = subscriptionError(counted, allErrors);
      return error ? { ...counted, error } : counted;
    });
    const scanReport: ScanReport = { schemaVersion: SCAN_SCHEMA_VERSION, generatedAt: options.now.toISOString(), enumeration: inventory.enumeration, subscriptions, rows, errors: allErrors };
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

