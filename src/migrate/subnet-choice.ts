/**
 * Which subnet the app moves to. Regional integration needs a VNet in the app's region and an
 * unused subnet delegated to Microsoft.Web/serverFarms, sized for twice the plan's largest scale
 * (a scale operation briefly holds old and new instances); several plans may share one subnet of
 * /26 or larger (multi-plan subnet join).
 * learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration,
 * learn.microsoft.com/azure/app-service/overview-vnet-integration
 */
import { MULTI_PLAN_SUBNET_MIN_PREFIX } from '../facts/limits.ts';
import { flagOf, numberOf, textOf, type FactTable } from './runbook-fact.ts';
import type { SubnetChoice } from './runbook-types.ts';

/** The name the runbook gives the integration subnet of a new VNet (the flows use the same). */
export const NEW_VNET_SUBNET_NAME = 'appservice-integration';

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
  const newPrefix = textOf(facts, 'migration.newSubnetPrefix');
  if (newName && newPrefix) {
    const why = flagOf(facts, 'migration.hasFreeSubnet') === false ? 'no free subnet was found'
      : freeName && !bigEnough ? `the free subnet ${freeName} (${freePrefix ?? '?'}) is too small`
        : freeName && !shareable ? `the free subnet ${freeName} is used by another plan and smaller than /${MULTI_PLAN_SUBNET_MIN_PREFIX}`
          : 'no usable free subnet is known';
    return { mode: 'new-subnet', ...vnet, name: newName, prefix: newPrefix, needsDelegation: false, reason: `${why[0]!.toUpperCase()}${why.slice(1)}: a new subnet in a range of ${vnet.vnetName ?? 'the VNet'} that no subnet uses${sized}.` };
  }
  return { mode: 'unknown', ...vnet, reason: 'The VNet\'s subnets and address space could not be read: choose a free range of the VNet and a name by hand.' };
}
