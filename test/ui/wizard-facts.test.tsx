import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../../src/report/build-report.ts';
import { writeReport } from '../../src/report/write-report.ts';
import { createReportExporter } from '../../src/session/report-export.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { KEY, startWizard } from './harness.tsx';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const flowSet = miniFlowSet();
const armFacts = {
  'app.isLinux': { value: false, source: 'arm' as const, detail: 'site app1' },
  'plan.tier': { value: 'Basic', source: 'arm' as const, detail: 'plan asp1' },
  'p2s.addressPool': { value: ['172.16.200.0/24'], source: 'arm' as const, detail: 'gateway gw-hub' },
};

test('questions answered from facts are shown with where the answer came from', async () => {
  const ui = startWizard({ flowSet, facts: armFacts });
  const frame = await ui.waitFor((f) => f.includes('Which host and port?'), 'the first question not covered by facts');
  assert.match(frame, /Whether the app runs on Linux: no \(from ARM: site app1\)/);
  assert.match(frame, /Plan tier: Basic \(from ARM: plan asp1\)/);
  for (const char of 'db:1433') await ui.press(char);
  await ui.press(KEY.enter);
  const next = await ui.waitFor((f) => f.includes('Does tcpping db:1433 time out?'), 'the question after the pool');
  assert.match(next, /Point-to-site address pool: 172\.16\.200\.0\/24 \(from ARM: gateway gw-hub\)/);
  ui.unmount();
});

test('o lets the user answer a known fact themselves; the session rewinds to that question', async () => {
  const ui = startWizard({ flowSet, facts: armFacts });
  await ui.waitFor((f) => f.includes('Which host and port?'), 'the host-port question');
  await ui.press(KEY.escape);
  await ui.press('o');
  const picker = await ui.waitFor((f) => f.includes('Which known fact'), 'the override picker');
  assert.match(picker, /❯ Plan tier: Basic \(from ARM: plan asp1\)/, 'the picker opens on the fact used last');
  await ui.press(KEY.enter);
  const asked = await ui.waitFor((f) => f.includes('Tier?'), 'the tier question, asked now');
  assert.doesNotMatch(asked, /Plan tier: Basic/, 'the overridden fact is no longer listed as known');
  assert.match(asked, /❯ Basic/, 'the question opens on the value the fact gave, not on the first row');
  await ui.press('1', KEY.enter);
  await ui.waitFor((f) => f.includes('Diagnosis'), 'the finding for the tier the user gave');
  assert.match(ui.frame(), /ERROR 1\. Tier/);
  ui.unmount();
});

test('text from ARM is shown with control characters escaped', async () => {
  const ui = startWizard({ flowSet, facts: { ...armFacts, 'plan.tier': { value: 'Basic', source: 'arm', detail: 'plan \u001b]0;pwned\u0007asp1' } } });
  const frame = await ui.waitFor((f) => f.includes('Which host and port?'), 'the host-port question');
  assert.match(frame, /plan \\x1b\]0;pwned\\x07asp1/);
  ui.unmount();
});

test('Ctrl-C writes the partial report and keeps the answers for --resume', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-ctrlc-'));
  const reportPath = join(dir, 'partial.md');
  const exporter = createReportExporter({ reportPath, version: 'test', build: buildReport, write: writeReport });
  const ui = startWizard({ flowSet, dir, reports: exporter, facts: { 'app.isLinux': armFacts['app.isLinux'] } });
  await ui.waitFor((f) => f.includes('Tier?'), 'the tier question');
  await ui.press('3', KEY.enter);
  await ui.waitFor((f) => f.includes('Which host and port?'), 'the host-port question');
  ui.type(KEY.ctrlC);
  await ui.waitFor(() => ui.exited() !== undefined, 'the wizard to exit');
  assert.equal(ui.exited()!.exitCode, 130);
  assert.ok(ui.exited()!.messages.some((line) => line.includes(reportPath)), 'the report path is printed');
  const report = readFileSync(reportPath, 'utf8');
  assert.match(report, /partial/i);
  assert.match(report, /Standard/, 'the answer given is in the report');
  const saved = ui.store.load();
  assert.equal(saved.kind, 'saved');
  assert.deepEqual(saved.kind === 'saved' && saved.session.inputs, [{ type: 'answer', question: 'eligible/ask-tier', value: 'Standard' }]);
});

