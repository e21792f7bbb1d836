/**
 * A migration runbook for one app or slot, from gateway-required to regional VNet integration:
 * pure, data in (facts with provenance, NSG rules and slots read from ARM), data out (sections of
 * steps whose commands are templates; render-*.ts fill and quote them per shell).
 *
 * What the steps rest on (learn.microsoft.com):
 * - azure/app-service/migrate-gateway-based-vnet-integration: disconnect then connect, typically
 *   2-5 minutes without the VNet; integration is per slot and does not swap; a staging slot can go
 *   first; a VNet in another region is reached through a VNet in the app's region and peering.
 * - azure/app-service/overview-vnet-integration: a subnet delegated to Microsoft.Web/serverFarms;
 *   the app's outbound source address is an address of that subnet; 168.63.129.16 and private DNS
 *   zones work again.
 * - azure/app-service/configure-vnet-integration-routing: Route All (the connect command, az webapp or az
 *   functionapp vnet-integration add, turns it on: Azure CLI appservice custom.py) sends all outbound traffic into the VNet.
 * - azure/virtual-network/what-is-ip-address-168-63-129-16, azure/dns/private-dns-privatednszone.
 */
import type { FactValue } from '../engine/types.ts';
import { SWITCH_DOWNTIME_MINUTES_HIGH, SWITCH_DOWNTIME_MINUTES_LOW, WEB_API_VERSION } from '../facts/limits.ts';
import { isRfc1918, overlaps } from '../engine/net.ts';
import { preflight } from './preflight.ts';
import { RUNBOOK_CATALOGUE } from './runbook-catalogue.ts';
import { flagOf, listOf, textOf, valueOf, type FactTable } from './runbook-fact.ts';
import type { PoolRule, Runbook, RunbookInput, RunbookSection, RunbookStep, SubnetChoice } from './runbook-types.ts';
import { chooseSubnet } from './subnet-choice.ts';

/** A step whose command uses values of its own (one NSG rule), next to the runbook's. */
export interface ValuedStep extends RunbookStep {
  readonly values?: Readonly<Record<string, FactValue>>;
}

const az = (text: string, command: string, values?: Record<string, FactValue>): ValuedStep => ({ kind: 'az', text, command, ...(values ? { values } : {}) });
const manual = (text: string): ValuedStep => ({ kind: 'manual', text });
const kudu = (text: string, command: string): ValuedStep => ({ kind: 'kudu', text, command });
const portal = (text: string, command: string): ValuedStep => ({ kind: 'portal', text, command });

/**
 * The Azure CLI group of the app's own commands: az functionapp for a function app (its kind holds
 * functionapp; learn.microsoft.com/cli/azure/functionapp/vnet-integration), else az webapp.
 */
export function cliGroupOf(facts: FactTable): 'webapp' | 'functionapp' {
  const group = textOf(facts, 'app.cliGroup');
  if (group === 'functionapp' || group === 'webapp') return group;
  return flagOf(facts, 'app.isFunctionApp') === true ? 'functionapp' : 'webapp';
}

const APP = '-g {{app.resourceGroup}} -n {{app.name}}';
const SUB = '--subscription {{app.subscriptionId}}';
const VNET_SUB = '--subscription {{runbook.vnetSubscriptionId}}';

