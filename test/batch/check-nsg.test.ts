/** check reads the NSG of the target's subnet once the answers name a target address inside the VNet. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { Output } from '../../src/cli/output.ts';
import { nsgLookupFor } from '../../src/facts/nsg-lookup.ts';

const NOW = () => new Date('2026-11-25T10:00:00Z');

async function check(answers: string) {
  const path = join(mkdtempSync(join(tmpdir(), 'vnet-doctor-nsg-')), 'answers.yaml');
  writeFileSync(path, answers);
  const stdout: string[] = [];
  const out: Output = { print: (text) => stdout.push(text), error: () => {} };
  const code = await checkCommand({ demo: 'nsg-blocks-p2s', flow: 'firewall-timeout', answers: path, format: 'json' }, out, { now: NOW });
  return { code, report: JSON.parse(stdout.join('\n')) };
}

const PATH_TO_NSG = '  firewall-timeout/ask-tcpping: timeout\n  firewall-timeout/ask-vm-test: yes\n  gateway-down/ask-health: yes\n';

test('a target address inside the VNet lets ARM decide the NSG question, naming the NSG and its rule', async () => {
  const { code, report } = await check(`answers:\n  firewall-timeout/ask-target: 10.10.1.4:1433\n${PATH_TO_NSG}`);
  assert.equal(code, 1);
  const finding = report.findings.find((f: { id: string }) => f.id === 'nsg-blocks-p2s-range');
  assert.ok(finding, 'the NSG finding comes from ARM, not from an answer');
  assert.match(finding.title, /nsg-data.*deny-vpn-clients-sql/);
  const asked = report.path.find((entry: { question: string }) => entry.question === 'firewall-timeout/ask-nsg');
  assert.equal(asked.auto.source, 'arm');
});

test('the same NSG allows another port, so no NSG finding', async () => {
  const { report } = await check(`answers:\n  firewall-timeout/ask-target: 10.10.1.4:443\n${PATH_TO_NSG}`);
  assert.equal(report.findings.some((f: { id: string }) => f.id === 'nsg-blocks-p2s-range'), false);
});

test('an NSG lookup is due only for a target address inside the VNet with a port, and only once', () => {
  const facts = (values: Record<string, unknown>) => (key: string) => values[key] as never;
  const vnet = { 'vnet.addressSpace': ['10.10.0.0/16'], 'target.port': 1433 };
  assert.deepEqual(nsgLookupFor(facts({ ...vnet, 'target.host': '10.10.1.4' })), { ip: '10.10.1.4', port: 1433 });
  assert.equal(nsgLookupFor(facts({ ...vnet, 'target.host': '10.20.1.4' })), undefined, 'outside the VNet');
  assert.equal(nsgLookupFor(facts({ ...vnet, 'target.host': 'db.contoso.local' })), undefined, 'a name, not an address');
  assert.deepEqual(nsgLookupFor(facts({ ...vnet, 'target.host': 'db.contoso.local', 'target.ip': '10.10.2.5' })), { ip: '10.10.2.5', port: 1433 });
  assert.equal(nsgLookupFor(facts({ ...vnet, 'target.host': '10.10.1.4', 'nsg.blocksP2s': false })), undefined, 'already known');
});
