/**
 * The address ranges an app on gateway-required integration sends into its point-to-site tunnel:
 * the VNet's address space, the VNet ranges App Service handed the app (INHERITED routes), the
 * plan's routes (STATIC), and custom routes advertised to point-to-site clients. DEFAULT routes
 * (the RFC 1918 ranges every app carries) never count. Everything else leaves the app outside the
 * tunnel, private addresses included.
 *
 * A peered VNet gets one answer everywhere: it is in the tunnel only when one of those ranges covers
 * it. App Service's own setup for peering ends with "add the address range of the peered virtual
 * network" under the plan's routing (step 3), because the app's client takes its routes from App
 * Service, not from the gateway's peering; so a missing peer range is a plan route to add, never a
 * Sync Network and never assumed routed by gateway transit alone.
 * learn.microsoft.com/azure/app-service/configure-gateway-required-vnet-integration (peering, step 3)
 * learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-point-to-site-routing
 *
 * The plan's routes must be known (ARM's typed routes, or the engineer's answer): without them no
 * claim is made that a range is outside the tunnel.
 */
import type { FactValue } from '../engine/types.ts';

type Get = (key: string) => FactValue | undefined;

const list = (value: FactValue | undefined): readonly string[] | undefined =>
  value === undefined || value === null ? undefined : Array.isArray(value) ? (value as readonly string[]) : [String(value)];

export function tunnelRanges(get: Get): readonly string[] | undefined {
  const routes = list(get('app.routes'));
  if (!routes) return undefined;
  const ranges = [
    ...(list(get('vnet.addressSpace')) ?? []), ...(list(get('app.inheritedRoutes')) ?? []), ...routes, ...(list(get('p2s.customRoutes')) ?? []),
  ];
  return [...new Set(ranges)];
}
