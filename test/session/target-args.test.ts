/** Commands the findings suggest carry the session's target, so running one does not drop back to the app picker. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { targetArgs } from '../../src/session/fact-sources.ts';
import { checkCommand } from '../../src/cli/check-command.ts';

test('the target flags name the app, the demo or offline, one word each (quoted by the step that uses them)', () => {
  assert.deepEqual(targetArgs({ mode: 'offline' }), ['--offline']);
  assert.deepEqual(targetArgs({ mode: 'demo', scenario: 'healthy' }), ['--demo', 'healthy']);
  assert.deepEqual(targetArgs({ mode: 'arm', appId: '/subscriptions/s1/resourceGroups/rg-1/providers/Microsoft.Web/sites/app1' }), ['--app', '/subscriptions/s1/resourceGroups/rg-1/providers/Microsoft.Web/sites/app1']);
});

test('the migration step of a demo report runs the migration flow on the same demo', async () => {
  const lines: string[] = [];
  await checkCommand({ demo: 'healthy', format: 'json' }, { print: (text) => lines.push(text), error: () => {} });
  const report = JSON.parse(lines.join('\n')) as { findings: { steps: { command?: string }[] }[] };
  const commands = report.findings.flatMap((finding) => finding.steps.flatMap((step) => (step.command ? [step.command] : [])));
  const suggested = commands.filter((command) => command.startsWith('vnet-doctor '));
  assert.ok(suggested.length > 0, 'the healthy demo suggests the migration flow');
  for (const command of suggested) assert.equal(command, 'vnet-doctor --demo healthy --flow migration');
});
