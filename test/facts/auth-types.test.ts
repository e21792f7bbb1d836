/**
 * Issue 20 item 2: point-to-site authentication types are read, not assumed. Real gateway bodies
 * often omit `vpnAuthenticationTypes` (REST spec example VirtualNetworkGatewayGet, 2024-07-01, sends
 * `radiusServers` alone); the types come from the fields present, and nothing to go by is unknown.
 * Several types need OpenVPN, which cannot run next to SSTP, so adding certificates is no fix
 * (learn.microsoft.com/azure/vpn-gateway/howto-point-to-site-multi-auth).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authenticationTypes } from '../../src/facts/arm/map-gateway.ts';
import { facts, walk } from '../flows/shipped.ts';

test('the REST spec example gateway (radiusServers, no types listed) reads as RADIUS, not Certificate', () => {
  // vpnClientConfiguration exactly as in specification/network/.../2024-07-01/examples/VirtualNetworkGatewayGet.json
  const spec = { vpnClientProtocols: ['OpenVPN'], vpnClientRootCertificates: [], vpnClientRevokedCertificates: [], radiusServers: [{ radiusServerAddress: '10.1.0.0', radiusServerScore: 20 }] };
  assert.deepEqual(authenticationTypes(spec), ['Radius']);
});

test('types are inferred from each field, listed types win, and no evidence is unknown', () => {
  assert.deepEqual(authenticationTypes({ radiusServerAddress: '10.1.0.4' }), ['Radius']);
  assert.deepEqual(authenticationTypes({ aadTenant: 'https://login.microsoftonline.com/t/', aadAudience: 'a' }), ['AAD']);
  assert.deepEqual(authenticationTypes({ vpnClientRootCertificates: [{ publicCertData: 'MIIB' }], aadAudience: 'a' }), ['Certificate', 'AAD']);
  assert.deepEqual(authenticationTypes({ vpnAuthenticationTypes: ['Certificate'], radiusServerAddress: '10.1.0.4' }), ['Certificate']);
  assert.equal(authenticationTypes({ vpnClientRootCertificates: [] }), undefined);
  assert.equal(authenticationTypes(undefined), undefined);
});

test('no certificate authentication: the fix is certificate-only with SSTP, another gateway or migration, never "add certificates"', () => {
  const s = walk('gateway-setup', facts({ 'p2s.authTypes': ['Radius'] }), { 'gateway-setup/ask-connections': 10 });
  const finding = s.findings.find((f) => f.id === 'p2s-no-certificate-auth')!;
  assert.match(finding.explanation, /needs OpenVPN, and OpenVPN cannot run next to\s+SSTP/);
  assert.doesNotMatch(finding.explanation, /keep working/);
  assert.deepEqual(finding.steps.map((step) => step.command), [
    'az network vnet-gateway update -g rg-net -n gw-hub --vpn-auth-type Certificate --client-protocol SSTP --subscription 5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b',
    'App Service plan > Networking > VNet integration > vnet-hub > Sync Network',
    'vnet-doctor <target flags> --flow migration',
  ]);
  assert.ok(!s.findings.some((f) => f.id === 'p2s-multiple-auth-types'), 'one finding for one cause');
});

test('certificate plus another type: the gateway cannot offer SSTP, as configured', () => {
  const s = walk('gateway-setup', facts({ 'p2s.authTypes': ['Certificate', 'AAD'] }), { 'gateway-setup/ask-connections': 10 });
  assert.deepEqual(s.findings.map((f) => [f.id, f.severity]), [['p2s-multiple-auth-types', 'error']]);
  assert.equal(s.findings[0]!.title, 'Point-to-site on gw-hub uses several authentication types (Certificate, AAD), so it cannot offer SSTP');
  assert.equal(s.outcome?.kind, 'resolved');
  assert.deepEqual(walk('gateway-setup', facts({ 'p2s.authTypes': ['Certificate'] }), { 'gateway-setup/ask-connections': 10 }).findings, []);
});