export function buildRunbook(input: RunbookInput): Runbook {
  const { facts, slot } = input;
  const subnet = input.subnet ?? chooseSubnet(facts);
  const checks = preflight({ facts, subnet, slot, slotConnection: input.slotConnection });
  const blockers = checks.filter((check) => check.status === 'fail').map((check) => `${check.title}: ${check.found}`);
  const appName = textOf(facts, 'app.name') ?? input.appId.split('/').pop() ?? 'app';
  const oldVnet = slot !== undefined && input.slotConnection?.ok ? input.slotConnection.value.gatewayVnet : textOf(facts, 'app.vnetName') ?? textOf(facts, 'vnet.name');
  const values: Record<string, FactValue> = {};
  for (const [key, fact] of Object.entries(facts)) if (fact.value !== null) values[key] = fact.value;
  const put = (key: string, value: FactValue | undefined) => { if (value !== undefined) values[key] = value; };
  put('runbook.slotName', slot);
  put('runbook.vnetName', subnet.vnetName);
  put('runbook.vnetId', subnet.vnetId);
  put('runbook.vnetResourceGroup', subnet.vnetResourceGroup);
  put('runbook.vnetSubscriptionId', subnet.vnetSubscriptionId);
  put('runbook.subnetName', subnet.name);
  put('runbook.subnetPrefix', subnet.prefix);
  put('runbook.oldVnetName', oldVnet);
  put('runbook.apiVersion', WEB_API_VERSION);
  put('runbook.cliGroup', cliGroupOf(facts));
  const who = slot === undefined ? `${appName} (production slot)` : `${appName}, slot ${slot}`;
  const context: SectionContext = { input, facts, subnet, slot, appName, who, oldVnet };
  const sections = [
    beforeYouStart(context, blockers),
    subnetSection(context),
    slotSection(context),
    sourceAddressSection(context),
    routeAllSection(context),
    switchSection(context),
    verifySection(context),
    dnsSection(context),
    rollbackSection(context),
    cleanUpSection(context),
  ];
  return {
    appName, ...(slot === undefined ? {} : { slot }), title: `Move ${who} to regional VNet integration`,
    origin: input.origin, today: input.today, version: input.version,
    preflight: checks, blockers, subnet, sections, values, catalogue: { ...input.catalogue, ...RUNBOOK_CATALOGUE },
  };
}

interface SectionContext {
  readonly input: RunbookInput;
  readonly facts: FactTable;
  readonly subnet: SubnetChoice;
  readonly slot?: string;
  readonly appName: string;
  readonly who: string;
  readonly oldVnet?: string;
}

const slotFlag = (slot: string | undefined) => (slot === undefined ? '' : ' --slot {{runbook.slotName}}');
const sitePath = (slot: string | undefined) => `/subscriptions/{{app.subscriptionId}}/resourceGroups/{{app.resourceGroup}}/providers/Microsoft.Web/sites/{{app.name}}${slot === undefined ? '' : '/slots/{{runbook.slotName}}'}`;

function section(id: string, title: string, notes: string[], steps: ValuedStep[]): RunbookSection {
  const phase = id === 'rollback' ? 'rollback' : id === 'clean-up' ? 'clean-up' : 'migrate';
  return { id, phase, title, notes, steps };
}

function beforeYouStart({ facts, who, slot, subnet }: SectionContext, blockers: readonly string[]): RunbookSection {
  const days = valueOf(facts, 'integration.daysUntilRetirement');
  const notes = [
    `This runbook moves ${who} from gateway-required (point-to-site) VNet integration to regional VNet integration, in ${subnet.name ?? 'a delegated subnet'}${subnet.prefix ? ` (${subnet.prefix})` : ''} of ${subnet.vnetName ?? 'a VNet in the app\'s region'}.`
      + (typeof days === 'number' ? ` Gateway-required integration is retired on 31 March 2027, ${days} days after these facts were read.` : ''),
    `The switch is a disconnect followed by a connect: the app has no VNet access for typically ${SWITCH_DOWNTIME_MINUTES_LOW} to ${SWITCH_DOWNTIME_MINUTES_HIGH} minutes (sometimes longer) and restarts. VNet integration belongs to each slot and does not move with a swap${slot === undefined ? ', so move a staging slot first when there is one (see "Slot first")' : ''}.`,
    'The scripts next to this runbook (bash and PowerShell, the same steps) only print what they would do. Run them with --apply (bash) or -Apply (PowerShell) to make the changes; they stop at every step a person must do and wait for Enter.',
  ];
  if (blockers.length > 0) notes.push(`Blocked: ${blockers.join('; ')}. The scripts refuse --apply until these are resolved and the runbook is written again.`);
  return section('before', 'Before you start', notes, []);
}

