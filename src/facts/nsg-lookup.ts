/**
 * When a session names a target address inside the app's VNet and a port, the NSG on that
 * subnet can be read from ARM and judged against the point-to-site pool. This decides whether
 * that lookup is due; it reads facts only (pure), the caller does the I/O.
 */
import type { Lookup } from '../engine/expression.ts';
import { validateIp } from '../engine/answer-types.ts';
import { isWithin } from '../engine/net.ts';
import type { NsgTarget } from './nsg-facts.ts';

export function nsgLookupFor(lookup: Lookup): NsgTarget | undefined {
  if (lookup('nsg.blocksP2s') !== undefined) return undefined;
  return vnetTargetFor(lookup);
}

/** The target address (inside the app's VNet) and port the session names, whether or not its NSG is known. */
export function vnetTargetFor(lookup: Lookup): NsgTarget | undefined {
  const port = lookup('target.port');
  if (typeof port !== 'number') return undefined;
  const ip = [lookup('target.ip'), lookup('target.host')].find((value): value is string => typeof value === 'string' && validateIp(value).ok);
  const space = lookup('vnet.addressSpace');
  if (ip === undefined || !Array.isArray(space)) return undefined;
  return space.some((prefix) => isWithin(ip, String(prefix)) === true) ? { ip, port } : undefined;
}
