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
