/**
 * Issue 21 item 2: a session about a deployment slot (`check --slot NAME`, the wizard's --slot)
 * prints commands that act on the slot, not on the production app: every app-scoped az command
 * carries `--slot NAME` where the Azure CLI has one (checked against its command table), an
 * `az rest` URL names the slot, and a command without a slot form says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildFlowSetFromParsed } from '../../src/engine/load.ts';
import { shippedFlowFiles } from '../../src/flows/shipped-flow-files.ts';
import { renderStep } from '../../src/engine/render-step.ts';
import { azCommandPath, SLOT_COMMANDS, stepForSlot } from '../../src/engine/slot-steps.ts';
import type { FactValue, Step } from '../../src/engine/types.ts';
import { demoTenant } from '../../src/emulator/demo-tenant.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Report } from '../../src/report/report-model.ts';

interface CommandTable {
  readonly commands: Record<string, string[]>;
  readonly added: Record<string, { options: string[] }>;
}
const TABLE = JSON.parse(readFileSync(new URL('../fixtures/azure-cli/command-table.json', import.meta.url), 'utf8')) as CommandTable;
const optionsOf = (path: string): readonly string[] | undefined => TABLE.commands[path] ?? TABLE.added[path]?.options;
const flagsOf = (command: string) => command.trim().split(/\s+/).filter((token) => /^-{1,2}[a-zA-Z]/.test(token)).map((token) => token.split('=')[0]!);

const flowSet = buildFlowSetFromParsed(shippedFlowFiles()).flowSet!;
const STEPS = Object.values(flowSet.flows).flatMap((flow) => Object.entries(flow.nodes).flatMap(([id, node]) =>
  node.kind === 'finding' ? node.steps.map((step, index) => ({ where: `${flow.id}/${id} step ${index + 1}`, step })) : []));

const SUB = '00000000-0000-0000-0000-000000000001';
const VALUES: Record<string, FactValue> = {
  'app.name': 'app-orders', 'app.slot': 'staging', 'app.resourceGroup': 'rg-web', 'app.subscriptionId': SUB, 'app.cliGroup': 'webapp',
};
const lookup = (key: string) => VALUES[key];
/** The same session about a function app: the flows' app commands are az functionapp (app.cliGroup). */
const functionLookup = (key: string) => (key === 'app.cliGroup' ? 'functionapp' : VALUES[key]);

test('every command the slot rewrite adds --slot to takes --slot in the Azure CLI command table', () => {
  for (const path of SLOT_COMMANDS) {
    const options = optionsOf(path);
    assert.ok(options, `az ${path} is an Azure CLI command`);
    assert.ok(options.includes('--slot'), `az ${path} takes --slot`);
  }
});

