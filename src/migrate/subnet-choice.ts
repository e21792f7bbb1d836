/**
 * Which subnet the app moves to. Regional integration needs a VNet in the app's region and an
 * unused subnet delegated to Microsoft.Web/serverFarms, sized for twice the plan's largest scale
 * (a scale operation briefly holds old and new instances); several plans may share one subnet of
 * /26 or larger (multi-plan subnet join).
 * learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration,
 * learn.microsoft.com/azure/app-service/overview-vnet-integration
 */
import { firstFreeBlock } from '../engine/net.ts';
import { MULTI_PLAN_SUBNET_MIN_PREFIX, REGIONAL_SUBNET_RECOMMENDED_PREFIX } from '../facts/limits.ts';
import { flagOf, listOf, numberOf, textOf, type FactTable } from './runbook-fact.ts';
import type { SubnetChoice } from './runbook-types.ts';

/** The name the runbook gives the integration subnet of a new VNet (the flows use the same). */
export const NEW_VNET_SUBNET_NAME = 'appservice-integration';

/**
 * Ranges a new integration subnet must stay clear of: the VNet's subnets, and the point-to-site
 * pool, peered VNets and on-premises ranges where a misconfiguration puts them inside the VNet's
 * space (the pool stays in use until the clean-up).
 */
export function takenRanges(facts: FactTable): string[] {
  return ['vnet.subnetPrefixes', 'p2s.addressPool', 'peering.remoteAddressSpace', 'onprem.prefixes'].flatMap((key) => listOf(facts, key) ?? []);
}

/** A free range of the VNet for a new subnet of `length` (at least a /26), clear of every taken range. */
export function freeRange(facts: FactTable, length: number, alsoTaken: readonly string[] = []): string | undefined {
  const space = listOf(facts, 'vnet.addressSpace');
  return space ? firstFreeBlock(space, [...takenRanges(facts), ...alsoTaken], Math.min(length, REGIONAL_SUBNET_RECOMMENDED_PREFIX)) : undefined;
}

export function chooseSubnet(facts: FactTable): SubnetChoice {
  const required = numberOf(facts, 'migration.requiredPrefix');
  const sized = required === undefined ? '' : ` (twice the plan's largest scale needs a /${required} or larger)`;
  if (flagOf(facts, 'vnet.crossRegion') === true) {
    return {
      mode: 'new-vnet',
      vnetName: textOf(facts, 'migration.newVnetName'),
      vnetId: textOf(facts, 'migration.newVnetId'),
      vnetResourceGroup: textOf(facts, 'app.resourceGroup'),
      vnetSubscriptionId: textOf(facts, 'app.subscriptionId'),
      name: NEW_VNET_SUBNET_NAME,
      prefix: textOf(facts, 'migration.newVnetSubnetPrefix'),
      reason: `${textOf(facts, 'vnet.name') ?? 'The VNet'} is in ${textOf(facts, 'vnet.location') ?? 'another region'}, not in the app's region ${textOf(facts, 'app.location') ?? ''}: regional integration needs a VNet in the app's region, peered with it${sized}.`.replace(' :', ':'),
    };
  }
  const vnet = {
    vnetName: textOf(facts, 'vnet.name'),
    vnetId: textOf(facts, 'vnet.resourceId'),
    vnetResourceGroup: textOf(facts, 'app.vnetResourceGroup'),
    vnetSubscriptionId: textOf(facts, 'app.vnetSubscriptionId'),
  };
  const freeName = textOf(facts, 'migration.freeSubnetName');
  const freePrefix = textOf(facts, 'migration.freeSubnetPrefix');
  const freeLength = numberOf(facts, 'migration.freeSubnetLength');
  const inUse = flagOf(facts, 'migration.freeSubnetInUse');
  const bigEnough = freeLength !== undefined && flagOf(facts, 'migration.freeSubnetTooSmall') !== true && (required === undefined || freeLength <= required);
  const shareable = inUse !== true || (freeLength !== undefined && freeLength <= MULTI_PLAN_SUBNET_MIN_PREFIX);
  if (flagOf(facts, 'migration.hasFreeSubnet') === true && freeName && freePrefix && bigEnough && shareable) {
    const delegated = flagOf(facts, 'migration.freeSubnetDelegated');
    return {
      mode: 'existing', ...vnet, name: freeName, prefix: freePrefix, needsDelegation: delegated !== true,
      reason: `${freeName} (${freePrefix}) is free${delegated === true ? ' and delegated to Microsoft.Web/serverFarms' : ''}${sized}${inUse === true ? `; another plan uses it too, which a /${MULTI_PLAN_SUBNET_MIN_PREFIX} or larger allows` : ''}.`,
    };
  }
  const newName = textOf(facts, 'migration.newSubnetName');
  // The derived range avoids the VNet's subnets; this one also avoids a pool, peer or on-premises range inside the VNet.
  const newPrefix = listOf(facts, 'vnet.addressSpace') && listOf(facts, 'vnet.subnetPrefixes')
    ? freeRange(facts, required ?? REGIONAL_SUBNET_RECOMMENDED_PREFIX) : textOf(facts, 'migration.newSubnetPrefix');
  if (newName && newPrefix) {
    const why = flagOf(facts, 'migration.hasFreeSubnet') === false ? 'no free subnet was found'
      : freeName && !bigEnough ? `the free subnet ${freeName} (${freePrefix ?? '?'}) is too small`
        : freeName && !shareable ? `the free subnet ${freeName} is used by another plan and smaller than /${MULTI_PLAN_SUBNET_MIN_PREFIX}`
          : 'no usable free subnet is known';
    return { mode: 'new-subnet', ...vnet, name: newName, prefix: newPrefix, needsDelegation: false, reason: `${why[0]!.toUpperCase()}${why.slice(1)}: a new subnet in a range of ${vnet.vnetName ?? 'the VNet'} that no subnet, peer, on-premises range or the pool uses${sized}.` };
  }
  return { mode: 'unknown', ...vnet, reason: 'The VNet\'s subnets and address space could not be read: choose a free range of the VNet and a name by hand.' };
}
