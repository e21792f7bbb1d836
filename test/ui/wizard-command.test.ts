import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/cli/args.ts';
import { wizardCommand } from '../../src/cli/wizard-command.ts';

const FLOWS = fileURLToPath(new URL('fixtures/flows', import.meta.url));

function capture() {
  const lines: string[] = [];
  return { lines, out: { print: (text: string) => lines.push(text), error: (text: string) => lines.push(text) } };
}
const stateEnv = () => ({ VNET_DOCTOR_STATE_DIR: join(mkdtempSync(join(tmpdir(), 'vnet-doctor-cmd-')), 'state') });

test('--resume without a saved session is a usage error that says so', async () => {
  const { lines, out } = capture();
  assert.equal(await wizardCommand({ resume: true, flows: FLOWS }, out, { isTTY: true, env: stateEnv() }), 2);
  assert.match(lines.join('\n'), /no interrupted session to resume/);
});

test('--resume with a corrupt session reports it, keeps it aside and exits 2', async () => {
  const env = stateEnv();
  mkdirSync(env.VNET_DOCTOR_STATE_DIR, { recursive: true });
  writeFileSync(join(env.VNET_DOCTOR_STATE_DIR, 'session.json'), 'not json');
  const { lines, out } = capture();
  assert.equal(await wizardCommand({ resume: true, flows: FLOWS }, out, { isTTY: true, env }), 2);
  assert.match(lines.join('\n'), /could not be read .*kept as .*session\.json\.corrupt-/);
});

test('--resume with a target flag, an unknown demo or a bad app id are refused before the UI starts', async () => {
  const { out } = capture();
  const env = stateEnv();
  assert.equal(await wizardCommand({ resume: true, offline: true, flows: FLOWS }, out, { isTTY: true, env }), 2);
  await assert.rejects(wizardCommand({ demo: 'no-such-scenario', flows: FLOWS }, out, { isTTY: true, env }), (error: Error) => error instanceof UsageError && /choose one of/.test(error.message));
  await assert.rejects(wizardCommand({ app: '/subscriptions/x', flows: FLOWS }, out, { isTTY: true, env }), UsageError);
  await assert.rejects(wizardCommand({ offline: true, flow: 'nope', flows: FLOWS }, out, { isTTY: true, env }), /unknown flow "nope"/);
});

test('broken flow files are listed and exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-flows-'));
  mkdirSync(join(dir, 'catalog'));
  writeFileSync(join(dir, 'catalog', 'facts.yaml'), 'facts: {}\n');
  writeFileSync(join(dir, 'catalog', 'findings.yaml'), 'findings: {}\n');
  writeFileSync(join(dir, 'triage.yaml'), 'id: triage\ntitle: T\nsummary: S\nentry: missing\nnodes: {}\n');
  const { lines, out } = capture();
  assert.equal(await wizardCommand({ offline: true, flows: dir }, out, { isTTY: true, env: stateEnv() }), 2);
  assert.match(lines.join('\n'), /triage\.yaml/);
});

test('--probe with a demo or --offline, and --scm-endpoint without --probe, are refused before the UI starts', async () => {
  const { out } = capture();
  const env = stateEnv();
  const refused = (pattern: RegExp) => (error: Error) => error instanceof UsageError && pattern.test(error.message);
  await assert.rejects(wizardCommand({ demo: 'healthy', probe: true, flows: FLOWS }, out, { isTTY: true, env }), refused(/--probe runs commands in an app in Azure/));
  await assert.rejects(wizardCommand({ offline: true, probe: true, flows: FLOWS }, out, { isTTY: true, env }), refused(/--probe runs commands in an app in Azure/));
  await assert.rejects(wizardCommand({ offline: true, 'scm-endpoint': 'https://127.0.0.1:1', flows: FLOWS }, out, { isTTY: true, env }), refused(/only applies together with --probe/));
});
