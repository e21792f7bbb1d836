/**
 * Realistic situations, walked through the shipped flows: ARM facts as the Azure-backed session
 * reads them, answers as a support engineer gives them, and the exact findings and commands the
 * customer leaves with.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineState } from '../../src/engine/engine.ts';
import { engine, facts, OTHER_SUB, session, SITUATIONS, SUB, TODAY, walk } from './shipped.ts';

/** Finding ids with severity, and the copy-ready commands of each. */
const summary = (state: EngineState) => state.findings.map((f) => [f.id, f.severity, f.steps.flatMap((s) => (s.command ? [s.command] : []))]);

const ELIGIBLE = { 'eligibility/ask-second-vnet': false, 'eligibility/ask-service-endpoint': false, 'eligibility/ask-keyvault': false };
const RETIRING = ['integration-retiring', 'warning', ['vnet-doctor <target flags> --flow migration']];

test('a Linux app is told at once that only regional integration fits', () => {
  const s = walk('triage', facts({ 'app.isLinux': true }), {});
  assert.deepEqual(summary(s), [['app-is-linux', 'error', [`az webapp vnet-integration add -g rg-web -n app-orders --vnet <resource id of a VNet in the app's region> --subnet <free subnet name> --subscription ${SUB}`]]]);
  assert.equal(s.outcome?.kind, 'finding');
});

test('a plan on the Free tier gets the scale-up command for its own plan', () => {
  const s = walk('triage', facts({ 'plan.tier': 'Free' }), {});
  assert.deepEqual(summary(s), [['plan-tier-unsupported', 'error', [`az appservice plan update -g rg-web -n asp-orders --sku S1 --subscription ${SUB}`, 'App Service plan > Scale up (App Service plan)']]]);
});

test('the retirement notice counts the days left from today', () => {
  const s = walk('triage', facts(), { ...ELIGIBLE, 'triage/ask-symptom': 'gateway', 'gateway-down/ask-health': true });
  assert.equal(s.findings[0]!.title, 'Gateway-required integration retires on 31 March 2027: 126 days left as of 2026-11-25', 'the day counted from is on screen (a demo runs on its scenario\'s day)');
  assert.deepEqual(summary(s), [RETIRING]);
  assert.equal(s.outcome?.kind, 'not-resolved');
});

test('after 31 March 2027 the notice becomes an error', () => {
  const s = walk('retirement', facts({}, '2027-04-02'), {});
  assert.deepEqual(summary(s), [['integration-retired', 'error', ['vnet-doctor <target flags> --flow migration']]]);
});

test('a SQL timeout traced to an NSG rule: the 21-second finding, then the rule, with real names', () => {
  const s = walk('triage', facts({ 'nsg.blocksP2s': true, 'nsg.name': 'nsg-data', 'nsg.resourceGroup': 'rg-net', 'nsg.blockingRule': 'DenyVnetInbound', 'nsg.allowPriority': 4095 }), {
    ...ELIGIBLE, 'triage/ask-symptom': 'reach-vnet', 'firewall-timeout/ask-target': { host: 'sql01.contoso.local', port: 1433 },
    'firewall-timeout/ask-tcpping': 'timeout', 'firewall-timeout/ask-vm-test': true, 'gateway-down/ask-health': true,
    'certificate-sync/ask-dns-changed': false, 'rfc1918/ask-target-ip': '10.20.1.4',
  });
  assert.deepEqual(summary(s), [
    RETIRING,
    ['tcp-timeout-firewall', 'error', ['Test-NetConnection sql01.contoso.local -Port 1433', 'tcpping sql01.contoso.local:1433']],
    ['nsg-blocks-p2s-range', 'error', [
      `az network nsg rule list -g rg-net --nsg-name nsg-data -o table --subscription ${SUB}`,
      `az network nsg rule create -g rg-net --nsg-name nsg-data -n AllowAppServiceP2S --priority 4095 --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 172.16.200.0/24 --destination-port-ranges 1433 --subscription ${SUB}`,
      'tcpping sql01.contoso.local:1433',
    ]],
  ]);
  assert.equal(s.findings[2]!.title, 'The NSG nsg-data blocks the point-to-site pool (rule DenyVnetInbound)');
});

test('IKEv2 instead of SSTP on a VpnGw1 gateway: SSTP missing, IKEv2 to remove, fix before retesting', () => {
  const s = walk('gateway-setup', facts({ 'p2s.protocols': ['IkeV2'] }), { 'gateway-setup/ask-connections': 40 });
  assert.deepEqual(summary(s), [
    ['sstp-not-enabled', 'error', [`az network vnet-gateway update -g rg-net -n gw-hub --client-protocol SSTP --subscription ${SUB}`]],
    ['ikev2-enabled-non-basic', 'error', [
      `az network vnet-gateway update -g rg-net -n gw-hub --client-protocol SSTP --subscription ${SUB}`,
      'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
    ]],
  ]);
  assert.equal(s.findings[1]!.title, 'IKEv2 is enabled on gw-hub: gateway-required integration needs SSTP alone');
  assert.equal(s.outcome?.kind, 'resolved');
});

test('SSTP and IKEv2 together on a VpnGw1 gateway: IKEv2 is a blocker, and other IKEv2 users are warned', () => {
  const s = walk('gateway-setup', facts({ 'p2s.protocols': ['SSTP', 'IkeV2'] }), { 'gateway-setup/ask-connections': 40 });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['ikev2-enabled-non-basic', 'error']]);
  assert.match(s.findings[0]!.explanation, /other point-to-site users who connect with IKEv2/);
  assert.equal(s.outcome?.kind, 'resolved', 'the flow ends on "fix the gateway settings first", not on pass');
  assert.equal(s.outcome?.text, 'Fix the gateway settings listed in the findings, run Sync Network, then test again.');
});

test('OpenVPN enabled: SSTP cannot be added next to it', () => {
  const s = walk('gateway-setup', facts({ 'p2s.protocols': ['OpenVPN'] }), { 'gateway-setup/ask-connections': null });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['openvpn-blocks-sstp', 'error']]);
});

test('a pool at 172.32.0.0/16 is outside RFC 1918 even though it looks private', () => {
  const s = walk('gateway-setup', facts({ 'p2s.addressPool': ['172.32.0.0/16'] }), { 'gateway-setup/ask-connections': 20 });
  assert.deepEqual(summary(s), [['p2s-range-not-rfc1918', 'error', [
    `az network vnet-gateway update -g rg-net -n gw-hub --address-prefixes 172.16.201.0/24 --subscription ${SUB}`,
    'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
  ]]]);
  assert.equal(s.findings[0]!.title, 'The point-to-site pool 172.32.0.0/16 is not entirely inside RFC 1918 space');
});

test('150 app instances on one gateway hit the SSTP connection limit', () => {
  const s = walk('gateway-setup', facts(), { 'gateway-setup/ask-connections': 150 });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['sstp-connection-limit', 'warning']]);
  assert.equal(s.findings[0]!.title, 'gw-hub carries 150 point-to-site sessions; SSTP allows at most 128');
  assert.equal(s.outcome?.kind, 'pass');
});

