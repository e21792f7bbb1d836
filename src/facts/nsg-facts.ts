/**
 * NSG facts once the user has named the target IP and port: the wizard calls this mid-session
 * with the same flags as gatherFacts. Offline there is nothing to read; in the demo the
 * scenario's emulator is started again for the one lookup.
 */
import type { TargetFlags } from './target-flags.ts';
import type { Fact, Facts } from '../engine/types.ts';
import type { ReportError } from './read-outcome.ts';
import { fetchNsgFacts } from './arm/fetch-nsg.ts';
import { accessFromFlags, targetFromFlags, withDemoEmulator, type ArmAccess, type FactTarget, type GatherOptions } from './gather-facts.ts';

export interface NsgTarget {
  readonly ip: string;
  readonly port: number;
}

/** Reads the NSG of the subnet holding `target.ip` in the app's VNet; needs the VNet ids and P2S pool among `facts`. */
export async function gatherNsgFacts(options: TargetFlags, facts: Facts, target: NsgTarget, gather: GatherOptions = {}): Promise<{ facts: Record<string, Fact>; errors: ReportError[] }> {
  const from = targetFromFlags(options);
  return readNsgFacts(from, from.mode === 'arm' ? accessFromFlags(options, gather) : undefined, facts, target, gather);
}

/** The same for a typed target and the session's ARM access. */
export async function readNsgFacts(from: FactTarget, access: ArmAccess | undefined, facts: Facts, target: NsgTarget, gather: GatherOptions = {}): Promise<{ facts: Record<string, Fact>; errors: ReportError[] }> {
  if (from.mode === 'offline') return { facts: {}, errors: [] };
  const text = (key: string) => (typeof facts[key]?.value === 'string' ? (facts[key]!.value as string) : undefined);
  const pool = facts['p2s.addressPool']?.value;
  const vnet = { subscriptionId: text('app.vnetSubscriptionId'), resourceGroup: text('app.vnetResourceGroup'), name: text('app.vnetName') };
  if (!vnet.subscriptionId || !vnet.resourceGroup || !vnet.name || !Array.isArray(pool)) return { facts: {}, errors: [] };
  const query = { vnet: { subscriptionId: vnet.subscriptionId, resourceGroup: vnet.resourceGroup, name: vnet.name }, targetIp: target.ip, port: target.port, p2sPool: pool as string[] };
  if (from.mode === 'demo') return withDemoEmulator(from.scenario, async (_app, demo) => fetchNsgFacts(await demo.context(gather), query));
  if (!access) return { facts: {}, errors: [] };
  return fetchNsgFacts(await access.context(gather), query);
}
