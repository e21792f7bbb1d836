/**
 * The subscription-wide ARM lists behind a scan when Resource Graph cannot be used: plans, apps
 * and VNets, and each app's slots. Everything else a scan reads goes through check's reader (facts/arm/arm-reader.ts).
 */
import type { AppServicePlan, Site } from '@azure/arm-appservice';
import type { VirtualNetwork } from '@azure/arm-network';
import type { ArmContext } from '../facts/arm/context.ts';
import { createWebSiteManagement } from '@azure/arm-appservice/api';
import { list as listPlans } from '@azure/arm-appservice/api/appServicePlans';
import { clientOptions, collect, createClients } from '../facts/arm/clients.ts';

export interface ArmLists {
  plans(subscriptionId: string, signal: AbortSignal): Promise<AppServicePlan[]>;
  sites(subscriptionId: string, signal: AbortSignal): Promise<Site[]>;
  vnets(subscriptionId: string, signal: AbortSignal): Promise<VirtualNetwork[]>;
  /** One app's deployment slots (Resource Graph lists them all at once). */
  slots(subscriptionId: string, resourceGroup: string, app: string, signal: AbortSignal): Promise<Site[]>;
}

export function armLists(ctx: ArmContext): ArmLists {
  const clients = createClients(ctx);
  // One App Service context per subscription for the plan list (web-client.ts has no list of plans).
  const planContexts = new Map<string, ReturnType<typeof createWebSiteManagement>>();
  const planContext = (subscriptionId: string) => {
    const key = subscriptionId.toLowerCase();
    if (!planContexts.has(key)) planContexts.set(key, createWebSiteManagement(ctx.credential, subscriptionId, { ...clientOptions(ctx), userAgentOptions: { userAgentPrefix: 'azsdk-js-client' } }));
    return planContexts.get(key)!;
  };
  return {
    plans: (subscriptionId, signal) => collect(listPlans(planContext(subscriptionId), { abortSignal: signal })),
    sites: async (subscriptionId, signal) => collect((await clients.web(subscriptionId)).webApps.list({ abortSignal: signal })),
    vnets: async (subscriptionId, signal) => collect((await clients.network(subscriptionId)).virtualNetworks.listAll({ abortSignal: signal })),
    slots: async (subscriptionId, resourceGroup, app, signal) => collect((await clients.web(subscriptionId)).webApps.listSlots(resourceGroup, app, { abortSignal: signal })),
  };
}
