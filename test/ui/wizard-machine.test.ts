/**
 * The wizard's pure machine (src/ui/wizard-machine.ts) on its own: events in, state and effects
 * out, with no terminal, no React and no session controller. The events stand for what the
 * runtime reports (the controller's session, reads that finish); the effects are asserted as data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine, type EngineState } from '../../src/engine/engine.ts';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import { decodeKeys } from '../../src/ui/key-events.ts';
import { start, transition, type Step, type WizardEffect, type WizardEvent, type WizardSetup, type WizardState } from '../../src/ui/wizard-machine.ts';
import { screenOf } from '../../src/ui/wizard-screens.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();
const engine = createEngine(flowSet, DERIVATIONS);
const SIZE = { width: 100, rows: 40 };
const offline = { mode: 'offline' } as const;

const setupFor = (beginning: WizardSetup['beginning'] = { kind: 'target', choice: offline }): WizardSetup =>
  ({ engine, flowSet, beginning, scenarios: [], canPickApp: false });

/** Feeds events one after the other, collecting every effect in order. */
function run(setup: WizardSetup, from: Step, ...events: WizardEvent[]): { readonly state: WizardState; readonly effects: WizardEffect[] } {
  let state = from.state;
  const effects = [...from.effects];
  for (const event of events) {
    const step = transition(setup, state, event);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const keys = (data: string): WizardEvent[] => decodeKeys(data).map((key) => ({ type: 'key', key }));
const session = (state: EngineState) => ({ session: { state, target: { mode: 'offline' as const }, errors: [] }, saveError: undefined });
const waitingAt = (state: EngineState): WizardEvent => ({ type: 'session-changed', ...session(state), waiting: true });
const busyAt = (state: EngineState): WizardEvent => ({ type: 'session-changed', ...session(state), waiting: false });
const moves = (effects: readonly WizardEffect[]) => effects.flatMap((effect) => (effect.type === 'move' ? [effect.move] : []));
const noSession = { session: undefined, waiting: false, saveError: undefined };

test('a target named by flags is loaded at once; keys typed while it loads are held, then applied in order once the first question waits', () => {
  const setup = setupFor();
  const first = start(setup, SIZE, noSession);
  assert.deepEqual(first.effects, [{ type: 'load', load: 1, choice: offline }]);
  const fresh = engine.start({}, {});
  // Down and Enter: "No" to "Is the app on Linux?", typed before the screen exists.
  const loading = run(setup, first, ...keys('\u001b[B\r'));
  assert.equal(loading.state.screen.held.length, 2, 'both keys are held');
  assert.equal(moves(loading.effects).length, 0, 'nothing is answered while the facts load');
  const loaded = run(setup, loading, busyAt(fresh), { type: 'facts-loaded', load: 1 });
  assert.equal(loaded.state.phase.kind, 'session');
  assert.ok(loaded.effects.some((effect) => effect.type === 'cancel-load'), 'leaving the loading screen abandons its read and any probe question');
  assert.equal(loaded.state.screen.held.length, 2, 'still held: the session does not wait on the engineer yet');
  const asked = run(setup, loaded, waitingAt(fresh));
  assert.deepEqual(moves(asked.effects), [{ kind: 'answer', question: 'eligible/ask-linux', value: false }]);
  assert.equal(asked.state.screen.held.length, 0);
  assert.equal(asked.state.waiting, false, 'after a move, keys wait for the next screen');
});

test('a burst of keys acts as the same keys typed one by one: keys after an answer wait for the next question', () => {
  const setup = setupFor();
  const fresh = engine.start({}, {});
  const asking = run(setup, start(setup, SIZE, noSession), busyAt(fresh), { type: 'facts-loaded', load: 1 }, waitingAt(fresh));
  // "No" to Linux, then Down Down Enter meant for the tier question, all in one read.
  const burst = run(setup, { state: asking.state, effects: [] }, ...keys('\u001b[B\r\u001b[B\u001b[B\r'));
  assert.deepEqual(moves(burst.effects), [{ kind: 'answer', question: 'eligible/ask-linux', value: false }]);
  assert.equal(burst.state.screen.held.length, 3, 'the tier keys wait for the tier question');
  const next = engine.answer(fresh, false);
  const answered = run(setup, { state: burst.state, effects: [] }, busyAt(next), waitingAt(next));
  assert.deepEqual(moves(answered.effects), [{ kind: 'answer', question: 'eligible/ask-tier', value: 'Standard' }]);
});

test('an older load that finishes late changes nothing; a failed load offers to go on without Azure, retry or pick another target', () => {
  const app = { mode: 'arm', appId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a' } as const;
  const setup = setupFor({ kind: 'target', choice: app });
  const failed = run(setup, start(setup, SIZE, noSession), { type: 'load-failed', load: 0, reason: 'stale' });
  assert.equal(failed.state.phase.kind, 'loading', 'a stale failure is ignored');
  const offered = run(setup, failed, { type: 'load-failed', load: 1, reason: 'no Azure credential available' });
  assert.deepEqual(offered.state.phase, { kind: 'load-failed', choice: app, reason: 'no Azure credential available' });
  const retried = run(setup, { state: offered.state, effects: [] }, ...keys('\u001b[B\r'));
  assert.deepEqual(retried.effects, [{ type: 'load', load: 2, choice: app }], 'Try again reads the same app');
  const failedAgain = run(setup, { state: retried.state, effects: [] }, { type: 'load-failed', load: 2, reason: 'still no credential' });
  assert.deepEqual(failedAgain.effects, [{ type: 'cancel-load' }]);
  const again = screenOf(setup, failedAgain.state).view;
  assert.ok(again.kind === 'list' && again.id === 'load-failed');
  const gaveUp = run(setup, { state: failedAgain.state, effects: [] }, ...keys('\u001b[A\r'));
  assert.deepEqual(gaveUp.effects, [{ type: 'load', load: 3, choice: offline }], 'the first row goes on without Azure');
  assert.deepEqual(gaveUp.state.phase, { kind: 'loading', choice: offline, attempt: 0 });
});

test('the screen follows the session: when a background read moves the session on, the next key acts on the question now shown', () => {
  const setup = setupFor();
  const fresh = engine.start({}, {});
  const asking = run(setup, start(setup, SIZE, noSession), busyAt(fresh), { type: 'facts-loaded', load: 1 }, waitingAt(fresh));
  assert.match(screenOf(setup, asking.state).view.id, /^q:eligible\/ask-linux:/);
  const moved = engine.answer(fresh, false);
  const followed = run(setup, { state: asking.state, effects: [] }, waitingAt(moved));
  assert.match(screenOf(setup, followed.state).view.id, /^q:eligible\/ask-tier:/);
  const entered = run(setup, { state: followed.state, effects: [] }, ...keys('\r'));
  assert.deepEqual(moves(entered.effects), [{ kind: 'answer', question: 'eligible/ask-tier', value: 'Free' }]);
});

test('keys typed ahead never answer the probe confirmation; its own Enter declines (No is highlighted first), then the held keys reach the first question', () => {
  const setup = setupFor();
  const request = { appId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a', commands: ['tcpping sql01:1433'] };
  const asked = run(setup, start(setup, SIZE, noSession), ...keys('\r'), { type: 'probe-asked', ask: 1, request });
  assert.equal(asked.state.screen.held.length, 1, 'the typed-ahead Enter stays held on the confirmation');
  assert.equal(screenOf(setup, asked.state).view.id, 'probe-confirm');
  const declined = run(setup, { state: asked.state, effects: [] }, ...keys('\r'));
  assert.deepEqual(declined.effects, [{ type: 'answer-probe', ask: 1, yes: false }]);
  assert.equal(declined.state.probe, undefined, 'answered: no question is pending any more');
  assert.equal(screenOf(setup, declined.state).view.kind, 'busy', 'the facts load on behind the loading screen');
  const fresh = engine.start({}, {});
  const first = run(setup, { state: declined.state, effects: [] }, busyAt(fresh), { type: 'facts-loaded', load: 1 }, waitingAt(fresh));
  assert.deepEqual(moves(first.effects), [{ kind: 'answer', question: 'eligible/ask-linux', value: true }]);
});

test("the probe's question is the machine's: yes goes to the question asked, a newer question declines the older one, and one asked after the load is gone is declined at once", () => {
  const setup = setupFor();
  const request = (command: string) => ({ appId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a', commands: [command] });
  const loading = start(setup, SIZE, noSession);
  const first = run(setup, { state: loading.state, effects: [] }, { type: 'probe-asked', ask: 1, request: request('tcpping a:1') });
  assert.deepEqual(first.effects, []);
  assert.deepEqual(first.state.probe, { ask: 1, request: request('tcpping a:1') });
  const second = run(setup, { state: first.state, effects: [] }, { type: 'probe-asked', ask: 2, request: request('tcpping b:2') });
  assert.deepEqual(second.effects, [{ type: 'answer-probe', ask: 1, yes: false }], 'the older question is declined');
  assert.deepEqual(second.state.probe?.request.commands, ['tcpping b:2'], 'the newer one is on show');
  // 1 picks "Yes, run these commands", Enter confirms it.
  const yes = run(setup, { state: second.state, effects: [] }, ...keys('1'), ...keys('\r'));
  assert.deepEqual(yes.effects, [{ type: 'answer-probe', ask: 2, yes: true }]);
  assert.equal(yes.state.probe, undefined);
  const again = run(setup, { state: yes.state, effects: [] }, ...keys('\r'));
  assert.deepEqual(again.effects, [], 'a second Enter answers nothing: the question was answered');
  const fresh = engine.start({}, {});
  const loaded = run(setup, { state: yes.state, effects: [] }, busyAt(fresh), { type: 'facts-loaded', load: 1 });
  const late = run(setup, { state: loaded.state, effects: [] }, { type: 'probe-asked', ask: 3, request: request('tcpping c:3') });
  assert.deepEqual(late.effects, [{ type: 'answer-probe', ask: 3, yes: false }], 'no loading screen: declined, nothing runs');
  assert.equal(late.state.probe, undefined);
});

test('q or Ctrl-C on the probe confirmation abandons the load first, then declines the question, then leaves', () => {
  const setup = setupFor();
  const request = { appId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a', commands: ['tcpping sql01:1433'] };
  const asked = run(setup, start(setup, SIZE, noSession), { type: 'probe-asked', ask: 7, request });
  for (const [key, end] of [['q', 'normal'], ['\u0003', 'interrupted']] as const) {
    const left = run(setup, { state: asked.state, effects: [] }, ...keys(key));
    assert.deepEqual(left.effects, [{ type: 'cancel-load' }, { type: 'answer-probe', ask: 7, yes: false }, { type: 'finish', end }], JSON.stringify(key));
    assert.equal(left.state.probe, undefined);
    assert.equal(left.state.phase.kind, 'leaving');
    const tooLate = run(setup, { state: left.state, effects: [] }, { type: 'probe-asked', ask: 8, request });
    assert.deepEqual(tooLate.effects, [{ type: 'answer-probe', ask: 8, yes: false }], 'a question asked while leaving is declined');
  }
});

test('b remembers the answer taken back, so its question offers it again; the first question says there is nothing before it', () => {
  const setup = setupFor();
  const fresh = engine.start({}, {});
  const asking = run(setup, start(setup, SIZE, noSession), busyAt(fresh), { type: 'facts-loaded', load: 1 }, waitingAt(fresh));
  const first = run(setup, { state: asking.state, effects: [] }, ...keys('b'));
  assert.deepEqual(first.state.status, { text: 'This is the first question.', tone: 'info' });
  assert.deepEqual(moves(first.effects), []);
  const answered = engine.answer(fresh, false);
  const back = run(setup, { state: first.state, effects: [] }, waitingAt(answered), ...keys('b'));
  assert.deepEqual(moves(back.effects), [{ kind: 'back' }]);
  assert.equal(back.state.earlier.get('eligible/ask-linux'), false);
  const again = run(setup, { state: back.state, effects: [] }, waitingAt(fresh));
  const view = screenOf(setup, again.state).view;
  assert.ok(view.kind === 'list' && view.initial === 1, 'the earlier "No" is highlighted');
});

test('Ctrl-C saves on the way out; a second Ctrl-C leaves at once; the result arrives once', () => {
  const setup = setupFor();
  const fresh = engine.start({}, {});
  const asking = run(setup, start(setup, SIZE, noSession), busyAt(fresh), { type: 'facts-loaded', load: 1 }, waitingAt(fresh));
  const leaving = run(setup, { state: asking.state, effects: [] }, ...keys('\u0003'));
  assert.deepEqual(leaving.effects, [{ type: 'finish', end: 'interrupted' }]);
  assert.equal(leaving.state.phase.kind, 'leaving');
  assert.match(leaving.state.status?.text ?? '', /Saving the report and the session/);
  const twice = run(setup, { state: leaving.state, effects: [] }, ...keys('q\u0003'));
  assert.deepEqual(twice.effects, [{ type: 'stop-now', end: 'interrupted' }], 'q is ignored while leaving; Ctrl-C stops now');
  const result = { exitCode: 130, messages: ['stopped'] };
  const left = run(setup, { state: twice.state, effects: [] }, { type: 'finished', result }, { type: 'finished', result: { exitCode: 0, messages: [] } });
  assert.deepEqual(left.state.phase, { kind: 'left', from: { kind: 'session' }, result });
});

test('the app picker lists subscriptions, then apps, and loads the app chosen; a listing that fails offers to go on without Azure', () => {
  const setup: WizardSetup = { ...setupFor({ kind: 'start-screen' }), canPickApp: true };
  const atStart = start(setup, SIZE, noSession);
  assert.equal(atStart.state.phase.kind, 'start');
  const picking = run(setup, atStart, ...keys('\r'), ...keys('\r'));
  assert.deepEqual(picking.effects, [{ type: 'list-subscriptions' }], 'the Enter typed while the list loads is held');
  const subscription = { id: 'sub-1', name: 'Contoso' };
  const listed = run(setup, { state: picking.state, effects: [] }, { type: 'subscriptions-listed', list: [subscription] });
  assert.deepEqual(listed.effects, [{ type: 'list-apps', subscription }], 'the held Enter chose the first subscription');
  const app = { id: '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Web/sites/web1', name: 'web1' };
  const chosen = run(setup, { state: listed.state, effects: [] }, { type: 'apps-listed', subscription, list: [app] }, ...keys('\r'));
  assert.deepEqual(chosen.effects, [{ type: 'cancel-listing' }, { type: 'load', load: 1, choice: { mode: 'arm', appId: app.id } }]);
  const again = run(setup, atStart, ...keys('\r'), { type: 'listing-failed', reason: 'no Azure credential available' });
  assert.deepEqual(again.state.phase, { kind: 'load-failed', choice: offline, reason: 'no Azure credential available' });
});

test('the machine is pure: it imports no React, no Ink and nothing that does I/O', async () => {
  const { readFileSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const seen = new Set<string>();
  const bad: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else if (/^(react|ink)(\/|$)|^ink-|^node:(fs|net|http|https|child_process)/.test(spec) || /\.tsx$/.test(spec)) bad.push(`${file} imports ${spec}`);
    }
  };
  visit(fileURLToPath(new URL('../../src/ui/wizard-machine.ts', import.meta.url)));
  assert.deepEqual(bad, []);
  assert.ok(seen.size > 5, 'the walk followed the imports');
});

test('s then Enter saves in the usual format and the status says where; c and a step number copy its command, or say why not', () => {
  const setup: WizardSetup = { ...setupFor(), reportFormat: 'json' };
  const done = engine.answer(engine.start({}, {}), true);
  assert.equal(done.status, 'done', 'Linux: the findings');
  const findings = run(setup, start(setup, SIZE, noSession), busyAt(done), { type: 'facts-loaded', load: 1 }, waitingAt(done));
  assert.equal(screenOf(setup, findings.state).view.kind, 'pager');
  const saving = run(setup, { state: findings.state, effects: [] }, ...keys('s\r'));
  assert.deepEqual(saving.effects, [{ type: 'save', format: 'json' }], "Enter saves in --report's format");
  assert.match(saving.state.status?.text ?? '', /Writing the JSON report/);
  const saved = run(setup, { state: saving.state, effects: [] }, { type: 'report-saved', path: '/tmp/r.json' });
  assert.deepEqual(saved.state.status, { text: 'Report saved to /tmp/r.json', tone: 'ok' });
  const failed = run(setup, { state: saved.state, effects: [] }, ...keys('sm'), { type: 'report-failed', reason: 'disk full' });
  assert.deepEqual(failed.effects, [{ type: 'save', format: 'md' }]);
  assert.deepEqual(failed.state.status, { text: 'Report not saved: disk full', tone: 'error' });
  const copied = run(setup, { state: failed.state, effects: [] }, ...keys('c9'));
  assert.deepEqual(copied.effects, [], 'no step 9: nothing is copied');
  assert.deepEqual(copied.state.status, { text: 'There is no step 9: the steps are numbered 1 to 1.', tone: 'warn' });
  const manual = run(setup, { state: copied.state, effects: [] }, ...keys('c1'));
  assert.deepEqual(manual.effects, [], 'a manual step has no command');
  assert.deepEqual(manual.state.status, { text: 'Step 1 has no command to copy.', tone: 'info' });
});

test('the start screen continues the saved session; o and a fact offer the value the fact gave when its question comes back', () => {
  const saved = { format: 1 as const, savedAt: '2026-11-25T12:01:00.000Z', target: { mode: 'offline' as const }, facts: {}, presetAnswers: {}, inputs: [] };
  const setup = setupFor({ kind: 'start-screen', saved });
  const resumed = run(setup, start(setup, SIZE, noSession), ...keys('\r'));
  assert.deepEqual(resumed.effects, [{ type: 'resume', saved }]);
  assert.equal(resumed.state.phase.kind, 'session');
  const byFact = engine.start({ 'app.isLinux': { value: false, source: 'arm', detail: 'site a' } }, {});
  const asking = run(setup, { state: resumed.state, effects: [] }, waitingAt(byFact));
  const picking = run(setup, { state: asking.state, effects: [] }, ...keys('o'));
  assert.equal(picking.state.phase.kind, 'override');
  const overridden = run(setup, { state: picking.state, effects: [] }, ...keys('\r'));
  assert.deepEqual(moves(overridden.effects), [{ kind: 'override', fact: 'app.isLinux' }]);
  assert.equal(overridden.state.earlier.get('eligible/ask-linux'), false, 'the question opens on the value the fact gave');
  assert.equal(overridden.state.phase.kind, 'session');
});

test('a signal leaves at once by the same way out as a second Ctrl-C: stop-now with the end the signal means, the result said with its name and no findings printed again', () => {
  const setup = setupFor();
  const fresh = engine.start({}, {});
  const asking = run(setup, start(setup, SIZE, noSession), busyAt(fresh), { type: 'facts-loaded', load: 1 }, waitingAt(fresh));
  for (const [signal, end] of [['SIGTERM', 'interrupted'], ['SIGINT', 'interrupted'], ['SIGHUP', 'hangup']] as const) {
    const stopping = run(setup, { state: asking.state, effects: [] }, { type: 'signal', signal });
    assert.deepEqual(stopping.effects, [{ type: 'stop-now', end }], signal);
    assert.equal(stopping.state.phase.kind, 'leaving');
    const saved = 'Stopped before the report was written. Your answers are saved. Continue with: vnet-doctor --resume';
    const left = run(setup, { state: stopping.state, effects: [] }, { type: 'finished', result: { exitCode: 130, messages: [saved] } }, ...keys('\u0003'), { type: 'signal', signal });
    assert.deepEqual(left.effects, [], 'after the wizard has left, keys and signals change nothing');
    assert.deepEqual(left.state.phase.kind === 'left' && left.state.phase.result, { exitCode: 130, messages: [`Stopped by ${signal}.`, saved] });
  }
  // On the findings screen: the controller's result (exit code of the findings) is kept, the findings are not printed again.
  const done = engine.answer(fresh, true);
  const findings = run(setup, start(setup, SIZE, noSession), busyAt(done), { type: 'facts-loaded', load: 1 }, waitingAt(done));
  const hungUp = run(setup, { state: findings.state, effects: [] }, { type: 'signal', signal: 'SIGHUP' }, { type: 'finished', result: { exitCode: 1, messages: [] } });
  assert.deepEqual(hungUp.state.phase.kind === 'left' && hungUp.state.phase.result, { exitCode: 1, messages: ['Stopped by SIGHUP.'] });
  const quit = run(setup, { state: findings.state, effects: [] }, ...keys('q'), { type: 'finished', result: { exitCode: 1, messages: [] } });
  assert.ok(quit.state.phase.kind === 'left' && quit.state.phase.result.messages.length > 0, 'q on the findings prints them (the signal does not)');
});

test('a signal while the report is written on the way out stops at once and is what the wizard says; one while facts load abandons them and declines the probe', () => {
  const setup = setupFor();
  const fresh = engine.start({}, {});
  const asking = run(setup, start(setup, SIZE, noSession), busyAt(fresh), { type: 'facts-loaded', load: 1 }, waitingAt(fresh));
  const writing = run(setup, { state: asking.state, effects: [] }, ...keys('q'));
  assert.deepEqual(writing.effects, [{ type: 'finish', end: 'normal' }]);
  const stopped = run(setup, { state: writing.state, effects: [] }, { type: 'signal', signal: 'SIGTERM' });
  assert.deepEqual(stopped.effects, [{ type: 'stop-now', end: 'interrupted' }]);
  const result = { exitCode: 130, messages: ['Stopped before the report was written.'] };
  // The stop's result arrives first; the report's late result changes nothing.
  const left = run(setup, { state: stopped.state, effects: [] }, { type: 'finished', result }, { type: 'finished', result: { exitCode: 0, messages: ['Report written to r.md'] } });
  assert.deepEqual(left.state.phase, { kind: 'left', from: { kind: 'session' }, result: { exitCode: 130, messages: ['Stopped by SIGTERM.', ...result.messages] } });

  const request = { appId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a', commands: ['tcpping sql01:1433'] };
  const asked = run(setup, start(setup, SIZE, noSession), { type: 'probe-asked', ask: 4, request });
  const hungUp = run(setup, { state: asked.state, effects: [] }, { type: 'signal', signal: 'SIGHUP' });
  assert.deepEqual(hungUp.effects, [{ type: 'cancel-load' }, { type: 'answer-probe', ask: 4, yes: false }, { type: 'stop-now', end: 'hangup' }]);
  assert.equal(hungUp.state.probe, undefined);
});
