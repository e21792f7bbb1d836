/**
 * NSG facts for a target IP the user named: finds the subnet of the VNet holding the IP, reads
 * its network security group and evaluates the inbound rules for the point-to-site pool.
 * Called by the wizard once the target is known (it is not part of the initial gathering).
 * NSGs on the target's network interface are not read; the facts describe the subnet's NSG and
 * route table (read in parallel with the NSG).
 */
import type { Subnet } from '@azure/arm-network';
import type { ReportError } from '../../report/report-model.ts';
import { isWithin } from '../../engine/net.ts';
import { nsgVerdict } from '../nsg.ts';
import type { ArmContext } from './context.ts';
import { createClients } from './clients.ts';
import { armCall, newCallLog } from './call.ts';
import { put, unknownFact, type FactMap } from './fact-values.ts';
import { parseResourceId } from './resource-id.ts';
import { routeTableFacts } from './map-route-table.ts';

export interface NsgQuery {
  readonly vnet: { readonly subscriptionId: string; readonly resourceGroup: string; readonly name: string };
  readonly targetIp: string;
  readonly port: number;
  readonly p2sPool: readonly string[];
}

const NSG_KEYS = ['nsg.name', 'nsg.resourceGroup', 'nsg.blocksP2s', 'nsg.blockingRule', 'nsg.blockingRulePriority', 'nsg.allowPriority'];
const ROUTE_KEYS = ['route.tableName', 'route.tableResourceGroup', 'route.divertsP2s', 'route.divertingRoute', 'route.propagationDisabled'];

const subnetPrefixes = (subnet: Subnet) => [...(subnet.addressPrefix ? [subnet.addressPrefix] : []), ...(subnet.addressPrefixes ?? [])];

export async function fetchNsgFacts(ctx: ArmContext, query: NsgQuery): Promise<{ facts: FactMap; errors: ReportError[] }> {
  const log = newCallLog();
  const facts: FactMap = {};
  const network = await createClients(ctx).network(query.vnet.subscriptionId);
  const vnet = await armCall(ctx, log, `GET virtualNetworks/${query.vnet.name}`, NSG_KEYS,
    (abortSignal) => network.virtualNetworks.get(query.vnet.resourceGroup, query.vnet.name, { abortSignal }));
  if (vnet.ok) {
    const subnet = vnet.value.subnets?.find((candidate) => subnetPrefixes(candidate).some((prefix) => isWithin(query.targetIp, prefix)));
    const nsgId = parseResourceId(subnet?.networkSecurityGroup?.id);
    // The subnet's route table comes with the same read: it decides where replies to the pool go.
    const routeTableId = parseResourceId(subnet?.routeTable?.id);
    const routeRead = subnet && routeTableId
      ? armCall(ctx, log, `GET routeTables/${routeTableId.name}`, ROUTE_KEYS,
        (abortSignal) => network.routeTables.get(routeTableId.resourceGroup, routeTableId.name, { abortSignal }))
      : undefined;
    if (subnet && !routeTableId) put(facts, 'route.divertsP2s', false, `subnet ${subnet.name} has no route table`);
    if (!subnet) {
      for (const key of NSG_KEYS) facts[key] = unknownFact(`no subnet of VNet ${query.vnet.name} contains ${query.targetIp}`);
    } else if (!nsgId) {
      put(facts, 'nsg.blocksP2s', false, `subnet ${subnet.name} has no network security group`);
    } else {
      const nsg = await armCall(ctx, log, `GET networkSecurityGroups/${nsgId.name}`, NSG_KEYS,
        (abortSignal) => network.networkSecurityGroups.get(nsgId.resourceGroup, nsgId.name, { abortSignal }));
      if (nsg.ok) {
        const detail = `NSG ${nsgId.name} on subnet ${subnet.name}`;
        const verdict = nsgVerdict(nsg.value, query.p2sPool, query.targetIp, query.port);
        put(facts, 'nsg.name', nsgId.name, detail);
        put(facts, 'nsg.resourceGroup', nsgId.resourceGroup, detail);
        if (verdict.blocksP2s === undefined) facts['nsg.blocksP2s'] = unknownFact(verdict.reason ?? 'the rules cannot be evaluated here');
        else put(facts, 'nsg.blocksP2s', verdict.blocksP2s, verdict.decidingRule ? `${detail}, rule ${verdict.decidingRule}` : detail);
        put(facts, 'nsg.blockingRule', verdict.blockingRule, detail);
        put(facts, 'nsg.blockingRulePriority', verdict.blockingPriority, detail);
        put(facts, 'nsg.allowPriority', verdict.allowPriority, `${detail}: highest free priority ahead of rule ${verdict.blockingRule ?? ''}`.trim());
      }
    }
    const table = await routeRead;
    if (subnet && table?.ok) {
      Object.assign(facts, routeTableFacts(table.value, query.p2sPool, subnet.name ?? ''));
      put(facts, 'route.tableResourceGroup', routeTableId?.resourceGroup, `route table of subnet ${subnet.name}`);
    }
  }
  for (const [key, reason] of log.failed) facts[key] ??= unknownFact(reason);
  return { facts, errors: log.errors };
}
