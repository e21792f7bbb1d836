/**
 * Whether the route table on the target's subnet sends replies to the point-to-site pool
 * somewhere other than the VPN gateway. Replies to the pool normally follow a route the gateway
 * propagates to the subnet. A user route that covers the pool at least as specifically as the pool
 * itself wins over it (longest prefix first; on a tie a user route beats a gateway route), and with
 * gateway route propagation disabled the subnet never learns the pool at all. Either way the app's
 * packets arrive but the replies leave elsewhere, and the app sees the TCP timeout.
 * learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview
 */
import type { RouteTable } from '@azure/arm-network';
import { overlaps } from '../../engine/net.ts';
import { put, type FactMap } from './fact-values.ts';

const length = (prefix: string): number => Number(prefix.split('/')[1] ?? 32);

export function routeTableFacts(table: RouteTable, p2sPool: readonly string[], subnetName: string): FactMap {
  const facts: FactMap = {};
  const detail = `route table ${table.name ?? ''} on subnet ${subnetName}`.replace('  ', ' ');
  put(facts, 'route.tableName', table.name, detail);
  const propagationDisabled = table.disableBgpRoutePropagation === true;
  put(facts, 'route.propagationDisabled', propagationDisabled, detail);
  const diverting = (table.routes ?? []).find((route) => {
    const prefix = route.addressPrefix ?? '';
    if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(prefix) || (route.nextHopType ?? '').toLowerCase() === 'virtualnetworkgateway') return false;
    return p2sPool.some((pool) => overlaps(pool, prefix) === true && length(prefix) >= length(pool));
  });
  const hop = diverting ? `${diverting.nextHopType ?? ''}${diverting.nextHopIpAddress ? ` ${diverting.nextHopIpAddress}` : ''}` : undefined;
  put(facts, 'route.divertsP2s', diverting !== undefined || propagationDisabled, detail);
  if (diverting) put(facts, 'route.divertingRoute', `${diverting.name ?? ''} (${diverting.addressPrefix} to ${hop})`, detail);
  else if (propagationDisabled) put(facts, 'route.divertingRoute', 'gateway route propagation is disabled', detail);
  return facts;
}
