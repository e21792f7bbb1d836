/**
 * Reads the facts for one app from ARM along the dependency graph. Each call starts as soon
 * as the ids it needs are known, so the critical path is three round trips:
 *   1. the site and its VNet connections;
 *   2. the plan and its VNets, the VNet, and the gateways, connections and local network
 *      gateways of the VNet's resource group;
 *   3. the peered VNet (for the remote side of the peering).
 * Nothing is read twice.
 */
import { UsageError } from '../../errors.ts';
import type { ReportError } from '../read-outcome.ts';
import type { ArmContext } from './context.ts';
import { armCall, newCallLog } from './call.ts';
import { put, unknownFact, type FactMap } from './fact-values.ts';
import { siteFacts, connectionFacts, type VnetReference } from './map-app.ts';
import { planFacts, planVnetFacts } from './map-plan.ts';
import { vnetFacts, peeringFacts, remotePeeringFacts, migrationFacts, chosenPeering, peeringTableFacts, MAX_PEERINGS_READ } from './map-vnet.ts';
import { gatewayFacts } from './map-gateway.ts';
import { MAX_NSGS_READ, nsgsOfSubnets, poolRulesOf } from './fetch-migration.ts';
import { POOL_RULE_KEYS, poolRuleFacts } from './map-pool-rules.ts';
import { parseResourceId, sameId, type ResourceId } from './resource-id.ts';
import { appLabel, sdkReader, type AppTarget, type ArmReader } from './arm-reader.ts';
import type { Subnet, VirtualNetworkGateway } from '@azure/arm-network';
import {
  CONNECTION_KEYS, CONNECTIONS_KEYS, DNS_SETTING_KEYS, GATEWAY_KEYS, LOCAL_GATEWAY_KEYS, PLAN_KEYS, PLAN_VNET_KEYS, REMOTE_PEERING_KEYS, SITE_KEYS, SWIFT_KEYS, VNET_KEYS,
} from './fact-groups.ts';

export type { AppTarget } from './arm-reader.ts';

/** Gateways the GatewaySubnet names (through their IP configurations) that a list did not return. */
export function gatewaysOutsideList(subnets: readonly Subnet[] | undefined, listed: readonly VirtualNetworkGateway[]): ResourceId[] {
  const gatewaySubnet = subnets?.find((subnet) => subnet.name?.toLowerCase() === 'gatewaysubnet');
  const ids = new Map<string, ResourceId>();
  for (const config of gatewaySubnet?.ipConfigurations ?? []) {
    const match = /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworkGateways\/[^/]+)\//i.exec(config.id ?? '');
    const id = match ? parseResourceId(match[1]) : undefined;
    if (id && !listed.some((gateway) => sameId(gateway.id, id.id))) ids.set(id.id.toLowerCase(), id);
  }
  return [...ids.values()];
}

export interface ArmGathering {
  readonly facts: FactMap;
  readonly errors: ReportError[];
  readonly stats: { requests: number; rounds: number; ms: number };
}

export const CLASSIC_REASON = 'classic VNet: only Resource Manager VNets can be read';

export interface ArmReadOptions {
  /**
   * Read WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER. The only call returns every app setting,
   * secrets included, so it runs only when the engineer allows it (--read-dns-settings).
   */
  readonly readDnsSettings?: boolean;
  /** Where the reads go (default: the SDK clients; a scan passes what it has listed). */
  readonly reader?: ArmReader;
}

