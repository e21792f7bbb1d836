/**
 * Facts about the gateways in the VNet (VPN and ExpressRoute), point-to-site, site-to-site
 * connections and the on-premises prefixes of their local network gateways.
 */
import type { LocalNetworkGateway, VirtualNetworkGateway, VirtualNetworkGatewayConnection, VpnClientConfiguration } from '@azure/arm-network';
import { put, type FactMap } from './fact-values.ts';
import { parseResourceId, sameId } from './resource-id.ts';
import { certificateThumbprint } from './certificate.ts';

/** A gateway sits in the VNet when one of its IP configurations uses a subnet of that VNet. */
export const gatewayInVnet = (gateway: VirtualNetworkGateway, vnetId: string): boolean =>
  (gateway.ipConfigurations ?? []).some((config) => (config.subnet?.id ?? '').toLowerCase().startsWith(`${vnetId.toLowerCase()}/subnets/`));

/**
 * The point-to-site authentication types: `vpnAuthenticationTypes` when ARM lists them, else what
 * the fields present show (real gateway bodies often omit the list: REST spec example
 * VirtualNetworkGatewayGet, Azure CLI network recordings): RADIUS servers, Microsoft Entra ID
 * (aadTenant/aadAudience/aadIssuer), root certificates. Nothing to go by is unknown, not "Certificate".
 * learn.microsoft.com/azure/vpn-gateway/howto-point-to-site-multi-auth
 */
export function authenticationTypes(p2s: VpnClientConfiguration | undefined): string[] | undefined {
  const listed = p2s?.vpnAuthenticationTypes ?? [];
  if (listed.length > 0) return [...listed];
  const types: string[] = [];
  if ((p2s?.vpnClientRootCertificates?.length ?? 0) > 0) types.push('Certificate');
  if (p2s?.radiusServerAddress || (p2s?.radiusServers?.length ?? 0) > 0) types.push('Radius');
  if (p2s?.aadTenant || p2s?.aadAudience || p2s?.aadIssuer) types.push('AAD');
  return types.length > 0 ? types : undefined;
}

export function gatewayFacts(
  vnetId: string,
  gateways: readonly VirtualNetworkGateway[],
  /** undefined when the list could not be read (the s2s facts stay unknown). */
  connections: readonly VirtualNetworkGatewayConnection[] | undefined,
  localGateways: readonly LocalNetworkGateway[] | undefined,
): FactMap {
  const facts: FactMap = {};
  const inVnet = gateways.filter((gateway) => gatewayInVnet(gateway, vnetId));
  const vpn = inVnet.find((gateway) => gateway.gatewayType?.toLowerCase() === 'vpn');
  const expressRoute = inVnet.find((gateway) => gateway.gatewayType?.toLowerCase() === 'expressroute');
  const listed = `gateways in resource group ${parseResourceId(vnetId)?.resourceGroup ?? ''}`.trim();
  put(facts, 'gateway.exists', vpn !== undefined, listed);
  put(facts, 'gateway.hasExpressRoute', expressRoute !== undefined, expressRoute ? `gateway ${expressRoute.name}` : listed);
  if (!vpn) return facts;

  const detail = `gateway ${vpn.name}`;
  put(facts, 'gateway.name', vpn.name, detail);
  put(facts, 'gateway.resourceGroup', parseResourceId(vpn.id)?.resourceGroup, detail);
  put(facts, 'gateway.vpnType', vpn.vpnType, detail);
  put(facts, 'gateway.sku', vpn.sku?.name ?? vpn.sku?.tier, detail);
  put(facts, 'gateway.provisioningState', vpn.provisioningState, detail);
  put(facts, 'gateway.activeActive', vpn.active ?? false, detail);
  put(facts, 'gateway.bgpEnabled', vpn.enableBgp ?? false, detail);

  const p2s = vpn.vpnClientConfiguration;
  const pool = p2s?.vpnClientAddressPool?.addressPrefixes ?? [];
  put(facts, 'p2s.configured', pool.length > 0, detail);
  if (pool.length > 0) {
    put(facts, 'p2s.addressPool', pool, detail);
    put(facts, 'p2s.protocols', p2s?.vpnClientProtocols ?? [], detail);
    put(facts, 'p2s.customRoutes', vpn.customRoutes?.addressPrefixes ?? [], detail);
    // App Service uploads its own root certificate here; only thumbprints are kept, never the data.
    const roots = p2s?.vpnClientRootCertificates ?? [];
    put(facts, 'p2s.rootCertThumbprints', roots.flatMap((root) => certificateThumbprint(root.publicCertData) ?? []), `${detail} point-to-site root certificates`);
    put(facts, 'p2s.authTypes', authenticationTypes(p2s), detail);
  }

  if (!connections) return facts;
  const siteToSite = connections.filter((c) => c.connectionType?.toLowerCase() === 'ipsec' && sameId(c.virtualNetworkGateway1?.id, vpn.id));
  put(facts, 's2s.exists', siteToSite.length > 0, `connections of ${detail}`);
  const first = siteToSite[0];
  if (!first) return facts;
  const connectionDetail = `connection ${first.name}`;
  put(facts, 's2s.connectionName', first.name, connectionDetail);
  put(facts, 's2s.connectionStatus', first.connectionStatus, connectionDetail);
  put(facts, 's2s.bgpEnabled', first.enableBgp ?? false, connectionDetail);
  if (!localGateways) return facts;
  const prefixes = siteToSite.flatMap((connection) => {
    const local = localGateways.find((gateway) => sameId(gateway.id, connection.localNetworkGateway2?.id));
    return local?.localNetworkAddressSpace?.addressPrefixes ?? connection.localNetworkGateway2?.localNetworkAddressSpace?.addressPrefixes ?? [];
  });
  put(facts, 'onprem.prefixes', [...new Set(prefixes)], `local network gateways of ${detail}`);
  return facts;
}
