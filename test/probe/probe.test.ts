import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScenario, type Scenario } from '../../src/emulator/scenarios.ts';
import { startEmulator } from '../../src/emulator/server.ts';
import { startKudu } from '../../src/emulator/kudu.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { probeApp } from '../../src/probe/probe-app.ts';
import { checkWithProbe, TOKEN } from './support.ts';

const TIMEOUT_AND_NXDOMAIN = { tcpping: { 'sql01.contoso.local:1433': 'timeout' as const }, nameresolver: { 'api.contoso.local': { outcome: 'not-found' as const } }, privateIp: '172.16.200.5' };

test('check --probe answers the tcpping and nameresolver questions from Kudu: firewall timeout and missing DNS record found, nothing asked', async () => {
  const run = await checkWithProbe(TIMEOUT_AND_NXDOMAIN);
  assert.equal(run.code, 1, run.stderr);
  const ids = run.report.findings.map((finding) => finding.id);
  assert.ok(ids.includes('tcp-timeout-firewall'), ids.join(', '));
  assert.ok(ids.includes('dns-name-not-found'), ids.join(', '));
  const open = run.report.openQuestions.map((question) => question.question);
  assert.ok(!open.includes('firewall-timeout/ask-tcpping') && !open.includes('dns/ask-nameresolver'), open.join(', '));
  const probed = Object.fromEntries(run.report.facts.filter((fact) => fact.source === 'probe').map((fact) => [fact.key, fact.value]));
  assert.deepEqual(probed, { 'probe.tcpping': 'timeout', 'probe.nameresolver': 'not-found' });
  assert.deepEqual(run.report.errors, []);
  assert.deepEqual(run.kudu.requests.map((request) => request.command).sort(), ['cmd /c echo %WEBSITE_PRIVATE_IP%', 'nameresolver api.contoso.local', 'tcpping sql01.contoso.local:1433']);
  assert.ok(run.kudu.requests.every((request) => request.authorization));
});

test("the app's own tcpping.bat and nameresolver.bat in site\\wwwroot cannot stand in for the tools: commands run in D:\\home", async () => {
  const planted = {
    'tcpping.bat': 'Connected to sql01.contoso.local:1433, time taken: 1ms\r\nComplete: 1/1 successful attempts (100%).\r\n',
    'nameresolver.bat': 'Server: 10.0.0.4\r\n\r\nName: api.contoso.local\r\nAddresses: \r\n\t10.9.9.9\r\n',
    'cmd.bat': '10.9.9.9\r\n',
  };
  const run = await checkWithProbe({ ...TIMEOUT_AND_NXDOMAIN, appFiles: planted });
  const probed = Object.fromEntries(run.report.facts.filter((fact) => fact.source === 'probe').map((fact) => [fact.key, fact.value]));
  assert.deepEqual(probed, { 'probe.tcpping': 'timeout', 'probe.nameresolver': 'not-found' }, 'the real tools answered');
  assert.ok(run.report.findings.some((finding) => finding.id === 'tcp-timeout-firewall'));
  assert.deepEqual(run.kudu.requests.map((request) => request.dir), ['D:\\home', 'D:\\home', 'D:\\home']);
});

test('tcpping saying the network is unreachable is a routing failure: no firewall-timeout finding, the route check follows', async () => {
  const run = await checkWithProbe({ ...TIMEOUT_AND_NXDOMAIN, tcpping: { 'sql01.contoso.local:1433': 'unreachable' } });
  const probe = run.report.facts.find((fact) => fact.key === 'probe.tcpping');
  assert.equal(probe?.value, 'unreachable');
  const ids = run.report.findings.map((finding) => finding.id);
  assert.ok(!ids.includes('tcp-timeout-firewall'), ids.join(', '));
  const path = run.report.path.map((entry) => entry.question);
  const asked = path.indexOf('firewall-timeout/ask-tcpping');
  assert.ok(asked >= 0 && path[asked + 1]?.startsWith('rfc1918/'), `the address ranges are checked next: ${path.join(' > ')}`);
  assert.ok(!run.report.openQuestions.some((question) => question.question === 'firewall-timeout/ask-tcpping'));
});

test('a connection that works and a name that resolves lead away from the firewall and DNS findings', async () => {
  const run = await checkWithProbe({ tcpping: { 'sql01.contoso.local:1433': 'connects' }, nameresolver: { 'api.contoso.local': { outcome: 'resolves', addresses: ['10.10.1.20'] } } });
  const ids = run.report.findings.map((finding) => finding.id);
  assert.ok(!ids.includes('tcp-timeout-firewall') && !ids.includes('dns-name-not-found'), ids.join(', '));
  const refused = await checkWithProbe({ tcpping: { 'sql01.contoso.local:1433': 'refused' } });
  const open = refused.report.openQuestions.map((question) => question.question);
  assert.ok(open.includes('firewall-timeout/ask-target-up'), `refused goes on to ask whether the host is up: ${open.join(', ')}`);
});

