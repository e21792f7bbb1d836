/**
 * Issue 20 items 8 and 9, as an Azure networking expert would sign them.
 * 8: a VNet without a gateway, months before the retirement: regional integration through a VNet in
 * the app's region and peering comes first; a new gateway only where peering is impossible, and
 * gateway commands name the VNet by resource id (a gateway in another resource group than -g fails
 * with --vnet NAME). learn.microsoft.com/azure/app-service/migrate-gateway-based-vnet-integration
 * 9: an existing same-region connection keeps working until 31 March 2027; new connections use
 * regional integration. learn.microsoft.com/azure/app-service/configure-gateway-required-vnet-integration
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnswerValue, Facts } from '../../src/engine/types.ts';
import { engine, facts, SUB, walk } from './shipped.ts';

/** Runs a flow until its first question without an answer (the findings so far). */
function walkUntilAsked(flow: string, given: Facts, answers: Record<string, AnswerValue> = {}) {
  let state = engine.start(given, {}, { flow });
  while (state.status === 'asking' && Object.hasOwn(answers, engine.currentQuestion(state)!.id)) state = engine.answer(state, answers[engine.currentQuestion(state)!.id]!);
  return state;
}

const VNET_ID = `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub`;

test('no gateway: peering and regional integration first, a gateway (by VNet resource id) only as the last step', () => {
  const s = walk('gateway-setup', facts({ 'gateway.exists': false, 'gateway.hasExpressRoute': false }), {});
  const finding = s.findings.find((f) => f.id === 'gateway-missing')!;
  assert.match(finding.explanation, /building a new gateway now is the last resort/);
  const commands = finding.steps.map((step) => step.command!);
  assert.deepEqual(commands.map((command) => command.split(' -g ')[0]), [
    'az network vnet create', 'az network vnet subnet update', 'az network vnet peering create', 'az network vnet peering create',
    'az webapp vnet-integration add', 'az network vnet-gateway create',
  ]);
  assert.ok(commands[4]!.includes('--vnet /subscriptions/'), 'regional integration with the new VNet by id');
  assert.ok(commands[5]!.includes(`--vnet ${VNET_ID} `), 'the gateway names the VNet by resource id');
});