test('a policy-based gateway must be recreated as route-based', () => {
  const s = walk('gateway-setup', facts({ 'gateway.vpnType': 'PolicyBased' }), {});
  assert.deepEqual(summary(s), [['gateway-policy-based', 'error', [
    `az network vnet-gateway show -g rg-net -n gw-hub --query vpnType -o tsv --subscription ${SUB}`,
    `az network vnet-gateway create -g rg-net -n gw-hub --vnet /subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub --public-ip-addresses <public IP name> --gateway-type Vpn --vpn-type RouteBased --sku VpnGw1AZ --address-prefixes 172.16.201.0/24 --client-protocol SSTP --no-wait --subscription ${SUB}`,
  ]]]);
});

test('ExpressRoute next to the VPN gateway (coexistence) is not supported', () => {
  const s = walk('triage', facts({ 'gateway.hasExpressRoute': true }), { ...ELIGIBLE, 'triage/ask-symptom': 'setup' });
  assert.deepEqual(summary(s), [RETIRING, ['coexistence-gateway', 'error', [
    `az network vnet-gateway list -g rg-net --query "[].{name:name, type:gatewayType, vpnType:vpnType}" -o table --subscription ${SUB}`,
    `az webapp vnet-integration add -g rg-web -n app-orders --vnet <resource id of a VNet in the app's region> --subnet <free subnet name> --subscription ${SUB}`,
  ]]]);
});

test('a failed gateway: Failed is the last operation, repaired by writing the gateway back unchanged, not by a reset', () => {
  const s = walk('gateway-down', facts({ 'gateway.provisioningState': 'Failed' }), { 'gateway-down/ask-health': true });
  assert.deepEqual(summary(s), [['gateway-failed-state', 'warning', [
    `Set-AzContext -Subscription '${SUB}'`,
    'Get-AzVirtualNetworkGatewayConnection -ResourceGroupName rg-net -Name <site-to-site connection name> | Set-AzVirtualNetworkGatewayConnection',
    'Get-AzVirtualNetworkGateway -ResourceGroupName rg-net -Name gw-hub | Set-AzVirtualNetworkGateway',
    `az network vnet-gateway show -g rg-net -n gw-hub --query provisioningState -o tsv --subscription ${SUB}`,
  ]]]);
  assert.ok(!summary(s).flat(2).some((text) => String(text).includes('vnet-gateway reset')));
});

test('a Succeeded gateway that Resource health shows down: reset it, and the SLA explains why the app went dark', () => {
  const s = walk('gateway-down', facts(), { 'gateway-down/ask-health': false });
  assert.deepEqual(summary(s), [['gateway-not-running', 'error', [
    `az network vnet-gateway show -g rg-net -n gw-hub --query provisioningState -o tsv --subscription ${SUB}`,
    `az network vnet-gateway reset -g rg-net -n gw-hub --subscription ${SUB}`,
    'Virtual network gateway > Help > Resource health',
  ]]]);
  assert.match(s.findings[0]!.explanation, /SLA/);
});

test('on 31 March 2027 itself the integration retires today; the day after it was retired', () => {
  const onTheDay = walk('retirement', facts({}, '2027-03-31'), {});
  assert.deepEqual(summary(onTheDay), [['integration-retiring', 'warning', ['vnet-doctor <target flags> --flow migration']]]);
  assert.equal(onTheDay.findings[0]!.title, 'Gateway-required integration retires today, 31 March 2027');
  const before = walk('retirement', facts({}, '2027-03-30'), {});
  assert.equal(before.findings[0]!.title, 'Gateway-required integration retires tomorrow, 31 March 2027');
  const after = walk('retirement', facts({}, '2027-04-01'), {});
  assert.deepEqual(summary(after).map(([id, severity]) => [id, severity]), [['integration-retired', 'error']]);
});

test('a certificate with 96 days left and settings out of sync: renew and Sync Network, restart warned about', () => {
  const s = walk('certificate-sync', facts({ 'app.certExpiresOn': '2027-03-01', 'app.resyncRequired': true }), {});
  assert.deepEqual(summary(s), [
    ['certificate-expiring', 'warning', ['App > Networking > VNet integration > Disconnect', 'App > Networking > VNet integration > Add VNet > vnet-hub']],
    ['certificates-out-of-sync', 'error', ['App Service plan > Networking > VNet integration > vnet-hub > Sync Network']],
  ]);
  assert.equal(s.findings[0]!.title, 'The integration certificate expires on 2027-03-01 (96 days left)');
  assert.match(s.findings[1]!.explanation, /contradicts itself/);
  assert.equal(s.outcome?.kind, 'resolved');
});

test('out of sync with the VNet in another subscription: Sync Network will not work there', () => {
  const s = walk('certificate-sync', facts({ 'app.resyncRequired': true, 'app.vnetSubscriptionId': OTHER_SUB }), {});
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['certificates-out-of-sync', 'error'], ['sync-cross-subscription', 'warning']]);
});

test('DNS servers changed on the VNet but not synced: the app still asks the old one', () => {
  const s = walk('dns', facts({ 'app.dnsServers': ['10.20.0.9'] }), { 'dns/ask-name': 'db.contoso.local' });
  assert.deepEqual(summary(s), [['dns-changed-sync-required', 'warning', [
    `az network vnet show -g rg-net -n vnet-hub --query dhcpOptions.dnsServers --subscription ${SUB}`,
    'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
  ]]]);
  assert.equal(s.findings[0]!.steps[0]!.text, "Compare the VNet's DNS servers with those the app was given (10.20.0.9).");
});

test('nameresolver times out from the app but a VM gets answers: DNS traffic from the pool is blocked (the NSG Azure named guards the target, not DNS)', () => {
  const s = walk('dns', facts({ 'nsg.name': 'nsg-app-subnet', 'nsg.resourceGroup': 'rg-net' }), {
    'dns/ask-name': 'db.contoso.local', 'dns/ask-nameresolver': 'timeout', 'dns/ask-dns-override': false, 'dns/ask-vm-dns': true,
  });
  assert.equal(s.path.find((entry) => entry.question === 'dns/ask-nameresolver')!.text,
    "In the app's Kudu console (Debug console > CMD), run: nameresolver db.contoso.local (this asks the DNS servers the app really uses). What happens?");
  assert.deepEqual(summary(s), [['dns-server-blocked', 'error', [
    `az network nsg rule create -g <resource group of that NSG> --nsg-name <NSG in front of the DNS server> -n AllowAppServiceDns --priority <free priority lower than the rule that blocks DNS> --direction Inbound --access Allow --protocol "*" --source-address-prefixes 172.16.200.0/24 --destination-address-prefixes 10.20.0.4 10.20.0.5 --destination-port-ranges 53 --subscription ${SUB}`,
    'nameresolver db.contoso.local',
    'nameresolver db.contoso.local 10.20.0.4',
    'nameresolver db.contoso.local 10.20.0.5',
  ]]]);
});

