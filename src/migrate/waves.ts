/**
 * The fleet's migration plan (`scan --runbooks`): which plans move together (the apps of a plan
 * share its integration subnet), the subnet each plan gets (fleet-subnets.ts: distinct, non-
 * overlapping ranges within a VNet), the order, and for blocked apps what unblocks them.
 *
 * Order: a slot that has its own gateway-required connection moves in wave 1 (moved and tested
 * first: integration is per slot and does not move with a swap); production apps in wave 2; within
 * a wave, plans with fewer days left first, then fewer apps (a smaller blast radius first), then by
 * name. Blocked and unknown rows get no wave: each says what unblocks it.
 * learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration
 */
import { allocateVnetSubnets, type PlanSubnet } from './fleet-subnets.ts';
import { textOf, type FactTable } from './runbook-fact.ts';
import type { SubnetChoice } from './runbook-types.ts';
import type { ScanRow } from '../scan/scan-types.ts';

/** A scan row (scan-types.ts: its readiness, blockers and days left) with its ids and facts. */
export interface FleetRow extends Pick<ScanRow, 'slot' | 'readiness' | 'blockers' | 'daysLeft'> {
  readonly appId: string;
  readonly planId: string;
  readonly vnetId: string | null;
  /** The row's facts (scan's reads, derived facts resolved). */
  readonly facts: FactTable;
}

export interface WaveEntry {
  /** 1: slots, tested first; 2: production apps. */
  readonly wave: 1 | 2;
  readonly row: FleetRow;
  readonly subnet: SubnetChoice;
  readonly sharedWith: readonly string[];
}

export interface BlockedEntry {
  readonly row: FleetRow;
  /** The subnet proposed for its plan when only a subnet blocks it (to create, then scan again). */
  readonly subnet?: SubnetChoice;
  /** What unblocks the row, in words, one per blocker. */
  readonly unblock: readonly string[];
}

export interface FleetPlan {
  readonly moves: readonly WaveEntry[];
  readonly blocked: readonly BlockedEntry[];
}

const name = (id: string | null) => (id ?? '').split('/').pop() ?? '';
const lower = (text: string | null) => (text ?? '').toLowerCase();

/** Blockers the fleet can resolve with a subnet of its own for the plan. */
const SUBNET_BLOCKERS = new Set(['migration-subnet-missing', 'migration-subnet-too-small', 'migration-subnet-shared']);

export function planWaves(rows: readonly FleetRow[]): FleetPlan {
  // Subnets: per VNet, every plan with a ready row or a row blocked only for want of a subnet.
  const wanting = rows.filter((row) => row.vnetId !== null && (row.readiness === 'ready' || (row.readiness === 'blocked' && row.blockers.every((id) => SUBNET_BLOCKERS.has(id)))));
  const byVnet = new Map<string, Map<string, FactTable>>();
  // Ready plans first: a blocked plan never takes the free subnet a ready one could use.
  for (const row of [...wanting].sort((a, b) => Number(a.readiness !== 'ready') - Number(b.readiness !== 'ready') || byPlanOrder(a, b))) {
    const vnet = lower(row.vnetId);
    if (!byVnet.has(vnet)) byVnet.set(vnet, new Map());
    const plans = byVnet.get(vnet)!;
    if (!plans.has(lower(row.planId))) plans.set(lower(row.planId), row.facts);
  }
  const subnets = new Map<string, PlanSubnet>();
  for (const [vnet, plans] of byVnet) {
    for (const assigned of allocateVnetSubnets([...plans].map(([planId, facts]) => ({ planId, facts })))) subnets.set(`${vnet}|${assigned.planId}`, assigned);
  }
  const subnetOf = (row: FleetRow) => subnets.get(`${lower(row.vnetId)}|${lower(row.planId)}`);

  const moves: WaveEntry[] = rows.filter((row) => row.readiness === 'ready' && subnetOf(row) !== undefined).map((row) => {
    const assigned = subnetOf(row)!;
    return { wave: row.slot === null ? 2 : 1, row, subnet: assigned.choice, sharedWith: assigned.sharedWith.map(name) };
  });
  const planSize = new Map<string, number>();
  for (const move of moves) planSize.set(lower(move.row.planId), (planSize.get(lower(move.row.planId)) ?? 0) + 1);
  moves.sort((a, b) => a.wave - b.wave || a.row.daysLeft - b.row.daysLeft
    || (planSize.get(lower(a.row.planId)) ?? 0) - (planSize.get(lower(b.row.planId)) ?? 0)
    || byPlanOrder(a.row, b.row));
  const blocked = rows.filter((row) => row.readiness !== 'ready' || subnetOf(row) === undefined).sort(byPlanOrder)
    .map((row) => {
      const proposed = subnetOf(row)?.choice;
      return { row, unblock: unblockHints(row, proposed), ...(proposed && proposed.mode !== 'unknown' ? { subnet: proposed } : {}) };
    });
  return { moves, blocked };
}

