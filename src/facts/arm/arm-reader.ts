/**
 * The ARM reads behind one app's facts, as an interface: `check` and the wizard read through the
 * SDK clients (sdkReader), a fleet scan through what it has listed already (scan/scan-reader.ts),
 * and both feed the same sequencing and mappers (gather-arm.ts). Each read rejects on failure;
 * the caller records which facts that leaves unknown.
 */
import type { AppServicePlan, Site, SwiftVirtualNetwork, VnetInfoResource } from '@azure/arm-appservice';
import type { LocalNetworkGateway, NetworkSecurityGroup, VirtualNetwork, VirtualNetworkGateway, VirtualNetworkGatewayConnection } from '@azure/arm-network';
import type { ArmContext } from './context.ts';
import { collect, createClients } from './clients.ts';
import type { ResourceId } from './resource-id.ts';
import type { FactMap } from './fact-values.ts';
import { readDnsSettingFacts } from './read-dns-settings.ts';

/** An app, or one of its deployment slots (each slot has its own VNet integration). */
export interface AppTarget {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly name: string;
  /** Deployment slot name; absent for the production app. */
  readonly slot?: string;
}

/** "app" or "app/slots/staging", for messages. */
export const appLabel = (app: AppTarget): string => (app.slot ? `${app.name}/slots/${app.slot}` : app.name);

/** The app's (or slot's) ARM id. */
export const appId = (app: AppTarget): string =>
  `/subscriptions/${app.subscriptionId}/resourceGroups/${app.resourceGroup}/providers/Microsoft.Web/sites/${app.name}${app.slot ? `/slots/${app.slot}` : ''}`;

export interface ArmReader {
  site(app: AppTarget, signal: AbortSignal): Promise<Site>;
  siteConnections(app: AppTarget, signal: AbortSignal): Promise<VnetInfoResource[]>;
  /** `sites/{app}/networkConfig/virtualNetwork`: `swiftSupported`, whether the plan can use regional integration. */
  swift(app: AppTarget, signal: AbortSignal): Promise<SwiftVirtualNetwork>;
  /**
   * The DNS facts of the app settings (only with --read-dns-settings): the read returns every
   * setting, secrets included; read-dns-settings.ts keeps two and never echoes the body.
   */
  dnsSettings(app: AppTarget, signal: AbortSignal): Promise<FactMap>;
  plan(plan: ResourceId, signal: AbortSignal): Promise<AppServicePlan>;
  planConnections(plan: ResourceId, signal: AbortSignal): Promise<VnetInfoResource[]>;
  vnet(vnet: ResourceId, signal: AbortSignal): Promise<VirtualNetwork>;
  gateways(subscriptionId: string, resourceGroup: string, signal: AbortSignal): Promise<VirtualNetworkGateway[]>;
  connections(subscriptionId: string, resourceGroup: string, signal: AbortSignal): Promise<VirtualNetworkGatewayConnection[]>;
  localGateways(subscriptionId: string, resourceGroup: string, signal: AbortSignal): Promise<LocalNetworkGateway[]>;
  /** One gateway by id: the GatewaySubnet names gateways in other resource groups too. */
  gateway(gateway: ResourceId, signal: AbortSignal): Promise<VirtualNetworkGateway>;
  /** One NSG of the VNet's subnets (its rules naming the pool); a reader without it leaves those facts unread. */
  nsg?(nsg: ResourceId, signal: AbortSignal): Promise<NetworkSecurityGroup>;
}

/** Reads through the SDK clients, one request each. */
export function sdkReader(ctx: ArmContext): ArmReader {
  const clients = createClients(ctx);
  const web = (subscriptionId: string) => clients.web(subscriptionId);
  const network = (subscriptionId: string) => clients.network(subscriptionId);
  return {
    site: async (app, abortSignal) => {
      const reads = await web(app.subscriptionId);
      return app.slot ? reads.webApps.getSlot(app.resourceGroup, app.name, app.slot, { abortSignal }) : reads.webApps.get(app.resourceGroup, app.name, { abortSignal });
    },
    siteConnections: async (app, abortSignal) => {
      const reads = await web(app.subscriptionId);
      return app.slot ? reads.webApps.listVnetConnectionsSlot(app.resourceGroup, app.name, app.slot, { abortSignal }) : reads.webApps.listVnetConnections(app.resourceGroup, app.name, { abortSignal });
    },
    swift: async (app, abortSignal) => {
      const reads = await web(app.subscriptionId);
      return app.slot
        ? reads.webApps.getSwiftVirtualNetworkConnectionSlot(app.resourceGroup, app.name, app.slot, { abortSignal })
        : reads.webApps.getSwiftVirtualNetworkConnection(app.resourceGroup, app.name, { abortSignal });
    },
    dnsSettings: async (app, abortSignal) => readDnsSettingFacts(await web(app.subscriptionId), app.resourceGroup, app.name, abortSignal, app.slot),
    plan: async (plan, abortSignal) => (await web(plan.subscriptionId)).appServicePlans.get(plan.resourceGroup, plan.name, { abortSignal }),
    planConnections: async (plan, abortSignal) => (await web(plan.subscriptionId)).appServicePlans.listVnets(plan.resourceGroup, plan.name, { abortSignal }),
    vnet: async (vnet, abortSignal) => (await network(vnet.subscriptionId)).virtualNetworks.get(vnet.resourceGroup, vnet.name, { abortSignal }),
    gateways: async (subscriptionId, resourceGroup, abortSignal) => collect((await network(subscriptionId)).virtualNetworkGateways.list(resourceGroup, { abortSignal })),
    connections: async (subscriptionId, resourceGroup, abortSignal) => collect((await network(subscriptionId)).virtualNetworkGatewayConnections.list(resourceGroup, { abortSignal })),
    localGateways: async (subscriptionId, resourceGroup, abortSignal) => collect((await network(subscriptionId)).localNetworkGateways.list(resourceGroup, { abortSignal })),
    gateway: async (gateway, abortSignal) => (await network(gateway.subscriptionId)).virtualNetworkGateways.get(gateway.resourceGroup, gateway.name, { abortSignal }),
    nsg: async (nsg, abortSignal) => (await network(nsg.subscriptionId)).networkSecurityGroups.get(nsg.resourceGroup, nsg.name, { abortSignal }),
  };
}