test('on-premises over BGP: custom routes missing, then the on-premises firewall', () => {
  const s = walk('onprem-routes', facts({
    's2s.exists': true, 's2s.connectionName': 'cn-dc1', 's2s.connectionStatus': 'Connected', 's2s.bgpEnabled': true, 'onprem.prefixes': ['192.168.10.0/24'],
  }), {
    'onprem-routes/ask-target': { host: 'erp.corp.contoso.com', port: 443 }, 'onprem-routes/ask-vm-test': true, 'onprem-routes/ask-tcpping': 'timeout', 'rfc1918/ask-target-ip': '192.168.10.5',
    'onprem-routes/ask-p2s-added-later': false, 'onprem-routes/ask-route-back': true, 'onprem-routes/ask-custom-routes': ['10.20.0.0/16'],
    'onprem-routes/ask-onprem-firewall': false,
  });
  assert.deepEqual(summary(s), [
    ['bgp-routes-not-propagated', 'warning', [
      `az network vnet-gateway update -g rg-net -n gw-hub --custom-routes 192.168.10.0/24 --subscription ${SUB}`,
      'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
    ]],
    ['onprem-firewall-blocks-p2s', 'error', ['tcpping erp.corp.contoso.com:443']],
  ]);
});

test('point-to-site added after the site-to-site VPN: the on-premises route back is missing', () => {
  const s = walk('onprem-routes', facts({ 's2s.exists': true, 's2s.connectionStatus': 'Connected' }), {
    'onprem-routes/ask-target': { host: '192.168.10.5', port: 1521 }, 'onprem-routes/ask-vm-test': true, 'onprem-routes/ask-tcpping': 'timeout', 'rfc1918/ask-target-ip': '192.168.10.5',
    'onprem-routes/ask-p2s-added-later': true,
  });
  assert.deepEqual(summary(s), [
    ['plan-route-missing', 'error', ['App Service plan > Networking > VNet integration > vnet-hub > Add route', 'tcpping 192.168.10.5:1521']],
    ['onprem-routes-missing-p2s', 'error', ['tcpping 192.168.10.5:1521']],
  ]);
  assert.equal(s.findings[0]!.steps[0]!.text, "Add the route 192.168.10.5/32 to the plan's VNet integration, then test again.", 'the on-premises range is unknown, so the address itself');
  assert.equal(s.findings[1]!.steps[0]!.text, 'On the on-premises VPN device, add 172.16.200.0/24 to the remote (Azure) networks of the tunnel, and route it to the device from the network of 192.168.10.5.');
});

test('a peered spoke without remote gateways and without a plan route', () => {
  const s = walk('peering', facts({
    'peering.exists': true, 'peering.name': 'hub-to-spoke', 'peering.remoteVnetName': 'vnet-spoke', 'peering.remoteResourceGroup': 'rg-spoke',
    'peering.remotePeeringName': 'spoke-to-hub', 'peering.remoteAddressSpace': ['10.30.0.0/16'],
    'peering.allowVnetAccess': true, 'peering.allowForwardedTraffic': true, 'peering.allowGatewayTransit': true,
    'peering.remoteAllowVnetAccess': true, 'peering.remoteAllowForwardedTraffic': true, 'peering.remoteUseGateways': false,
  }), {});
  assert.deepEqual(summary(s), [
    ['peering-remote-gateways-missing', 'error', [`az network vnet peering update -g rg-spoke --vnet-name vnet-spoke -n spoke-to-hub --set useRemoteGateways=true --subscription <peered VNet subscription id>`]],
    ['peering-route-missing', 'error', ['App Service plan > Networking > VNet integration > vnet-hub > Add route']],
  ]);
  assert.equal(s.findings[1]!.steps[0]!.text, "Add 10.30.0.0/16 to the plan's routes (the app sends 10.20.0.0/16 into the tunnel today).");
  assert.equal(s.outcome?.kind, 'resolved');
});

test('a local peering without gateway transit gets the exact update command', () => {
  const s = walk('peering', facts({
    'peering.exists': true, 'peering.name': 'hub-to-spoke', 'peering.remoteVnetName': 'vnet-spoke', 'peering.remoteAddressSpace': ['10.30.0.0/16'],
    'app.routes': ['10.20.0.0/16', '10.30.0.0/16'],
    'peering.allowVnetAccess': true, 'peering.allowForwardedTraffic': true, 'peering.allowGatewayTransit': false,
    'peering.remoteAllowVnetAccess': true, 'peering.remoteAllowForwardedTraffic': true, 'peering.remoteUseGateways': true,
  }), {});
  assert.deepEqual(summary(s), [['peering-gateway-transit-missing', 'error', [`az network vnet peering update -g rg-net --vnet-name vnet-hub -n hub-to-spoke --set allowGatewayTransit=true --subscription ${SUB}`]]]);
});

test('migration readiness: VNet in another region, a /28 not delegated, three VNets on the plan, a public route', () => {
  const s = walk('migration', facts({
    'vnet.location': 'northeurope', 'plan.vnetCount': 3, 'app.routes': ['10.20.0.0/16', '52.10.0.0/16'],
    'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-apps', 'migration.freeSubnetPrefix': '10.20.9.0/28',
    'migration.freeSubnetDelegated': false, 'migration.serviceEndpointPolicies': false,
  }), { 'migration/ask-subnet-in-use': false });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [
    ['integration-retiring', 'warning'], ['migration-benefits', 'info'], ['migration-blocked-cross-region', 'warning'],
    ['migration-subnet-below-recommended', 'info'], ['migration-subnet-not-delegated', 'warning'], ['migration-plan-split-needed', 'warning'],
    ['migration-routes-review', 'info'],
  ]);
  const commands = Object.fromEntries(summary(s).map(([id, , list]) => [id, list]));
  assert.deepEqual(commands['migration-blocked-cross-region'], [
`az network vnet create -g rg-web -n vnet-hub-westeurope --location 'West Europe' --address-prefixes 10.0.0.0/24 --subnet-name appservice-integration --subnet-prefixes 10.0.0.0/26 --subscription ${SUB}`,
    `az network vnet peering create -g rg-net --vnet-name vnet-hub -n to-vnet-hub-westeurope --remote-vnet /subscriptions/${SUB}/resourceGroups/rg-web/providers/Microsoft.Network/virtualNetworks/vnet-hub-westeurope --allow-vnet-access --allow-forwarded-traffic --allow-gateway-transit --subscription ${SUB}`,
    `az network vnet peering create -g rg-web --vnet-name vnet-hub-westeurope -n to-vnet-hub --remote-vnet /subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub --allow-vnet-access --allow-forwarded-traffic --use-remote-gateways --subscription ${SUB}`,
  ]);
  assert.deepEqual(commands['migration-subnet-not-delegated'], [`az network vnet subnet update -g rg-net --vnet-name vnet-hub -n snet-apps --delegations Microsoft.Web/serverFarms --subscription ${SUB}`]);
  assert.equal(s.findings.at(-1)!.title, 'Decide how to carry the plan routes 10.20.0.0/16, 52.10.0.0/16 over');
  assert.equal(s.findings.find((f) => f.id === 'migration-plan-split-needed')!.title, "The apps of asp-orders use 3 VNets; a Windows plan's regional integration reaches at most 2");
  assert.equal(s.outcome?.kind, 'not-resolved');
});

