/** Facts about the App Service plan: tier, and every VNet its apps are integrated with. */
import type { AppServicePlan, VnetInfoResource } from '@azure/arm-appservice';
import { put, type FactMap } from './fact-values.ts';
import { parseResourceId } from './resource-id.ts';

/** The tiers the flows tell apart (flows/catalog/facts.yaml, plan.tier). */
const TIERS = [
  'Free', 'Shared', 'Basic', 'Standard', 'Premium', 'PremiumV2', 'PremiumV3', 'PremiumV4', 'Isolated', 'IsolatedV2',
  'Dynamic', 'ElasticPremium', 'FlexConsumption', 'WorkflowStandard',
] as const;

/**
 * ARM spells some tiers as variants of one family: Premium0V3 (P0v3) and PremiumMV3 (P1mv3...,
 * memory optimised) are Premium v3; PremiumMV4 is Premium v4; IsolatedMV2 is Isolated v2. A tier
 * ARM sends that is not known by name is recognised from the SKU name (P2v3, EP1, WS1...).
 */
const TIER_FAMILIES: readonly (readonly [RegExp, (typeof TIERS)[number]])[] = [
  [/^premium0?m?v3$/i, 'PremiumV3'], [/^premium0?m?v4$/i, 'PremiumV4'], [/^isolatedm?v2$/i, 'IsolatedV2'],
];
const SKU_FAMILIES: readonly (readonly [RegExp, (typeof TIERS)[number]])[] = [
  [/^F\d+$/i, 'Free'], [/^D\d+$/i, 'Shared'], [/^B\d+$/i, 'Basic'], [/^S\d+$/i, 'Standard'], [/^P\d+$/i, 'Premium'],
  [/^P\d+v2$/i, 'PremiumV2'], [/^P\d+m?v3$/i, 'PremiumV3'], [/^P\d+m?v4$/i, 'PremiumV4'], [/^I\d+$/i, 'Isolated'], [/^I\d+m?v2$/i, 'IsolatedV2'],
  [/^Y\d+$/i, 'Dynamic'], [/^EP\d+$/i, 'ElasticPremium'], [/^FC\d+$/i, 'FlexConsumption'], [/^WS\d+$/i, 'WorkflowStandard'],
];

export function planTier(tier: string | undefined, skuName: string | undefined): string | undefined {
  if (tier) {
    const exact = TIERS.find((known) => known.toLowerCase() === tier.toLowerCase());
    if (exact) return exact;
    const family = TIER_FAMILIES.find(([pattern]) => pattern.test(tier));
    if (family) return family[1];
  }
  if (skuName) return SKU_FAMILIES.find(([pattern]) => pattern.test(skuName))?.[1];
  return undefined;
}

export function planFacts(plan: AppServicePlan): FactMap {
  const facts: FactMap = {};
  const detail = `plan ${plan.name ?? ''}`.trim();
  const raw = plan.sku?.tier;
  const tier = planTier(raw, plan.sku?.name);
  put(facts, 'plan.tier', tier, tier && raw && tier !== raw ? `${detail} (ARM tier ${raw}, SKU ${plan.sku?.name ?? ''})`.replace(', SKU )', ')') : detail);
  // The largest scale the plan allows decides the regional subnet size (scaling doubles the addresses in use).
  const workers = plan.maximumNumberOfWorkers ?? plan.sku?.capacity;
  // An Elastic Premium plan (or a plan with automatic scaling, elasticScaleEnabled) scales out to
  // maximumElasticWorkerCount, and ARM sends maximumNumberOfWorkers 0 for it (Azure CLI recording
  // appservice test_functionapp_create_elastic_premium_ep2_zone_redundant_plan);
  // learn.microsoft.com/azure/azure-functions/functions-premium-plan (plan and SKU settings, maximum burst).
  const elastic = tier === 'ElasticPremium' || plan.elasticScaleEnabled === true ? plan.maximumElasticWorkerCount : undefined;
  const most = Math.max(typeof workers === 'number' && workers > 0 ? workers : 0, typeof elastic === 'number' && elastic > 0 ? elastic : 0);
  put(facts, 'plan.maxInstances', most > 0 ? Math.max(most, plan.sku?.capacity ?? 0) : undefined,
    typeof elastic === 'number' && elastic >= most ? `${detail} maximumElasticWorkerCount` : detail);
  return facts;
}

/** The plan's VNets count against the limit of five, once per distinct VNet. */
export function planVnetFacts(planName: string, connections: readonly VnetInfoResource[]): FactMap {
  const facts: FactMap = {};
  const detail = `plan ${planName} VNet connections`;
  const names = new Map<string, string>();
  for (const connection of connections) {
    const vnet = parseResourceId(connection.vnetResourceId?.replace(/\/subnets\/[^/]+$/i, ''));
    if (vnet) names.set(vnet.id.toLowerCase(), vnet.name);
  }
  put(facts, 'plan.vnetCount', names.size, detail);
  put(facts, 'plan.vnetNames', [...names.values()], detail);
  return facts;
}
