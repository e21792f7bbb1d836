/**
 * Issue 20 item 3: every az command the flows offer exists, with every flag it passes. The table
 * (test/fixtures/azure-cli/command-table.json) is the Azure CLI's own command table for the groups
 * used, extracted from Azure CLI 2.45.0 (its version is in the file) with the script beside it.
 * A command or flag newer than that version goes under `added` with the Azure/azure-cli path that
 * defines it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFlowSetFromParsed } from '../../src/engine/load.ts';
import { shippedFlowFiles } from '../../src/flows/shipped-flow-files.ts';

interface CommandTable {
  readonly azureCliVersion: string;
  readonly groups: Record<string, { subgroups: string[]; commands: string[] }>;
  readonly commands: Record<string, string[]>;
  readonly added: Record<string, { options: string[]; source: string }>;
}

const TABLE = JSON.parse(readFileSync(new URL('../fixtures/azure-cli/command-table.json', import.meta.url), 'utf8')) as CommandTable;
const flowSet = buildFlowSetFromParsed(shippedFlowFiles()).flowSet!;

/**
 * The app's command group is a placeholder (app.cliGroup: az webapp, or az functionapp for a
 * function app), so a command using it must exist, with each flag, in both groups.
 */
const CLI_GROUP = /\{\{\s*(?:app|runbook)\.cliGroup\s*\}\}/g;
export const bothGroups = (command: string): string[] =>
  command.search(CLI_GROUP) >= 0 ? ['webapp', 'functionapp'].map((group) => command.replace(CLI_GROUP, group)) : [command];

/** Every az command text of every step of every shipped flow, with where it is. */
const AZ_STEPS = Object.values(flowSet.flows).flatMap((flow) => Object.entries(flow.nodes).flatMap(([id, node]) =>
  node.kind === 'finding'
    ? node.steps.flatMap((step, index) => (step.kind === 'az' && step.command ? bothGroups(step.command).map((command) => ({ where: `${flow.id}/${id} step ${index + 1}`, command })) : []))
    : []));

/** The command path (words before the first flag or value) and the flags of one az command line. */
export function parseAz(command: string): { path: string; flags: string[] } {
  const tokens = command.trim().split(/\s+/);
  assert.equal(tokens[0], 'az', `${command}: an az step starts with az`);
  const words: string[] = [];
  let index = 1;
  while (index < tokens.length && /^[a-z][a-z0-9-]*$/.test(tokens[index]!)) words.push(tokens[index++]!);
  const flags = tokens.slice(index).filter((token) => /^-{1,2}[a-zA-Z]/.test(token)).map((token) => token.split('=')[0]!);
  return { path: words.join(' '), flags };
}

const optionsOf = (path: string): readonly string[] | undefined => TABLE.commands[path] ?? TABLE.added[path]?.options;

test('the command table says which Azure CLI it comes from and holds the groups the flows use', () => {
  assert.match(TABLE.azureCliVersion, /^2\.\d+\.\d+$/);
  assert.ok(AZ_STEPS.length > 40, `az steps found: ${AZ_STEPS.length}`);
  for (const { path, source } of Object.entries(TABLE.added).map(([path, entry]) => ({ path, source: entry.source }))) {
    assert.match(source, /^src\/azure-cli\/azure\/cli\/command_modules\//, `${path}: an added command names its Azure/azure-cli source`);
  }
  // A group the extraction could not load lists nothing; each of its commands the flows use must be added by hand.
  for (const [group, listing] of Object.entries(TABLE.groups)) {
    if (listing.commands.length + listing.subgroups.length > 0) continue;
    const used = AZ_STEPS.map(({ command }) => parseAz(command).path).filter((path) => path.startsWith(`${group} `));
    for (const path of used) assert.ok(TABLE.added[path], `${path}: its group did not load from the CLI, so it needs an entry under "added"`);
  }
});

test('every az command in the flows exists in the Azure CLI command table, with each of its flags', () => {
  const problems: string[] = [];
  for (const { where, command } of AZ_STEPS) {
    const { path, flags } = parseAz(command);
    const options = optionsOf(path);
    if (!options) {
      problems.push(`${where}: "az ${path}" is not an Azure CLI ${TABLE.azureCliVersion} command`);
      continue;
    }
    for (const flag of flags) if (!options.includes(flag)) problems.push(`${where}: "az ${path}" has no ${flag}`);
  }
  assert.deepEqual(problems, []);
});

test('the check catches a command that does not exist and a flag a command does not take', () => {
  // The command the flows once offered: the root-cert group has create and delete, no list.
  assert.equal(optionsOf(parseAz('az network vnet-gateway root-cert list -g rg --gateway-name gw').path), undefined);
  assert.deepEqual(TABLE.groups['network vnet-gateway root-cert']?.commands, ['create', 'delete']);
  const { path, flags } = parseAz('az network vnet-gateway show -g rg -n gw --gateway-name gw');
  assert.ok(!optionsOf(path)!.includes(flags.at(-1)!), 'show takes -n, not --gateway-name');
});

test('every az command written in the sources (the migration runbook, messages) exists too, with each of its flags', () => {
  const root = fileURLToPath(new URL('../../src', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  const problems: string[] = [];
  let seen = 0;
  for (const file of files) {
    const text = bothGroups(readFileSync(join(root, file), 'utf8')).join('\n');
    for (const match of text.matchAll(/[`'"](az [a-z][^`'"]*)/g)) {
      seen += 1;
      const { path, flags } = parseAz(match[1]!);
      const options = optionsOf(path);
      if (!options) { problems.push(`src/${file}: "az ${path}" is not an Azure CLI ${TABLE.azureCliVersion} command`); continue; }
      for (const flag of flags) if (!options.includes(flag)) problems.push(`src/${file}: "az ${path}" has no ${flag}`);
    }
  }
  assert.ok(seen > 10, `az commands found in src: ${seen}`);
  assert.deepEqual(problems, []);
});

test('a command of the app\'s group is checked in az webapp and in az functionapp', () => {
  const grouped = AZ_STEPS.filter(({ command }) => /^az functionapp /.test(command));
  assert.ok(grouped.some(({ command }) => command.startsWith('az functionapp vnet-integration add ')), 'the connect step has its function app form');
  assert.ok(grouped.some(({ command }) => command.startsWith('az functionapp config set ') && command.includes('--vnet-route-all-enabled')), 'Route All has its function app form');
  assert.deepEqual(bothGroups('az {{app.cliGroup}} config show -n x'), ['az webapp config show -n x', 'az functionapp config show -n x']);
});
