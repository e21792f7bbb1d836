/**
 * Issue 20 items 7 and 13: the elastic-premium-function demo (a Windows function app, site kind
 * "functionapp", on an EP1 plan, plan kind "elastic", still holding a gateway-required connection)
 * read through the real SDK clients from the local ARM emulator, and what every output does with
 * it: the tier advice says what applies to Elastic Premium (regional integration only), every
 * command acting on the app is `az functionapp` (never `az webapp`) in check's findings, the
 * migration flow and the runbook's Markdown, bash and PowerShell, each command exists in the Azure
 * CLI command table, and the subnet is sized for the plan's elastic maximum.
 * Sources: learn.microsoft.com/azure/azure-functions/functions-networking-options (only dedicated
 * plans support gateway-required integration), learn.microsoft.com/cli/azure/functionapp/vnet-integration,
 * learn.microsoft.com/azure/azure-functions/functions-premium-plan (maximum burst).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { gatherFacts } from '../../src/facts/gather-facts.ts';
import { runMigrate } from '../migrate/support.ts';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/server.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { writeFleetRunbooks } from '../../src/cli/scan-runbooks.ts';

const DEMO = 'elastic-premium-function';
const TABLE = JSON.parse(readFileSync(new URL('../fixtures/azure-cli/command-table.json', import.meta.url), 'utf8')) as {
  commands: Record<string, string[]>; added: Record<string, { options: string[] }>;
};

interface JsonFinding { id: string; title: string; explanation: string; steps: { kind: string; text: string; command?: string; blanks?: string[] }[] }

async function check(flow?: string) {
  const stdout: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: () => {} };
  const code = await checkCommand({ demo: DEMO, ...(flow ? { flow } : {}), format: 'json' }, out, { now: () => new Date('2026-11-25T10:00:00Z') });
  return { code, report: JSON.parse(stdout.join('\n')) as { findings: JsonFinding[] } };
}

/** The az command lines of a text (a report's steps, a runbook, a script), each as written. */
const azLines = (text: string) => [...text.matchAll(/(?:^|[\s"'`])(az (?:webapp|functionapp)\b[^\n"'`]*)/g)].map((match) => match[1]!.trim());

/** Each az command's path and flags exist in the Azure CLI command table (test/fixtures/azure-cli). */
function unknownToCli(commands: readonly string[]): string[] {
  return commands.flatMap((command) => {
    const words = command.split(/\s+/);
    const path: string[] = [];
    for (const word of words.slice(1)) { if (!/^[a-z][a-z0-9-]*$/.test(word)) break; path.push(word); }
    const options = TABLE.commands[path.join(' ')] ?? TABLE.added[path.join(' ')]?.options;
    if (!options) return [`az ${path.join(' ')}`];
    return words.filter((word) => /^-{1,2}[a-zA-Z]/.test(word)).filter((flag) => !options.includes(flag)).map((flag) => `az ${path.join(' ')} ${flag}`);
  });
}

test('the demo reads as ARM sends it: a function app on Elastic Premium, scaling to its elastic maximum', async () => {
  const gathering = await gatherFacts({ demo: DEMO }, { today: '2026-06-01' });
  const value = (key: string) => gathering.facts[key]?.value;
  assert.equal(value('app.isFunctionApp'), true);
  assert.equal(value('plan.tier'), 'ElasticPremium');
  assert.equal(value('plan.maxInstances'), 20, 'maximumElasticWorkerCount, not maximumNumberOfWorkers 0');
  assert.match(gathering.facts['plan.maxInstances']!.detail ?? '', /maximumElasticWorkerCount/);
  assert.equal(value('app.integrationType'), 'gateway-required');
});

test('check: the Elastic Premium advice (regional only, no scale-up) with az functionapp, and no az webapp anywhere', async () => {
  const { code, report } = await check();
  assert.equal(code, 1, 'an unsupported setup is an error');
  const tier = report.findings.find((finding) => finding.id === 'plan-tier-unsupported')!;
  assert.equal(tier.title, 'The plan asp-contoso (ElasticPremium) supports regional VNet integration only');
  assert.match(tier.explanation, /documented for dedicated App Service plans only/);
  assert.match(tier.explanation, /20 instances: twice that during a scale operation, a \/26 or larger/);
  assert.doesNotMatch(JSON.stringify(tier), /appservice plan update|--sku S1/, 'no scale-up to a tier the plan cannot take');
  assert.ok(tier.steps.some((step) => step.command?.startsWith('az functionapp vnet-integration add -g rg-contoso-web -n contoso-api ')), JSON.stringify(tier.steps));
  const commands = azLines(JSON.stringify(report.findings.flatMap((finding) => finding.steps.map((step) => step.command ?? ''))).replaceAll('\\"', '"'));
  assert.ok(commands.length > 0);
  assert.deepEqual(commands.filter((command) => command.startsWith('az webapp')), []);
  assert.deepEqual(unknownToCli(commands), []);
  const migration = await check('migration');
  assert.deepEqual(azLines(JSON.stringify(migration.report)).filter((command) => command.startsWith('az webapp')), []);
});

test('migrate: the runbook and both scripts connect, check, set Route All and roll back with az functionapp, sized for 20 instances', async () => {
  const run = await runMigrate({ demo: DEMO });
  assert.equal(run.code, 0, run.stderr);
  for (const [name, text] of Object.entries(run.files)) {
    const commands = azLines(text);
    assert.ok(commands.some((command) => command.startsWith('az functionapp vnet-integration add -g rg-contoso-web -n contoso-api --vnet')), `${name}: the connect step`);
    assert.ok(commands.some((command) => command.startsWith('az functionapp config set ') && command.includes('--vnet-route-all-enabled false')), `${name}: Route All`);
    assert.deepEqual(commands.filter((command) => command.startsWith('az webapp')), [], `${name}: no az webapp for a function app`);
    assert.deepEqual(unknownToCli(commands.map((command) => command.replace(/\s+\\$|\s+`$/, ''))), [], name);
  }
  const markdown = Object.entries(run.files).find(([name]) => name.endsWith('.md'))![1];
  assert.match(markdown, /twice the plan's largest scale needs a \/26 or larger/);
  assert.match(markdown, /Elastic Premium tier, which offers regional integration only/);
});

test('scan --runbooks: a ready function app row gets runbooks whose app commands are az functionapp', async () => {
  const scenario = loadScenario(DEMO);
  const emulator = await startEmulator({ scenario, token: 'ep-token' });
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-ep-runbooks-'));
  try {
    const gathered = await gatherFacts({ app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': 'ep-token' }, { tlsCa: emulator.ca, today: '2026-06-01' });
    const plan = scenario.target.app.replace(/sites\/.*$/, 'serverfarms/asp-contoso');
    const vnet = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworks/vnet-hub';
    const ctx = { endpoint: emulator.url, credential: staticTokenCredential('ep-token'), scope: `${emulator.url}/.default`, tlsCa: emulator.ca, timeoutMs: 60_000, retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 } };
    await writeFleetRunbooks([{ app: scenario.target.app, slot: null, plan, vnet, readiness: 'ready', blockers: [], daysLeft: 303, facts: gathered.facts }],
      { dir, flowSet: loadFlowDir(), today: '2026-06-01', force: false, ctx, warn: () => {} });
    const runbooks = readdirSync(dir).filter((name) => name.startsWith('runbook-'));
    assert.equal(runbooks.length, 3);
    for (const name of runbooks) {
      const commands = azLines(readFileSync(join(dir, name), 'utf8'));
      assert.ok(commands.some((command) => command.startsWith('az functionapp vnet-integration add')), name);
      assert.deepEqual(commands.filter((command) => command.startsWith('az webapp')), [], name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
});