function subnetSection({ facts, subnet }: SectionContext): RunbookSection {
  const notes = [subnet.reason];
  const steps: ValuedStep[] = [];
  if (subnet.mode === 'new-vnet') {
    steps.push(
      az(`Create ${subnet.vnetName ?? 'a VNet'} in the app's region with a private range that overlaps none of the networks the app reaches (the VNet, its peers, on-premises, the point-to-site pool), and the delegated integration subnet.`,
        `az network vnet create -g {{app.resourceGroup}} -n {{runbook.vnetName}} --location {{app.location}} --address-prefixes {{migration.newVnetRange}} --subnet-name {{runbook.subnetName}} --subnet-prefixes {{runbook.subnetPrefix}} ${SUB}`),
      az('Delegate the new subnet to App Service.',
        `az network vnet subnet update -g {{app.resourceGroup}} --vnet-name {{runbook.vnetName}} -n {{runbook.subnetName}} --delegations Microsoft.Web/serverFarms ${SUB}`),
      az(`On ${textOf(facts, 'vnet.name') ?? 'the VNet'}, peer to the new VNet and offer its gateway (gateway transit), so the app keeps reaching on-premises through it.`,
        'az network vnet peering create -g {{app.vnetResourceGroup}} --vnet-name {{vnet.name}} -n {{migration.newPeeringName}} --remote-vnet {{migration.newVnetId}} --allow-vnet-access --allow-forwarded-traffic --allow-gateway-transit --subscription {{app.vnetSubscriptionId}}'),
      az('From the new VNet, peer back and use the remote gateway (after the peering above).',
        `az network vnet peering create -g {{app.resourceGroup}} --vnet-name {{runbook.vnetName}} -n {{migration.backPeeringName}} --remote-vnet {{vnet.resourceId}} --allow-vnet-access --allow-forwarded-traffic --use-remote-gateways ${SUB}`),
    );
    if (flagOf(facts, 'vnet.hasPrivateEndpoints') === true || (listOf(facts, 'vnet.dnsServers') ?? []).length === 0) {
      steps.push(az(`Link every private DNS zone the app uses to ${subnet.vnetName ?? 'the new VNet'}, or its names stop resolving through the new VNet's default DNS.`,
        'az network private-dns link vnet create -g <zone resource group> -z <private DNS zone name> -n {{runbook.vnetName}} -v {{runbook.vnetId}} -e false --subscription <zone subscription id>'));
    }
    if (flagOf(facts, 's2s.exists') === true) {
      steps.push(manual(flagOf(facts, 's2s.bgpEnabled') === true
        ? `On-premises learns ${textOf(facts, 'migration.newVnetRange') ?? 'the new range'} over BGP through the gateway: confirm the on-premises router shows it before the switch.`
        : `On-premises routes are static: add ${textOf(facts, 'migration.newVnetRange') ?? 'the new VNet\'s range'} to the on-premises VPN device's routes and encryption domain (traffic selectors) for ${textOf(facts, 's2s.connectionName') ?? 'the site-to-site connection'}, so replies find their way back.`));
    }
  } else if (subnet.mode === 'new-subnet') {
    steps.push(az(`Create ${subnet.name} (${subnet.prefix}) in ${subnet.vnetName ?? 'the VNet'}, delegated to App Service.`,
      `az network vnet subnet create -g {{runbook.vnetResourceGroup}} --vnet-name {{runbook.vnetName}} -n {{runbook.subnetName}} --address-prefixes {{runbook.subnetPrefix}} --delegations Microsoft.Web/serverFarms ${VNET_SUB}`));
  } else if (subnet.mode === 'existing') {
    steps.push(subnet.needsDelegation
      ? az(`Delegate ${subnet.name} to App Service (an empty subnet can be delegated at any time).`,
        `az network vnet subnet update -g {{runbook.vnetResourceGroup}} --vnet-name {{runbook.vnetName}} -n {{runbook.subnetName}} --delegations Microsoft.Web/serverFarms ${VNET_SUB}`)
      : az(`Confirm ${subnet.name} is still delegated to Microsoft.Web/serverFarms and empty.`,
        `az network vnet subnet show -g {{runbook.vnetResourceGroup}} --vnet-name {{runbook.vnetName}} -n {{runbook.subnetName}} --query "{delegations: delegations[].serviceName, inUse: ipConfigurations}" ${VNET_SUB}`));
  } else {
    steps.push(manual('Choose a free range of the VNet (/26 or larger is safe) and a subnet name, then create the subnet delegated to Microsoft.Web/serverFarms.'),
      az('Create the subnet.', `az network vnet subnet create -g {{runbook.vnetResourceGroup}} --vnet-name {{runbook.vnetName}} -n {{runbook.subnetName}} --address-prefixes {{runbook.subnetPrefix}} --delegations Microsoft.Web/serverFarms ${VNET_SUB}`));
  }
  return section('subnet', 'The subnet the app moves to', notes, steps);
}