const READY_SUBNET = {
  'vnet.location': 'westeurope', 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-apps', 'migration.freeSubnetPrefix': '10.20.9.0/26',
  'migration.freeSubnetDelegated': true, 'migration.serviceEndpointPolicies': false, 'migration.freeSubnetInUse': false,
};
const WHAT_CHANGES = ['migration-what-changes', 'warning', [
  'vnet-doctor migrate <target flags>',
  `az webapp vnet-integration list -g rg-web -n app-orders --subscription ${SUB}`,
  `az webapp config set -g rg-web -n app-orders --vnet-route-all-enabled false --subscription ${SUB}`,
  `az appservice vnet-integration list -g rg-web --plan asp-orders --subscription ${SUB}`,
]];
const READY = ['migration-ready', 'info', [
  `az webapp vnet-integration add -g rg-web -n app-orders --slot <staging slot name> --vnet /subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub --subnet snet-apps --subscription ${SUB}`,
  'App > Networking > VNet integration > Disconnect',
  `az webapp vnet-integration add -g rg-web -n app-orders --vnet /subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub --subnet snet-apps --subscription ${SUB}`,
  'tcpping <target host>:<target port>',
]];

test('migration readiness: two VNets on a Windows plan fit its two regional integrations, so nothing blocks', () => {
  const s = walk('migration', facts({ ...READY_SUBNET, 'plan.vnetCount': 2 }), {});
  // The plan has no STATIC routes (only the VNet's INHERITED range): nothing to carry over.
  assert.deepEqual(summary(s).map(([id]) => id), ['integration-retiring', 'migration-benefits', 'migration-what-changes', 'migration-ready']);
});

test('migration readiness: a /26 another plan already uses can be shared (multi-plan subnet join); a /27 cannot', () => {
  const shared = walk('migration', facts({ ...READY_SUBNET, 'migration.freeSubnetInUse': true }), {});
  assert.ok(!shared.findings.some((f) => f.id === 'migration-subnet-shared'));
  assert.deepEqual(summary(shared).at(-1)!.slice(0, 2), READY.slice(0, 2));
  const small = walk('migration', facts({ ...READY_SUBNET, 'migration.freeSubnetPrefix': '10.20.9.0/27', 'migration.freeSubnetInUse': true }), {});
  const finding = small.findings.find((f) => f.id === 'migration-subnet-shared')!;
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.title, 'Another plan already uses the subnet snet-apps, and it is too small to share');
  assert.deepEqual(finding.steps.map((step) => step.command), [`az network vnet subnet create -g rg-net --vnet-name vnet-hub -n appservice-integration --address-prefixes 10.20.1.0/26 --delegations Microsoft.Web/serverFarms --subscription ${SUB}`]);
  assert.equal(small.outcome?.kind, 'not-resolved');
});

test('migration readiness: a delegated /26 in the same region means ready, with the command to switch', () => {
  const s = walk('migration', facts({
    'vnet.location': 'westeurope', 'migration.hasFreeSubnet': true, 'migration.freeSubnetName': 'snet-apps', 'migration.freeSubnetPrefix': '10.20.9.0/26',
    'migration.freeSubnetDelegated': true, 'migration.serviceEndpointPolicies': false, 'migration.freeSubnetInUse': false,
  }), {});
  assert.deepEqual(summary(s), [
    RETIRING,
    ['migration-benefits', 'info', []],
    WHAT_CHANGES,
    READY,
  ]);
});

test('an app on regional integration reaching a public address needs Route All', () => {
  const s = walk('rfc1918', facts({ 'app.integrationType': 'regional' }), { 'rfc1918/ask-target-ip-regional': '52.10.1.4' });
  assert.deepEqual(summary(s), [['target-not-rfc1918-regional', 'warning', [`az webapp config set -g rg-web -n app-orders --vnet-route-all-enabled true --subscription ${SUB}`]]]);
});

test('offline, answers only: tcpping refused and nothing listens on the port', () => {
  const s = walk('firewall-timeout', session(TODAY), {
    'firewall-timeout/ask-target': { host: 'api.contoso.local', port: 8080 }, 'firewall-timeout/ask-tcpping': 'refused',
    'firewall-timeout/ask-target-up': true, 'firewall-timeout/ask-listening': false,
  });
  assert.deepEqual(summary(s), [['app-listening-elsewhere', 'warning', ['netstat -aon | findstr :8080']]]);
  assert.equal(s.findings[0]!.title, 'Nothing listens on api.contoso.local:8080');
});

test('no peering at all: the flow asks where the host is before calling the peering missing', () => {
  assert.throws(() => walk('peering', facts(), {}), /no answer for peering\/ask-target-location/, 'a batch walk stops at the question instead of raising a false error');
  const s = walk('peering', facts(), { 'peering/ask-target-location': 'peered-vnet' });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['peering-missing', 'error']]);
  assert.equal(s.findings[0]!.steps[0]!.command, `az network vnet peering create -g rg-net --vnet-name vnet-hub -n <peering name> --remote-vnet <remote VNet resource id> --allow-vnet-access --allow-forwarded-traffic --allow-gateway-transit --subscription ${SUB}`);
});

test('offline, an NSG the engineer found by hand: the finding names the pool, and the command says what to fill in', () => {
  const s = walk('firewall-timeout', session(TODAY), {
    'firewall-timeout/ask-target': { host: '10.1.2.3', port: 5432 }, 'firewall-timeout/ask-tcpping': 'timeout', 'firewall-timeout/ask-vm-test': true,
    'gateway-down/ask-state': 'Succeeded', 'gateway-down/ask-health': true, 'certificate-sync/ask-cert-expiry': '2031-06-01',
    'certificate-sync/ask-resync': false, 'certificate-sync/ask-dns-changed': false, 'rfc1918/ask-integration': 'gateway-required',
    'rfc1918/ask-pool': ['172.16.50.0/24'], 'rfc1918/ask-target-ip': '10.1.2.3', 'firewall-timeout/ask-nsg': true,
  });
  assert.deepEqual(s.findings.map((f) => f.id), ['tcp-timeout-firewall', 'nsg-blocks-p2s-range']);
  assert.equal(s.findings[1]!.title, 'A network security group blocks the point-to-site pool 172.16.50.0/24');
  assert.equal(s.findings[1]!.steps[1]!.command, "az network nsg rule create -g <NSG resource group> --nsg-name <network security group name> -n AllowAppServiceP2S --priority <a free priority lower than the deny rule's> --direction Inbound --access Allow --protocol Tcp --source-address-prefixes 172.16.50.0/24 --destination-port-ranges 5432 --subscription <VNet subscription id>");
});

test('an app on regional integration gets no gateway findings, even with ExpressRoute and no VPN gateway', () => {
  const regional = facts({ 'app.integrationType': 'regional', 'gateway.exists': false, 'gateway.hasExpressRoute': true, 'peering.exists': true, 'peering.allowGatewayTransit': false });
  for (const flow of ['gateway-setup', 'coexistence', 'gateway-down', 'certificate-sync', 'peering', 'onprem-routes']) {
    const s = walk(flow, regional, {});
    assert.deepEqual([s.findings, s.outcome?.kind], [[], 'pass'], flow);
  }
});

