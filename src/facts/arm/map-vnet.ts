/** Facts about the VNet: address space, DNS, peering and readiness for regional integration. */
import type { Subnet, VirtualNetwork, VirtualNetworkPeering } from '@azure/arm-network';
import { put, splitList, type FactMap } from './fact-values.ts';
import { parseResourceId, sameId } from './resource-id.ts';
import { REGIONAL_SUBNET_MIN_PREFIX } from '../limits.ts';

export function vnetFacts(vnet: VirtualNetwork): FactMap {
  const facts: FactMap = {};
  const detail = `VNet ${vnet.name ?? ''}`.trim();
  const space = vnet.addressSpace?.addressPrefixes ?? [];
  put(facts, 'vnet.name', vnet.name, detail);
  put(facts, 'vnet.location', vnet.location, detail);
  put(facts, 'vnet.addressSpace', space.filter((prefix) => !prefix.includes(':')), detail);
  put(facts, 'vnet.hasIpv6', space.some((prefix) => prefix.includes(':')), detail);
  // An empty list means the VNet uses Azure-provided DNS. The REST API sends an array here
  // (unlike App Service's comma-separated string); splitList accepts either.
  put(facts, 'vnet.dnsServers', splitList(vnet.dhcpOptions?.dnsServers), detail);
  put(facts, 'vnet.isClassic', false, detail);
  // Private endpoints show on their subnet (`privateEndpoints`) or as its IP configurations.
  const privateEndpoints = (vnet.subnets ?? []).some((subnet) => (subnet.privateEndpoints?.length ?? 0) > 0
    || (subnet.ipConfigurations ?? []).some((config) => /\/providers\/Microsoft\.Network\/privateEndpoints\//i.test(config.id ?? '')));
  put(facts, 'vnet.hasPrivateEndpoints', privateEndpoints, detail);
  // Every subnet's name and range: a new subnet is proposed from what is left.
  const subnets = vnet.subnets ?? [];
  put(facts, 'vnet.subnetNames', subnets.map((subnet) => subnet.name).filter((name) => name !== undefined), detail);
  put(facts, 'vnet.subnetPrefixes', subnets.flatMap((subnet) => subnet.addressPrefixes ?? (subnet.addressPrefix === undefined ? [] : [subnet.addressPrefix])).filter((prefix) => !prefix.includes(':')), detail);
  return facts;
}

/**
 * The peering the facts describe when there is no choice to make: the only one. A hub with several
 * peerings has no "first" that matters: the one whose remote range holds the target is picked once
 * the target is known (`peerings.table`, derived.ts).
 */
export function chosenPeering(vnet: VirtualNetwork): VirtualNetworkPeering | undefined {
  const peerings = vnet.virtualNetworkPeerings ?? [];
  return peerings.length === 1 ? peerings[0] : undefined;
}

/** Peered VNets read for their side of the peering (a hub with more is read as far as this). */
export const MAX_PEERINGS_READ = 20;

/** The fields one peering gives, named as the `peering.*` facts without the prefix. */
export interface PeeringRecord {
  readonly name?: string;
  readonly remoteVnetName?: string;
  readonly remoteResourceGroup?: string;
  readonly remoteSubscriptionId?: string;
  readonly remoteAddressSpace?: readonly string[];
  readonly state?: string;
  readonly syncLevel?: string;
  readonly allowVnetAccess?: boolean;
  readonly allowForwardedTraffic?: boolean;
  readonly allowGatewayTransit?: boolean;
  readonly remotePeeringName?: string;
  readonly remoteAllowVnetAccess?: boolean;
  readonly remoteAllowForwardedTraffic?: boolean;
  readonly remoteUseGateways?: boolean;
}

/** One peering as facts: its local side, and the remote side when the remote VNet was read. */
export function peeringRecord(localVnetId: string, peering: VirtualNetworkPeering, remote: VirtualNetwork | undefined): PeeringRecord {
  const id = parseResourceId(peering.remoteVirtualNetwork?.id);
  const back = remote?.virtualNetworkPeerings?.find((candidate) => sameId(candidate.remoteVirtualNetwork?.id, localVnetId));
  return {
    name: peering.name, remoteVnetName: id?.name, remoteResourceGroup: id?.resourceGroup, remoteSubscriptionId: id?.subscriptionId,
    remoteAddressSpace: peering.remoteAddressSpace?.addressPrefixes, state: peering.peeringState, syncLevel: peering.peeringSyncLevel,
    allowVnetAccess: peering.allowVirtualNetworkAccess ?? false, allowForwardedTraffic: peering.allowForwardedTraffic ?? false,
    allowGatewayTransit: peering.allowGatewayTransit ?? false,
    ...(back ? { remotePeeringName: back.name, remoteAllowVnetAccess: back.allowVirtualNetworkAccess ?? false,
      remoteAllowForwardedTraffic: back.allowForwardedTraffic ?? false, remoteUseGateways: back.useRemoteGateways ?? false } : {}),
  };
}

/** Local side of the peering; the remote side needs the remote VNet (`remotePeeringFacts`). */
export function peeringFacts(vnet: VirtualNetwork): FactMap {
  const facts: FactMap = {};
  const peerings = vnet.virtualNetworkPeerings ?? [];
  put(facts, 'peering.exists', peerings.length > 0, `VNet ${vnet.name} peerings`);
  put(facts, 'peering.count', peerings.length, `VNet ${vnet.name} peerings`);
  const peering = chosenPeering(vnet);
  if (!peering) return facts;
  const detail = `peering ${peering.name}`;
  const remote = parseResourceId(peering.remoteVirtualNetwork?.id);
  put(facts, 'peering.name', peering.name, detail);
  put(facts, 'peering.remoteVnetName', remote?.name, detail);
  put(facts, 'peering.remoteResourceGroup', remote?.resourceGroup, detail);
  put(facts, 'peering.remoteSubscriptionId', remote?.subscriptionId, detail);
  put(facts, 'peering.remoteAddressSpace', peering.remoteAddressSpace?.addressPrefixes, detail);
  put(facts, 'peering.state', peering.peeringState, detail);
  put(facts, 'peering.syncLevel', peering.peeringSyncLevel, detail);
  put(facts, 'peering.allowVnetAccess', peering.allowVirtualNetworkAccess ?? false, detail);
  put(facts, 'peering.allowForwardedTraffic', peering.allowForwardedTraffic ?? false, detail);
  put(facts, 'peering.allowGatewayTransit', peering.allowGatewayTransit ?? false, detail);
  return facts;
}

/**
 * Every peering of a hub with several, one JSON record per peering (`peerings.table`): the flows
 * check the one whose remote range holds the target (derived.ts), not an arbitrary first spoke.
 */
export function peeringTableFacts(localVnetId: string, vnet: VirtualNetwork, remotes: readonly VirtualNetwork[]): FactMap {
  const facts: FactMap = {};
  const peerings = vnet.virtualNetworkPeerings ?? [];
  if (peerings.length < 2) return facts;
  const records = peerings.map((peering) => JSON.stringify(peeringRecord(localVnetId, peering, remotes.find((remote) => sameId(remote.id, peering.remoteVirtualNetwork?.id)))));
  put(facts, 'peerings.table', records, `VNet ${vnet.name} peerings (${peerings.length}) and their peered VNets`);
  return facts;
}

/** The remote VNet's peering that points back at our VNet. */
export function remotePeeringFacts(localVnetId: string, remote: VirtualNetwork): FactMap {
  const facts: FactMap = {};
  const back = remote.virtualNetworkPeerings?.find((peering) => sameId(peering.remoteVirtualNetwork?.id, localVnetId));
  if (!back) return facts;
  const detail = `peering ${back.name} on VNet ${remote.name}`;
  // The remote side's own name: the update commands for that side need it.
  put(facts, 'peering.remotePeeringName', back.name, detail);
  put(facts, 'peering.remoteAllowVnetAccess', back.allowVirtualNetworkAccess ?? false, detail);
  put(facts, 'peering.remoteAllowForwardedTraffic', back.allowForwardedTraffic ?? false, detail);
  put(facts, 'peering.remoteUseGateways', back.useRemoteGateways ?? false, detail);
  return facts;
}


/** Subnets Azure reserves for its own services; regional integration cannot use them. */
const RESERVED_SUBNETS = ['gatewaysubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'azurebastionsubnet', 'routeserversubnet'];
const WEB_DELEGATION = 'microsoft.web/serverfarms';

const prefixOf = (subnet: Subnet): string | undefined => subnet.addressPrefix ?? subnet.addressPrefixes?.find((prefix) => !prefix.includes(':'));
const lengthOf = (prefix: string | undefined): number => Number(prefix?.split('/')[1] ?? 99);
const delegatedToWeb = (subnet: Subnet) => (subnet.delegations ?? []).some((d) => d.serviceName?.toLowerCase() === WEB_DELEGATION);

/** Unused: nothing attached, and no delegation to another service. */
function isFree(subnet: Subnet): boolean {
  if (RESERVED_SUBNETS.includes((subnet.name ?? '').toLowerCase())) return false;
  const used = (subnet.ipConfigurations?.length ?? 0) + (subnet.privateEndpoints?.length ?? 0) + (subnet.serviceAssociationLinks?.length ?? 0);
  const otherDelegation = (subnet.delegations ?? []).some((d) => d.serviceName?.toLowerCase() !== WEB_DELEGATION);
  return used === 0 && !otherDelegation && prefixOf(subnet) !== undefined;
}

/**
 * A subnet another App Service plan already integrates with: delegated to App Service, used only
 * through App Service's service association links. Plans may share it when it is large enough
 * (multi-plan subnet join, learn.microsoft.com/azure/app-service/overview-vnet-integration).
 */
function isSharedWebSubnet(subnet: Subnet): boolean {
  const links = subnet.serviceAssociationLinks ?? [];
  const others = (subnet.ipConfigurations?.length ?? 0) + (subnet.privateEndpoints?.length ?? 0);
  return delegatedToWeb(subnet) && links.length > 0 && others === 0 && prefixOf(subnet) !== undefined
    && links.every((link) => (link.linkedResourceType ?? 'microsoft.web/serverfarms').toLowerCase() === WEB_DELEGATION);
}

/**
 * The best subnet for regional integration: a free one (delegated to App Service first, then the
 * largest), else one another plan already uses through App Service. Whether it is in use comes
 * from ARM (its service association links and IP configurations), so a scan needs no answer.
 */
export function migrationFacts(vnet: VirtualNetwork): FactMap {
  const facts: FactMap = {};
  const bySize = (a: Subnet, b: Subnet) => Number(delegatedToWeb(b)) - Number(delegatedToWeb(a)) || lengthOf(prefixOf(a)) - lengthOf(prefixOf(b));
  const free = (vnet.subnets ?? []).filter(isFree).sort(bySize);
  const shared = (vnet.subnets ?? []).filter(isSharedWebSubnet).sort(bySize);
  const best = free.find((subnet) => lengthOf(prefixOf(subnet)) <= REGIONAL_SUBNET_MIN_PREFIX) ?? free[0] ?? shared[0];
  put(facts, 'migration.hasFreeSubnet', best !== undefined, `VNet ${vnet.name} subnets`);
  if (!best) return facts;
  const detail = `subnet ${best.name}`;
  put(facts, 'migration.freeSubnetName', best.name, detail);
  put(facts, 'migration.freeSubnetPrefix', prefixOf(best), detail);
  put(facts, 'migration.freeSubnetDelegated', delegatedToWeb(best), detail);
  put(facts, 'migration.freeSubnetInUse', (best.serviceAssociationLinks?.length ?? 0) + (best.ipConfigurations?.length ?? 0) > 0, `${detail} service association links and IP configurations`);
  put(facts, 'migration.serviceEndpointPolicies', (best.serviceEndpointPolicies?.length ?? 0) > 0, detail);
  return facts;
}
