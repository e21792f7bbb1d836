import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandLines } from '../../src/ui/command-lines.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { startWizard } from './harness.tsx';

const LONG = 'az webapp vnet-integration add -g rg-contoso-production -n contoso-api --vnet vnet-hub-westeurope --subnet snet-integration-01';

test('a command that fits stays on one line', () => {
  assert.deepEqual(commandLines('tcpping db.contoso.local:1433', 'kudu', 60), ['tcpping db.contoso.local:1433']);
});

test('a long command is split at spaces with the shell continuation, and rejoins to the same command', () => {
  for (const [kind, suffix] of [['az', ' \\'], ['powershell', ' `'], ['kudu', ' ^']] as const) {
    const lines = commandLines(LONG, kind, 50);
    assert.ok(lines.length > 1);
    assert.ok(lines.every((line) => line.length <= 50), `every line fits: ${JSON.stringify(lines)}`);
    assert.ok(lines.slice(0, -1).every((line) => line.endsWith(suffix)));
    const rejoined = lines.map((line, i) => (i < lines.length - 1 ? line.slice(0, -suffix.length) : line).trim()).join(' ');
    assert.equal(rejoined, LONG);
  }
});

test('the findings screen shows a long command on continued lines the layout does not re-wrap', async () => {
  const extra = `
id: extra
title: Extra
summary: Long command.
entry: long
nodes:
  long:
    kind: finding
    finding: app-is-linux
    severity: warning
    title: Use regional integration
    explanation: Move over.
    steps:
      - { kind: az, text: Connect the subnet, command: "${LONG} --output none --only-show-errors --subscription 00000000-0000-0000-0000-000000000000" }
`;
  const flowSet = miniFlowSet({ 'extra.yaml': extra });
  // The extra flow is the entry, so the session opens on its finding.
  const direct = startWizard({ flowSet: { ...flowSet, entry: 'extra' } });
  const screen = await direct.waitFor((f) => f.includes('WARNING 1. Use regional integration') && f.includes('--only-show-errors'), 'the finding');
  const lines = screen.split('\n').filter((line) => line.startsWith('     '));
  assert.ok(lines.length >= 2, screen);
  assert.ok(lines.slice(0, -1).every((line) => line.endsWith(' \\')), `continuations on all but the last line:\n${lines.join('\n')}`);
  direct.unmount();
});
