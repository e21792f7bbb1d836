/**
 * The App Service reads vnet-doctor makes, through @azure/arm-appservice's modular API: the
 * generated operations the SDK's WebSiteManagementClient itself delegates to, with the same
 * pipeline, models and errors. Importing only these lets the bundle drop the other ~1,500
 * operations (about 35 KB of the SDK instead of 730 KB), which keeps a session's memory down.
 * The shape mirrors the client's `webApps` and `appServicePlans` groups.
 */
import type { TokenCredential } from '@azure/identity';
import { createWebSiteManagement, type WebSiteManagementClientOptionalParams } from '@azure/arm-appservice/api';
import {
  get as getSite, getSlot, getSwiftVirtualNetworkConnection, getSwiftVirtualNetworkConnectionSlot, list as listSites, listApplicationSettings,
  listApplicationSettingsSlot, listInstanceIdentifiers, listSlots, listVnetConnections, listVnetConnectionsSlot,
} from '@azure/arm-appservice/api/webApps';
import { get as getPlan, listVnets } from '@azure/arm-appservice/api/appServicePlans';

export interface WebReads {
  readonly webApps: {
    get(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof getSite>;
    listVnetConnections(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof listVnetConnections>;
    list(options?: { abortSignal?: AbortSignal }): ReturnType<typeof listSites>;
    /** `sites/{app}/networkConfig/virtualNetwork`: whether the app's plan can use regional integration (`swiftSupported`). */
    getSwiftVirtualNetworkConnection(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof getSwiftVirtualNetworkConnection>;
    /** POST `sites/{app}/config/appsettings/list`: every setting, secrets included (read only with --read-dns-settings; map-dns-settings.ts keeps two). */
    listApplicationSettings(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof listApplicationSettings>;
    /** The same reads for a deployment slot (`sites/{app}/slots/{slot}/...`): each slot has its own VNet integration. */
    getSlot(resourceGroup: string, name: string, slot: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof getSlot>;
    listVnetConnectionsSlot(resourceGroup: string, name: string, slot: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof listVnetConnectionsSlot>;
    getSwiftVirtualNetworkConnectionSlot(resourceGroup: string, name: string, slot: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof getSwiftVirtualNetworkConnectionSlot>;
    listApplicationSettingsSlot(resourceGroup: string, name: string, slot: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof listApplicationSettingsSlot>;
    /** The app's deployment slots (a scan lists them when Resource Graph cannot). */
    listSlots(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof listSlots>;
    /** `sites/{app}/instances`: the app's instances, so --probe can read each one (Kudu `?instance=`). */
    listInstanceIdentifiers(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof listInstanceIdentifiers>;
  };
  readonly appServicePlans: {
    get(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof getPlan>;
    listVnets(resourceGroup: string, name: string, options?: { abortSignal?: AbortSignal }): ReturnType<typeof listVnets>;
  };
}

export function createWebReads(credential: TokenCredential, subscriptionId: string, options: WebSiteManagementClientOptionalParams): WebReads {
  // The user agent WebSiteManagementClient sends, so ARM sees the same client either way.
  const context = createWebSiteManagement(credential, subscriptionId, { ...options, userAgentOptions: { userAgentPrefix: 'azsdk-js-client' } });
  return {
    webApps: {
      get: (resourceGroup, name, options) => getSite(context, resourceGroup, name, options),
      listVnetConnections: (resourceGroup, name, options) => listVnetConnections(context, resourceGroup, name, options),
      list: (options) => listSites(context, options),
      getSwiftVirtualNetworkConnection: (resourceGroup, name, options) => getSwiftVirtualNetworkConnection(context, resourceGroup, name, options),
      listApplicationSettings: (resourceGroup, name, options) => listApplicationSettings(context, resourceGroup, name, options),
      getSlot: (resourceGroup, name, slot, options) => getSlot(context, resourceGroup, name, slot, options),
      listVnetConnectionsSlot: (resourceGroup, name, slot, options) => listVnetConnectionsSlot(context, resourceGroup, name, slot, options),
      getSwiftVirtualNetworkConnectionSlot: (resourceGroup, name, slot, options) => getSwiftVirtualNetworkConnectionSlot(context, resourceGroup, name, slot, options),
      listApplicationSettingsSlot: (resourceGroup, name, slot, options) => listApplicationSettingsSlot(context, resourceGroup, name, slot, options),
      listSlots: (resourceGroup, name, options) => listSlots(context, resourceGroup, name, options),
      listInstanceIdentifiers: (resourceGroup, name, options) => listInstanceIdentifiers(context, resourceGroup, name, options),
    },
    appServicePlans: {
      get: (resourceGroup, name, options) => getPlan(context, resourceGroup, name, options),
      listVnets: (resourceGroup, name, options) => listVnets(context, resourceGroup, name, options),
    },
  };
}
