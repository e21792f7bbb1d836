/**
 * The ARM list calls behind a scan: per subscription when Resource Graph is refused (plans,
 * apps, VNets), per resource group for gateways, their connections and local network gateways
 * (ARM lists those per resource group only), and the per-plan and per-app VNet connections,
 * which Resource Graph does not hold. All through the SDK clients check uses.
 */
import type { AppServicePlan, Site, VnetInfoResource } from '@azure/arm-appservice';
import type { LocalNetworkGateway, VirtualNetwork, VirtualNetworkGateway, VirtualNetworkGatewayConnection } from '@azure/arm-network';
import type { ArmContext } from '../facts/arm/context.ts';
import { createWebSiteManagement } from '@azure/arm-appservice/api';
import { list as listPlans } from '@azure/arm-appservice/api/appServicePlans';
import { clientOptions, collect, createClients } from '../facts/arm/clients.ts';

export interface ArmLists {
  plans(subscriptionId: string, signal: AbortSignal): Promise<AppServicePlan[]>;
  sites(subscriptionId: string, signal: AbortSignal): Promise<Site[]>;
  vnets(subscriptionId: string, signal: AbortSignal): Promise<VirtualNetwork[]>;
  vnet(subscriptionId: string, resourceGroup: string, name: string, signal: AbortSignal): Promise<VirtualNetwork>;
  gateways(subscriptionId: string, resourceGroup: string, signal: AbortSignal): Promise<VirtualNetworkGateway[]>;
  connections(subscriptionId: string, resourceGroup: string, signal: AbortSignal): Promise<VirtualNetworkGatewayConnection[]>;
  localGateways(subscriptionId: string, resourceGroup: string, signal: AbortSignal): Promise<LocalNetworkGateway[]>;
  planConnections(subscriptionId: string, resourceGroup: string, plan: string, signal: AbortSignal): Promise<VnetInfoResource[]>;
  appConnections(subscriptionId: string, resourceGroup: string, app: string, signal: AbortSignal): Promise<VnetInfoResource[]>;
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
    vnet: async (subscriptionId, resourceGroup, name, signal) => (await clients.network(subscriptionId)).virtualNetworks.get(resourceGroup, name, { abortSignal: signal }),
    gateways: async (subscriptionId, resourceGroup, signal) => collect((await clients.network(subscriptionId)).virtualNetworkGateways.list(resourceGroup, { abortSignal: signal })),
    connections: async (subscriptionId, resourceGroup, signal) => collect((await clients.network(subscriptionId)).virtualNetworkGatewayConnections.list(resourceGroup, { abortSignal: signal })),
    localGateways: async (subscriptionId, resourceGroup, signal) => collect((await clients.network(subscriptionId)).localNetworkGateways.list(resourceGroup, { abortSignal: signal })),
    planConnections: async (subscriptionId, resourceGroup, plan, signal) => (await clients.web(subscriptionId)).appServicePlans.listVnets(resourceGroup, plan, { abortSignal: signal }),
    appConnections: async (subscriptionId, resourceGroup, app, signal) => (await clients.web(subscriptionId)).webApps.listVnetConnections(resourceGroup, app, { abortSignal: signal }),
  };
}
