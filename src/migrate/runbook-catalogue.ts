/**
 * The runbook's own values (next to the session's facts): labels say what to fill in when a value
 * is unknown, and the key's name and type pick the rule a value must pass before it goes into a
 * command (engine/command-values.ts).
 */
import type { FactDefinition } from '../engine/types.ts';

export const RUNBOOK_CATALOGUE: Readonly<Record<string, FactDefinition>> = {
  'runbook.slotName': { type: 'text', label: 'deployment slot name' },
  'runbook.vnetName': { type: 'text', label: 'integration VNet name' },
  'runbook.vnetId': { type: 'text', label: 'integration VNet resource id' },
  'runbook.vnetResourceGroup': { type: 'text', label: 'integration VNet resource group' },
  'runbook.vnetSubscriptionId': { type: 'text', label: 'integration VNet subscription id' },
  'runbook.subnetName': { type: 'text', label: 'integration subnet name' },
  'runbook.subnetPrefix': { type: 'cidr', label: 'integration subnet range' },
  'runbook.oldVnetName': { type: 'text', label: 'VNet of the gateway-required connection' },
  'runbook.nsgName': { type: 'text', label: 'NSG name' },
  'runbook.nsgResourceGroup': { type: 'text', label: 'NSG resource group' },
  'runbook.nsgSubscriptionId': { type: 'text', label: 'NSG subscription id' },
  'runbook.ruleName': { type: 'text', label: 'NSG rule name' },
  'runbook.withSubnet': { type: 'text-list', label: 'source ranges with the integration subnet added' },
  'runbook.withoutPool': { type: 'text-list', label: 'source ranges without the point-to-site pool' },
  'runbook.apiVersion': { type: 'text', label: 'App Service API version' },
  'runbook.cliGroup': { type: 'choice', values: ['webapp', 'functionapp'], label: 'Azure CLI command group of the app' },
  'runbook.rootCertName': { type: 'text', label: "name of App Service's root certificate on the gateway" },
  'runbook.zoneName': { type: 'hostname', label: 'private DNS zone name' },
  'runbook.zoneResourceGroup': { type: 'text', label: 'private DNS zone resource group' },
};