test('s and Enter save the report now and again, always to the session\'s one file; an existing file is never replaced without --force', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-save-'));
  const reportPath = join(dir, 'report.json');
  const ui = startWizard({ flowSet, dir, reports: createReportExporter({ reportPath, version: 'test', build: buildReport, write: writeReport }) });
  await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  await ui.press('s', KEY.enter);
  await ui.waitFor((f) => f.includes(`Report saved to ${reportPath}`), 'the saved message');
  assert.equal(JSON.parse(readFileSync(reportPath, 'utf8')).path.length, 0, 'no answer yet');
  await ui.press(KEY.down);
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Tier?'), 'the next question');
  await ui.press('s', KEY.enter);
  await ui.waitFor(() => JSON.parse(readFileSync(reportPath, 'utf8')).path.length === 1, 'the second save, rewriting the same file');
  assert.deepEqual(readdirSync(dir).filter((name) => name.startsWith('report')), ['report.json'], 'one report file for the session');
  ui.unmount();

  const other = join(dir, 'existing.md');
  writeFileSync(other, 'keep me');
  const second = startWizard({ flowSet, dir, reports: createReportExporter({ reportPath: other, version: 'test', build: buildReport, write: writeReport }) });
  await second.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  await second.press('s', KEY.enter);
  await second.waitFor((f) => f.includes(`Report saved to ${join(dir, 'existing-2.md')}`), 'a save next to the existing file');
  assert.equal(readFileSync(other, 'utf8'), 'keep me');
  second.unmount();
});

test('answers from an answers file are shown as such', async () => {
  const ui = startWizard({ flowSet, presetAnswers: { 'eligible/ask-linux': false, 'eligible/ask-tier': 'Standard' } });
  const frame = await ui.waitFor((f) => f.includes('Which host and port?'), 'the first question the file does not answer');
  assert.match(frame, /Is the app on Linux: no \(from the answers file\)/);
  assert.match(frame, /Tier: Standard \(from the answers file\)/);
  ui.unmount();
});

test('a second Ctrl-C leaves at once when writing the report hangs', async () => {
  const ui = startWizard({ flowSet, reports: () => new Promise(() => {}) });
  await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  await ui.press(KEY.down);
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Tier?'), 'the tier question');
  await ui.press(KEY.ctrlC);
  await ui.waitFor((f) => f.includes('Saving the report'), 'the saving screen');
  ui.type(KEY.ctrlC);
  await ui.waitFor(() => ui.exited() !== undefined, 'the wizard to exit');
  assert.equal(ui.exited()!.exitCode, 130);
  assert.match(ui.exited()!.messages.join('\n'), /Stopped before the report was written[\s\S]*--resume/);
  assert.equal(ui.store.load().kind, 'saved');
});

test('s offers the format: j writes the JSON report, m Markdown, another key writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-format-'));
  const cwd = join(dir, 'cwd');
  mkdirSync(cwd);
  const ui = startWizard({ flowSet, dir, reports: createReportExporter({ cwd, version: 'test', build: buildReport, write: writeReport, now: () => new Date(2026, 5, 1, 10, 0, 0) }) });
  await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
  await ui.press('s');
  const asked = await ui.waitFor((f) => f.includes('Save the report as:'), 'the format choice');
  assert.match(asked, /Enter Markdown {2}m Markdown {2}j JSON {2}any other key: cancel/);
  await ui.press('x');
  await ui.waitFor((f) => !f.includes('Save the report as:'), 'the choice cancelled');
  assert.deepEqual(readdirSync(cwd), [], 'nothing was written');
  await ui.press('s', 'j');
  const jsonPath = join(cwd, 'vnet-doctor-report-20260601-100000.json');
  await ui.waitFor((f) => f.includes(`Report saved to ${jsonPath}`), 'the JSON report saved');
  assert.equal(JSON.parse(readFileSync(jsonPath, 'utf8')).interrupted, true, 'the file is the JSON report');
  await ui.press(KEY.down, KEY.enter);
  await ui.press('s', 'm');
  const mdPath = join(cwd, 'vnet-doctor-report-20260601-100000.md');
  await ui.waitFor((f) => f.includes(`Report saved to ${mdPath}`), 'the Markdown report saved');
  assert.match(readFileSync(mdPath, 'utf8'), /^# /m);
  ui.unmount();
});
