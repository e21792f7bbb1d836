/**
 * Issue 20 item 4 in the migration flow (not only in `vnet-doctor migrate`): the NSG rules read
 * from ARM that name the point-to-site pool are listed by check and the wizard's session, each
 * with its NSG, name, priority and direction and the update that adds the integration subnet.
 * Read through the real SDK clients from the local ARM emulator serving the nsg-allows-pool demo
 * (a VNet in the app's region; Allow rules in both ARM shapes, a Deny rule, a VirtualNetwork tag).
 * Sources: learn.microsoft.com/azure/app-service/overview-vnet-integration (the app's source
 * address after the move), learn.microsoft.com/azure/app-service/configure-vnet-integration-routing (Route All).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { gatherFacts } from '../../src/facts/gather-facts.ts';

const NOW = () => new Date('2026-11-25T10:00:00Z');
const NSG = '/subscriptions/5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b/resourceGroups/rg-contoso-network/providers/Microsoft.Network/networkSecurityGroups/nsg-data';

interface JsonStep { command?: string; text: string; blanks?: string[] }
interface JsonFinding { id: string; title: string; steps: JsonStep[] }

async function checkMigration(demo: string) {
  const stdout: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: () => {} };
  const code = await checkCommand({ demo, flow: 'migration', format: 'json' }, out, { now: NOW });
  return { code, report: JSON.parse(stdout.join('\n')) as { findings: JsonFinding[]; facts: { key: string; source: string }[] } };
}

test('the session reads the pool rules from ARM with the VNet: Allow rules lined up item by item, Deny rules apart, tags left out', async () => {
  const gathering = await gatherFacts({ demo: 'nsg-allows-pool' }, { today: '2026-06-01' });
  const value = (key: string) => gathering.facts[key]?.value;
  assert.deepEqual(value('migration.poolAllowRuleIds'), [`${NSG}/securityRules/allow-vpn-clients-sql`, `${NSG}/securityRules/allow-vpn-and-branch-admin`]);
  assert.deepEqual(value('migration.poolAllowRuleSources'), ['172.16.200.0/24', '172.16.200.0/24 192.168.10.0/24']);
  assert.deepEqual(value('migration.poolDenyRules'), ['rule deny-vpn-clients-smb of NSG nsg-data (priority 300, inbound, deny from 172.16.200.0/24, on subnet snet-data)']);
  assert.equal(gathering.facts['migration.poolAllowRules']?.source, 'arm');
  assert.match(gathering.facts['migration.poolAllowRules']!.detail ?? '', /NSGs on the subnets of vnet-hub: nsg-data/);
});

test('check --flow migration names each rule (NSG, rule, priority, direction) with the az command that adds the integration subnet', async () => {
  const { code, report } = await checkMigration('nsg-allows-pool');
  assert.equal(code, 0, 'warnings only: the app can move');
  const ids = report.findings.map((finding) => finding.id);
  for (const id of ['migration-what-changes', 'migration-nsg-pool-rules', 'migration-nsg-pool-deny', 'migration-ready']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
  const allow = report.findings.find((finding) => finding.id === 'migration-nsg-pool-rules')!;
  assert.equal(allow.title, 'NSG rules of vnet-hub let the pool 172.16.200.0/24 in: add 10.10.2.0/26 to them before the switch');
  assert.deepEqual(allow.steps.map((step) => [step.text, step.command, step.blanks]), [
    ['In rule allow-vpn-clients-sql of NSG nsg-data (priority 200, inbound, allow from 172.16.200.0/24, on subnet snet-data), set the sources to the ones it has plus 10.10.2.0/26.',
      `az network nsg rule update --ids ${NSG}/securityRules/allow-vpn-clients-sql --source-address-prefixes 172.16.200.0/24 10.10.2.0/26`, undefined],
    ['In rule allow-vpn-and-branch-admin of NSG nsg-data (priority 210, inbound, allow from 172.16.200.0/24, 192.168.10.0/24, on subnet snet-data), set the sources to the ones it has plus 10.10.2.0/26.',
      `az network nsg rule update --ids ${NSG}/securityRules/allow-vpn-and-branch-admin --source-address-prefixes 172.16.200.0/24 192.168.10.0/24 10.10.2.0/26`, undefined],
  ]);
  const deny = report.findings.find((finding) => finding.id === 'migration-nsg-pool-deny')!;
  assert.deepEqual(deny.steps.map((step) => step.text), ['Decide whether rule deny-vpn-clients-smb of NSG nsg-data (priority 300, inbound, deny from 172.16.200.0/24, on subnet snet-data) must keep applying to the app; if so, add 10.10.2.0/26 to its sources.']);
  // The rest of item 4 in the same output: Route All with its choice, restart, slots, the gateway, the subnet's size.
  const changes = report.findings.find((finding) => finding.id === 'migration-what-changes')!;
  const text = JSON.stringify(changes);
  for (const pattern of [/turns Route All on/, /outboundVnetRouting/, /restarts the app/, /Integration is per slot/, /then it can be removed/]) assert.match(text, pattern);
  assert.ok(changes.steps.some((step) => step.command?.includes('--vnet-route-all-enabled false')), 'the choice to turn Route All off');
  assert.match(JSON.stringify(report.findings.find((finding) => finding.id === 'migration-ready')), /twice the plan's largest scale/);
});

test('a VNet whose NSG names the pool only in a Deny rule gets no update command, and the demo without NSGs lists none', async () => {
  const gathering = await gatherFacts({ demo: 'nsg-blocks-p2s' }, { today: '2026-06-01' });
  assert.deepEqual(gathering.facts['migration.poolAllowRuleIds']?.value, []);
  assert.equal((gathering.facts['migration.poolDenyRules']?.value as string[]).length, 1);
  const healthy = await gatherFacts({ demo: 'healthy' }, { today: '2026-06-01' });
  assert.equal(healthy.facts['migration.poolAllowRuleIds'], undefined, 'no NSG on any subnet: nothing read, nothing listed');
});

test('a VNet in another region (the usual case): check --flow migration still says what changes, with the Route All choice, before the new VNet is built', async () => {
  const { report } = await checkMigration('hub-spokes');
  const ids = report.findings.map((finding) => finding.id);
  assert.ok(ids.includes('migration-blocked-cross-region') && ids.includes('migration-what-changes'), ids.join(', '));
  assert.equal(ids.includes('migration-ready'), false, 'not ready until the VNet in the app\'s region and its peering exist');
  const changes = report.findings.find((finding) => finding.id === 'migration-what-changes')!;
  assert.ok(changes.steps.some((step) => step.command === 'az webapp config set -g rg-contoso-web -n contoso-api --vnet-route-all-enabled false --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b'));
  assert.match(JSON.stringify(report.findings.find((finding) => finding.id === 'migration-blocked-cross-region')), /on-premises must also learn the new VNet's range/);
});
