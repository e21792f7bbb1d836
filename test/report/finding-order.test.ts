/**
 * Findings in the order to act on them, on the findings screen and in the report: severity first,
 * then today's cause before the general notices (retirement, migration advice) that every
 * gateway-required app gets, although the retirement flow runs early in triage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GENERAL_NOTICES, orderFindings } from '../../src/report/finding-order.ts';
import { findingsPage } from '../../src/ui/findings-lines.ts';
import { facts, flowSet, walk } from '../flows/shipped.ts';
import { batchSessions, reportOf } from './support/report-sessions.ts';

const GENERAL_FLOWS = ['retirement', 'migration'];
const recorded = (flows: readonly string[]) => new Set(flows.flatMap((flow) => Object.values(flowSet.flows[flow]!.nodes)
  .flatMap((node) => (node.kind === 'finding' ? [node.finding] : []))));

test('the general notices are exactly the findings of the retirement and migration flows, and no other flow records one', () => {
  assert.deepEqual([...GENERAL_NOTICES].sort(), [...recorded(GENERAL_FLOWS)].sort());
  const elsewhere = recorded(Object.keys(flowSet.flows).filter((flow) => !GENERAL_FLOWS.includes(flow)));
  assert.deepEqual([...GENERAL_NOTICES].filter((id) => elsewhere.has(id)), []);
  for (const id of GENERAL_NOTICES) assert.ok(flowSet.findings[id], `${id} is in the finding catalogue`);
});

test('after a change, the findings screen shows the Sync Network warning before the retirement notice found first', () => {
  const eligible = { 'eligibility/ask-second-vnet': false, 'eligibility/ask-service-endpoint': false, 'eligibility/ask-keyvault': false };
  const state = walk('triage', facts(), {
    ...eligible, 'triage/ask-symptom': 'after-change', 'triage/ask-change': 'address-space', 'gateway-down/ask-health': true, 'gateway-setup/ask-connections': 10,
  });
  assert.deepEqual(state.findings.map((f) => f.id), ['integration-retiring', 'recent-change-sync-required'], 'found in this order');
  const titles = findingsPage(state, 200).lines.filter((line) => line.label !== undefined).map((line) => `${line.label}${line.text}`);
  assert.deepEqual(titles, [
    'WARNING 1. vnet-hub or its gateway changed after the app last received its settings',
    `WARNING 2. ${state.findings[0]!.title}`,
  ]);
});

test('the report puts the DNS warning of today before the retirement warning, and errors before both', () => {
  const report = reportOf(batchSessions());
  assert.deepEqual(report.findings.map((f) => [f.severity, f.id]), [
    ['error', 'p2s-range-not-rfc1918'],
    ['warning', 'dns-changed-sync-required'],
    ['warning', 'integration-retiring'],
  ]);
});

test('a general error still comes before a specific warning; equal findings keep the order they were found in', () => {
  const found = [
    { id: 'integration-retired', severity: 'error' as const },
    { id: 'migration-benefits', severity: 'info' as const },
    { id: 'dns-name-not-found', severity: 'warning' as const },
    { id: 'regional-integration-in-use', severity: 'info' as const },
    { id: 'nsg-blocks-p2s-range', severity: 'error' as const },
    { id: 'app-dns-override', severity: 'warning' as const },
  ];
  assert.deepEqual(orderFindings(found).map((f) => f.id), [
    'nsg-blocks-p2s-range', 'integration-retired', 'dns-name-not-found', 'app-dns-override', 'regional-integration-in-use', 'migration-benefits',
  ]);
  assert.equal(found[0]!.id, 'integration-retired', 'the input is not reordered');
});
