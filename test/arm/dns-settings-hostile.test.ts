/**
 * --read-dns-settings never echoes the app settings body. The one read that returns every app
 * setting is served hostile by the emulator (through the real App Service SDK): a 200 in
 * text/plain, a truncated JSON 200, a 500 echoing the request, a 400 whose error.message quotes a
 * setting. Every failure is said by status and content type only; no byte of the body reaches
 * stderr, the JSON or Markdown report (redacted or not), the gathered facts or the session file.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import type { CliOptions } from '../../src/cli/args.ts';
import type { Fault } from '../../src/emulator/server.ts';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { armAccess } from '../../src/facts/gather-facts.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { loadShippedFlows } from '../../src/flows/shipped-flows.ts';
import { SessionController } from '../../src/session/controller.ts';
import { factSources } from '../../src/session/fact-sources.ts';
import { SessionStore } from '../../src/session/session-store.ts';
import { gatherThrough, TEST_TOKEN, withEmulator } from './support.ts';

const SECRET = 'SQL_PASSWORD=Hunter2-never-shown';
const SECRET_PARTS = ['SQL_PASSWORD', 'Hunter2'];
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-dns-hostile-'));
after(() => rmSync(work, { recursive: true, force: true }));
const answers = join(work, 'answers.yaml');
writeFileSync(answers, 'answers:\n  dns/ask-name: db.contoso.local\n');

const SETTINGS_LIST = '/config/appsettings/list';
const CASES: { name: string; fault: Fault; reason: RegExp }[] = [
  { name: '200 text/plain', fault: { path: SETTINGS_LIST, rawBody: { contentType: 'text/plain', text: `WEBSITE_DNS_SERVER=10.0.0.4\n${SECRET}\n` } }, reason: /^ARM answered 200 OK with text\/plain instead of JSON \(the body is not shown: it holds every app setting\)$/ },
  { name: 'truncated JSON 200', fault: { path: SETTINGS_LIST, rawBody: { contentType: 'application/json', text: `{"properties":{"WEBSITE_DNS_SERVER":"10.0.0.4","SQL_PASSWORD":"${SECRET}` } }, reason: /^ARM answered 200 OK with application\/json instead of JSON \(the body is not shown/ },
  { name: '500 echoing the request', fault: { path: SETTINGS_LIST, rawBody: { status: 500, contentType: 'text/html', text: `<pre>POST /config/appsettings/list\n${SECRET}\nAuthorization: Bearer ${TEST_TOKEN}</pre>` } }, reason: /^ARM answered 500 Internal Server Error with text\/html \(the body is not shown/ },
  { name: '400 error.message quoting a setting', fault: { path: SETTINGS_LIST, rawBody: { status: 400, contentType: 'application/json; charset=utf-8', text: JSON.stringify({ error: { code: 'BadRequest', message: `Setting ${SECRET} is invalid` } }) } }, reason: /^ARM answered 400 Bad Request with application\/json \(the body is not shown/ },
];

const leaks = (text: string) => SECRET_PARTS.filter((part) => text.includes(part));

for (const { name, fault, reason } of CASES) {
  test(`app settings answered ${name}: status and content type only, in stderr, both reports (redacted too) and the facts`, async () => {
    await withEmulator('healthy', { faults: [fault] }, async (emulator, scenario) => {
      const gathering = await gatherThrough(emulator, scenario, { readDnsSettings: true });
      assert.deepEqual(leaks(JSON.stringify(gathering)), []);
      const error = gathering.errors.find((candidate) => candidate.facts.includes('app.dnsOverride'));
      assert.match(error?.reason ?? '', reason);
      assert.equal(gathering.facts['app.dnsOverride']?.value, null, 'the override stays a question');
      for (const format of ['json', 'md'] as const) {
        for (const redact of [false, true]) {
          const stdout: string[] = [];
          const stderr: string[] = [];
          const report = join(work, `${name.replace(/\W+/g, '-')}-${redact}.${format}`);
          const options: CliOptions = { app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': TEST_TOKEN, flow: 'dns', answers, format, 'read-dns-settings': true, redact, report, force: true };
          await checkCommand(options, { print: (text) => stdout.push(text), error: (text) => stderr.push(text) }, { tlsCa: emulator.ca, now: () => new Date('2026-06-01T10:00:00Z') });
          const written = readFileSync(report, 'utf8');
          assert.deepEqual(leaks([...stdout, ...stderr, written].join('\n')), [], `${format}${redact ? ' --redact' : ''}`);
          assert.match(written, /ARM answered (200|500|400)/, `${format}: the report says what could not be read`);
        }
      }
    });
  });
}

test('the wizard\'s session file keeps the reason, never the body', async () => {
  const scenario = loadScenario('healthy');
  await withEmulator(scenario, { faults: [CASES[3]!.fault] }, async (emulator) => {
    const store = new SessionStore(join(work, 'state'));
    const access = armAccess(emulator.url, () => staticTokenCredential(TEST_TOKEN), emulator.ca);
    const controller = new SessionController({ flowSet: loadShippedFlows(), derivations: DERIVATIONS, store, sources: factSources({ access, readDnsSettings: true }) });
    const active = await controller.load({ mode: 'arm', appId: scenario.target.app });
    assert.equal(active.state.status, 'asking');
    controller.answer(null);
    const saved = readFileSync(store.file, 'utf8');
    assert.match(saved, /ARM answered 400 Bad Request with application\/json/);
    assert.deepEqual(leaks(saved), []);
  });
});
