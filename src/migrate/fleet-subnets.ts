/**
 * Integration subnets for a fleet: apps of a plan share its subnet, and the plans that move into
 * one VNet must get subnets that overlap neither each other nor the VNet's existing subnets. Per
 * VNet: when the VNet's free subnet is /26 or larger and the plans' combined need (twice each plan's
 * largest scale) fits it, they share it (multi-plan subnet join); otherwise the first plan takes
 * the free subnet when it is big enough, and every other plan gets a new range of the VNet that no
 * subnet and no earlier plan uses, with a name no subnet has.
 * learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration (sizes, multi-plan
 * subnet join), learn.microsoft.com/azure/app-service/overview-vnet-integration (5 addresses per
 * subnet are Azure's).
 */
import { firstFreeBlock } from '../engine/net.ts';
import { MULTI_PLAN_SUBNET_MIN_PREFIX, REGIONAL_SUBNET_MIN_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX } from '../facts/limits.ts';
import { flagOf, listOf, numberOf, textOf, type FactTable } from './runbook-fact.ts';
import { takenRanges } from './subnet-choice.ts';
import type { SubnetChoice } from './runbook-types.ts';

/** Addresses Azure keeps in every subnet (network, gateway, two DNS, broadcast). */
const AZURE_RESERVED = 5;
const NEW_SUBNET_NAME = 'appservice-integration';

export interface PlanNeed {
  readonly planId: string;
  /** Facts of one app of the plan in this VNet (the VNet's space, subnets, free subnet; the plan's scale). */
  readonly facts: FactTable;
}

export interface PlanSubnet {
  readonly planId: string;
  readonly choice: SubnetChoice;
  /** Other plans sharing the subnet (multi-plan subnet join). */
  readonly sharedWith: readonly string[];
}

const usable = (prefix: number) => 2 ** (32 - prefix) - AZURE_RESERVED;
/** The smallest subnet (largest prefix length) holding `addresses`, never smaller than /28. */
function prefixFor(addresses: number): number {
  for (let prefix = REGIONAL_SUBNET_MIN_PREFIX; prefix >= 16; prefix -= 1) if (usable(prefix) >= addresses) return prefix;
  return 16;
}
/** Twice the plan's largest scale (a scale operation briefly holds both), or unknown. */
const need = (facts: FactTable) => { const instances = numberOf(facts, 'plan.maxInstances'); return instances === undefined ? undefined : 2 * instances; };

/** Subnets for the plans moving into one VNet, in the order given (deterministic: callers sort). */
export function allocateVnetSubnets(plans: readonly PlanNeed[]): PlanSubnet[] {
  if (plans.length === 0) return [];
  const facts = plans[0]!.facts;
  const vnet = { vnetName: textOf(facts, 'vnet.name'), vnetId: textOf(facts, 'vnet.resourceId'), vnetResourceGroup: textOf(facts, 'app.vnetResourceGroup'), vnetSubscriptionId: textOf(facts, 'app.vnetSubscriptionId') };
  const space = listOf(facts, 'vnet.addressSpace');
  const taken = takenRanges(facts);
  const names = new Set((listOf(facts, 'vnet.subnetNames') ?? []).map((name) => name.toLowerCase()));
  const free = flagOf(facts, 'migration.hasFreeSubnet') === true && flagOf(facts, 'migration.freeSubnetInUse') !== true
    ? { name: textOf(facts, 'migration.freeSubnetName'), prefix: textOf(facts, 'migration.freeSubnetPrefix'), length: numberOf(facts, 'migration.freeSubnetLength'), delegated: flagOf(facts, 'migration.freeSubnetDelegated') }
    : undefined;
  const needs = plans.map((plan) => need(plan.facts));
  const known = needs.every((value): value is number => value !== undefined);
  const fits = (length: number | undefined, addresses: number | undefined) => length !== undefined && length <= REGIONAL_SUBNET_MIN_PREFIX && addresses !== undefined && usable(length) >= addresses;
  const existing = (reason: string): SubnetChoice => ({ mode: 'existing', ...vnet, name: free!.name, prefix: free!.prefix, needsDelegation: free!.delegated !== true, reason });

  // Several plans that fit the free subnet together share it.
  if (plans.length > 1 && free?.name && free.prefix && known && free.length !== undefined && free.length <= MULTI_PLAN_SUBNET_MIN_PREFIX && fits(free.length, needs.reduce((sum, value) => sum + value, 0))) {
    const ids = plans.map((plan) => plan.planId);
    return plans.map((plan) => ({
      planId: plan.planId, sharedWith: ids.filter((id) => id !== plan.planId),
      choice: existing(`${free.name} (${free.prefix}) is free and holds the ${plans.length} plans moving into ${vnet.vnetName ?? 'this VNet'} together (multi-plan subnet join, /${MULTI_PLAN_SUBNET_MIN_PREFIX} or larger), twice each plan's largest scale included.`),
    }));
  }
  let freeTaken = false;
  return plans.map((plan, index) => {
    const addresses = needs[index];
    if (!freeTaken && free?.name && free.prefix && fits(free.length, addresses ?? usable(REGIONAL_SUBNET_RECOMMENDED_PREFIX))) {
      freeTaken = true;
      return { planId: plan.planId, sharedWith: [], choice: existing(`${free.name} (${free.prefix}) is free and holds twice the plan's largest scale.`) };
    }
    // A subnet of its own: at least a /26 (the safe size), larger when the plan needs it.
    const length = Math.min(addresses === undefined ? REGIONAL_SUBNET_RECOMMENDED_PREFIX : prefixFor(addresses), REGIONAL_SUBNET_RECOMMENDED_PREFIX);
    const prefix = space ? firstFreeBlock(space, taken, length) : undefined;
    if (!prefix) {
      return { planId: plan.planId, sharedWith: [], choice: { mode: 'unknown', ...vnet, reason: space ? `No free /${length} is left in ${vnet.vnetName ?? 'the VNet'}'s address space: add address space or use another VNet.` : 'The VNet\'s address space could not be read.' } };
    }
    taken.push(prefix);
    let name = NEW_SUBNET_NAME;
    for (let n = 2; names.has(name.toLowerCase()); n += 1) name = `${NEW_SUBNET_NAME}-${n}`;
    names.add(name.toLowerCase());
    return {
      planId: plan.planId, sharedWith: [],
      choice: { mode: 'new-subnet', ...vnet, name, prefix, needsDelegation: false, reason: `A new subnet for this plan in a range of ${vnet.vnetName ?? 'the VNet'} that no subnet, no other plan, no peer, on-premises range or the pool uses (twice the plan's largest scale fits a /${length}).` },
    };
  });
}
