/**
 * Finding ids and question ids are an interface: reports, scripts and answers files name them.
 * These lists only grow; a test that fails here means a rename that would break a user's file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowSet } from './shipped.ts';

/** The finding ids published with the first flow format (issue 3 lists them as stable). */
const PUBLISHED_FINDINGS = `
  app-is-linux app-is-windows-container plan-tier-unsupported plan-vnet-limit no-vnet-integration
  regional-integration-in-use gateway-missing gateway-policy-based p2s-not-configured sstp-not-enabled
  ikev2-enabled-non-basic p2s-range-not-rfc1918 gateway-not-running expressroute-gateway coexistence-gateway
  certificates-out-of-sync dns-changed-sync-required sync-cross-subscription onprem-routes-missing-p2s
  bgp-routes-not-propagated plan-route-missing peering-gateway-transit-missing peering-remote-gateways-missing
  peering-route-missing tcp-timeout-firewall dns-unreachable target-host-down wrong-host-or-port
  nsg-blocks-p2s-range service-endpoint-resource keyvault-reference-network-protected integration-retiring
  certificate-expiring certificate-expired sstp-connection-limit openvpn-blocks-sstp
  migration-blocked-cross-region migration-blocked-classic-vnet migration-subnet-missing
  migration-subnet-too-small migration-plan-split-needed`.trim().split(/\s+/);

/** Question ids support engineers put in answers files for the common cases. */
const PUBLISHED_QUESTIONS = [
  'triage/ask-symptom', 'eligibility/ask-second-vnet', 'firewall-timeout/ask-tcpping', 'firewall-timeout/ask-vm-test',
  'firewall-timeout/ask-listening', 'firewall-timeout/ask-host-firewall', 'dns/ask-nameresolver', 'dns/ask-vm-dns',
  'gateway-down/ask-health', 'gateway-setup/ask-connections', 'onprem-routes/ask-vm-test', 'onprem-routes/ask-route-back',
  'onprem-routes/ask-p2s-added-later', 'onprem-routes/ask-onprem-firewall', 'peering/ask-target-location',
];

test('no published finding id has been renamed or removed', () => {
  assert.deepEqual(PUBLISHED_FINDINGS.filter((id) => !Object.hasOwn(flowSet.findings, id)), []);
});

test('the question ids answers files rely on still exist as questions', () => {
  const questions = Object.values(flowSet.flows).flatMap((flow) =>
    Object.entries(flow.nodes).filter(([, node]) => node.kind === 'question').map(([id]) => `${flow.id}/${id}`));
  assert.deepEqual(PUBLISHED_QUESTIONS.filter((id) => !questions.includes(id)), []);
});
