/**
 * `scan --runbooks DIR` after the scan: the rows' own facts (here gathered by check's code, as the
 * scan does) become one runbook per ready app or slot and the waves files; the NSG rules naming
 * the pool are read once per VNet through the real SDK against the emulator.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/server.ts';
import { gatherFacts } from '../../src/facts/gather-facts.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { checkRunbookDir, writeFleetRunbooks, type ScannedRow } from '../../src/cli/scan-runbooks.ts';
import { UsageError } from '../../src/cli/args.ts';
import { sameRegionScenario } from './support.ts';

const TOKEN = 'scan-runbooks-token';

test('ready rows get their runbooks with the NSG rule read once per VNet, every row is in the waves, and nothing is overwritten without --force', async () => {
  const scenario = sameRegionScenario();
  const emulator = await startEmulator({ scenario, token: TOKEN });
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-scan-runbooks-'));
  try {
    const gathered = await gatherFacts({ app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': TOKEN }, { tlsCa: emulator.ca, today: '2026-12-06' });
    const plan = scenario.target.app.replace(/sites\/.*$/, 'serverfarms/asp-contoso');
    const vnet = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworks/vnet-hub';
    const rows: ScannedRow[] = [
      { app: scenario.target.app, slot: null, plan, vnet, readiness: 'ready', blockers: [], daysLeft: 115, facts: gathered.facts },
      { app: scenario.target.app, slot: 'staging', plan, vnet, readiness: 'ready', blockers: [], daysLeft: 115, facts: gathered.facts },
      { app: scenario.target.app.replace('contoso-api', 'contoso-legacy'), slot: null, plan, vnet, readiness: 'blocked', blockers: ['migration-blocked-classic-vnet'], daysLeft: 115, facts: gathered.facts },
    ];
    const ctx = { endpoint: emulator.url, credential: staticTokenCredential(TOKEN), scope: `${emulator.url}/.default`, tlsCa: emulator.ca, timeoutMs: 60_000, retry: { maxRetries: 0, retryDelayInMs: 10, maxRetryDelayInMs: 10 } };
    const options = { dir, flowSet: loadFlowDir(), today: '2026-12-06', force: false, ctx, warn: () => {} };
    await checkRunbookDir(dir);
    const written = await writeFleetRunbooks(rows, options);
    assert.deepEqual(readdirSync(dir).sort(), [...written].sort());
    assert.deepEqual(written.filter((name) => name.startsWith('runbook-')).sort(), [
      'runbook-contoso-api-staging.md', 'runbook-contoso-api-staging.ps1', 'runbook-contoso-api-staging.sh', 'runbook-contoso-api.md', 'runbook-contoso-api.ps1', 'runbook-contoso-api.sh',
    ]);
    const production = readFileSync(join(dir, 'runbook-contoso-api.sh'), 'utf8');
    assert.match(production, /^run az network nsg rule update -g rg-contoso-network --nsg-name nsg-data -n allow-app-sql --source-address-prefixes 172\.16\.200\.0\/24 192\.168\.10\.0\/24 10\.10\.2\.0\/26 /m);
    assert.equal(statSync(join(dir, 'runbook-contoso-api.sh')).mode & 0o111, 0o111);
    const waves = readFileSync(join(dir, 'waves.csv'), 'utf8').trim().split('\n');
    assert.deepEqual(waves.map((line) => line.split(',').slice(0, 1).concat(line.split(',').slice(8, 10))), [['wave', 'app', 'slot'], ['1', 'contoso-api', 'staging'], ['2', 'contoso-api', ''], ['', 'contoso-legacy', '']]);
    assert.match(readFileSync(join(dir, 'waves.md'), 'utf8'), /contoso-legacy.*classic VNet/);
    await assert.rejects(writeFleetRunbooks(rows, options), (error: unknown) => error instanceof UsageError && /exists; use --force/.test(error.message));
    await writeFleetRunbooks(rows, { ...options, force: true });
    await assert.rejects(checkRunbookDir(join(dir, 'nope')), /--runbooks .*nope: no such directory/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
  }
});
