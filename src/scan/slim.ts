/**
 * What a scan keeps of each listed resource: the fields the fact mappers (src/facts/arm/map-*.ts)
 * read, nothing else. A VNet or gateway can be large (every subnet's IP configurations, root
 * certificates); tens of thousands of them are held until the rows are judged.
 */

import { flattenArmResource } from './flatten.ts';

/** true: keep the value as is; an object: keep those fields of it; a one-item array: that shape for every item. */
export type Shape = true | { readonly [field: string]: Shape } | readonly [Shape];

const MAX_DEPTH = 8;

export function pickShape(value: unknown, shape: Shape, depth = 0): unknown {
  if (shape === true || value === null || value === undefined) return value;
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(shape)) return Array.isArray(value) ? value.map((item) => pickShape(item, shape[0], depth + 1)) : undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(shape as Record<string, Shape>)) {
    if (record[field] !== undefined) out[field] = pickShape(record[field], inner, depth + 1);
  }
  return out;
}

const ID = { id: true } as const;
const PREFIXES = { addressPrefixes: true } as const;

export const SITE_SHAPE: Shape = {
  id: true, name: true, kind: true, location: true, serverFarmId: true, reserved: true, isXenon: true, hyperV: true, virtualNetworkSubnetId: true, state: true,
};
export const PLAN_SHAPE: Shape = { id: true, name: true, kind: true, location: true, sku: { name: true, tier: true, capacity: true }, reserved: true, maximumNumberOfWorkers: true, maximumElasticWorkerCount: true, elasticScaleEnabled: true };
export const VNET_SHAPE: Shape = {
  id: true, name: true, location: true, addressSpace: PREFIXES, dhcpOptions: { dnsServers: true },
  subnets: [{
    id: true, name: true, addressPrefix: true, addressPrefixes: true, privateEndpoints: [ID], ipConfigurations: [ID],
    serviceAssociationLinks: [{ id: true, linkedResourceType: true, link: true }], delegations: [{ serviceName: true }],
    serviceEndpointPolicies: [ID], networkSecurityGroup: ID, routeTable: ID,
  }],
  virtualNetworkPeerings: [{
    id: true, name: true, remoteVirtualNetwork: ID, remoteAddressSpace: PREFIXES, peeringState: true, peeringSyncLevel: true,
    allowVirtualNetworkAccess: true, allowForwardedTraffic: true, allowGatewayTransit: true, useRemoteGateways: true,
  }],
};
export const GATEWAY_SHAPE: Shape = {
  id: true, name: true, gatewayType: true, vpnType: true, sku: { name: true, tier: true }, provisioningState: true, active: true, enableBgp: true,
  ipConfigurations: [{ id: true, subnet: ID }], customRoutes: PREFIXES,
  vpnClientConfiguration: {
    vpnClientAddressPool: PREFIXES, vpnClientProtocols: true, vpnAuthenticationTypes: true,
    vpnClientRootCertificates: [{ name: true, publicCertData: true }],
  },
};
export const CONNECTION_SHAPE: Shape = {
  id: true, name: true, connectionType: true, connectionStatus: true, enableBgp: true,
  virtualNetworkGateway1: ID, localNetworkGateway2: { id: true, localNetworkAddressSpace: PREFIXES },
};
export const LOCAL_GATEWAY_SHAPE: Shape = { id: true, name: true, localNetworkAddressSpace: PREFIXES };

export const slim = (shape: Shape) => (item: unknown): unknown => pickShape(item, shape);

/**
 * pickShape of the resource as flattenArmResource would lift it (a field from the resource, else
 * from its `properties`), without copying the whole resource first: Resource Graph sends every
 * property of every app (site config, host names...), and only the shape's fields are copied.
 */
export function pickFlattened(value: unknown, shape: Shape, depth = 0): unknown {
  if (shape === true) return flattenArmResource(value);
  if (value === null || value === undefined) return value;
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(shape)) return Array.isArray(value) ? value.map((item) => pickFlattened(item, shape[0], depth + 1)) : undefined;
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const properties = record.properties !== null && typeof record.properties === 'object' && !Array.isArray(record.properties) ? record.properties as Record<string, unknown> : undefined;
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(shape as Record<string, Shape>)) {
    // The envelope's own field wins, as in flattenArmResource (a `properties` object is never a field).
    const own = field === 'properties' && properties ? undefined : record[field];
    const picked = own !== undefined ? own : properties?.[field];
    if (picked !== undefined) out[field] = pickFlattened(picked, inner, depth + 1);
  }
  return out;
}

export const slimFlattened = (shape: Shape) => (item: unknown): unknown => pickFlattened(item, shape);
