/**
 * Runbooks for a fleet: builds and renders (Markdown, bash, PowerShell) the migration runbooks of
 * N synthetic apps, as `scan --runbooks` does for every ready app, and prints one JSON line:
 * total and per-runbook time, bytes written, heap growth. Inputs vary the way a tenant does:
 * same-region or not, a free subnet or none, NSG rules naming the pool, slots, site-to-site.
 *
 *   node --import tsx bench/runbooks-bench.ts 5000
 */
import { buildFlowSetFromParsed } from '../src/engine/load.ts';
import { shippedFlowFiles } from '../src/flows/shipped-flow-files.ts';
import type { FactValue } from '../src/engine/types.ts';
import { buildRunbook } from '../src/migrate/build-runbook.ts';
import { runbookToBash } from '../src/migrate/render-bash.ts';
import { runbookToMarkdown } from '../src/migrate/render-markdown.ts';
import { runbookToPowerShell } from '../src/migrate/render-powershell.ts';
import type { PoolRule, RunbookInput } from '../src/migrate/runbook-types.ts';

const count = Number(process.argv[2] ?? 5000);
const catalogue = buildFlowSetFromParsed(shippedFlowFiles()).flowSet!.facts;
const SUB = '8f2e0c4a-1b2c-4d3e-9f00-aa11bb22cc33';

function inputFor(index: number): RunbookInput {
  const app = `app-${index.toString(36).padStart(4, '0')}`;
  const vnetIndex = index % 400;
  const crossRegion = index % 3 === 0;
  const third = Math.floor(vnetIndex / 250);
  const values: Record<string, FactValue> = {
    'app.name': app, 'app.resourceGroup': `rg-apps-${index % 50}`, 'app.subscriptionId': SUB, 'app.location': 'West Europe',
    'app.integrationType': 'gateway-required', 'app.vnetName': `vnet-${vnetIndex}`, 'app.vnetResourceGroup': `rg-net-${vnetIndex % 20}`, 'app.vnetSubscriptionId': SUB,
    'vnet.name': `vnet-${vnetIndex}`, 'vnet.location': crossRegion ? 'northeurope' : 'westeurope', 'vnet.crossRegion': crossRegion, 'vnet.isClassic': false, 'vnet.hasIpv6': false,
    'vnet.resourceId': `/subscriptions/${SUB}/resourceGroups/rg-net-${vnetIndex % 20}/providers/Microsoft.Network/virtualNetworks/vnet-${vnetIndex}`,
    'vnet.dnsServers': index % 2 === 0 ? [`10.${third}.${vnetIndex % 250}.4`] : [],
    'migration.swiftSupported': true, 'migration.hasFreeSubnet': index % 4 !== 1, 'migration.freeSubnetName': 'snet-free', 'migration.freeSubnetPrefix': `10.${third}.${vnetIndex % 250}.64/26`,
    'migration.freeSubnetLength': 26, 'migration.freeSubnetTooSmall': false, 'migration.freeSubnetDelegated': index % 5 !== 0, 'migration.requiredPrefix': 27,
    'migration.newSubnetName': 'snet-appservice', 'migration.newSubnetPrefix': `10.${third}.${vnetIndex % 250}.128/26`,
    'migration.newVnetName': `vnet-${vnetIndex}-westeurope`, 'migration.newVnetRange': `10.200.${vnetIndex % 250}.0/24`, 'migration.newVnetSubnetPrefix': `10.200.${vnetIndex % 250}.0/26`,
    'migration.newVnetId': `/subscriptions/${SUB}/resourceGroups/rg-apps-${index % 50}/providers/Microsoft.Network/virtualNetworks/vnet-${vnetIndex}-westeurope`,
    'migration.newPeeringName': `to-vnet-${vnetIndex}-westeurope`, 'migration.backPeeringName': `to-vnet-${vnetIndex}`,
    'plan.name': `plan-${index % 800}`, 'plan.resourceGroup': `rg-apps-${index % 50}`, 'plan.overRegionalLimit': false, 'plan.vnetCount': 1,
    'p2s.addressPool': ['172.16.200.0/24'], 'gateway.exists': true, 'gateway.name': `gw-${vnetIndex}`, 'gateway.resourceGroup': `rg-net-${vnetIndex % 20}`,
    's2s.exists': index % 2 === 1, 's2s.connectionName': `cn-onprem-${vnetIndex}`, 'onprem.prefixes': ['192.168.0.0/16'],
    'integration.daysUntilRetirement': 115, 'target.host': `db-${index % 97}.contoso.internal`, 'target.port': 1433,
  };
  const rules: PoolRule[] = Array.from({ length: index % 4 }, (_, rule) => ({
    access: rule === 2 ? 'Deny' : 'Allow', nsg: `nsg-${vnetIndex}-${rule}`, resourceGroup: `rg-net-${vnetIndex % 20}`, subscriptionId: SUB, rule: `rule-${rule}`,
    id: `/subscriptions/${SUB}/resourceGroups/rg-net-${vnetIndex % 20}/providers/Microsoft.Network/networkSecurityGroups/nsg-${vnetIndex}-${rule}/securityRules/rule-${rule}`, direction: 'Inbound',
    priority: 200 + rule, sourcePrefixes: ['172.16.200.0/24', `192.168.${rule}.0/24`], subnets: [`snet-${rule}`],
  }));
  return {
    appId: `/subscriptions/${SUB}/resourceGroups/rg-apps-${index % 50}/providers/Microsoft.Web/sites/${app}`,
    ...(index % 7 === 0 ? { slot: 'staging', slotConnection: { ok: true as const, value: { name: 'staging', gatewayVnet: `vnet-${vnetIndex}` } } } : {}),
    facts: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value, source: 'arm', detail: `bench ${key}` }])),
    catalogue, findings: [], poolRules: { ok: true, value: rules },
    slots: { ok: true, value: index % 7 === 0 ? [{ name: 'staging', gatewayVnet: `vnet-${vnetIndex}` }] : [] },
    today: '2026-12-06', origin: 'Azure Resource Manager', version: 'bench',
  };
}

const inputs = Array.from({ length: count }, (_, index) => inputFor(index));
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let bytes = 0;
let peakHeap = heapBefore;
const started = performance.now();
for (const input of inputs) {
  const runbook = buildRunbook(input);
  bytes += runbookToMarkdown(runbook).length + runbookToBash(runbook).length + runbookToPowerShell(runbook).length;
  if (bytes % 64 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const ms = performance.now() - started;
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
process.stdout.write(`${JSON.stringify({ count, ms, perRunbookMs: ms / count, bytes, heapGrowthBytes: peakHeap - heapBefore, rssBytes: process.memoryUsage().rss })}\n`);
