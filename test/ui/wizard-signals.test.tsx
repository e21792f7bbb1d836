/**
 * SIGINT, SIGTERM and SIGHUP reach the real WizardApp as run-wizard.tsx delivers them: an event
 * of the wizard's machine, the same way out as a second Ctrl-C (the session controller stops at
 * once, says what was saved and picks the exit code). The pseudo-terminal tests send real signals
 * to the built program (test/ui/terminal.e2e.test.ts, test/ui/wizard-signals.e2e.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RESUME_HINT } from '../../src/session/controller.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { KEY, startWizard } from './harness.tsx';

const flowSet = miniFlowSet();
const STOPPED_SAVED = `Stopped before the report was written. ${RESUME_HINT}`;

test('a signal mid-session exits 130 (129 for SIGHUP) at once, with no report written, saying the answers are saved', async () => {
  for (const [signal, exitCode] of [['SIGTERM', 130], ['SIGINT', 130], ['SIGHUP', 129]] as const) {
    const ui = startWizard({ flowSet });
    try {
      await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
      await ui.press(KEY.down, KEY.enter);
      await ui.waitFor((f) => f.includes('Tier?'), 'the tier question');
      ui.signal(signal);
      await ui.waitFor(() => ui.exited() !== undefined, 'the wizard to leave');
      assert.deepEqual(ui.exited(), { exitCode, messages: [`Stopped by ${signal}.`, STOPPED_SAVED] }, signal);
      assert.deepEqual(ui.reports, [], 'no report: a signal stops at once');
      const saved = ui.store.load();
      assert.ok(saved.kind === 'saved');
      assert.deepEqual(saved.session.inputs, [{ type: 'answer', question: 'eligible/ask-linux', value: false }], 'the answer given is saved');
    } finally {
      ui.unmount();
    }
  }
});

test('a signal before any answer says only that it stopped; on the findings screen it keeps the findings\' exit code', async () => {
  const fresh = startWizard({ flowSet });
  try {
    await fresh.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
    fresh.signal('SIGTERM');
    await fresh.waitFor(() => fresh.exited() !== undefined, 'the wizard to leave');
    assert.deepEqual(fresh.exited(), { exitCode: 130, messages: ['Stopped by SIGTERM.'] });
  } finally {
    fresh.unmount();
  }
  const findings = startWizard({ flowSet });
  try {
    await findings.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
    // "Yes": a Linux app ends in an error finding.
    await findings.press(KEY.enter);
    await findings.waitFor((f) => /ERROR/.test(f), 'the findings');
    findings.signal('SIGHUP');
    await findings.waitFor(() => findings.exited() !== undefined, 'the wizard to leave');
    assert.deepEqual(findings.exited(), { exitCode: 1, messages: ['Stopped by SIGHUP.', STOPPED_SAVED] }, 'the session was complete: its findings decide the code');
  } finally {
    findings.unmount();
  }
});

test('a signal while the quit\'s report is being written stops at once: the signal\'s result, not the report\'s', async () => {
  let writing = () => {};
  const started = new Promise<void>((resolve) => { writing = resolve; });
  // A report that never finishes writing (a hung network share).
  const ui = startWizard({ flowSet, reports: () => { writing(); return new Promise(() => {}); } });
  try {
    await ui.waitFor((f) => f.includes('Is the app on Linux?'), 'the first question');
    await ui.press(KEY.down, KEY.enter);
    await ui.waitFor((f) => f.includes('Tier?'), 'the tier question');
    await ui.press('q');
    await started;
    await ui.waitFor((f) => f.includes('Saving the report and the session'), 'the report being written');
    ui.signal('SIGTERM');
    await ui.waitFor(() => ui.exited() !== undefined, 'the wizard to leave');
    assert.deepEqual(ui.exited(), { exitCode: 130, messages: ['Stopped by SIGTERM.', STOPPED_SAVED] });
  } finally {
    ui.unmount();
  }
});
