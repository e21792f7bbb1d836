/**
 * WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER through the real App Service SDK against the
 * emulator. The only read returns every app setting, secrets included: it runs only with
 * --read-dns-settings, and no other setting's value reaches the facts, the report or the output.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { CliOptions } from '../../src/cli/args.ts';
import type { Output } from '../../src/cli/output.ts';
import { loadScenario, type Scenario } from '../../src/emulator/scenarios.ts';
import { gatherThrough, TEST_TOKEN, withEmulator } from './support.ts';

const SECRETS = ['Pa55-orders-db-7f3a91', 'Server=tcp:orders.example;Password=Zx9-never-shown', 'AccountKey=c2VjcmV0LWtleQ=='];

/** The healthy app, with app settings that hold both DNS servers and three secrets. */
function withSettings(settings: Record<string, string>): Scenario {
  const healthy = loadScenario('healthy');
  return { ...healthy, resources: [...healthy.resources, { id: `${healthy.target.app}/config/appsettings`, name: 'appsettings', properties: settings }] };
}
const SETTINGS = {
  DB_PASSWORD: SECRETS[0]!, WEBSITE_DNS_SERVER: '10.30.0.4', ORDERS_CONNECTION: SECRETS[1]!, website_dns_alt_server: '10.30.0.5', STORAGE: SECRETS[2]!,
};

const settingsReads = (requests: readonly { method: string; url: string }[]) => requests.filter((request) => /\/config\/appsettings/i.test(request.url));

test('with --read-dns-settings the two DNS settings become facts from ARM, read with one POST, and nothing else is kept', async () => {
  await withEmulator(withSettings(SETTINGS), {}, async (emulator, scenario) => {
    const gathering = await gatherThrough(emulator, scenario, { readDnsSettings: true });
    assert.equal(gathering.facts['app.dnsOverride']?.value, true);
    assert.equal(gathering.facts['app.dnsOverride']?.source, 'arm');
    assert.deepEqual(gathering.facts['app.settingDnsServers']?.value, ['10.30.0.4', '10.30.0.5']);
    assert.deepEqual(settingsReads(emulator.requests).map((request) => request.method), ['POST']);
    const everything = JSON.stringify(gathering);
    for (const secret of SECRETS) assert.ok(!everything.includes(secret), `${secret} is not kept`);
    assert.ok(!/DB_PASSWORD|ORDERS_CONNECTION|STORAGE/.test(everything), 'not even the names of other settings');
  });
});

test('without --read-dns-settings the app settings are never requested and the override stays a question', async () => {
  await withEmulator(withSettings(SETTINGS), {}, async (emulator, scenario) => {
    const gathering = await gatherThrough(emulator, scenario);
    assert.equal(gathering.facts['app.dnsOverride'], undefined);
    assert.deepEqual(settingsReads(emulator.requests), []);
  });
});

test('an app with neither setting reads as no override; a value that is not an address is said to be set, not repeated', async () => {
  await withEmulator(withSettings({ DB_PASSWORD: SECRETS[0]! }), {}, async (emulator, scenario) => {
    const gathering = await gatherThrough(emulator, scenario, { readDnsSettings: true });
    assert.equal(gathering.facts['app.dnsOverride']?.value, false);
    assert.equal(gathering.facts['app.settingDnsServers'], undefined);
  });
  await withEmulator(withSettings({ WEBSITE_DNS_SERVER: `dns ${SECRETS[0]}` }), {}, async (emulator, scenario) => {
    const gathering = await gatherThrough(emulator, scenario, { readDnsSettings: true });
    assert.equal(gathering.facts['app.dnsOverride']?.value, true);
    assert.equal(gathering.facts['app.settingDnsServers'], undefined);
    assert.ok(!JSON.stringify(gathering).includes(SECRETS[0]!));
  });
});

test('a refused settings read (403) degrades to the question and the report says which facts could not be read', async () => {
  await withEmulator(withSettings(SETTINGS), { faults: [{ path: '/config/appsettings/list', status: 403 }] }, async (emulator, scenario) => {
    const gathering = await gatherThrough(emulator, scenario, { readDnsSettings: true });
    assert.equal(gathering.facts['app.dnsOverride']?.value, null);
    assert.ok(gathering.errors.some((error) => error.facts.includes('app.dnsOverride') && /403|access|authoriz/i.test(error.reason)), JSON.stringify(gathering.errors));
  });
});

test('check --read-dns-settings: the DNS finding asks the server from the setting by address, and no other setting reaches stdout or stderr', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-dns-settings-'));
  try {
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'answers:\n  dns/ask-name: db.contoso.local\n  dns/ask-nameresolver: timeout\n  dns/ask-vm-dns: false\n');
    await withEmulator(withSettings(SETTINGS), {}, async (emulator, scenario) => {
      for (const format of ['md', 'json']) {
        const stdout: string[] = [];
        const stderr: string[] = [];
        const out: Output = { print: (text) => stdout.push(text), error: (text) => stderr.push(text) };
        const options: CliOptions = {
          app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': TEST_TOKEN, flow: 'dns', answers, format, 'read-dns-settings': true,
        };
        await checkCommand(options, out, { tlsCa: emulator.ca, now: () => new Date(`${scenario.today ?? '2026-06-01'}T10:00:00Z`) });
        const printed = [...stdout, ...stderr].join('\n');
        assert.match(printed, /app-dns-override/);
        assert.match(printed, /nameresolver db\.contoso\.local 10\.30\.0\.4/);
        for (const secret of SECRETS) assert.ok(!printed.includes(secret), `${format}: ${secret} is never printed`);
        assert.ok(!/DB_PASSWORD|ORDERS_CONNECTION|STORAGE/.test(printed), `${format}: other settings are not named`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