test('a private endpoint name behind the VNet\'s default DNS: 168.63.129.16 is out of reach over point-to-site, so a resolver in the VNet is needed', () => {
  const s = walk('dns', facts({ 'vnet.dnsServers': [], 'app.dnsServers': [] }), { 'dns/ask-name': 'sql-orders.privatelink.database.windows.net' });
  assert.deepEqual(summary(s), [['private-dns-zone-default-dns', 'error', [
    `az network vnet update -g rg-net -n vnet-hub --dns-servers <resolver IP address> --subscription ${SUB}`,
    'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
    'nameresolver sql-orders.privatelink.database.windows.net',
  ]]]);
  assert.match(s.findings[0]!.explanation, /168\.63\.129\.16/);
});

test('default DNS and a name the engineer places in a private zone: the same finding; a public name ends without one', () => {
  const noCustom = facts({ 'vnet.dnsServers': [], 'app.dnsServers': [] });
  const inZone = walk('dns', noCustom, { 'dns/ask-name': 'db.corp.internal', 'dns/ask-private-zone': true });
  assert.deepEqual(inZone.findings.map((f) => [f.id, f.severity]), [['private-dns-zone-default-dns', 'error']]);
  const publicName = walk('dns', noCustom, { 'dns/ask-name': 'api.contoso.com', 'dns/ask-private-zone': false });
  assert.deepEqual(publicName.findings, []);
  assert.equal(publicName.outcome?.kind, 'not-resolved');
});

test('nameresolver is first run as the app resolves, then against each configured server', () => {
  const s = walk('dns', facts(), { 'dns/ask-name': 'db.contoso.local', 'dns/ask-nameresolver': 'not-found', 'dns/ask-dns-override': false });
  const question = s.path.find((entry) => entry.question === 'dns/ask-nameresolver')!;
  assert.equal(question.text, "In the app's Kudu console (Debug console > CMD), run: nameresolver db.contoso.local (this asks the DNS servers the app really uses). What happens?");
  assert.deepEqual(summary(s), [['dns-name-not-found', 'warning', ["Resolve-DnsName db.contoso.local -Server '10.20.0.4'", "Resolve-DnsName db.contoso.local -Server '10.20.0.5'"]]]);
  const timeout = walk('dns', facts(), { 'dns/ask-name': 'db.contoso.local', 'dns/ask-nameresolver': 'timeout', 'dns/ask-dns-override': false, 'dns/ask-vm-dns': false });
  assert.deepEqual(summary(timeout), [['dns-unreachable', 'error', [
    "Resolve-DnsName db.contoso.local -Server '10.20.0.4'", "Resolve-DnsName db.contoso.local -Server '10.20.0.5'",
    'nameresolver db.contoso.local', 'nameresolver db.contoso.local 10.20.0.4', 'nameresolver db.contoso.local 10.20.0.5',
  ]]]);
  assert.equal(timeout.findings[0]!.title, "The app's DNS servers (10.20.0.4, 10.20.0.5) do not answer");
});

test('the migration notes say regional integration resolves private zones, not that point-to-site cannot reach private endpoints', () => {
  const s = walk('migration', facts({ 'migration.hasFreeSubnet': false, 'migration.serviceEndpointPolicies': false }), {});
  const benefits = s.findings.find((f) => f.id === 'migration-benefits')!;
  assert.match(benefits.explanation, /resolves Azure private\s+DNS zones/);
  assert.doesNotMatch(benefits.explanation, /and private endpoints,/);
});

test('a private target outside the VNet and the plan routes is not routed: the finding names the route to add', () => {
  const s = walk('rfc1918', facts(), { 'rfc1918/ask-target-ip': '10.50.1.4' });
  assert.deepEqual(summary(s), [['plan-route-missing', 'error', ['App Service plan > Networking > VNet integration > vnet-hub > Add route', 'tcpping 10.50.1.4:<target port>']]]);
  assert.equal(s.findings[0]!.title, '10.50.1.4 is private, but the app does not send it into vnet-hub');
  assert.equal(s.findings[0]!.steps[0]!.text, "Add the route 10.50.1.4/32 to the plan's VNet integration, then test again.");
  const inside = walk('rfc1918', facts(), { 'rfc1918/ask-target-ip': '10.20.3.4' });
  assert.deepEqual(inside.findings, [], 'a target in the VNet needs no route');
  const transit = walk('rfc1918', facts({ 'peering.allowGatewayTransit': true, 'peering.remoteUseGateways': true, 'peering.remoteAddressSpace': ['10.50.0.0/16'] }), { 'rfc1918/ask-target-ip': '10.50.1.4' });
  assert.deepEqual(summary(transit).map(([id]) => id), ['plan-route-missing'], 'a peered VNet needs a plan route, gateway transit or not (peering step 3)');
  assert.equal(transit.findings[0]!.steps[0]!.text, "Add the route 10.50.0.0/16 to the plan's VNet integration, then test again.");
});

test('on-premises over static site-to-site: the SSTP client gets only the VNet routes, so the missing on-premises range is named', () => {
  const s = walk('onprem-routes', facts({
    's2s.exists': true, 's2s.connectionName': 'cn-dc1', 's2s.connectionStatus': 'Connected', 's2s.bgpEnabled': false,
    'onprem.prefixes': ['192.168.10.0/24', '10.20.0.0/24'],
  }), {
    'onprem-routes/ask-target': { host: 'erp.corp.contoso.com', port: 443 }, 'onprem-routes/ask-vm-test': true, 'onprem-routes/ask-tcpping': 'timeout', 'rfc1918/ask-target-ip': '192.168.10.5',
    'onprem-routes/ask-p2s-added-later': false, 'onprem-routes/ask-route-back': true, 'onprem-routes/ask-onprem-firewall': true,
  });
  assert.deepEqual(summary(s), [['plan-route-missing', 'error', ['App Service plan > Networking > VNet integration > vnet-hub > Add route', 'tcpping erp.corp.contoso.com:443']]]);
  assert.equal(s.findings[0]!.title, 'The app does not send the on-premises ranges 192.168.10.0/24 into the tunnel');
});

test('on-premises ranges already among the plan routes: no route finding, with or without BGP', () => {
  for (const bgp of [true, false]) {
    const s = walk('onprem-routes', facts({
      's2s.exists': true, 's2s.connectionStatus': 'Connected', 's2s.bgpEnabled': bgp, 'onprem.prefixes': ['192.168.10.0/24'], 'app.routes': ['10.20.0.0/16', '192.168.0.0/16'],
    }), {
      'onprem-routes/ask-target': { host: '192.168.10.5', port: 1521 }, 'onprem-routes/ask-vm-test': true, 'onprem-routes/ask-tcpping': 'timeout', 'rfc1918/ask-target-ip': '192.168.10.5',
      'onprem-routes/ask-p2s-added-later': false, 'onprem-routes/ask-route-back': true, 'onprem-routes/ask-onprem-firewall': true,
    });
    assert.deepEqual(s.findings, [], `bgp ${bgp}`);
  }
});

