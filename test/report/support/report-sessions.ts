/**
 * Fixture flows and sessions for the report tests: two small flows whose steps carry real-looking
 * names (resource group, gateway, NSG, host, public and private ranges) so exporters and
 * redaction are tested on what customers' reports will hold. Independent of the shipped flows.
 */
import { buildFlowSet } from '../../../src/engine/load.ts';
import { createEngine, type EngineState } from '../../../src/engine/engine.ts';
import type { Fact, Facts, FactValue, FlowSet } from '../../../src/engine/types.ts';
import { buildReport, type ReportInput } from '../../../src/report/build-report.ts';
import type { Report } from '../../../src/report/report-model.ts';

const FACTS = `
facts:
  session.today: { type: date, label: "today's date" }
  app.name: { type: text, label: app name }
  app.resourceGroup: { type: text, label: resource group }
  app.subscriptionId: { type: text, label: subscription id }
  app.integrationType: { type: choice, values: [gateway-required, regional, none], label: integration type }
  gateway.name: { type: text, label: gateway name }
  gateway.resourceGroup: { type: text, label: gateway resource group }
  p2s.addressPool: { type: cidr-list, label: point-to-site address pool }
  target.host: { type: hostname, label: target host }
  target.port: { type: port, label: target port }
  nsg.name: { type: text, label: network security group name }
  nsg.blocksP2s: { type: yes-no, label: whether an NSG rule blocks the pool }
  dns.resolves: { type: yes-no, label: whether the name resolves }
`;

const FINDINGS = `
findings:
  integration-retiring: { severity: warning, title: Retiring }
  p2s-range-not-rfc1918: { severity: error, title: Not RFC 1918 }
  nsg-blocks-p2s-range: { severity: error, title: NSG blocks }
  tcp-timeout-firewall: { severity: error, title: Timeout }
  dns-changed-sync-required: { severity: warning, title: Sync }
  regional-integration-in-use: { severity: info, title: Regional }
`;

const CONNECTIVITY = `
id: triage
title: Connectivity
summary: Why the app cannot reach a host.
entry: ask-type
nodes:
  ask-type:
    kind: question
    text: Which VNet integration does {{app.name}} use?
    answer: choice
    fact: app.integrationType
    options:
      - { value: gateway-required, label: Gateway-required, next: retiring }
      - { value: regional, label: Regional, next: regional }
      - { value: none, label: None, next: done }
    unknown: retiring
  regional:
    kind: finding
    finding: regional-integration-in-use
    title: "{{app.name}} uses regional integration"
    explanation: This tool covers gateway-required integration only.
    steps:
      - { kind: manual, text: Troubleshoot regional integration instead }
  retiring:
    kind: finding
    finding: integration-retiring
    title: Gateway-required integration is retiring
    explanation: Plan the move to regional integration.
    steps:
      - { kind: portal, text: Open the networking page, command: "{{app.name}} > Networking > VNet integration" }
    next: ask-pool
  ask-pool:
    kind: question
    text: Which address pool does gateway {{gateway.name}} hand out?
    answer: cidr-list
    fact: p2s.addressPool
    next: check-pool
    unknown: ask-target
  check-pool:
    kind: check
    when: { fact: p2s.addressPool, rfc1918: true }
    then: ask-target
    else: pool-public
    unknown: ask-target
  pool-public:
    kind: finding
    finding: p2s-range-not-rfc1918
    title: "The pool {{p2s.addressPool | list}} is not private"
    explanation: "Gateway {{gateway.name}} must hand out an RFC 1918 range | pipes and *stars* stay literal."
    steps:
      - kind: az
        text: "Give {{gateway.name}} a private pool"
        command: "az network vnet-gateway update --resource-group {{gateway.resourceGroup}} --name {{gateway.name}} --address-prefixes 10.250.0.0/24"
    next: ask-target
  ask-target:
    kind: question
    text: Which host and port does {{app.name}} fail to reach?
    answer: host-port
    fact: target
    next: ask-nsg
  ask-nsg:
    kind: question
    text: Does NSG {{nsg.name}} block the pool?
    answer: yes-no
    fact: nsg.blocksP2s
    yes: nsg-blocks
    no: ask-timeout
    unknown: ask-timeout
  nsg-blocks:
    kind: finding
    finding: nsg-blocks-p2s-range
    title: An NSG blocks the pool
    explanation: Allow the pool through.
    steps:
      - kind: powershell
        text: Show the rules
        command: "Get-AzNetworkSecurityGroup -ResourceGroupName {{app.resourceGroup}} -Name {{nsg.name}}"
    next: ask-timeout
  ask-timeout:
    kind: question
    text: Does tcpping {{target.host}}:{{target.port}} time out after 21 seconds?
    answer: yes-no
    yes: timeout
    no: done
  timeout:
    kind: finding
    finding: tcp-timeout-firewall
    title: Packets to {{target.host}} are dropped
    explanation: Something between the gateway and {{target.host}} drops the traffic.
    steps:
      - { kind: kudu, text: Test from the Kudu console, command: "tcpping {{target.host}}:{{target.port}}" }
      - { kind: powershell, text: Test from a VM in the VNet, command: "Test-NetConnection -ComputerName {{target.host}} -Port {{target.port}}" }
    next: done
  done:
    kind: end
    outcome: resolved
`;

