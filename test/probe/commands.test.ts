import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandLine, ProbeArgumentError } from '../../src/probe/kudu-commands.ts';
import { parseNameresolver, parsePrivateIp, parseTcpping } from '../../src/engine/tool-output.ts';
import { isOwnScmHost, scmOrigin } from '../../src/probe/scm-origin.ts';

test('only the fixed commands run, with arguments that cannot carry anything else', () => {
  assert.equal(commandLine({ kind: 'tcpping', host: 'sql01.contoso.local', port: 1433 }), 'tcpping sql01.contoso.local:1433');
  assert.equal(commandLine({ kind: 'tcpping', host: '10.0.0.4', port: 443 }), 'tcpping 10.0.0.4:443');
  assert.equal(commandLine({ kind: 'nameresolver', name: 'api.contoso.local', server: '10.0.0.4' }), 'nameresolver api.contoso.local 10.0.0.4');
  assert.equal(commandLine({ kind: 'private-ip' }), 'cmd /c echo %WEBSITE_PRIVATE_IP%');
  for (const bad of ['a&calc', 'db;whoami', 'x y', '-n', 'host|more', '%PATH%', 'a"b', '10.0.0.0/24', '', 'a'.repeat(64) + '.com']) {
    assert.throws(() => commandLine({ kind: 'tcpping', host: bad, port: 80 }), ProbeArgumentError, bad);
    assert.throws(() => commandLine({ kind: 'nameresolver', name: bad }), ProbeArgumentError, bad);
  }
  for (const port of [0, 65536, 1.5, Number.NaN]) assert.throws(() => commandLine({ kind: 'tcpping', host: 'db', port }), ProbeArgumentError);
  assert.throws(() => commandLine({ kind: 'nameresolver', name: 'db', server: 'dns01' }), ProbeArgumentError);
});

test("tcpping output is judged by its own lines: connected, timed out, refused, unknown host, unreachable, unrecognised", () => {
  assert.equal(parseTcpping('Connected to db:1433, time taken: 4ms\r\nComplete: 4/4 successful attempts (100%).', 'db:1433'), 'connects');
  assert.equal(parseTcpping('Connection attempt failed: Connection timed out\r\nComplete: 0/1 successful attempts (0%).', 'db:1433'), 'timeout');
  assert.equal(parseTcpping('Connection attempt failed: No connection could be made because the target machine actively refused it', 'db:1433'), 'refused');
  assert.equal(parseTcpping('Connection attempt failed: No such host is known', 'db:1433'), 'no-name');
  assert.equal(parseTcpping("'tcpping' is not recognized as an internal or external command", 'db:1433'), 'unrecognized');
  // A summary with no reason says nothing about why, however long it took.
  assert.equal(parseTcpping('Complete: 0/1 successful attempts (0%). Average success time: 0ms', 'db:1433'), 'unrecognized');
  // The socket's own error decides: no route is a routing failure, not the 21-second timeout.
  assert.equal(parseTcpping('Connection attempt failed: A socket operation was attempted to an unreachable network\r\nComplete: 0/1 successful attempts (0%).', 'db:1433'), 'unreachable');
  assert.equal(parseTcpping('Connection attempt failed: A socket operation was attempted to an unreachable host', 'db:1433'), 'unreachable');
  // The target's own name is not read as a result.
  assert.equal(parseTcpping('Connecting to refused-timed-out.contoso.local:1433\r\nConnection attempt failed: A socket operation was attempted to an unreachable network', 'refused-timed-out.contoso.local:1433'), 'unreachable');
});

test('nameresolver output: addresses, non-existent domain, time-out; WEBSITE_PRIVATE_IP set or not', () => {
  assert.deepEqual(parseNameresolver('Server: 10.0.0.4\r\n\r\nNon-authoritative answer:\r\nName: api.contoso.local\r\nAddresses: \r\n\t10.10.1.20\r\n\t10.10.1.21\r\n'),
    { outcome: 'resolves', server: '10.0.0.4', addresses: ['10.10.1.20', '10.10.1.21'] });
  assert.deepEqual(parseNameresolver("Server: 168.63.129.16\r\n\r\n*** Can't find nope.contoso.local: Non-existent domain\r\n"), { outcome: 'not-found', server: '168.63.129.16', addresses: [] });
  assert.equal(parseNameresolver('Server: 10.0.0.4\r\n\r\nDNS request timed out.\r\n').outcome, 'timeout');
  assert.equal(parseNameresolver('something else').outcome, 'unrecognized');
  assert.equal(parsePrivateIp('172.16.200.5\r\n'), '172.16.200.5');
  assert.equal(parsePrivateIp('%WEBSITE_PRIVATE_IP%\r\n'), undefined);
});

test("the SCM host must be this app's own: its name (or app-slot) first, in App Service's domain or its own ASE's", () => {
  const app = { name: 'contoso-api' };
  const site = (name: string, extra: object = {}) => ({ hostNameSslStates: [{ name: 'contoso-api.azurewebsites.net', hostType: 'Standard' }, { name, hostType: 'Repository' }], ...extra });
  assert.deepEqual(scmOrigin(site('contoso-api.scm.azurewebsites.net'), app), { origin: 'https://contoso-api.scm.azurewebsites.net' });
  assert.deepEqual(scmOrigin(site('Contoso-API.scm.chinacloudsites.cn'), app), { origin: 'https://contoso-api.scm.chinacloudsites.cn' });
  assert.ok(isOwnScmHost('contoso-api-staging.scm.azurewebsites.net', { name: 'contoso-api', slot: 'staging' }));
  const ase = { hostingEnvironmentProfile: { id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/hostingEnvironments/ase-prod', name: 'ase-prod' } };
  assert.deepEqual(scmOrigin(site('contoso-api.scm.ase-prod.appserviceenvironment.net', ase), app), { origin: 'https://contoso-api.scm.ase-prod.appserviceenvironment.net' });
  // The unique default host name of apps created since June 2024 (could not be probed before).
  assert.deepEqual(scmOrigin(site('contoso-api-ds27dh7271aah175.scm.westus-01.azurewebsites.net'), app), { origin: 'https://contoso-api-ds27dh7271aah175.scm.westus-01.azurewebsites.net' });
  for (const host of [
    'attacker-app.scm.azurewebsites.net', 'contoso-api-evil.scm.azurewebsites.net', 'contoso.scm.azurewebsites.net',
    'contoso-api.scm.other-ase.appserviceenvironment.net', 'attacker.scm.ase-prod.appserviceenvironment.net',
    'attacker-ds27dh7271aah175.scm.westus-01.azurewebsites.net', 'contoso-api-ds27dh7271aah175.scm.evil.com',
    'contoso-api-ds27dh7271aah17.scm.westus-01.azurewebsites.net', 'contoso-api.scm.azurewebsites.net.evil.com',
    'evil.com', 'contoso-api.azurewebsites.net', 'contoso-api.scm.azurewebsites.net/x', 'contoso-api.scm.azurewebsites.net:444', 'contoso-api.scm.azurewebsites.net.',
  ]) {
    const result = scmOrigin(site(host, ase), app);
    assert.ok('reason' in result && /is not the SCM host of app contoso-api; no token is sent there/.test(result.reason), host);
  }
  assert.ok(!isOwnScmHost('contoso-api.scm.ase-prod.appserviceenvironment.net', app), 'an ASE host only for the ASE the site names');
});