for (const [refuse, reason] of [
  [403, /refused the credential \(HTTP 403 Forbidden\): it needs Website Contributor, Contributor or Owner, or a custom role with Microsoft\.Web\/sites\/publish\/Action/],
  [401, /refused the credential \(HTTP 401/],
  ['ip-restricted', /access restrictions block this machine/],
] as const) {
  test(`SCM site answering ${refuse}: the questions are asked and the report says why`, async () => {
    const run = await checkWithProbe({ ...TIMEOUT_AND_NXDOMAIN, refuse });
    const open = run.report.openQuestions.map((question) => question.question);
    assert.ok(open.includes('firewall-timeout/ask-tcpping') && open.includes('dns/ask-nameresolver'), open.join(', '));
    const probeErrors = run.report.errors.filter((error) => error.source?.startsWith('probe'));
    assert.deepEqual(probeErrors.flatMap((error) => error.facts).sort(), ['app.privateIp', 'probe.nameresolver', 'probe.tcpping']);
    for (const error of probeErrors) assert.match(error.reason, reason);
    assert.ok(!run.report.findings.some((finding) => finding.id === 'tcp-timeout-firewall'));
  });
}

function withSite(patch: (properties: Record<string, unknown>) => Record<string, unknown>): Scenario {
  const scenario = loadScenario('healthy');
  return {
    ...scenario,
    resources: scenario.resources.map((resource) => (resource.id === scenario.target.app ? { ...resource, properties: patch(resource.properties as Record<string, unknown>) } : resource)),
  };
}

async function probeDirect(scenario: Scenario, script: Parameters<typeof startKudu>[0] extends infer S ? Omit<S & object, 'token'> : never, scm: 'override' | 'from-arm', timeoutMs = 60_000) {
  const arm = await startEmulator({ scenario, token: TOKEN });
  const kudu = await startKudu({ token: TOKEN, ...script });
  try {
    const ctx = { endpoint: arm.url, credential: staticTokenCredential(TOKEN), scope: `${arm.url}/.default`, tlsCa: arm.ca, timeoutMs: 60_000, retry: { maxRetries: 0, retryDelayInMs: 1, maxRetryDelayInMs: 1 } };
    const result = await probeApp({
      appId: scenario.target.app, ctx, target: { host: 'sql01.contoso.local', port: 1433 }, dnsName: 'api.contoso.local', scmCa: kudu.ca, commandTimeoutMs: timeoutMs,
      ...(scm === 'override' ? { scmOrigin: kudu.url } : {}),
    });
    return { result, kudu, arm };
  } finally {
    await Promise.all([arm.stop(), kudu.stop()]);
  }
}

test('a stopped app is not probed: every probe fact is unknown with the reason', async () => {
  const { result, kudu } = await probeDirect(withSite((properties) => ({ ...properties, state: 'Stopped' })), TIMEOUT_AND_NXDOMAIN, 'override');
  assert.equal(kudu.requests.length, 0);
  assert.deepEqual(Object.keys(result.facts).sort(), ['app.privateIp', 'probe.nameresolver', 'probe.tcpping']);
  for (const fact of Object.values(result.facts)) {
    assert.equal(fact.value, null);
    assert.match(fact.reason!, /app contoso-api is stopped/);
  }
});

test('a command that does not finish in time degrades to asking, with the time limit as the reason', async () => {
  const { result } = await probeDirect(loadScenario('healthy'), { refuse: 'hang' }, 'override', 300);
  assert.equal(result.facts['probe.tcpping']!.value, null);
  assert.match(result.facts['probe.tcpping']!.reason!, /the command did not finish within 300 ms/);
});

test('WEBSITE_PRIVATE_IP becomes app.privateIp with provenance probe', async () => {
  const { result } = await probeDirect(loadScenario('healthy'), TIMEOUT_AND_NXDOMAIN, 'override');
  assert.deepEqual(result.facts['app.privateIp'], { value: '172.16.200.5', source: 'probe', detail: 'cmd /c echo %WEBSITE_PRIVATE_IP% in app contoso-api (Kudu, on one instance)' });
});

test('the token goes only to an App Service SCM host named by ARM; any other host name is refused before a request', async () => {
  const hostile = withSite((properties) => ({ ...properties, hostNameSslStates: [{ name: 'collector.example.com', hostType: 'Repository' }] }));
  const { result, kudu } = await probeDirect(hostile, TIMEOUT_AND_NXDOMAIN, 'from-arm');
  assert.equal(kudu.requests.length, 0);
  assert.match(result.facts['probe.tcpping']!.reason!, /"collector\.example\.com" is not the SCM host of app contoso-api; no token is sent there/);
  const none = await probeDirect(withSite((properties) => ({ ...properties, hostNameSslStates: [] })), TIMEOUT_AND_NXDOMAIN, 'from-arm');
  assert.match(none.result.facts['probe.tcpping']!.reason!, /no SCM \(Kudu\) host name/);
});

test("ARM naming another app's SCM host (same domain, another ASE, another app's regional host) gets no token and no request", async () => {
  for (const [host, profile] of [
    ['attacker-app.scm.azurewebsites.net', undefined],
    ['contoso-api.scm.attacker-ase.appserviceenvironment.net', { id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/hostingEnvironments/own-ase', name: 'own-ase' }],
    ['attacker-ds27dh7271aah175.scm.westus-01.azurewebsites.net', undefined],
  ] as const) {
    const hostile = withSite((properties) => ({ ...properties, ...(profile ? { hostingEnvironmentProfile: profile } : {}), hostNameSslStates: [{ name: 'contoso-api.azurewebsites.net', hostType: 'Standard' }, { name: host, hostType: 'Repository' }] }));
    const { result, kudu } = await probeDirect(hostile, TIMEOUT_AND_NXDOMAIN, 'from-arm');
    assert.equal(kudu.requests.length, 0, host);
    for (const key of ['probe.tcpping', 'probe.nameresolver', 'app.privateIp']) {
      assert.equal(result.facts[key]!.value, null, host);
      assert.match(result.facts[key]!.reason!, new RegExp(`"${host.replaceAll('.', '\\.')}" is not the SCM host of app contoso-api; no token is sent there`), host);
    }
  }
});

test('--probe needs an app in Azure, and --scm-endpoint needs --probe and https', async () => {
  const { checkCommand } = await import('../../src/cli/check-command.ts');
  const { parseCommandLine } = await import('../../src/cli/args.ts');
  const quiet = { print: () => {}, error: () => {} };
  for (const [argv, message] of [
    [['check', '--offline', '--probe'], /--probe runs commands in an app in Azure/],
    [['check', '--offline', '--scm-endpoint', 'https://127.0.0.1:1'], /--scm-endpoint only applies together with --probe/],
  ] as const) {
    await assert.rejects(checkCommand(parseCommandLine([...argv]).options, quiet, { signal: new AbortController().signal }), message);
  }
  const run = await checkWithProbe({}, { extra: ['--scm-endpoint', 'http://127.0.0.1:1'] }).catch((error: Error) => error);
  assert.match(String((run as Error).message), /--scm-endpoint must use https/);
});

test('the wizard API: confirmation names the app and the exact commands before anything runs; declining runs nothing', async () => {
  const { withProbes } = await import('../../src/probe/probe-source.ts');
  const { armAccess } = await import('../../src/facts/gather-facts.ts');
  const { loadShippedFlows } = await import('../../src/flows/shipped-flows.ts');
  const scenario = loadScenario('healthy');
  const arm = await startEmulator({ scenario, token: TOKEN });
  const kudu = await startKudu({ token: TOKEN, ...TIMEOUT_AND_NXDOMAIN });
  try {
    const preset = { facts: { 'target.host': { value: 'sql01.contoso.local', source: 'answer' as const }, 'target.port': { value: 1433, source: 'answer' as const } }, answers: {}, answerDetails: {} };
    const base = { gather: async () => ({ facts: {}, errors: [], target: { mode: 'arm' as const, appId: scenario.target.app } }) };
    const asked: [string, readonly string[]][] = [];
    const sources = (answer: boolean) => withProbes(base, {
      access: armAccess(arm.url, () => staticTokenCredential(TOKEN), arm.ca), flowSet: loadShippedFlows(), preset, scmOrigin: kudu.url, scmCa: kudu.ca,
      confirm: async (appId, commands) => { asked.push([appId, commands]); return answer; },
    });
    const declined = await sources(false).gather({ mode: 'arm', appId: scenario.target.app }, {});
    assert.deepEqual(declined.facts, {});
    assert.equal(kudu.requests.length, 0);
    assert.deepEqual(asked[0], [scenario.target.app, ['tcpping sql01.contoso.local:1433', 'cmd /c echo %WEBSITE_PRIVATE_IP%']]);
    const accepted = await sources(true).gather({ mode: 'arm', appId: scenario.target.app }, {});
    assert.equal(accepted.facts['probe.tcpping']?.value, 'timeout');
    assert.equal(kudu.requests.length, 2);
  } finally {
    await Promise.all([arm.stop(), kudu.stop()]);
  }
});