test('for a slot session, every az step of the flows that names the app acts on the slot (or says it has no slot form), with flags the CLI has', () => {
  const problems: string[] = [];
  let slotted = 0;
  for (const [app, { where, step }] of [lookup, functionLookup].flatMap((app) => STEPS.filter(({ step }) => step.kind === 'az' && step.command).map((found) => [app, found] as const))) {
    const rendered = renderStep(stepForSlot(step, app), app, flowSet.facts);
    const command = rendered.command!;
    const path = azCommandPath(command);
    const options = optionsOf(path);
    if (!options) { problems.push(`${where}: az ${path} is not a command`); continue; }
    for (const flag of flagsOf(command)) if (!options.includes(flag)) problems.push(`${where}: az ${path} has no ${flag}`);
    if (!/\{\{\s*app\.name\s*\}\}/.test(step.command!)) continue;
    if (/--slot staging(\s|$)/.test(command) || /\/sites\/app-orders\/slots\/staging\//.test(command)) slotted += 1;
    else if (/--slot </.test(command)) continue; // the flow names a slot of its own (the staging slot first)
    else if (!/has no --slot/.test(rendered.text)) problems.push(`${where}: "${command}" acts on the production app in a slot session`);
  }
  assert.deepEqual(problems, []);
  assert.ok(slotted >= 6, `az steps turned to the slot: ${slotted}`);
});

test('the slot rewrite: --slot after the app name, a slot path in az rest, portal and Kudu steps name the slot; nothing changes without a slot', () => {
  const az: Step = { kind: 'az', text: 'List.', command: 'az webapp vnet-integration list -g {{app.resourceGroup}} -n {{app.name}} --subscription {{app.subscriptionId}}' };
  assert.equal(renderStep(stepForSlot(az, lookup), lookup, flowSet.facts).command, `az webapp vnet-integration list -g rg-web -n app-orders --slot staging --subscription ${SUB}`);
  const noSlot = (key: string) => (key === 'app.slot' ? undefined : VALUES[key]);
  assert.equal(stepForSlot(az, noSlot), az, 'the production app: unchanged');
  const rest: Step = { kind: 'az', text: 'Read.', command: 'az rest --method get --url "https://management.azure.com/subscriptions/{{app.subscriptionId}}/resourceGroups/{{app.resourceGroup}}/providers/Microsoft.Web/sites/{{app.name}}/networkConfig/virtualNetwork?api-version=2024-04-01"' };
  assert.match(renderStep(stepForSlot(rest, lookup), lookup, flowSet.facts).command!, /\/sites\/app-orders\/slots\/staging\/networkConfig\/virtualNetwork\?/);
  const plan: Step = { kind: 'az', text: 'Scale.', command: 'az appservice plan show -g {{app.resourceGroup}} -n {{app.name}}' };
  assert.match(renderStep(stepForSlot(plan, lookup), lookup, flowSet.facts).text, /az appservice plan show has no --slot: it acts on app-orders as a whole, not only on slot staging/);
  const portal: Step = { kind: 'portal', text: 'Disconnect.', command: 'App > Networking > VNet integration > Disconnect' };
  assert.equal(renderStep(stepForSlot(portal, lookup), lookup, flowSet.facts).command, 'App > Deployment slots > staging > Networking > VNet integration > Disconnect');
  const kudu: Step = { kind: 'kudu', text: 'Test again from the app.', command: 'tcpping 10.0.0.4:443' };
  assert.match(renderStep(stepForSlot(kudu, lookup), lookup, flowSet.facts).text, /Kudu console of slot staging/);
  // A slot name that breaks App Service's rule never reaches a command.
  const bad = (key: string) => (key === 'app.slot' ? 'x;rm -rf' : VALUES[key]);
  assert.match(renderStep(stepForSlot(az, bad), bad, flowSet.facts).command!, /--slot <deployment slot name/);
});

test('check --app ... --slot staging against the emulator: the report\'s az commands act on the slot', async () => {
  const tenant = await demoTenant();
  const emulator = await startEmulator({ scenario: tenant.scenario, token: 'token', faults: tenant.faults, hiddenSubscriptions: tenant.hiddenSubscriptions });
  try {
    const app = tenant.apps[0]!.app;
    const name = app.split('/').at(-1)!;
    const run = async (slot?: string) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await checkCommand({ app, ...(slot ? { slot } : {}), 'arm-endpoint': emulator.url, 'access-token': 'token', format: 'json' },
        { print: (text) => out.push(text), error: (text) => err.push(text) }, { now: () => new Date('2026-06-01T08:00:00Z'), tlsCa: emulator.ca });
      assert.equal(code, 0, err.join('\n'));
      const report = JSON.parse(out.join('\n')) as Report;
      return report.findings.flatMap((finding) => finding.steps.flatMap((step) => (step.kind === 'az' && step.command && step.command.includes(` -n ${name} `) ? [step.command] : [])));
    };
    const slotCommands = await run('staging');
    assert.ok(slotCommands.length >= 3, slotCommands.join('\n'));
    for (const command of slotCommands) assert.match(command, /--slot (staging|<)/, command);
    assert.ok(slotCommands.some((command) => command.startsWith('az webapp vnet-integration add') && command.includes('--slot staging')), slotCommands.join('\n'));
    const production = await run();
    assert.ok(production.some((command) => command.startsWith('az webapp vnet-integration add') && !command.includes('--slot')), 'the production app: no --slot');
  } finally {
    await emulator.stop();
  }
});