test('a point-to-site pool that overlaps an on-premises range: error, a blocker, and a new pool that overlaps nothing known', () => {
  const s = walk('gateway-setup', facts({
    'p2s.addressPool': ['172.16.201.0/24'], 'onprem.prefixes': ['172.16.200.0/23'], 'peering.remoteAddressSpace': ['172.16.202.0/24'],
  }), { 'gateway-setup/ask-connections': 20 });
  assert.deepEqual(summary(s), [['p2s-pool-overlaps', 'error', [
    `az network vnet-gateway update -g rg-net -n gw-hub --address-prefixes 172.16.203.0/24 --subscription ${SUB}`,
    'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
  ]]]);
  assert.equal(s.findings[0]!.title, 'The point-to-site pool 172.16.201.0/24 overlaps 172.16.200.0/23');
  assert.equal(s.outcome?.kind, 'resolved', 'an overlapping pool is fixed before retesting');
});

test('a pool outside RFC 1918 gets a replacement that overlaps neither the VNet nor on-premises', () => {
  const s = walk('gateway-setup', facts({ 'p2s.addressPool': ['100.64.0.0/24'], 'vnet.addressSpace': ['172.16.0.0/16'], 'onprem.prefixes': ['172.17.0.0/16'] }), { 'gateway-setup/ask-connections': 20 });
  assert.deepEqual(summary(s)[0]![2]![0], `az network vnet-gateway update -g rg-net -n gw-hub --address-prefixes 172.18.0.0/24 --subscription ${SUB}`);
});

test('setting up with a VNet in the app\'s own region: regional integration, by VNet resource id, not a gateway to build', () => {
  const s = walk('triage', facts({ 'vnet.location': 'westeurope', 'app.integrationType': 'none', 'migration.freeSubnetName': 'snet-apps' }), {
    ...ELIGIBLE, 'triage/ask-symptom': 'setup',
  });
  const ids = summary(s).map(([id, severity]) => [id, severity]);
  assert.deepEqual(ids.at(-1), ['same-region-use-regional', 'warning']);
  assert.deepEqual(summary(s).at(-1)![2], [
    `az network vnet subnet create -g rg-net --vnet-name vnet-hub -n appservice-integration --address-prefixes 10.20.1.0/26 --delegations Microsoft.Web/serverFarms --subscription ${SUB}`,
    `az webapp vnet-integration add -g rg-web -n app-orders --vnet /subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-hub --subnet snet-apps --subscription ${SUB}`,
  ]);
  assert.ok(!ids.some(([id]) => id === 'gateway-missing'), 'no gateway to build or repair');
});

test('an existing same-region gateway-required connection is flagged as a migration candidate, then the gateway is still checked', () => {
  const s = walk('gateway-setup', facts({ 'vnet.location': 'westeurope', 'p2s.protocols': ['SSTP', 'IkeV2'] }), { 'gateway-setup/ask-connections': 10 });
  assert.deepEqual(summary(s), [
    ['same-region-use-regional', 'warning', ['vnet-doctor <target flags> --flow migration']],
    ['ikev2-enabled-non-basic', 'error', [`az network vnet-gateway update -g rg-net -n gw-hub --client-protocol SSTP --subscription ${SUB}`, 'App Service plan > Networking > VNet integration > vnet-hub > Sync Network']],
  ]);
});

test('regional integration is never offered with a VNet in another region: the VNet is a blank to fill', () => {
  const s = walk('coexistence', facts({ 'gateway.hasExpressRoute': true, 'gateway.exists': false }), {});
  const command = s.findings[0]!.steps.at(-1)!.command!;
  assert.equal(command, `az webapp vnet-integration add -g rg-web -n app-orders --vnet <resource id of a VNet in the app's region> --subnet <free subnet name> --subscription ${SUB}`);
});

test('App Service\'s root certificate removed from the gateway by a redeployment: error, Sync Network puts it back', () => {
  const s = walk('certificate-sync', facts({ 'app.certThumbprint': '3F2A', 'p2s.rootCertThumbprints': ['77C1'] }), {});
  assert.deepEqual(summary(s), [['root-certificate-missing', 'error', [
    `az network vnet-gateway show -g rg-net -n gw-hub --query "vpnClientConfiguration.vpnClientRootCertificates[].name" -o tsv --subscription ${SUB}`,
    'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
  ]]]);
  assert.equal(s.findings[0]!.title, "App Service's root certificate is missing from the point-to-site settings of gw-hub");
  const present = walk('certificate-sync', facts({ 'app.certThumbprint': '3F2A', 'p2s.rootCertThumbprints': ['77C1', '3f2a'] }), {});
  assert.deepEqual(present.findings, []);
});

test('point-to-site with Entra ID authentication only: the app\'s certificate is refused', () => {
  const s = walk('gateway-setup', facts({ 'p2s.authTypes': ['AAD'] }), { 'gateway-setup/ask-connections': 10 });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['p2s-no-certificate-auth', 'error']]);
  assert.equal(s.findings[0]!.title, 'Point-to-site on gw-hub accepts only AAD, not certificates');
  assert.equal(s.outcome?.kind, 'resolved');
});

test('a Disconnected peering is named before its settings are checked', () => {
  const s = walk('peering', facts({
    'peering.exists': true, 'peering.name': 'hub-to-spoke', 'peering.remoteVnetName': 'vnet-spoke', 'peering.state': 'Disconnected',
    'peering.remoteResourceGroup': 'rg-spoke', 'peering.remoteSubscriptionId': OTHER_SUB, 'peering.remoteAddressSpace': ['10.30.0.0/16'],
    'app.routes': ['10.20.0.0/16', '10.30.0.0/16'], 'peering.allowVnetAccess': true, 'peering.allowForwardedTraffic': true, 'peering.allowGatewayTransit': true,
    'peering.remoteAllowVnetAccess': true, 'peering.remoteAllowForwardedTraffic': true, 'peering.remoteUseGateways': true,
  }), {});
  assert.deepEqual(summary(s)[0], ['peering-disconnected', 'error', [
    `az network vnet peering delete -g rg-net --vnet-name vnet-hub -n hub-to-spoke --subscription ${SUB}`,
    `az network vnet peering create -g rg-net --vnet-name vnet-hub -n hub-to-spoke --remote-vnet /subscriptions/${OTHER_SUB}/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke --allow-vnet-access --allow-forwarded-traffic --allow-gateway-transit --subscription ${SUB}`,
    'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
  ]]);
});

test('an address space added to the VNet after the last Sync Network: the app\'s routes miss it', () => {
  const s = walk('certificate-sync', facts({ 'vnet.addressSpace': ['10.20.0.0/16', '10.21.0.0/16'] }), {});
  assert.deepEqual(summary(s), [['routes-changed-sync-required', 'warning', ['App Service plan > Networking > VNet integration > vnet-hub > Sync Network']]]);
  assert.equal(s.findings[0]!.title, "The app's routes miss 10.21.0.0/16, added to vnet-hub since the last Sync Network");
});

test('private endpoints in a VNet on default DNS are reported before any name is asked', () => {
  const s = walk('dns', facts({ 'vnet.dnsServers': [], 'app.dnsServers': [], 'vnet.hasPrivateEndpoints': true }), {
    'dns/ask-name': 'sql-orders.privatelink.database.windows.net',
  });
  assert.deepEqual(summary(s), [
    ['private-endpoints-default-dns', 'error', [
      `az network vnet update -g rg-net -n vnet-hub --dns-servers <resolver IP address> --subscription ${SUB}`,
      'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
    ]],
    ['private-dns-zone-default-dns', 'error', [
      `az network vnet update -g rg-net -n vnet-hub --dns-servers <resolver IP address> --subscription ${SUB}`,
      'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
      'nameresolver sql-orders.privatelink.database.windows.net',
    ]],
  ]);
});

