import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJson } from '../../src/report/json.ts';
import { toMarkdown } from '../../src/report/markdown.ts';
import { categoryForFactKey, redactReport } from '../../src/report/redact.ts';
import type { Report } from '../../src/report/report-model.ts';
import { batchSessions, completeSession, reportOf, SUBSCRIPTION } from './support/report-sessions.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** The complete session plus strings a report can pick up from ARM errors and answers. */
function sensitiveReport(): Report {
  return reportOf([completeSession(), ...batchSessions()], {
    errors: [
      { facts: ['peering.state'], reason: `tenant ${TENANT} denied access to /subscriptions/${SUBSCRIPTION}/resourceGroups/rg-spoke-7/providers/Microsoft.Network/virtualNetworks/vnet-spoke/virtualNetworkPeerings/peer-to-hub`, source: 'GET peerings' },
      { facts: ['vnet.dnsServers'], reason: 'DNS 52.178.17.3 and 10.1.0.4 timed out; api.contoso.com unreachable from westeurope', source: 'probe' },
    ],
  });
}

const IDENTIFYING = [
  SUBSCRIPTION, TENANT, 'contoso-orders', 'rg-contoso-web', 'rg-net-hub', 'gw-hub-weu', 'sql-orders.contoso.com', 'contoso.com',
  '203.0.113.0', '172.32.10.0', '52.178.17.3', 'rg-spoke-7', 'vnet-spoke', 'peer-to-hub', 'api.contoso.com',
];

test('no identifying value survives anywhere in the redacted Markdown or JSON', () => {
  const redacted = redactReport(sensitiveReport());
  for (const output of [toMarkdown(redacted), toJson(redacted)]) {
    for (const value of IDENTIFYING) assert.ok(!output.toLowerCase().includes(value.toLowerCase()), `"${value}" is still in the output`);
  }
});

test('the same value gets the same pseudonym everywhere in the report', () => {
  const redacted = redactReport(sensitiveReport());
  const fact = (key: string) => redacted.facts.find((f) => f.key === key)!;
  const gateway = fact('gateway.name').value as string;
  const rg = fact('gateway.resourceGroup').value as string;
  assert.match(gateway, /^resource-\d+$/);
  assert.match(rg, /^rg-\d+$/);
  const pool = redacted.findings.find((f) => f.id === 'p2s-range-not-rfc1918')!;
  assert.equal(pool.steps[0]!.command, `az network vnet-gateway update --resource-group ${rg} --name ${gateway} --address-prefixes 10.250.0.0/24`);
  assert.match(fact('gateway.name').detail!, new RegExp(`^gateway /subscriptions/subscription-1/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworkGateways/${gateway}$`));
  assert.equal(redacted.target.appId, `/subscriptions/subscription-1/resourceGroups/rg-1/providers/Microsoft.Web/sites/${redacted.target.appName}`);
  const host = fact('target.host').value as string;
  assert.match(host, /^host-\d+$/);
  assert.ok(redacted.path.some((p) => p.text === `Does tcpping ${host}:1433 time out after 21 seconds?`));
  assert.deepEqual(redacted.path.find((p) => p.question === 'triage/ask-target')!.answer, { host, port: 1433 });
});

test('a different value never shares a pseudonym, and case does not make a new one', () => {
  const report = reportOf([completeSession()], { errors: [{ facts: ['x'], reason: 'GW-HUB-WEU and gw-hub-weu and gw-hub-neu' }] });
  const redacted = redactReport(report);
  const gateway = redacted.facts.find((f) => f.key === 'gateway.name')!.value as string;
  const reason = redacted.errors.find((e) => e.facts[0] === 'x')!.reason;
  const [upper, lower, other] = reason.split(' and ');
  assert.equal(upper, gateway);
  assert.equal(lower, gateway);
  assert.equal(other, 'gw-hub-neu', 'a name never seen in a name fact or ARM id is not guessed at');
});

