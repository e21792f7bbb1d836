/** Shared set-up for the runbook tests: migrate into a temporary directory, and a scenario a runbook can fully fill. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync, writeFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { migrateCommand } from '../../src/cli/migrate-command.ts';
import type { CliOptions } from '../../src/cli/args.ts';
import type { Output } from '../../src/cli/output.ts';
import { loadScenario, type Scenario } from '../../src/emulator/scenarios.ts';

export interface MigrateRun {
  readonly code: number;
  readonly stderr: string;
  /** File name -> text. */
  readonly files: Record<string, string>;
}

export async function runMigrate(options: CliOptions, context: { tlsCa?: string; now?: () => Date } = {}): Promise<MigrateRun> {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-migrate-'));
  const stderr: string[] = [];
  const out: Output = { print: () => assert.fail('migrate prints nothing on stdout'), error: (text) => stderr.push(text) };
  try {
    const code = await migrateCommand({ out: dir, ...options }, out, { now: () => new Date('2026-11-25T10:00:00Z'), ...context });
    const files = Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    return { code, stderr: stderr.join('\n'), files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN_DIR = join(import.meta.dirname, 'golden');

export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (UPDATE) writeFileSync(file, actual);
  assert.ok(existsSync(file), `${name} is missing; run with UPDATE_GOLDEN=1 to create it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 rewrites it after review)`);
}

const SUB = '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b';
const SITE = `/subscriptions/${SUB}/resourceGroups/rg-contoso-web/providers/Microsoft.Web/sites/contoso-api`;
const NET = `/subscriptions/${SUB}/resourceGroups/rg-contoso-network/providers/Microsoft.Network`;

/**
 * The healthy demo moved into the app's region, with what a runbook must handle: a staging slot
 * with its own gateway-required connection, and an NSG on the data subnet whose rule lets the
 * point-to-site pool in (ARM payload shapes as in the shipped scenarios).
 */
export function sameRegionScenario(): Scenario {
  const base = structuredClone(loadScenario('healthy'));
  const resources = base.resources.map((resource) => {
    if (resource.type !== 'Microsoft.Network/virtualNetworks') return resource;
    const vnet = structuredClone(resource) as unknown as { location: string; properties: { subnets: { name: string; properties: Record<string, unknown> }[] } };
    vnet.location = 'westeurope';
    const data = vnet.properties.subnets.find((subnet) => subnet.name === 'snet-data');
    if (data) data.properties.networkSecurityGroup = { id: `${NET}/networkSecurityGroups/nsg-data` };
    return vnet as unknown as typeof resource;
  });
  const connection = base.resources.find((resource) => resource.id === `${SITE}/virtualNetworkConnections/vnet-hub`)!;
  const site = base.resources.find((resource) => resource.id === SITE)!;
  resources.push(
    { ...structuredClone(site), id: `${SITE}/slots/staging`, name: 'contoso-api/staging', type: 'Microsoft.Web/sites/slots' },
    { ...structuredClone(connection), id: `${SITE}/slots/staging/virtualNetworkConnections/vnet-hub`, type: 'Microsoft.Web/sites/slots/virtualNetworkConnections' },
    {
      id: `${NET}/networkSecurityGroups/nsg-data`, name: 'nsg-data', type: 'Microsoft.Network/networkSecurityGroups', location: 'westeurope',
      properties: {
        securityRules: [
          { id: `${NET}/networkSecurityGroups/nsg-data/securityRules/allow-app-sql`, name: 'allow-app-sql', type: 'Microsoft.Network/networkSecurityGroups/securityRules', properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '1433', sourceAddressPrefixes: ['172.16.200.0/24', '192.168.10.0/24'], destinationAddressPrefix: '10.10.1.0/24', access: 'Allow', priority: 200, direction: 'Inbound', provisioningState: 'Succeeded' } },
          { id: `${NET}/networkSecurityGroups/nsg-data/securityRules/allow-web`, name: 'allow-web', type: 'Microsoft.Network/networkSecurityGroups/securityRules', properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '443', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: '10.10.1.0/24', access: 'Allow', priority: 100, direction: 'Inbound', provisioningState: 'Succeeded' } },
        ],
      },
    } as never,
  );
  return { ...base, id: 'same-region-test', resources } as Scenario;
}

export const listed = (dir: string) => readdirSync(dir);