function byPlanOrder(a: FleetRow, b: FleetRow): number {
  return name(a.planId).localeCompare(name(b.planId)) || lower(a.planId).localeCompare(lower(b.planId))
    || name(a.appId).localeCompare(name(b.appId)) || (a.slot ?? '').localeCompare(b.slot ?? '');
}

/** What unblocks a row, per blocker (finding ids of the migration flow; unknown rows carry reasons). */
export function unblockHints(row: FleetRow, subnet: SubnetChoice | undefined): string[] {
  const facts = row.facts;
  const vnet = textOf(facts, 'vnet.name') ?? name(row.vnetId) ?? 'the VNet';
  const region = textOf(facts, 'app.location') ?? "the app's region";
  const runbook = `vnet-doctor migrate --app ${row.appId}${row.slot === null ? '' : ` --slot ${row.slot}`}`;
  if (row.readiness === 'unknown') return row.blockers.map((reason) => `find out: ${reason}`);
  if (row.readiness === 'ready') return ['no subnet could be assigned: the VNet\'s address space could not be read'];
  return row.blockers.map((id) => {
    switch (id) {
      case 'migration-blocked-cross-region':
        return `${vnet} is not in ${region}: create a VNet there and peer it with ${vnet} (${runbook} writes those steps)`;
      case 'migration-blocked-classic-vnet':
        return `${vnet} is a classic VNet: migrate it to Resource Manager, or integrate with a Resource Manager VNet in ${region} that reaches it`;
      case 'migration-subnet-missing':
      case 'migration-subnet-too-small':
      case 'migration-subnet-shared':
        return subnet && subnet.mode !== 'unknown' && subnet.prefix
          ? `${subnet.mode === 'existing' ? 'use' : 'create'} subnet ${subnet.name} ${subnet.prefix} in ${vnet}, delegated to Microsoft.Web/serverFarms, for this plan (then scan again)`
          : `add a free subnet of /26 or larger to ${vnet}, delegated to Microsoft.Web/serverFarms`;
      case 'migration-ipv6-address-space':
        return `${vnet} has IPv6 address space: integrate with an IPv4-only VNet (peered with ${vnet})`;
      case 'migration-service-endpoint-policies':
        return `remove the service endpoint policies from ${textOf(facts, 'migration.freeSubnetName') ?? 'the free subnet'}`;
      case 'migration-plan-split-needed':
        return 'the plan\'s apps use more than 2 VNets: move the apps of the other VNets to another plan, or peer those VNets with one the plan keeps';
      case 'migration-plan-not-supported':
        return 'the plan cannot use regional integration: create a Premium v3 or v4 plan and move the app there side by side';
      case 'migration-subnet-not-delegated':
        return `delegate ${textOf(facts, 'migration.freeSubnetName') ?? 'the free subnet'} to Microsoft.Web/serverFarms`;
      default:
        return `resolve ${id} (${runbook} lists it in its preflight)`;
    }
  });
}