test('private ranges, regions, ports, product words and tool identifiers are kept', () => {
  const redacted = redactReport(sensitiveReport());
  const json = toJson(redacted);
  for (const kept of ['10.250.0.0/24', '10.1.0.4', 'westeurope', '1433', 'Microsoft.Network/virtualNetworks', 'az network vnet-gateway update', 'p2s-range-not-rfc1918', 'triage/ask-pool', '"key": "gateway.name"']) {
    assert.ok(json.includes(kept), `"${kept}" should be kept`);
  }
});

test('addresses that identify nobody are kept: shared space, Azure DNS, loopback, link-local', () => {
  const report = reportOf([completeSession()], { errors: [{ facts: ['x'], reason: 'pool 100.64.0.0/24, DNS 168.63.129.16, 127.0.0.1, 169.254.169.254, mask 255.255.255.0, edge 172.32.0.1' }] });
  const reason = redactReport(report).errors[0]!.reason;
  assert.equal(reason, 'pool 100.64.0.0/24, DNS 168.63.129.16, 127.0.0.1, 169.254.169.254, mask 255.255.255.0, edge public-ip-3');
});

test('names Azure gives everyone (GatewaySubnet, default) are kept, so commands keep their meaning', () => {
  const id = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/vnet-x/subnets`;
  const report = reportOf([completeSession()], { errors: [{ facts: ['x'], reason: `${id}/GatewaySubnet and ${id}/default; use the default route` }] });
  assert.equal(redactReport(report).errors[0]!.reason,
    '/subscriptions/subscription-1/resourceGroups/rg-3/providers/Microsoft.Network/virtualNetworks/resource-3/subnets/GatewaySubnet and /subscriptions/subscription-1/resourceGroups/rg-3/providers/Microsoft.Network/virtualNetworks/resource-3/subnets/default; use the default route');
});

test('public addresses become public-ip tokens that keep the prefix length', () => {
  const redacted = redactReport(sensitiveReport());
  const pool = redacted.facts.find((f) => f.key === 'p2s.addressPool')!;
  assert.deepEqual(pool.value, ['public-ip-1/24']);
  assert.deepEqual(pool.overridden?.value, ['public-ip-2/24']);
  assert.match(redacted.errors[1]!.reason, /^DNS public-ip-\d+ and 10\.1\.0\.4 timed out; host-\d+ unreachable from westeurope$/);
});

test('GUIDs outside ARM ids are replaced too, and the report and Markdown say they are redacted', () => {
  const redacted = redactReport(sensitiveReport());
  assert.equal(redacted.redacted, true);
  assert.match(redacted.errors[0]!.reason, /^tenant guid-1 denied access to \/subscriptions\/subscription-1\/resourceGroups\/rg-\d+\/providers\/Microsoft.Network\/virtualNetworks\/resource-\d+\/virtualNetworkPeerings\/resource-\d+$/);
  assert.match(toMarkdown(redacted), /Redacted report/);
  assert.doesNotMatch(toMarkdown(sensitiveReport()), /Redacted report/);
});

test('redaction is pure and deterministic', () => {
  const report = sensitiveReport();
  const copy = structuredClone(report);
  assert.deepEqual(redactReport(report), redactReport(report));
  assert.deepEqual(report, copy);
});

test('the catalogue\'s identifying fact keys map to the right pseudonym kind; the rest are not names', () => {
  const expected: Record<string, string | undefined> = {
    'app.name': 'resource', 'app.resourceGroup': 'rg', 'app.subscriptionId': 'subscription', 'app.vnetName': 'resource',
    'app.vnetResourceGroup': 'rg', 'app.vnetSubscriptionId': 'subscription', 'plan.vnetNames': 'resource', 'gateway.name': 'resource',
    's2s.connectionName': 'resource', 'peering.remoteVnetName': 'resource', 'peering.remoteResourceGroup': 'rg', 'nsg.blockingRule': 'resource',
    'migration.freeSubnetName': 'resource', 'target.host': 'host', 'dns.testName': 'host',
    'app.location': undefined, 'gateway.sku': undefined, 'p2s.addressPool': undefined, 'target.port': undefined, 'plan.tier': undefined, 'vnet.dnsServers': undefined,
  };
  for (const [key, category] of Object.entries(expected)) assert.equal(categoryForFactKey(key), category, key);
});

// ------------------------------------------------------------- issue 11 item 18: every form, every string

const ERROR_SCOPE = (rg: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/vnet-core`;

function redactErrors(errors: Report['errors'], extra: Partial<Report> = {}): { report: Report; text: string } {
  const report = redactReport({ ...reportOf([completeSession()], { errors }), ...extra });
  return { report, text: `${toMarkdown(report)}\n${toJson(report)}`.toLowerCase() };
}

test('resource groups with parentheses and Unicode names are replaced whole', () => {
  const { report, text } = redactErrors([
    { facts: ['vnet.name'], reason: `ARM 404 for ${ERROR_SCOPE('rg-1(Prod)')}.`, source: 'GET virtualNetworks/vnet-core' },
    { facts: ['peering.state'], reason: `ARM 403 for (${ERROR_SCOPE('rg-Müller.Netz')})`, source: 'GET virtualNetworkPeerings' },
  ]);
  for (const leak of ['rg-1(prod)', '(prod)', 'rg-müller', 'müller', 'vnet-core']) assert.ok(!text.includes(leak), `"${leak}" is still in the output`);
  const reason = (fact: string) => report.errors.find((error) => error.facts[0] === fact)!.reason;
  assert.match(reason('vnet.name'), /\/resourceGroups\/rg-\d+\/providers\/Microsoft.Network\/virtualNetworks\/resource-\d+\.$/, 'the sentence\'s full stop is kept');
  assert.match(reason('peering.state'), /\/virtualNetworks\/resource-\d+\)$/, 'the closing parenthesis of the sentence is kept');
});

test('an URL-encoded or JSON-escaped scope in an ARM message leaks neither subscription nor resource group', () => {
  const encoded = encodeURIComponent(ERROR_SCOPE('rg-secret-net'));
  const escaped = JSON.stringify({ error: { message: `scope ${ERROR_SCOPE('rg-other-net')}`.replace(/\//g, '\\/') } });
  const { text } = redactErrors([
    { facts: ['nsg.name'], reason: `ARM 403 AuthorizationFailed: no access over scope 'https://management.azure.com${encoded}?api-version=2024-05-01'` },
    { facts: ['vnet.dnsServers'], reason: `ARM said ${escaped}` },
  ]);
  for (const leak of [SUBSCRIPTION, 'rg-secret-net', 'rg-other-net', 'vnet-core']) assert.ok(!text.includes(leak.toLowerCase()), `"${leak}" is still in the output`);
});

test('e-mail addresses in errors are replaced', () => {
  const { report, text } = redactErrors([{ facts: ['vnet.name'], reason: "The client 'jane.doe@contoso.com' with object id 'x' does not have authorization" }]);
  assert.ok(!text.includes('jane.doe'), 'the e-mail address is still in the output');
  assert.match(report.errors.find((error) => error.reason.startsWith('The client'))!.reason, /'email-\d+'/);
});

test('a failed read leaks no name through its source line or provenance', () => {
  const { text } = redactErrors([{ facts: ['vnet.name'], reason: 'ARM 500 InternalServerError', source: 'GET virtualNetworks/vnet-payments-prod' }], {});
  assert.ok(!text.includes('vnet-payments-prod'));
  const report = reportOf([completeSession()]);
  const withDetail: Report = { ...report, facts: [...report.facts, { key: 'migration.freeSubnetPrefix', value: '10.1.2.0/26', source: 'arm', detail: 'subnet snet-app-integration' }, { key: 'gateway.exists', value: true, source: 'arm', detail: 'gateways in resource group rg-network-weu' }] };
  const redacted = `${toMarkdown(redactReport(withDetail))}${toJson(redactReport(withDetail))}`;
  for (const leak of ['snet-app-integration', 'rg-network-weu']) assert.ok(!redacted.includes(leak), `"${leak}" is still in the output`);
});

test('the tool\'s own constants in explanations are never rewritten', () => {
  const report = reportOf([completeSession()]);
  const explanation = 'RFC 1918 ends at 172.31.255.255: 172.32.0.0 and above is public space, as is 8.8.8.8.';
  const withConstant: Report = { ...report, findings: [{ ...report.findings[0]!, explanation }] };
  assert.equal(redactReport(withConstant).findings[0]!.explanation, explanation);
});

test('a Unicode resource group is replaced in facts, provenance, quoted commands and encoded URLs', () => {
  const report = reportOf([completeSession()], { errors: [{ facts: ['gateway.name'], reason: 'ARM 403 on https://management.azure.com/subscriptions/x/resourceGroups/rg-M%C3%BCller.Netz/providers?api-version=1' }] });
  const rg = 'rg-Müller.Netz';
  const withUnicode: Report = {
    ...report,
    facts: [...report.facts, { key: 'app.vnetResourceGroup', value: rg, source: 'arm', detail: `gateways in resource group ${rg}` }],
    findings: [{ ...report.findings[0]!, steps: [{ kind: 'az', text: `Read the gateways of ${rg}.`, command: `az network vnet-gateway list -g '${rg}'` }] }],
  };
  const redacted = redactReport(withUnicode);
  const text = `${toMarkdown(redacted)}${toJson(redacted)}`;
  for (const leak of ['Müller', 'M%C3%BCller', 'M\\u00fcller']) assert.ok(!text.includes(leak), `"${leak}" is still in the output`);
  assert.match(redacted.findings[0]!.steps[0]!.command!, /^az network vnet-gateway list -g 'rg-\d+'$/);
});

test('a name read from an error sentence is replaced there, and a misread word never changes the flows\' texts', () => {
  const report = reportOf([completeSession()], { errors: [{ facts: ['peering.state'], reason: 'update failed: gateway transit is off on VNet spoke-vnet-7 (rule AllowVnetInBound)' }] });
  const explanation = 'Allow gateway transit on the peering; the subnet and the gateway must be in the same VNet.';
  const redacted = redactReport({ ...report, findings: [{ ...report.findings[0]!, explanation }] });
  assert.equal(redacted.findings[0]!.explanation, explanation);
  assert.match(redacted.errors.find((error) => error.facts[0] === 'peering.state')!.reason, /^update failed: gateway transit is off on VNet resource-\d+ \(rule AllowVnetInBound\)$/);
});

test('ARM\'s own not-found and authorization messages lose the names they quote', () => {
  const { text } = redactErrors([
    { facts: ['vnet.name'], reason: "ARM 404 ResourceNotFound: The Resource 'Microsoft.Network/virtualNetworks/vnet-ledger' under resource group 'rg-ledger-prod' was not found." },
    { facts: ['nsg.name'], reason: 'ARM 403: the client does not have authorization to perform action \'Microsoft.Network/networkSecurityGroups/read\' over scope \'/subscriptions/0b7e6f35-1c3a-4a55-9d1e-2f0c6b8a9d41/resourceGroups/rg-sec(EU)/providers/Microsoft.Network/networkSecurityGroups/nsg-ledger\'' },
  ]);
  for (const leak of ['vnet-ledger', 'rg-ledger-prod', '0b7e6f35-1c3a-4a55-9d1e-2f0c6b8a9d41', 'rg-sec', 'nsg-ledger']) assert.ok(!text.includes(leak), `"${leak}" is still in the output`);
});
