/**
 * The address ranges an app on gateway-required integration sends into its point-to-site tunnel:
 * the VNet's address space, the plan's routes (App Service copies the VNet's ranges there and the
 * engineer adds more), custom routes advertised to point-to-site clients, and a peered VNet whose
 * peering lets the app use this VNet's gateway (gateway transit on this side, remote gateways on
 * the other). Everything else leaves the app outside the tunnel, private addresses included.
 * learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-point-to-site-routing
 */
import type { FactValue } from '../engine/types.ts';

type Get = (key: string) => FactValue | undefined;

const list = (value: FactValue | undefined): readonly string[] | undefined =>
  value === undefined || value === null ? undefined : Array.isArray(value) ? (value as readonly string[]) : [String(value)];

export function tunnelRanges(get: Get): readonly string[] | undefined {
  const vnet = list(get('vnet.addressSpace'));
  const routes = list(get('app.routes'));
  if (!vnet && !routes) return undefined;
  const transit = get('peering.allowGatewayTransit') === true && get('peering.remoteUseGateways') === true;
  const ranges = [...(vnet ?? []), ...(routes ?? []), ...(list(get('p2s.customRoutes')) ?? []), ...(transit ? list(get('peering.remoteAddressSpace')) ?? [] : [])];
  return [...new Set(ranges)];
}
