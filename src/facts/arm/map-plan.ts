/** Facts about the App Service plan: tier, and every VNet its apps are integrated with. */
import type { AppServicePlan, VnetInfoResource } from '@azure/arm-appservice';
import { put, type FactMap } from './fact-values.ts';
import { parseResourceId } from './resource-id.ts';

export function planFacts(plan: AppServicePlan): FactMap {
  const facts: FactMap = {};
  const detail = `plan ${plan.name ?? ''}`.trim();
  put(facts, 'plan.tier', plan.sku?.tier, detail);
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
