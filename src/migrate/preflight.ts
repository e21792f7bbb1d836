/**
 * The runbook's preflight: every blocker the scan and the migration flow know, each with pass,
 * fail, action (the runbook itself adds the steps that resolve it) or unknown, and the fact that
 * decided it with its provenance.
 * learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration,
 * learn.microsoft.com/azure/app-service/overview-vnet-integration
 */
import { REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN } from '../facts/limits.ts';
import { flagOf, numberOf, provenance, textOf, type FactTable } from './runbook-fact.ts';
import type { CheckStatus, PreflightCheck, Read, SlotInfo, SubnetChoice } from './runbook-types.ts';

interface Context {
  readonly facts: FactTable;
  readonly subnet: SubnetChoice;
  readonly slot?: string;
  readonly slotConnection?: Read<SlotInfo>;
}

const check = (id: string, title: string, status: CheckStatus, found: string, from: string): PreflightCheck => ({ id, title, status, found, provenance: from });

/** yes/no fact to a status: `good` is the value that passes. */
function yesNo(facts: FactTable, key: string, good: boolean, bad: CheckStatus = 'fail'): CheckStatus {
  const value = flagOf(facts, key);
  return value === undefined ? 'unknown' : value === good ? 'pass' : bad;
}

export function preflight({ facts, subnet, slot, slotConnection }: Context): PreflightCheck[] {
  const checks: PreflightCheck[] = [];
  const vnet = textOf(facts, 'vnet.name') ?? 'The VNet';
  // 1. What there is to migrate: the app's (or slot's) gateway-required connection.
  if (slot !== undefined) {
    if (!slotConnection || !slotConnection.ok) {
      checks.push(check('integration', `Slot ${slot} uses gateway-required integration`, 'unknown', 'not read', `not read${slotConnection && !slotConnection.ok ? `: ${slotConnection.reason}` : ''}`));
    } else {
      const info = slotConnection.value;
      const status: CheckStatus = info.gatewayVnet ? 'pass' : 'fail';
      const found = info.gatewayVnet ? `connected to ${info.gatewayVnet}` : info.regional ? 'already on regional integration' : 'no gateway-required connection';
      checks.push(check('integration', `Slot ${slot} uses gateway-required integration`, status, found, `ARM: slot ${slot} virtualNetworkConnections`));
    }
  } else {
    const type = textOf(facts, 'app.integrationType');
    const status: CheckStatus = type === undefined ? 'unknown' : type === 'gateway-required' ? 'pass' : 'fail';
    const found = type === 'regional' ? 'already on regional integration: nothing to migrate' : type === 'none' ? 'no VNet integration' : type ?? 'unknown';
    checks.push(check('integration', 'The app uses gateway-required integration', status, found, provenance(facts, 'app.integrationType')));
  }
  const swift = flagOf(facts, 'migration.swiftSupported');
  checks.push(check('plan-supports-regional', 'The plan can use regional integration', yesNo(facts, 'migration.swiftSupported', true),
    swift === undefined ? 'unknown' : swift ? 'supported' : 'not supported (older scale unit): a new plan is needed', provenance(facts, 'migration.swiftSupported')));
  const classic = flagOf(facts, 'vnet.isClassic');
  checks.push(check('resource-manager-vnet', `${vnet} is a Resource Manager VNet`, yesNo(facts, 'vnet.isClassic', false),
    classic === undefined ? 'unknown' : classic ? 'classic VNet' : 'Resource Manager', provenance(facts, 'vnet.isClassic')));
  const crossRegion = flagOf(facts, 'vnet.crossRegion');
  const appRegion = textOf(facts, 'app.location') ?? '?';
  checks.push(check('same-region', `A VNet in the app's region (${appRegion})`, crossRegion === undefined ? 'unknown' : crossRegion ? 'action' : 'pass',
    crossRegion === undefined ? 'unknown' : crossRegion ? `${vnet} is in ${textOf(facts, 'vnet.location') ?? 'another region'}: this runbook creates ${subnet.vnetName ?? 'a VNet'} in ${appRegion} and peers it` : `${vnet} is in ${textOf(facts, 'vnet.location') ?? appRegion}`,
    `${provenance(facts, 'vnet.location')}; app: ${provenance(facts, 'app.location')}`));
  const ipv6 = flagOf(facts, 'vnet.hasIpv6');
  checks.push(subnet.mode === 'new-vnet'
    ? check('ipv4-only', 'The integration VNet has no IPv6 address space', 'pass', `${subnet.vnetName ?? 'the new VNet'} is created IPv4 only`, 'this runbook')
    : check('ipv4-only', `${vnet} has no IPv6 address space`, yesNo(facts, 'vnet.hasIpv6', false), ipv6 === undefined ? 'unknown' : ipv6 ? 'IPv6 address space present' : 'IPv4 only', provenance(facts, 'vnet.hasIpv6')));
  checks.push(subnetCheck(facts, subnet));
  const policies = flagOf(facts, 'migration.serviceEndpointPolicies');
  checks.push(subnet.mode === 'existing'
    ? check('no-endpoint-policies', `Subnet ${subnet.name ?? ''} has no service endpoint policies`, yesNo(facts, 'migration.serviceEndpointPolicies', false),
      policies === undefined ? 'unknown' : policies ? 'service endpoint policies attached' : 'none', provenance(facts, 'migration.serviceEndpointPolicies'))
    : check('no-endpoint-policies', 'The integration subnet has no service endpoint policies', subnet.mode === 'unknown' ? 'unknown' : 'pass', subnet.mode === 'unknown' ? 'no subnet chosen' : 'a new subnet has none', 'this runbook'));
  const over = flagOf(facts, 'plan.overRegionalLimit');
  const count = numberOf(facts, 'plan.vnetCount');
  checks.push(check('plan-vnets', `The plan's apps use at most ${REGIONAL_INTEGRATIONS_PER_WINDOWS_PLAN} VNets (a Windows plan's regional limit)`, yesNo(facts, 'plan.overRegionalLimit', false),
    over === undefined ? 'unknown' : `${count ?? '?'} VNet(s)${over ? ': split the plan first' : ''}`, provenance(facts, 'plan.vnetCount')));
  const gateway = flagOf(facts, 'gateway.exists');
  checks.push(check('rollback-gateway', 'The VPN gateway exists (rollback reconnects through it)', gateway === undefined ? 'unknown' : gateway ? 'pass' : 'unknown',
    gateway === undefined ? 'unknown' : gateway ? `${textOf(facts, 'gateway.name') ?? 'gateway'} present` : 'no gateway found: no rollback to gateway-required', provenance(facts, 'gateway.exists')));
  const days = numberOf(facts, 'integration.daysUntilRetirement');
  checks.push(check('retirement', 'Days left until gateway-required integration is retired (31 March 2027)', days === undefined ? 'unknown' : days > 0 ? 'pass' : 'action',
    days === undefined ? 'unknown' : days > 0 ? `${days} days left` : 'the retirement date has passed', provenance(facts, 'integration.daysUntilRetirement')));
  return checks;
}

function subnetCheck(facts: FactTable, subnet: SubnetChoice): PreflightCheck {
  const title = 'A free subnet delegated to Microsoft.Web/serverFarms, sized for twice the plan\'s largest scale';
  switch (subnet.mode) {
    case 'existing':
      return check('subnet', title, subnet.needsDelegation ? 'action' : 'pass',
        `${subnet.name} ${subnet.prefix}${subnet.needsDelegation ? ': this runbook delegates it' : ''}`, provenance(facts, 'migration.freeSubnetPrefix'));
    case 'new-subnet':
      return check('subnet', title, 'action', `this runbook creates ${subnet.name} ${subnet.prefix} in ${subnet.vnetName ?? 'the VNet'}`, `derived from ${provenance(facts, 'vnet.subnetPrefixes')}`);
    case 'new-vnet':
      return check('subnet', title, subnet.prefix ? 'action' : 'unknown', subnet.prefix ? `this runbook creates ${subnet.name} ${subnet.prefix} in ${subnet.vnetName ?? 'a new VNet'}` : 'no free range known', 'derived');
    case 'unknown':
      return check('subnet', title, 'unknown', 'no subnet could be chosen', provenance(facts, 'vnet.subnetPrefixes'));
  }
}
