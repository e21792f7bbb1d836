/**
 * NSG facts for a target IP the user named: finds the subnet of the VNet holding the IP, reads
 * its network security group and evaluates the inbound rules for the point-to-site pool.
 * Called by the wizard once the target is known (it is not part of the initial gathering).
 * When the subnet's NSG lets the pool through, the NSG on the target's own network interface
 * (found among the subnet's NICs by its address) is evaluated too. The subnet's route table is
 * read in parallel.
 */
import type { Subnet } from '@azure/arm-network';
import type { ReportError } from '../read-outcome.ts';
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
/** NICs of the target's subnet read to find the one holding the target address (bounded: a subnet can hold thousands). */
const MAX_NICS_READ = 16;
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
    // The target's own network interface may carry an NSG too; traffic must pass both. The subnet
    // names its NICs; the one holding the target's address is found by reading them (a few at most).
    const nicIds = [...new Set((subnet?.ipConfigurations ?? []).flatMap((config) => {
      const match = /^(.*\/providers\/Microsoft\.Network\/networkInterfaces\/[^/]+)\//i.exec(config.id ?? '');
      return match ? [match[1]!] : [];
    }))].slice(0, MAX_NICS_READ);
    const nicRead = Promise.all(nicIds.map((id) => parseResourceId(id)).filter((id) => id !== undefined).map((id) =>
      armCall(ctx, log, `GET networkInterfaces/${id.name}`, [], (abortSignal) => network.networkInterfaces.get(id.resourceGroup, id.name, { abortSignal }))));
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
    // Only when the subnet's NSG lets the pool through does the NIC's NSG decide.
    const nics = await nicRead;
    const targetNic = nics.flatMap((call) => (call.ok ? [call.value] : []))
      .find((nic) => (nic.ipConfigurations ?? []).some((config) => config.privateIPAddress === query.targetIp));
    const nicNsgId = parseResourceId(targetNic?.networkSecurityGroup?.id);
    if (subnet && nicNsgId && facts['nsg.blocksP2s']?.value === false) {
      const nicNsg = await armCall(ctx, log, `GET networkSecurityGroups/${nicNsgId.name}`, NSG_KEYS,
        (abortSignal) => network.networkSecurityGroups.get(nicNsgId.resourceGroup, nicNsgId.name, { abortSignal }));
      if (nicNsg.ok) {
        const detail = `NSG ${nicNsgId.name} on network interface ${targetNic?.name ?? ''}`;
        const verdict = nsgVerdict(nicNsg.value, query.p2sPool, query.targetIp, query.port);
        if (verdict.blocksP2s !== false) {
          put(facts, 'nsg.name', nicNsgId.name, detail);
          put(facts, 'nsg.resourceGroup', nicNsgId.resourceGroup, detail);
          if (verdict.blocksP2s === undefined) facts['nsg.blocksP2s'] = unknownFact(verdict.reason ?? 'the rules cannot be evaluated here');
          else put(facts, 'nsg.blocksP2s', true, verdict.decidingRule ? `${detail}, rule ${verdict.decidingRule}` : detail);
          put(facts, 'nsg.blockingRule', verdict.blockingRule, detail);
          put(facts, 'nsg.blockingRulePriority', verdict.blockingPriority, detail);
          put(facts, 'nsg.allowPriority', verdict.allowPriority, `${detail}: highest free priority ahead of rule ${verdict.blockingRule ?? ''}`.trim());
        }
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