function slotSection({ input, slot, appName }: SectionContext): RunbookSection {
  if (slot !== undefined) {
    return section('slot', 'Slot first', [
      `This runbook moves the slot ${slot} only. Test it (see "Verify"), then write and run the production runbook (vnet-doctor migrate --app ${input.appId}): a swap does not carry the integration, so production is switched on its own.`,
    ], []);
  }
  if (!input.slots.ok) {
    return section('slot', 'Slot first', [`The app's deployment slots could not be read (${input.slots.reason}). If it has a staging slot with the same integration, move that slot first.`],
      [az('List the deployment slots.', `az {{runbook.cliGroup}} deployment slot list ${APP} ${SUB}`)]);
  }
  const gatewaySlots = input.slots.value.filter((info) => info.gatewayVnet !== undefined);
  if (gatewaySlots.length === 0) {
    return section('slot', 'Slot first', [input.slots.value.length === 0
      ? `${appName} has no deployment slot: production switches directly, so plan a maintenance window. (A staging slot, Standard tier or higher, lets a copy be moved and tested first.)`
      : `No slot of ${appName} uses gateway-required integration (${input.slots.value.map((info) => info.name).join(', ')}): production switches directly, so plan a maintenance window.`], []);
  }
  return section('slot', 'Slot first', [
    `Slots with their own gateway-required connection: ${gatewaySlots.map((info) => `${info.name} (${info.gatewayVnet})`).join(', ')}. Move one of them first, test it, then come back to this runbook for production: the integration belongs to each slot and does not move with a swap.`,
  ], gatewaySlots.map((info) => {
    const written = input.slotRunbooks && Object.hasOwn(input.slotRunbooks, info.name) ? input.slotRunbooks[info.name] : undefined;
    return manual(written
      ? `Run the runbook of slot ${info.name} first (${written}.md, written next to this one) and test the slot.`
      : `Write and run the runbook of slot ${info.name}: vnet-doctor migrate --app ${input.appId} --slot ${info.name}`);
  }));
}

