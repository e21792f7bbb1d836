/**
 * Issue 20 item 5: DNS as App Service does it (learn.microsoft.com/azure/app-service/overview-name-resolution).
 * WEBSITE_DNS_ALT_SERVER is a fallback appended after the app's servers, not an override; the site's
 * own dnsConfiguration.dnsServers (read with the site's plain GET, by default) replace the VNet's;
 * each attempt waits dnsRetryAttemptTimeout seconds (3 by default); a Windows site still on the
 * legacy sort order uses the first two of the VNet's servers, sorted (App Service blog, 2024-01-09).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dnsSettingFacts } from '../../src/facts/arm/map-dns-settings.ts';
import { siteFacts } from '../../src/facts/arm/map-app.ts';
import { engine, facts, walk } from '../flows/shipped.ts';
import type { Facts } from '../../src/engine/types.ts';

/** A fact as the engine derives it from these facts (code and catalogue derivations alike). */
const derive = (values: Facts, key: string) => engine.resolveFact(engine.start(values), key)?.value;

test('WEBSITE_DNS_ALT_SERVER alone is a fallback, not an override', () => {
  const alt = dnsSettingFacts('app', { WEBSITE_DNS_ALT_SERVER: '10.0.0.9', OTHER_SECRET: 'x' });
  assert.equal(alt['app.dnsOverride']!.value, false);
  assert.equal(alt['app.settingDnsAltServer']!.value, '10.0.0.9');
  const both = dnsSettingFacts('app', { WEBSITE_DNS_SERVER: '10.0.0.8', WEBSITE_DNS_ALT_SERVER: '10.0.0.9' });
  assert.equal(both['app.dnsOverride']!.value, true);
  // The VNet's servers, then the fallback; with WEBSITE_DNS_SERVER, it replaces the VNet's.
  assert.deepEqual(derive({ ...facts({ 'vnet.dnsServers': ['10.20.0.4'], 'app.dnsServers': ['10.20.0.4'] }), ...alt }, 'app.dnsServersInUse'), ['10.20.0.4', '10.0.0.9']);
  assert.deepEqual(derive({ ...facts(), ...both }, 'app.dnsServersInUse'), ['10.0.0.8', '10.0.0.9']);
});

test("the site's dnsConfiguration is read from the site itself: servers, alternate, timeout, legacy sort", () => {
  const read = siteFacts({
    location: 'West Europe', kind: 'app',
    dnsConfiguration: { dnsServers: ['10.30.0.4', '10.30.0.5'], dnsAltServer: '168.63.129.16', dnsRetryAttemptTimeout: 5, dnsLegacySortOrder: false },
  } as never).facts;
  assert.deepEqual(read['app.siteDnsServers']!.value, ['10.30.0.4', '10.30.0.5']);
  assert.equal(read['app.siteDnsAltServer']!.value, '168.63.129.16');
  assert.equal(read['app.dnsRetryTimeoutSeconds']!.value, 5);
  assert.equal(read['app.dnsLegacySortOrder']!.value, false);
  assert.equal(siteFacts({ location: 'West Europe' } as never).facts['app.siteDnsServers'], undefined, 'no dnsConfiguration: not known');
  const values = { ...facts(), ...read };
  assert.deepEqual(derive(values, 'app.dnsServersInUse'), ['10.30.0.4', '10.30.0.5', '168.63.129.16']);
  assert.equal(derive(values, 'app.dnsTimeoutSeconds'), 5);
  assert.equal(derive(facts(), 'app.dnsTimeoutSeconds'), 3, 'the documented default');
});

test("the site's own servers are named when a lookup times out, before any question about app settings", () => {
  const s = walk('dns', facts({ 'app.siteDnsServers': ['10.30.0.4'] }), { 'dns/ask-name': 'db.contoso.local', 'dns/ask-dns-changed': false, 'dns/ask-nameresolver': 'timeout', 'dns/ask-vm-dns': true });
  const finding = s.findings.find((f) => f.id === 'app-dns-override')!;
  assert.equal(finding.title, 'app-orders asks its own DNS servers (10.30.0.4), not those of vnet-hub');
  assert.ok(!s.path.some((step) => step.question === 'dns/ask-dns-override'));
});

test('a legacy-sorted Windows site with three VNet servers: the two it uses are named, and the one it never asks', () => {
  const s = walk('dns', facts({ 'vnet.dnsServers': ['10.20.0.6', '10.20.0.4', '10.20.0.5'], 'app.dnsServers': ['10.20.0.6', '10.20.0.4', '10.20.0.5'], 'app.dnsLegacySortOrder': true }), {
    'dns/ask-name': 'db.contoso.local', 'dns/ask-dns-changed': false, 'dns/ask-nameresolver': 'resolves',
  });
  const finding = s.findings.find((f) => f.id === 'dns-legacy-sort-two-servers')!;
  assert.equal(finding.title, 'app-orders asks only 10.20.0.4, 10.20.0.5 of the VNet\'s DNS servers; 10.20.0.6 never');
  assert.deepEqual(finding.steps.map((step) => step.command), ['nameresolver db.contoso.local 10.20.0.4', 'nameresolver db.contoso.local 10.20.0.5', undefined]);
  const linux = walk('dns', facts({ 'app.isLinux': true, 'vnet.dnsServers': ['10.20.0.6', '10.20.0.4', '10.20.0.5'], 'app.dnsLegacySortOrder': true }), {
    'dns/ask-name': 'db.contoso.local', 'dns/ask-dns-changed': false, 'dns/ask-nameresolver': 'resolves',
  });
  assert.ok(!linux.findings.some((f) => f.id === 'dns-legacy-sort-two-servers'), 'Linux never sorted');
  const current = walk('dns', facts({ 'vnet.dnsServers': ['10.20.0.6', '10.20.0.4', '10.20.0.5'], 'app.dnsLegacySortOrder': false }), {
    'dns/ask-name': 'db.contoso.local', 'dns/ask-dns-changed': false, 'dns/ask-nameresolver': 'resolves',
  });
  assert.ok(!current.findings.some((f) => f.id === 'dns-legacy-sort-two-servers'));
});
