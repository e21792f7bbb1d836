/**
 * Issue 20 item 10: probes say where they ran. Kudu runs a command on one instance
 * (learn.microsoft.com/azure/app-service/resources-kudu); an app on several instances has one tunnel
 * per instance, so --probe lists them (ARM sites/{app}/instances, the real SDK against the emulator)
 * and reads WEBSITE_PRIVATE_IP on each (?instance=), reporting per instance.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { checkWithProbe } from './support.ts';

const TIMEOUT = { tcpping: { 'sql01.contoso.local:1433': 'timeout' as const }, nameresolver: {}, privateIp: '172.16.200.5' };

test('an app on two instances: WEBSITE_PRIVATE_IP is read on each, and the one without a tunnel is named', async () => {
  const healthy = loadScenario('healthy');
  const app = healthy.target.app;
  const instance = (name: string) => ({ id: `${app}/instances/${name}`, name, type: 'Microsoft.Web/sites/instances', properties: { state: 'READY' } });
  const scenario = { ...healthy, resources: [...healthy.resources, instance('a1b2c3d4e5'), instance('f6e7d8c9b0')] };
  const run = await checkWithProbe({ ...TIMEOUT, privateIpByInstance: { a1b2c3d4e5: '172.16.200.5', f6e7d8c9b0: null } }, { scenario });
  const fact = (key: string) => run.report.facts.find((item) => item.key === key);
  assert.deepEqual(fact('probe.privateIpByInstance')?.value, ['instance a1b2c3d4e5: 172.16.200.5', 'instance f6e7d8c9b0: WEBSITE_PRIVATE_IP not set']);
  assert.deepEqual(fact('probe.instancesWithoutTunnel')?.value, ['f6e7d8c9b0']);
  assert.ok(run.kudu.requests.filter((request) => request.command === 'cmd /c echo %WEBSITE_PRIVATE_IP%').length >= 3, 'once per instance, and once where Kudu picks');
  assert.match(String(fact('probe.tcpping')?.detail), /\(Kudu, on one instance\)/);
  assert.ok(run.report.findings.some((finding) => finding.id === 'tunnel-down-some-instances'), 'the instance without a tunnel is a finding');
});

test('an app on one instance (or whose instances cannot be listed) is probed once, as before', async () => {
  const run = await checkWithProbe(TIMEOUT);
  assert.equal(run.report.facts.find((item) => item.key === 'probe.privateIpByInstance'), undefined);
});