const DNS = `
id: dns
title: DNS
summary: Name resolution.
entry: retiring
nodes:
  retiring:
    kind: finding
    finding: integration-retiring
    title: Retiring (second copy, must not appear)
    explanation: Duplicate.
    steps:
      - { kind: manual, text: Duplicate step }
    next: ask-sync
  ask-sync:
    kind: question
    text: Was the network synced after the DNS change on {{app.name}}?
    answer: yes-no
    yes: ask-resolve
    no: sync
  sync:
    kind: finding
    finding: dns-changed-sync-required
    title: Sync the network
    explanation: The app keeps the old DNS servers until a sync.
    steps:
      - { kind: manual, text: Press Sync Network on the plan }
    next: ask-resolve
  ask-resolve:
    kind: question
    text: Does nameresolver {{target.host}} return an address?
    answer: yes-no
    fact: dns.resolves
    yes: done
    no: done
  done:
    kind: end
    outcome: pass
`;

export function reportFlowSet(): FlowSet {
  const { flowSet, diagnostics } = buildFlowSet({
    flows: [{ path: 'triage.yaml', text: CONNECTIVITY }, { path: 'dns.yaml', text: DNS }],
    facts: { path: 'facts.yaml', text: FACTS },
    findings: { path: 'findings.yaml', text: FINDINGS },
  });
  if (!flowSet) throw new Error(diagnostics.map((d) => `${d.file}:${d.line} ${d.node ?? ''} ${d.message}`).join('\n'));
  return flowSet;
}

export const SUBSCRIPTION = '6f1d2c3b-4a59-4e8f-9b0a-1c2d3e4f5a6b';
export const APP_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-contoso-web/providers/Microsoft.Web/sites/contoso-orders`;
export const NOW = new Date('2026-11-25T10:30:00.000Z');

const arm = (value: FactValue, detail: string): Fact => ({ value, source: 'arm', detail });

/** What ARM said about the app: a public pool, and an NSG that could not be read. */
export const ARM_FACTS: Facts = {
  'session.today': { value: '2026-11-25', source: 'derived', detail: 'system clock' },
  'app.name': arm('contoso-orders', `site ${APP_ID}`),
  'app.resourceGroup': arm('rg-contoso-web', 'site contoso-orders'),
  'app.subscriptionId': arm(SUBSCRIPTION, 'site contoso-orders'),
  'app.integrationType': arm('gateway-required', 'virtualNetworkConnections of contoso-orders'),
  'gateway.name': arm('gw-hub-weu', `gateway /subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net-hub/providers/Microsoft.Network/virtualNetworkGateways/gw-hub-weu`),
  'gateway.resourceGroup': arm('rg-net-hub', 'gateway gw-hub-weu'),
  'p2s.addressPool': arm(['172.32.10.0/24'], 'gateway gw-hub-weu vpnClientAddressPool'),
  'nsg.name': { value: null, source: 'arm', reason: 'ARM 403 Forbidden: no read access to rg-net-hub', detail: 'GET networkSecurityGroups in rg-net-hub' },
};

const TARGET = { host: 'sql-orders.contoso.com', port: 1433 };

/** The report of sessions over the report flows (the engine they ran on is the report's too). */
export const reportOf = (sessions: EngineState[], extra: Partial<ReportInput> = {}): Report =>
  buildReport({ engine: createEngine(reportFlowSet()), sessions, target: { mode: 'arm', appId: APP_ID, appName: 'contoso-orders' }, now: NOW, version: '0.1.0-test', ...extra });

/**
 * A finished wizard session: ARM facts, the user overrides the pool ARM reported with their own,
 * answers "don't know" about the NSG, and the timeout finding fires.
 */
export function completeSession(flows = reportFlowSet()): EngineState {
  const { start, answer, override } = createEngine(flows);
  let s = start(ARM_FACTS, {}, { flow: 'triage' });
  s = answer(s, TARGET);
  s = override(s, 'p2s.addressPool');
  s = answer(s, ['203.0.113.0/24']);
  s = answer(s, TARGET);
  s = answer(s, null);
  s = answer(s, true);
  return s;
}

/** A session the user stopped while the NSG question was pending (offline: no ARM facts). */
export function interruptedSession(flows = reportFlowSet()): EngineState {
  const { start, answer } = createEngine(flows);
  let s = start({ 'session.today': { value: '2026-11-25', source: 'derived' } }, {}, { flow: 'triage' });
  s = answer(s, 'gateway-required');
  s = answer(s, ['10.99.0.0/24']);
  s = answer(s, { host: '10.20.30.40', port: 443 });
  return s;
}

/** Batch: one session per flow; the DNS flow stops on a "don't know" with nowhere to go. */
export function batchSessions(flows = reportFlowSet()): EngineState[] {
  const { start, answer } = createEngine(flows);
  const connectivity = answer(answer(answer(start(ARM_FACTS, {}, { flow: 'triage' }), TARGET), false), false);
  let dns = start(ARM_FACTS, {}, { flow: 'dns' });
  dns = answer(answer(dns, false), null);
  return [connectivity, dns];
}
