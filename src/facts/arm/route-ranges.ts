/**
 * App Service reports the routes of a VNet connection as start/end address pairs (or a start
 * address in CIDR notation). The flows compare prefixes, so ranges become minimal CIDR lists.
 */
import { parseIPv4 } from '../../engine/net.ts';

const toNumber = (ip: string): number | undefined => {
  if (!parseIPv4(ip) || ip.includes('/')) return undefined;
  return ip.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
};

const toAddress = (value: number): string => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');

/** The smallest list of prefixes covering start..end (inclusive), or undefined for bad input. */
export function rangeToCidrs(start: string, end: string): string[] | undefined {
  let from = toNumber(start);
  const to = toNumber(end);
  if (from === undefined || to === undefined || from > to) return undefined;
  const result: string[] = [];
  while (from <= to) {
    let size = 32;
    // Grow the block while it stays aligned on `from` and inside the range.
    while (size > 0 && from % 2 ** (33 - size) === 0 && from + 2 ** (33 - size) - 1 <= to) size -= 1;
    result.push(`${toAddress(from)}/${size}`);
    from += 2 ** (32 - size);
  }
  return result;
}

export interface RouteLike {
  readonly startAddress?: string;
  readonly endAddress?: string;
}

/** The prefixes one App Service route covers. */
export function routeToCidrs(route: RouteLike): string[] | undefined {
  const start = route.startAddress?.trim();
  if (!start) return undefined;
  if (start.includes('/')) return parseIPv4(start) ? [start] : undefined;
  return rangeToCidrs(start, route.endAddress?.trim() || start);
}

export interface TypedRoute extends RouteLike {
  readonly routeType?: string | null;
}

/** The kinds of route App Service reports (VnetRoute.routeType). */
export type RouteKind = 'DEFAULT' | 'INHERITED' | 'STATIC';

/**
 * A connection's routes split by `routeType`: DEFAULT (the RFC 1918 ranges every app carries, which
 * say nothing about what enters the tunnel), INHERITED (the VNet ranges App Service took at the last
 * connect or Sync Network) and STATIC (the routes added to the plan). Real connections often carry
 * `routes: null` (Azure CLI recordings, appservice tests/latest/recordings): null, an empty list or an
 * entry without a known type is unknown, never "no routes", so the whole split is then undefined.
 * learn.microsoft.com/rest/api/appservice/web-apps/list-vnet-connections (VnetRoute.routeType)
 */
export function routesByType(routes: readonly TypedRoute[] | null | undefined): Record<RouteKind, string[]> | undefined {
  if (!routes || routes.length === 0) return undefined;
  const split: Record<RouteKind, string[]> = { DEFAULT: [], INHERITED: [], STATIC: [] };
  for (const route of routes) {
    const kind = route.routeType?.toUpperCase();
    if (kind !== 'DEFAULT' && kind !== 'INHERITED' && kind !== 'STATIC') return undefined;
    split[kind].push(...(routeToCidrs(route) ?? []));
  }
  return split;
}