/** The rule's sources with the subnet added, and without the pool (for the clean-up). */
function ruleSources(rule: PoolRule, subnetPrefix: string | undefined, pool: readonly string[]) {
  const withSubnet = subnetPrefix && !rule.sourcePrefixes.includes(subnetPrefix) ? [...rule.sourcePrefixes, subnetPrefix] : [...rule.sourcePrefixes];
  const withoutPool = withSubnet.filter((prefix) => !pool.some((range) => prefix === range || (/\//.test(prefix) && overlaps(prefix, range) && prefix !== subnetPrefix)));
  return { withSubnet, withoutPool };
}

function ruleValues(rule: PoolRule, subnetPrefix: string | undefined, pool: readonly string[]): Record<string, FactValue> {
  const { withSubnet, withoutPool } = ruleSources(rule, subnetPrefix, pool);
  return {
    'runbook.nsgName': rule.nsg, 'runbook.nsgResourceGroup': rule.resourceGroup, 'runbook.nsgSubscriptionId': rule.subscriptionId,
    'runbook.ruleName': rule.rule, 'runbook.withSubnet': withSubnet, 'runbook.withoutPool': withoutPool,
  };
}

const RULE_UPDATE = (list: string) => `az network nsg rule update -g {{runbook.nsgResourceGroup}} --nsg-name {{runbook.nsgName}} -n {{runbook.ruleName}} --source-address-prefixes {{${list}}} --subscription {{runbook.nsgSubscriptionId}}`;

function sourceAddressSection({ input, facts, subnet }: SectionContext): RunbookSection {
  const pool = listOf(facts, 'p2s.addressPool') ?? [];
  const poolText = pool.length > 0 ? pool.join(', ') : 'the point-to-site pool';
  const range = subnet.prefix ?? 'the integration subnet\'s range';
  const notes = [
    `After the switch the app's traffic into the VNet comes from addresses of ${range}, no longer from ${poolText}. Everything that lets ${poolText} in must let ${range} in too, before the switch (keep the pool until the clean-up, for a rollback).`,
  ];
  const steps: ValuedStep[] = [];
  if (!input.poolRules.ok) {
    notes.push(`The NSGs of the VNet could not be read (${input.poolRules.reason}): find the inbound rules whose source names ${poolText} by hand.`);
    steps.push(az('List the NSG rules of the VNet\'s subnets (look for the pool among the source prefixes).', 'az network nsg list --subscription {{app.vnetSubscriptionId}} --query "[].{nsg: name, rules: securityRules[].{rule: name, sources: sourceAddressPrefixes, source: sourceAddressPrefix}}"'));
  } else {
    if (input.poolRules.value.length === 0) notes.push(`No NSG rule of ${textOf(facts, 'vnet.name') ?? 'the VNet'}'s subnets names ${poolText} as its source (read from ARM).`);
    notes.push('Rules that use the VirtualNetwork tag cover the integration subnet as well (it includes peered VNets).');
    for (const rule of input.poolRules.value) {
      const where = `NSG ${rule.nsg}, rule ${rule.rule} (priority ${rule.priority}, ${rule.direction.toLowerCase()}${rule.subnets.length > 0 ? `, on ${rule.subnets.join(', ')}` : ''})`;
      steps.push(rule.access === 'Allow'
        ? az(`${where} lets ${rule.sourcePrefixes.join(', ')} in: add ${range}.`, RULE_UPDATE('runbook.withSubnet'), ruleValues(rule, subnet.prefix, pool))
        : manual(`${where} denies ${rule.sourcePrefixes.join(', ')}: after the move it no longer matches the app. If that deny was meant for the app, add ${range} to its sources; if it was what blocked the app, nothing to do.`));
    }
  }
  const onprem = listOf(facts, 'onprem.prefixes');
  if (flagOf(facts, 's2s.exists') === true || (onprem && onprem.length > 0)) {
    steps.push(manual(`On-premises (${onprem && onprem.length > 0 ? onprem.join(', ') : 'behind the site-to-site connection'}): add ${range} wherever firewalls, host firewalls or ACLs allow ${poolText}.`));
  }
  steps.push(manual(`PaaS firewalls the app reaches through the VNet (Azure SQL, Storage, Key Vault and the like, and any VM's host firewall): allow ${range} where ${poolText} is allowed, or add a service endpoint or private endpoint reachable from the subnet.`));
  return section('sources', 'Source addresses', notes, steps);
}

/** Plan routes that cover public addresses: after the move only Route All sends those into the VNet. */
function publicRoutes(facts: FactTable): string[] {
  return (listOf(facts, 'app.routes') ?? []).filter((route) => {
    const address = route.split('/')[0]!;
    return /^\d+\.\d+\.\d+\.\d+$/.test(address) && isRfc1918(route) === false;
  });
}

/** Route All: on when plan routes cover public addresses (only Route All carries those after the move), else off to keep today's internet egress. */
function routeAllDecision(facts: FactTable, slot: string | undefined): { notes: string[]; step: ValuedStep } {
  const publicOnes = publicRoutes(facts);
  const forced = flagOf(facts, 'gateway.bgpEnabled') === true || flagOf(facts, 'gateway.hasExpressRoute') === true;
  const notes = [
    `The connect command (az ${cliGroupOf(facts)} vnet-integration add) turns Route All on: all outbound traffic then enters the VNet, where the subnet's NSG and route table apply, and a default route learned from on-premises takes internet traffic there too. Today, gateway-required integration sends only private ranges and plan routes into the tunnel.`,
  ];
  if (publicOnes.length > 0) {
    notes.push(`Decision: keep Route All on. The app routes public ranges into the VNet today (${publicOnes.join(', ')}); without Route All they would leave straight to the internet. Steer them with a route table on the integration subnet.`);
    return { notes, step: az('Route All: confirm it is on (the connect turned it on).', `az {{runbook.cliGroup}} config set ${APP}${slotFlag(slot)} --vnet-route-all-enabled true ${SUB}`) };
  }
  notes.push(`Decision: turn Route All off right after the connect, so internet traffic leaves as it does today and only private ranges go into the VNet.${forced ? ' This matters here: the gateway learns routes from on-premises (BGP or ExpressRoute), and a default route among them would send all internet traffic on-premises.' : ''} Keep it on instead if the app must reach everything through the VNet (NAT gateway, firewall): then skip that step.`);
  return { notes, step: az('Route All: turn it off (see "Route All").', `az {{runbook.cliGroup}} config set ${APP}${slotFlag(slot)} --vnet-route-all-enabled false ${SUB}`) };
}

function routeAllSection({ facts, slot }: SectionContext): RunbookSection {
  return section('route-all', 'Route All', routeAllDecision(facts, slot).notes, []);
}

function dnsSection({ facts, slot }: SectionContext): RunbookSection {
  const vnetDns = listOf(facts, 'vnet.dnsServers') ?? [];
  const override = flagOf(facts, 'app.dnsOverride');
  const notes = [
    'After the move the app reaches Azure\'s resolver 168.63.129.16 through the VNet, so Azure private DNS zones (private endpoints) resolve through the VNet\'s default DNS again: workarounds made for the point-to-site tunnel can go once the app resolves correctly.',
  ];
  const steps: ValuedStep[] = [];
  notes.push(vnetDns.length > 0
    ? `The VNet uses custom DNS servers (${vnetDns.join(', ')}); the app keeps using them. If they exist only to forward private zones for the app, they can be retired later (other machines in the VNet may still rely on them).`
    : 'The VNet uses Azure\'s default DNS: nothing changes for the app.');
  if (override !== false) {
    steps.push(az(override === true
      ? 'The app overrides its DNS servers (WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER). If they point at a forwarder that only served private zones, remove them after the verification.'
      : 'If the app overrides its DNS servers (WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER, not read without --read-dns-settings) only to reach private zones, remove them after the verification.',
    `az {{runbook.cliGroup}} config appsettings delete ${APP}${slotFlag(slot)} --setting-names WEBSITE_DNS_SERVER WEBSITE_DNS_ALT_SERVER ${SUB}`));
  }
  return section('dns', 'DNS after the move (once the verification passes)', notes, steps);
}

function switchSection({ slot, subnet, oldVnet, facts }: SectionContext): RunbookSection {
  const crossSubscription = flagOf(facts, 'vnet.crossSubscription') === true && subnet.mode !== 'new-vnet';
  return section('switch', 'The switch', [
    `In this order, in a quiet hour: the app has no VNet access from the disconnect until the connect completes (typically ${SWITCH_DOWNTIME_MINUTES_LOW} to ${SWITCH_DOWNTIME_MINUTES_HIGH} minutes).`,
  ], [
    manual(`Start of the window: tell the app's users, and have the rollback section at hand.`),
    az(`Disconnect the gateway-required connection${oldVnet ? ` to ${oldVnet}` : ''} (Azure CLI has no command of its own for it; this calls the App Service REST API).`,
      `az rest --method delete --url "${sitePath(slot)}/virtualNetworkConnections/{{runbook.oldVnetName}}?api-version={{runbook.apiVersion}}"`),
    az(`Connect to ${subnet.name ?? 'the subnet'} of ${subnet.vnetName ?? 'the VNet'}${crossSubscription ? ' (the VNet is in another subscription: add --skip-delegation-check if you cannot read the subnet there)' : ''}.`,
      `az {{runbook.cliGroup}} vnet-integration add ${APP}${slotFlag(slot)} --vnet {{runbook.vnetId}} --subnet {{runbook.subnetName}} ${SUB}`),
    routeAllDecision(facts, slot).step,
  ]);
}

function verifySection({ facts, slot, input }: SectionContext): RunbookSection {
  const host = textOf(facts, 'target.host');
  const steps: ValuedStep[] = [
    az('The app lists the regional integration with the subnet.', `az {{runbook.cliGroup}} vnet-integration list ${APP}${slotFlag(slot)} ${SUB}`),
    kudu('In the Kudu console (Debug console > CMD), test each host and port the app needs; a reply within a few seconds means the path works.', 'tcpping {{target.host}}:{{target.port}}'),
  ];
  if (textOf(facts, 'dns.testName') !== undefined || host !== undefined) {
    steps.push(kudu('Resolve the names the app uses (private endpoint names included).', textOf(facts, 'dns.testName') !== undefined ? 'nameresolver {{dns.testName}}' : 'nameresolver {{target.host}}'));
  }
  steps.push(manual(`Or let vnet-doctor run the same probes through Kudu: vnet-doctor check --app ${input.appId} --probe (with an answers file naming target.host and target.port).`));
  return section('verify', 'Verify', ['Check from inside the app, not from your machine: the app\'s own network path is what changed.'], steps);
}

/**
 * Plans that offer regional integration only: gateway-required integration is documented for
 * dedicated App Service plans (learn.microsoft.com/azure/azure-functions/functions-networking-options),
 * so a connection removed there cannot be made again.
 */
const REGIONAL_ONLY_TIERS: Readonly<Record<string, string>> = { ElasticPremium: 'Elastic Premium', WorkflowStandard: 'Workflow Standard' };

function rollbackSection({ facts, slot, oldVnet }: SectionContext): RunbookSection {
  const gateway = textOf(facts, 'gateway.name');
  const tier = textOf(facts, 'plan.tier');
  if (tier !== undefined && Object.hasOwn(REGIONAL_ONLY_TIERS, tier)) {
    return section('rollback', 'Rollback', [
      `The plan is on the ${REGIONAL_ONLY_TIERS[tier]} tier, which offers regional integration only: once the gateway-required connection${oldVnet ? ` to ${oldVnet}` : ''} is removed it cannot be made again, so there is no way back to it. Rolling back means removing the regional integration (the app then has no VNet at all): test on a deployment slot or a copy of the app first, and keep the point-to-site pool in the NSG rules and firewalls until the clean-up.`,
    ], [
      az('Remove the regional integration (the app is then without VNet access).', `az {{runbook.cliGroup}} vnet-integration remove ${APP}${slotFlag(slot)} ${SUB}`),
    ]);
  }
  return section('rollback', 'Rollback', [
    `While ${gateway ?? 'the VPN gateway'} still exists, the app can go back: remove the regional integration, then connect ${oldVnet ?? 'the VNet'} again in the portal (App Service creates a new certificate and puts it on the gateway). Keep the point-to-site pool in the NSG rules and firewalls until the clean-up.`,
  ], [
    az('Remove the regional integration.', `az {{runbook.cliGroup}} vnet-integration remove ${APP}${slotFlag(slot)} ${SUB}`),
    portal(`Reconnect the gateway-required integration to ${oldVnet ?? 'the VNet'}.`, `App${slot === undefined ? '' : ` > Deployment slots > ${slot}`} > Networking > VNet integration > Add VNet integration > ${oldVnet ?? 'the VNet'}`),
  ]);
}

function cleanUpSection({ input, facts, subnet }: SectionContext): RunbookSection {
  const pool = listOf(facts, 'p2s.addressPool') ?? [];
  const steps: ValuedStep[] = [];
  if (input.poolRules.ok) {
    for (const rule of input.poolRules.value.filter((candidate) => candidate.access === 'Allow')) {
      const values = ruleValues(rule, subnet.prefix, pool);
      if ((values['runbook.withoutPool'] as string[]).length === 0) continue;
      steps.push(az(`NSG ${rule.nsg}, rule ${rule.rule}: drop the point-to-site pool.`, RULE_UPDATE('runbook.withoutPool'), values));
    }
  }
  const gateway = textOf(facts, 'gateway.name');
  const keepFor = [
    flagOf(facts, 's2s.exists') === true ? 'a site-to-site connection' : undefined,
    flagOf(facts, 'gateway.hasExpressRoute') === true ? 'ExpressRoute' : undefined,
    subnet.mode === 'new-vnet' ? `the peering of ${subnet.vnetName ?? 'the new VNet'} (gateway transit)` : undefined,
    flagOf(facts, 'peering.allowGatewayTransit') === true ? 'peered VNets using it (gateway transit)' : undefined,
  ].filter((reason): reason is string => reason !== undefined);
  const notes = [`When every app and slot on ${textOf(facts, 'vnet.name') ?? 'the VNet'} has moved and run well for a while:`];
  if (gateway) {
    steps.push(az(`Check who else still connects to ${gateway} over point-to-site (other apps, VPN users).`,
      'az network vnet-gateway vpn-client show-health -g {{gateway.resourceGroup}} -n {{gateway.name}} --subscription {{app.vnetSubscriptionId}}'));
    steps.push(az('List the plan\'s remaining VNet integrations (other apps of the plan).', `az appservice vnet-integration list -g {{plan.resourceGroup}} --plan {{plan.name}} ${SUB}`));
    if (keepFor.length > 0) {
      notes.push(`Keep ${gateway}: it also carries ${keepFor.join(', ')}. Remove only App Service's root certificate from its point-to-site configuration once no app uses it.`);
      steps.push(az('Remove App Service\'s root certificate from the gateway (its name is in the gateway\'s point-to-site configuration).',
        'az network vnet-gateway root-cert delete -g {{gateway.resourceGroup}} --gateway-name {{gateway.name}} -n <name of App Service\'s root certificate on the gateway> --subscription {{app.vnetSubscriptionId}}'));
    } else {
      notes.push(`${gateway} carries nothing else that ARM shows (no site-to-site connection, no ExpressRoute, no gateway transit): once no point-to-site client uses it, delete it and stop paying for it.`);
      steps.push(az(`Delete ${gateway}.`, 'az network vnet-gateway delete -g {{gateway.resourceGroup}} -n {{gateway.name}} --subscription {{app.vnetSubscriptionId}}'));
    }
  } else {
    notes.push('No VPN gateway was read: check by hand whether the gateway that served the app is still needed.');
  }
  return section('clean-up', 'Clean-up', notes, steps);
}