export async function gatherFromArm(
  userCtx: ArmContext, target: AppTarget, onProgress: (message: string) => void = () => {}, options: ArmReadOptions = {},
): Promise<ArmGathering> {
  const started = performance.now();
  // Stops the calls still running when the gathering fails (unknown target).
  const stop = new AbortController();
  const ctx: ArmContext = { ...userCtx, signal: userCtx.signal ? AbortSignal.any([userCtx.signal, stop.signal]) : stop.signal };
  const reader = options.reader ?? sdkReader(ctx);
  const log = newCallLog();
  const facts: FactMap = {};
  let rounds = 0;
  const reachRound = (round: number) => { rounds = Math.max(rounds, round); };
  const merge = (more: FactMap) => Object.assign(facts, more);
  const { subscriptionId, resourceGroup, name } = target;
  const label = appLabel(target);
  const sitePath = `sites/${label}`;
  put(facts, 'app.name', name, 'target');
  put(facts, 'app.resourceGroup', resourceGroup, 'target');
  put(facts, 'app.subscriptionId', subscriptionId, 'target');
  if (target.slot) put(facts, 'app.slot', target.slot, 'target');

  onProgress(`Reading app ${label}`);
  reachRound(1);
  // Load the network SDK while the first round is on the wire; it is needed right after.
  if (!options.reader) void import('@azure/arm-network').catch(() => undefined);
  const siteCall = armCall(ctx, log, `GET ${sitePath}`, SITE_KEYS, (abortSignal) => reader.site(target, abortSignal));
  const connectionsCall = armCall(ctx, log, `GET ${sitePath}/virtualNetworkConnections`, CONNECTIONS_KEYS, (abortSignal) => reader.siteConnections(target, abortSignal));
  // Whether the app's plan can use regional integration at all (older scale units cannot).
  const swiftCall = armCall(ctx, log, `GET ${sitePath}/networkConfig/virtualNetwork`, SWIFT_KEYS, (abortSignal) => reader.swift(target, abortSignal))
    .then((swift) => { if (swift.ok) put(facts, 'migration.swiftSupported', swift.value.swiftSupported, `app ${label} networkConfig/virtualNetwork`); });
  // Only the two DNS settings leave this callback: the full list (secrets included) is dropped here.
  const dnsSettingsCall = options.readDnsSettings
    ? armCall(ctx, log, `POST ${sitePath}/config/appsettings/list`, DNS_SETTING_KEYS, (abortSignal) => reader.dnsSettings(target, abortSignal))
      .then((read) => { if (read.ok) merge(read.value); })
    : Promise.resolve();

  const planBranch = siteCall.then(async (site) => {
    if (!site.ok) {
      if (site.status === 404) throw new UsageError(`unknown target: there is no app "${label}" in resource group "${resourceGroup}" of subscription ${subscriptionId} (ARM 404)`);
      return undefined;
    }
    const read = siteFacts(site.value);
    merge(read.facts);
    if (read.plan) await readPlan(read.plan);
    return read.regionalVnetId;
  });

  const readPlan = async (plan: ResourceId) => {
    reachRound(2);
    onProgress(`Reading App Service plan ${plan.name}`);
    const [got, vnets] = await Promise.all([
      armCall(ctx, log, `GET serverfarms/${plan.name}`, PLAN_KEYS, (abortSignal) => reader.plan(plan, abortSignal)),
      armCall(ctx, log, `GET serverfarms/${plan.name}/virtualNetworkConnections`, PLAN_VNET_KEYS, (abortSignal) => reader.planConnections(plan, abortSignal)),
    ]);
    if (got.ok) merge(planFacts(got.value));
    if (vnets.ok) merge(planVnetFacts(plan.name, vnets.value));
  };

  const vnetBranch = connectionsCall.then(async (connections) => {
    if (!connections.ok) return;
    // The regional subnet shows on the site too; the connection list alone is enough for
    // gateway-required integration, which is what the network reads are for.
    const read = connectionFacts(connections.value, undefined);
    merge(read.facts);
    if (read.vnet) await readNetwork(read.vnet);
  });

  const readNetwork = async (vnet: VnetReference) => {
    if (vnet.isClassic) {
      for (const key of [...VNET_KEYS, ...GATEWAY_KEYS]) facts[key] ??= unknownFact(CLASSIC_REASON);
      return;
    }
    reachRound(2);
    onProgress(`Reading VNet ${vnet.name} and its gateways`);
    const rg = vnet.resourceGroup;
    const [got, gateways, connections, locals] = await Promise.all([
      armCall(ctx, log, `GET virtualNetworks/${vnet.name}`, VNET_KEYS, (abortSignal) => reader.vnet(vnet, abortSignal)),
      armCall(ctx, log, `LIST virtualNetworkGateways in ${rg}`, GATEWAY_KEYS, (abortSignal) => reader.gateways(vnet.subscriptionId, rg, abortSignal)),
      armCall(ctx, log, `LIST connections in ${rg}`, CONNECTION_KEYS, (abortSignal) => reader.connections(vnet.subscriptionId, rg, abortSignal)),
      armCall(ctx, log, `LIST localNetworkGateways in ${rg}`, LOCAL_GATEWAY_KEYS, (abortSignal) => reader.localGateways(vnet.subscriptionId, rg, abortSignal)),
    ]);
    // A gateway may live in another resource group than its VNet: the GatewaySubnet's IP
    // configurations name it wherever it is, so read those the list of the VNet's group missed.
    // (Only next to a list that was read: a failed list keeps the gateway facts unknown with its reason.)
    const missing = got.ok && gateways.ok ? gatewaysOutsideList(got.value.subnets, gateways.value) : [];
    const extra = await Promise.all(missing.map((id) => armCall(ctx, log, `GET virtualNetworkGateways/${id.name} in ${id.resourceGroup}`, GATEWAY_KEYS,
      (abortSignal) => reader.gateway(id, abortSignal))));
    const found = [...(gateways.ok ? gateways.value : []), ...extra.flatMap((call) => (call.ok ? [call.value] : []))];
    if (gateways.ok) merge(gatewayFacts(vnet.id, found, connections.ok ? connections.value : undefined, locals.ok ? locals.value : undefined));
    if (!got.ok) return;
    merge(vnetFacts(got.value));
    merge(peeringFacts(got.value));
    merge(migrationFacts(got.value));
    const poolRules = readPoolRuleFacts(got.value.subnets, vnet.name);
    // Every peered VNet (up to a bound), so the peering that holds the target can be checked.
    const remotes = (got.value.virtualNetworkPeerings ?? []).slice(0, MAX_PEERINGS_READ)
      .flatMap((peering) => parseResourceId(peering.remoteVirtualNetwork?.id) ?? []);
    if (remotes.length === 0) { await poolRules; return; }
    reachRound(3);
    onProgress(remotes.length === 1 ? `Reading peered VNet ${remotes[0]!.name}` : `Reading ${remotes.length} peered VNets`);
    const read = await Promise.all(remotes.map((remote) => armCall(ctx, log, `GET virtualNetworks/${remote.name}`, REMOTE_PEERING_KEYS,
      (abortSignal) => reader.vnet(remote, abortSignal))));
    const localId = got.value.id ?? vnet.id;
    const single = chosenPeering(got.value);
    if (single && read[0]?.ok) merge(remotePeeringFacts(localId, read[0].value));
    if (!single) merge(peeringTableFacts(localId, got.value, read.flatMap((call) => (call.ok ? [call.value] : []))));
    await poolRules;
  };

  /**
   * The NSGs on the VNet's subnets, for the inbound rules that name the point-to-site pool: the
   * migration flow lists them with the update that adds the integration subnet. Read with the
   * peered VNets; all or nothing (a rule list missing one NSG would read as "no rule there").
   */
  const readPoolRuleFacts = async (subnets: readonly Subnet[] | undefined, vnetName: string) => {
    const pool = facts['p2s.addressPool']?.value;
    if (!reader.nsg || !Array.isArray(pool) || pool.length === 0) return;
    const nsgs = nsgsOfSubnets(subnets);
    // No NSG on any subnet: no rule names the pool, and the flow has nothing to list (as when unread).
    if (nsgs.length === 0) return;
    if (nsgs.length > MAX_NSGS_READ) { for (const key of POOL_RULE_KEYS) facts[key] ??= unknownFact(`${nsgs.length} NSGs on the subnets of ${vnetName}, more than the ${MAX_NSGS_READ} read`); return; }
    reachRound(3);
    const read = await Promise.all(nsgs.map(({ id }) => armCall(ctx, log, `GET networkSecurityGroups/${id.name}`, POOL_RULE_KEYS, (abortSignal) => reader.nsg!(id, abortSignal))));
    const rules = read.flatMap((call, index) => (call.ok ? poolRulesOf(nsgs[index]!.id, nsgs[index]!.subnets, call.value, pool as string[]) : []));
    if (read.every((call) => call.ok)) merge(poolRuleFacts(rules, `NSGs on the subnets of ${vnetName}: ${nsgs.map(({ id }) => id.name).join(', ')}`));
  };

  let regionalVnetId: string | undefined;
  try {
    [regionalVnetId] = await Promise.all([planBranch, vnetBranch, swiftCall, dnsSettingsCall]);
  } catch (error) {
    stop.abort();
    throw error;
  }
  if (regionalVnetId && facts['app.integrationType']?.value === 'none') {
    put(facts, 'app.integrationType', 'regional', `app ${label} virtualNetworkSubnetId`);
  }
  for (const [key, reason] of log.failed) if (!Object.hasOwn(facts, key)) facts[key] = unknownFact(reason);
  return { facts, errors: log.errors, stats: { requests: log.requests, rounds, ms: Math.round(performance.now() - started) } };
}