test('same region, existing connection: it keeps working until 31 March 2027; new connections are regional', () => {
  const s = walk('gateway-setup', facts({ 'vnet.location': 'westeurope' }), { 'gateway-setup/ask-connections': 10 });
  const finding = s.findings.find((f) => f.id === 'same-region-use-regional')!;
  assert.equal(finding.title, 'vnet-hub is in the app\'s region: the connection works until 31 March 2027; plan the move of app-orders to regional integration');
  assert.match(finding.explanation, /keeps working\s+until 31 March 2027/);
  assert.match(finding.explanation, /New connections to a\s+same-region Resource Manager VNet are made with regional integration/);
  const fresh = walk('gateway-setup', facts({ 'vnet.location': 'westeurope', 'app.integrationType': 'none' }), {}).findings.find((f) => f.id === 'same-region-use-regional')!;
  assert.match(fresh.explanation, /A new connection to a Resource Manager VNet in the app's own region is made with regional\s+integration/);
});

test('the migration says what changes (issue 20 item 4): Route All, the source address, restarts, slots, the gateway, the subnet size', () => {
  const ready = { 'vnet.location': 'westeurope', 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-apps', 'migration.freeSubnetDelegated': true, 'migration.serviceEndpointPolicies': false, 'migration.freeSubnetInUse': false };
  const s = walk('migration', facts({ ...ready, 'migration.freeSubnetPrefix': '10.20.9.0/26' }), {});
  const changes = s.findings.find((f) => f.id === 'migration-what-changes')!;
  for (const point of [/turns Route All on/, /forced tunnelling/, /no longer from the point-to-site pool 172\.16\.200\.0\/24/, /Connecting restarts the app/, /Integration is per slot/, /then it can be removed/]) {
    assert.match(changes.explanation.replace(/\s+/g, ' '), point);
  }
  assert.ok(changes.steps.some((step) => step.command?.includes('--vnet-route-all-enabled false')), 'the choice to turn Route All off');
  // A /27 for a plan that scales to 20 instances: the size it needs is named.
  const small = walk('migration', facts({ ...ready, 'migration.freeSubnetPrefix': '10.20.9.0/27', 'plan.maxInstances': 20 }), {});
  const size = small.findings.find((f) => f.id === 'migration-subnet-below-plan-scale')!;
  assert.equal(size.title, 'The subnet 10.20.9.0/27 is too small for asp-orders, which scales to 20 instances: it needs a /26 or larger');
  // Another region: on-premises must learn the new VNet's range with static routing.
  const cross = walk('migration', facts({ 'migration.freeSubnetPrefix': '10.20.9.0/26', 'migration.hasFreeSubnet': true }), { 'migration/ask-subnet-in-use': false, 'migration/ask-delegated': true, 'migration/ask-sep': false });
  assert.match(cross.findings.find((f) => f.id === 'migration-blocked-cross-region')!.explanation, /on-premises must also learn the new VNet's range/);
});

test('smaller corrections (issue 20 item 12): a new plan means redeploying; no classic-to-classic peering; PowerShell works in the subscription; a Failed connection blocks the gateway; SSTP retires too', () => {
  const swift = walkUntilAsked('migration', facts({ 'migration.swiftSupported': false })).findings.find((f) => f.id === 'migration-plan-not-supported')!;
  assert.match(swift.explanation.replace(/\s+/g, ' '), /a plan on another one means a new app/);
  const classic = walkUntilAsked('migration', facts({ 'vnet.isClassic': true })).findings.find((f) => f.id === 'migration-blocked-classic-vnet')!;
  assert.match(classic.explanation.replace(/\s+/g, ' '), /a classic VNet cannot be peered with another classic VNet/);
  const failed = walk('gateway-down', facts({ 'gateway.provisioningState': 'Failed' }), { 'gateway-down/ask-health': true }).findings[0]!;
  assert.match(failed.explanation.replace(/\s+/g, ' '), /connection in the Failed state blocks operations on the gateway/);
  const notice = walkUntilAsked('retirement', facts()).findings[0]!;
  assert.match(notice.explanation.replace(/\s+/g, ' '), /since 31 March 2026 SSTP can no longer be enabled on a gateway, and from 31 March 2027 gateways stop SSTP connections/);
});

test('every PowerShell step that calls an Az cmdlet is preceded in its finding by Set-AzContext -Subscription', async () => {
  const { flowSet } = await import('./shipped.ts');
  for (const flow of Object.values(flowSet.flows)) {
    for (const [id, node] of Object.entries(flow.nodes)) {
      if (node.kind !== 'finding') continue;
      node.steps.forEach((step, index) => {
        if (step.kind !== 'powershell' || !/\b(?:Get|Set|New|Remove)-Az\w+/.test(step.command ?? '') || /^Set-AzContext/.test(step.command ?? '')) return;
        assert.ok(node.steps.slice(0, index).some((before) => /^Set-AzContext -Subscription \{\{/.test(before.command ?? '')), `${flow.id}/${id} step ${index + 1}`);
      });
    }
  }
});

test('an empty WEBSITE_PRIVATE_IP is evidence about one instance, not proof for the app (issue 20 item 10)', () => {
  const s = walkUntilAsked('firewall-timeout', facts({ 'app.tunnelUp': false }), { 'firewall-timeout/ask-target': { host: 'sql01.contoso.local', port: 1433 } });
  const finding = s.findings.find((f) => f.id === 'tunnel-down')!;
  assert.match(finding.explanation.replace(/\s+/g, ' '), /This is evidence, not proof for the whole app: each instance builds its own tunnel/);
});