test('connection refused proves the path: only the listener and the host firewall are checked, not the gateway or certificates', () => {
  const s = walk('firewall-timeout', facts(), {
    'firewall-timeout/ask-target': { host: 'api.contoso.local', port: 8080 }, 'firewall-timeout/ask-tcpping': 'refused',
    'firewall-timeout/ask-target-up': true, 'firewall-timeout/ask-listening': true, 'firewall-timeout/refused-host-firewall': true,
  });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['host-firewall-blocks-p2s', 'error']]);
  assert.ok(!s.path.some((entry) => entry.flow === 'gateway-down' || entry.flow === 'certificate-sync' || entry.flow === 'rfc1918'));
});

test('150 point-to-site sessions: the limit finding lists the sessions with show-health and claims nothing about instances', () => {
  const s = walk('gateway-setup', facts(), { 'gateway-setup/ask-connections': 150 });
  assert.deepEqual(summary(s), [['sstp-connection-limit', 'warning', [`az network vnet-gateway vpn-client show-health -g rg-net -n gw-hub --subscription ${SUB}`]]]);
  assert.doesNotMatch(s.path.find((entry) => entry.question === 'gateway-setup/ask-connections')!.text ?? '', /each app instance is one/);
});

test('no WEBSITE_PRIVATE_IP: the tunnel is not up, so the gateway and certificates come before any firewall', () => {
  const s = walk('firewall-timeout', facts({ 'app.tunnelUp': false, 'app.resyncRequired': true }), {
    'firewall-timeout/ask-target': { host: 'sql01.contoso.local', port: 1433 }, 'gateway-down/ask-health': true, 'gateway-setup/ask-connections': 10,
  });
  assert.deepEqual(summary(s).map(([id, severity]) => [id, severity]), [['tunnel-down', 'error'], ['certificates-out-of-sync', 'error']]);
  assert.deepEqual(summary(s)[0]![2], ['echo %WEBSITE_PRIVATE_IP%', `az network vnet-gateway vpn-client show-health -g rg-net -n gw-hub --subscription ${SUB}`]);
  assert.ok(!s.path.some((entry) => entry.question === 'firewall-timeout/ask-tcpping'), 'no firewall questions while there is no tunnel');
});

test('an app with an address from the pool passes the tunnel gate straight to tcpping', () => {
  assert.throws(() => walk('firewall-timeout', facts({ 'app.privateIp': '172.16.200.7' }), { 'firewall-timeout/ask-target': { host: 'sql01.contoso.local', port: 1433 } }),
    /no answer for firewall-timeout\/ask-tcpping/);
});

test('"don\'t know" records what is unknown and how to find out, never a finding on its own', () => {
  const dns = walk('dns', facts(), { 'dns/ask-name': 'db.contoso.local', 'dns/ask-nameresolver': null });
  assert.deepEqual([dns.findings, dns.outcome?.kind], [[], 'not-resolved']);
  assert.match(dns.outcome!.text!, /^Not known yet: whether the app can resolve db\.contoso\.local/);
  const zone = walk('dns', facts({ 'vnet.dnsServers': [], 'app.dnsServers': [] }), { 'dns/ask-name': 'db.corp.internal', 'dns/ask-private-zone': null });
  assert.deepEqual(zone.findings, []);
  const noRoutes = Object.fromEntries(Object.entries(facts()).filter(([key]) => key !== 'app.routes'));
  const routes = walk('rfc1918', noRoutes, { 'rfc1918/ask-target-ip': '52.10.1.4', 'rfc1918/ask-routes': null });
  assert.deepEqual([routes.findings, routes.outcome?.kind], [[], 'not-resolved']);
});

test('refused although the host listens and its firewall allows the pool: the app reaches another address', () => {
  const s = walk('firewall-timeout', facts(), {
    'firewall-timeout/ask-target': { host: 'api.contoso.local', port: 8080 }, 'firewall-timeout/ask-tcpping': 'refused',
    'firewall-timeout/ask-target-up': true, 'firewall-timeout/ask-listening': true, 'firewall-timeout/refused-host-firewall': false,
  });
  assert.deepEqual(summary(s), [['wrong-host-or-port', 'warning', ['nameresolver api.contoso.local']]]);
});

test('a change the engineer knows about is asked on its own: Sync Network even when ARM says in sync', () => {
  const s = walk('triage', facts(), { ...ELIGIBLE, 'triage/ask-symptom': 'after-change', 'triage/ask-change': 'address-space', 'gateway-down/ask-health': true, 'gateway-setup/ask-connections': 10 });
  const ids = summary(s).map(([id, severity]) => [id, severity]);
  assert.deepEqual(ids.find(([id]) => id === 'recent-change-sync-required'), ['recent-change-sync-required', 'warning']);
  assert.ok(!ids.some(([id]) => id === 'certificates-out-of-sync'), "ARM's flag stays what it is");
  assert.equal(s.findings.find((f) => f.id === 'recent-change-sync-required')!.title, 'vnet-hub or its gateway changed after the app last received its settings');
});

test('WEBSITE_DNS_SERVER on the app: the failed lookup went to the servers in its settings, read without the other settings', () => {
  const s = walk('dns', facts(), { 'dns/ask-name': 'db.contoso.local', 'dns/ask-nameresolver': 'timeout', 'dns/ask-dns-override': true, 'dns/ask-vm-dns': false });
  assert.deepEqual(summary(s)[0], ['app-dns-override', 'warning', [
    `az webapp config appsettings list -g rg-web -n app-orders --query "[?name=='WEBSITE_DNS_SERVER' || name=='WEBSITE_DNS_ALT_SERVER']" --subscription ${SUB}`,
    'nameresolver db.contoso.local <server from WEBSITE_DNS_SERVER>',
  ]]);
  assert.deepEqual(summary(s).map(([id]) => id), ['app-dns-override', 'dns-unreachable']);
});

test('the migration plan: staging slot first, the expected downtime, and a subnet sized for twice the plan\'s largest scale', () => {
  const s = walk('migration', facts({ ...READY_SUBNET, 'plan.maxInstances': 20 }), {});
  const ready = s.findings.find((f) => f.id === 'migration-ready')!;
  assert.match(ready.explanation, /typically 2 to 5/);
  assert.match(ready.explanation, /staging slot first/);
  assert.match(ready.explanation, /for up to 20 instances a \/26 or larger/);
  const small = walk('migration', facts({ ...READY_SUBNET, 'plan.maxInstances': 3 }), {});
  assert.match(small.findings.find((f) => f.id === 'migration-ready')!.explanation, /for up to 3 instances a \/28 or larger/);
});

test('triage asks the symptom first, and only the eligibility questions that symptom needs', () => {
  const first = engine.start(session(TODAY), {}, { flow: 'triage' });
  assert.equal(engine.currentQuestion(first)!.id, 'triage/ask-symptom');
  const vnet = walk('triage', facts(), {
    'triage/ask-symptom': 'reach-vnet', 'eligibility/ask-service-endpoint': false, 'firewall-timeout/ask-target': { host: 'sql01.contoso.local', port: 1433 },
    'firewall-timeout/ask-tcpping': 'connects',
  });
  const asked = vnet.path.filter((entry) => entry.question && !entry.auto).map((entry) => entry.question);
  assert.deepEqual(asked, ['triage/ask-symptom', 'eligibility/ask-service-endpoint', 'firewall-timeout/ask-target', 'firewall-timeout/ask-tcpping']);
  const peered = walk('triage', facts(), { ...ELIGIBLE, 'triage/ask-symptom': 'reach-peered', 'peering/ask-target-location': 'unsure' });
  assert.ok(peered.path.some((entry) => entry.question === 'eligibility/ask-second-vnet'));
  assert.ok(!peered.path.some((entry) => entry.question === 'eligibility/ask-keyvault'));
});

test('a plan App Service reports as unable to use regional integration (swiftSupported false) blocks the move', () => {
  const s = walk('migration', facts({ ...READY_SUBNET, 'migration.swiftSupported': false }), {});
  assert.deepEqual(summary(s).find(([id]) => id === 'migration-plan-not-supported')!.slice(0, 2), ['migration-plan-not-supported', 'warning']);
  assert.ok(!s.findings.some((f) => f.id === 'migration-ready'));
  assert.equal(s.outcome?.kind, 'not-resolved');
});

test('on-premises: a target in no range the gateway knows asks whether the address is right or a range is missing, before any route advice', () => {
  const s = walk('onprem-routes', facts({ 's2s.exists': true, 's2s.connectionStatus': 'Connected', 's2s.bgpEnabled': false, 'onprem.prefixes': ['192.168.0.0/16'] }), {
    'onprem-routes/ask-target': { host: '10.50.1.4', port: 1433 }, 'onprem-routes/ask-tcpping': 'timeout', 'onprem-routes/ask-vm-test': true,
    'onprem-routes/ask-p2s-added-later': false, 'onprem-routes/ask-route-back': true, 'onprem-routes/ask-onprem-firewall': true,
  });
  assert.equal(s.findings[0]!.id, 'onprem-target-outside-ranges');
  assert.equal(s.findings[0]!.title, '10.50.1.4 is in no on-premises range the gateway knows: is the address right, or is a range missing?');
  assert.match(s.findings[0]!.explanation, /The on-premises ranges the gateway knows are 192\.168\.0\.0\/16/);
  const tcpping = s.path.find((entry) => entry.question === 'onprem-routes/ask-tcpping');
  assert.equal(tcpping?.answerLabel, 'No answer: it gives up after about 21 seconds', 'what tcpping showed is recorded');
});

test('on-premises: a target inside the known ranges gets no such finding, and a refused tcpping says the path works', () => {
  const inside = walk('onprem-routes', facts({ 's2s.exists': true, 's2s.connectionStatus': 'Connected', 's2s.bgpEnabled': false, 'onprem.prefixes': ['192.168.0.0/16'], 'app.routes': ['10.20.0.0/16', '192.168.0.0/16'] }), {
    'onprem-routes/ask-target': { host: '192.168.10.5', port: 1433 }, 'onprem-routes/ask-tcpping': 'timeout', 'onprem-routes/ask-vm-test': true,
    'onprem-routes/ask-p2s-added-later': false, 'onprem-routes/ask-route-back': true, 'onprem-routes/ask-onprem-firewall': true,
  });
  assert.deepEqual(inside.findings, []);
  const refused = walk('onprem-routes', facts({ 's2s.exists': true, 'onprem.prefixes': ['192.168.0.0/16'] }), {
    'onprem-routes/ask-target': { host: '192.168.10.5', port: 1433 }, 'onprem-routes/ask-tcpping': 'refused',
  });
  assert.equal(refused.outcome?.kind, 'not-resolved');
  assert.match(refused.outcome?.text ?? '', /The network path to 192\.168\.10\.5 works: the host refused the connection/);
});

test('ready to move, with NSG rules read from ARM that name the pool: each Allow rule gets the update adding the subnet, each Deny rule is named (issue 20 item 4)', () => {
  const s = walk('migration', SITUATIONS.poolRules!, { 'migration/ask-delegated': true, 'migration/ask-subnet-in-use': false, 'migration/ask-sep': false });
  const ids = s.findings.map((finding) => finding.id);
  assert.deepEqual(ids, ['integration-retiring', 'migration-benefits', 'migration-nsg-pool-rules', 'migration-nsg-pool-deny', 'migration-what-changes', 'migration-ready']);
  const rules = s.findings[2]!;
  assert.equal(rules.title, 'NSG rules of vnet-hub let the pool 172.16.200.0/24 in: add 10.20.9.0/26 to them before the switch');
  assert.deepEqual(rules.steps.map((step) => [step.text, step.command]), [[
    'In rule allow-vpn-sql of NSG nsg-data (priority 200, inbound, allow from 172.16.200.0/24, on subnet snet-data), set the sources to the ones it has plus 10.20.9.0/26.',
    `az network nsg rule update --ids /subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-data/securityRules/allow-vpn-sql --source-address-prefixes 172.16.200.0/24 10.20.9.0/26`,
  ]]);
  assert.equal(s.findings[3]!.steps[0]!.command, undefined, 'a Deny rule is a decision for a person');
  assert.match(s.findings[3]!.steps[0]!.text, /^Decide whether rule deny-vpn-smb of NSG nsg-data \(priority 300, inbound, deny from 172\.16\.200\.0\/24/);
});

test('ready to move without NSG rules read (offline): no rule step, no blank', () => {
  const { 'migration.poolAllowRules': _a, 'migration.poolAllowRuleIds': _b, 'migration.poolAllowRuleSources': _c, 'migration.poolDenyRules': _d, ...rest } = SITUATIONS.poolRules!;
  const s = walk('migration', rest, { 'migration/ask-delegated': true, 'migration/ask-subnet-in-use': false, 'migration/ask-sep': false });
  assert.deepEqual(s.findings.map((finding) => finding.id), ['integration-retiring', 'migration-benefits', 'migration-what-changes', 'migration-ready']);
});

test('a VNet in another region: the NSG rules are listed with the new VNet\'s subnet and what changes (Route All, restart, slots, the gateway) is said, though the move is not ready yet', () => {
  const s = walk('migration', { ...SITUATIONS.poolRules!, 'vnet.location': { value: 'northeurope', source: 'arm', detail: 'VNet vnet-hub' } }, { 'migration/ask-delegated': true, 'migration/ask-subnet-in-use': false, 'migration/ask-sep': false });
  assert.deepEqual(s.findings.map((finding) => finding.id), ['integration-retiring', 'migration-benefits', 'migration-blocked-cross-region', 'migration-nsg-pool-rules', 'migration-nsg-pool-deny', 'migration-what-changes']);
  assert.equal(s.findings.some((finding) => finding.id === 'migration-ready'), false, 'the new VNet and its peering come first');
  assert.match(s.findings[3]!.steps[0]!.command!, /--source-address-prefixes 172\.16\.200\.0\/24 10\.0\.0\.0\/26$/);
  assert.equal(s.outcome?.kind, 'not-resolved');
});
