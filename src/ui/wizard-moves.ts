/**
 * What the wizard's commands and chosen rows do, as pure steps of the machine (wizard-machine.ts):
 * the next state and the effects to run. Phase changes go through `goTo`, which starts and
 * abandons the reads that belong to a phase (facts while loading, lists while picking an app).
 */
import type { AnswerValue } from '../engine/types.ts';
import type { ReportFormat } from '../report/format.ts';
import type { SessionMove } from '../session/session-move.ts';
import { copyMessage } from './clipboard.ts';
import { findingsPage, findingsText } from './findings-lines.ts';
import { hasOverridableFacts } from './menu-items.ts';
import { PICKER_BACK } from './picker-step.ts';
import type { Command } from './screen-state.ts';
import { diagnosisOf, savedOffer, type Chosen } from './wizard-screens.ts';
import type { PendingProbe, Step, WizardEffect, WizardSetup, WizardState } from './wizard-state.ts';
import { endForSignal, type SessionEnd } from '../session/exit-code.ts';
import type { Phase, StopSignal } from './wizard-phase.ts';
import type { WizardResult } from './wizard-types.ts';

const none = (state: WizardState): Step => ({ state, effects: [] });

/** Runs `next` on the state `step` left, keeping both steps' effects in order. */
export function then(step: Step, next: (state: WizardState) => Step): Step {
  const after = next(step.state);
  return { state: after.state, effects: [...step.effects, ...after.effects] };
}

const declined = (ask: number): WizardEffect => ({ type: 'answer-probe', ask, yes: false });

/**
 * --probe's fact source asks before running commands in the app: the confirmation takes the
 * loading screen's place. Asked when no facts are loading (the load was abandoned), it is
 * declined at once; a newer question replaces an older one, which is declined.
 */
export function probeAsked(state: WizardState, probe: PendingProbe): Step {
  if (state.phase.kind !== 'loading') return { state, effects: [declined(probe.ask)] };
  return { state: { ...state, probe }, effects: state.probe ? [declined(state.probe.ask)] : [] };
}

/** Leaving the loading screen abandons its read first, then declines the probe's question (so nothing runs and no session begins). */
function leaveLoading(state: WizardState): Step {
  if (state.phase.kind !== 'loading') return none(state);
  const effects: WizardEffect[] = [{ type: 'cancel-load' }];
  if (state.probe) effects.push(declined(state.probe.ask));
  return { state: { ...state, probe: undefined }, effects };
}

/** Enters a phase: leaving the loading screen abandons its read; entering it or the picker starts one. */
export function goTo(state: WizardState, next: Phase): Step {
  const from = state.phase;
  const left = leaveLoading(state);
  const effects: WizardEffect[] = [...left.effects];
  if (from.kind === 'pick-app' && next.kind !== 'pick-app') effects.push({ type: 'cancel-listing' });
  let entered: WizardState = { ...left.state, phase: next };
  if (next.kind === 'loading') {
    const load = state.load + 1;
    entered = { ...entered, load, progress: next.choice.mode === 'demo' ? `Loading the demo scenario ${next.choice.scenario}` : 'Reading facts' };
    effects.push({ type: 'load', load, choice: next.choice });
  }
  if (next.kind === 'pick-app' && from.kind !== 'pick-app') {
    entered = { ...entered, picker: { kind: 'loading-subscriptions' } };
    effects.push({ type: 'list-subscriptions' });
  }
  return { state: entered, effects };
}

/** Hands a move to the session; until the session has changed, keys are held for the screen that follows. */
function move(state: WizardState, sessionMove: SessionMove): Step {
  return { state: { ...state, waiting: false }, effects: [{ type: 'move', move: sessionMove }] };
}

/** An answer to the question on show. */
export function answer(setup: WizardSetup, state: WizardState, value: AnswerValue): Step {
  const question = state.session ? setup.engine.currentQuestion(state.session.state) : undefined;
  if (!question) return none(state);
  return move({ ...state, status: undefined }, { kind: 'answer', question: question.id, value });
}

/** A row of the list on show was chosen (Enter). */
export function chosen(setup: WizardSetup, state: WizardState, row: Chosen): Step {
  const { phase } = state;
  switch (row.kind) {
    case 'start': {
      const { choice } = row;
      if (choice.mode === 'resume') {
        const saved = savedOffer(setup);
        return saved ? then({ state, effects: [{ type: 'resume', saved }] }, (next) => goTo(next, { kind: 'session' })) : none(state);
      }
      return goTo(state, choice.mode === 'pick-app' ? { kind: 'pick-app' } : { kind: 'loading', choice, attempt: 0 });
    }
    case 'picker': return pickerRow(state, row.value);
    case 'probe': {
      const { probe } = state;
      // The answer goes to the question on show; the confirmation goes and the facts load on.
      return probe ? { state: { ...state, probe: undefined }, effects: [{ type: 'answer-probe', ask: probe.ask, yes: row.yes }] } : none(state);
    }
    case 'load-failed': {
      if (phase.kind !== 'load-failed') return none(state);
      if (row.value === 'offline') return goTo(state, { kind: 'loading', choice: { mode: 'offline' }, attempt: 0 });
      if (row.value === 'retry') { const attempts = state.attempts + 1; return goTo({ ...state, attempts }, { kind: 'loading', choice: phase.choice, attempt: attempts }); }
      return goTo(state, { kind: 'start' });
    }
    case 'override': {
      const { session } = state;
      if (row.fact === undefined || !session) return goTo(state, { kind: 'session' });
      // The question opens on the value the fact gave (highlighted, or in the box), not on the first row.
      const used = session.state.path.find((entry) => entry.auto?.fact === row.fact);
      const earlier = used?.question !== undefined && used.answer !== undefined ? new Map(state.earlier).set(used.question, used.answer) : state.earlier;
      return then(move({ ...state, earlier }, { kind: 'override', fact: row.fact }), (next) => goTo(next, { kind: 'session' }));
    }
    case 'answer': return answer(setup, state, row.value);
  }
}

function pickerRow(state: WizardState, value: string): Step {
  const step = state.picker;
  if (step.kind === 'subscriptions') {
    const subscription = step.list.find((s) => s.id === value);
    if (!subscription) return goTo(state, { kind: 'start' });
    return { state: { ...state, picker: { kind: 'loading-apps', subscription } }, effects: [{ type: 'list-apps', subscription }] };
  }
  if (step.kind === 'apps') {
    if (value === PICKER_BACK) return { state: { ...state, picker: { kind: 'loading-subscriptions' } }, effects: [{ type: 'list-subscriptions' }] };
    return goTo(state, { kind: 'loading', choice: { mode: 'arm', appId: value }, attempt: 0 });
  }
  return none(state);
}

/** Remembers the answers about to be taken back, so their questions offer them again. */
function remember(state: WizardState, from: number): WizardState {
  const inputs = state.session?.state.inputs ?? [];
  const earlier = new Map(state.earlier);
  for (const input of inputs.slice(from)) if (input.type === 'answer') earlier.set(input.question, input.value);
  return { ...state, earlier };
}

const info = (state: WizardState, text: string): WizardState => ({ ...state, status: { text, tone: 'info' } });

/**
 * Stops at once, without writing the report (the session controller says what was saved and
 * picks the exit code): a second Ctrl-C while the report is written, or a process signal. Facts
 * still loading are abandoned first.
 */
function stopNow(state: WizardState, end: SessionEnd, signal?: StopSignal): Step {
  const { phase } = state;
  if (phase.kind === 'left') return none(state);
  const from = phase.kind === 'leaving' ? phase.from : phase;
  return then(leaveLoading(state), (next) => ({
    state: { ...next, phase: { kind: 'leaving', from, ...(signal === undefined ? {} : { signal }) } },
    effects: [{ type: 'stop-now', end }],
  }));
}

/** SIGINT (from outside), SIGTERM or SIGHUP: the same way out as a second Ctrl-C, said with the signal's name. */
export const stopBySignal = (state: WizardState, signal: StopSignal): Step => stopNow(state, endForSignal(signal), signal);

/** A command key (b, r, o, d, f, q, Ctrl-C). */
export function act(setup: WizardSetup, state: WizardState, command: Command): Step {
  const { phase } = state;
  if (phase.kind === 'leaving' || phase.kind === 'left') {
    // A second Ctrl-C while the report is being written (a hung disk, a network share) leaves at once.
    return command === 'interrupt' ? stopNow(state, 'interrupted') : none(state);
  }
  if (command === 'interrupt' || command === 'quit') {
    // q is a normal quit; Ctrl-C interrupts. The session controller writes the report and picks the exit code.
    // Facts still loading are abandoned (a probe's question is declined: nothing runs in the app).
    return then(leaveLoading(state), (next) => ({
      state: { ...next, phase: { kind: 'leaving', from: phase }, status: { text: 'Saving the report and the session...', tone: 'info' } },
      effects: [{ type: 'finish', end: command === 'interrupt' ? 'interrupted' : 'normal' }],
    }));
  }
  if (phase.kind === 'override' && command === 'back') return goTo(state, { kind: 'session' });
  if (phase.kind === 'peek' && (command === 'back' || command === 'findings')) return goTo(state, { kind: 'session' });
  if ((phase.kind === 'pick-app' || phase.kind === 'load-failed') && command === 'back') return goTo(state, { kind: 'start' });
  const session = state.session?.state;
  if (phase.kind !== 'session' || !session) return none(state);
  const cleared: WizardState = { ...state, status: undefined };
  switch (command) {
    case 'back':
      if (session.inputs.length === 0) return none(info(cleared, 'This is the first question.'));
      return move(remember(cleared, session.inputs.length - 1), { kind: 'back' });
    case 'restart':
      return move(info(remember(cleared, 0), 'Restarted from the first question; the facts are kept and your earlier answers are offered again.'), { kind: 'restart' });
    case 'override':
      return hasOverridableFacts(session.path) ? goTo(cleared, { kind: 'override' }) : none(info(cleared, 'No question was answered from facts yet.'));
    case 'dont-know': return session.status === 'asking' ? answer(setup, cleared, null) : none(cleared);
    case 'findings': return session.status === 'asking' ? goTo(cleared, { kind: 'peek' }) : none(cleared);
    default: return none(cleared);
  }
}

/** `c` and a step number: its command goes to the clipboard, or the status says why not. */
export function copyStep(setup: WizardSetup, state: WizardState, number: number): Step {
  const steps = state.session ? findingsPage(diagnosisOf(setup, state.session.state), state.size.width).steps : [];
  const step = number >= 1 ? steps[number - 1] : undefined;
  if (!step) return none({ ...state, status: { text: steps.length === 0 ? 'No step has a command to copy.' : `There is no step ${number}: the steps are numbered 1 to ${steps.length}.`, tone: 'warn' } });
  if (step.command === undefined) return none(info(state, `Step ${number} has no command to copy.`));
  return { state: { ...state, status: { text: copyMessage(number), tone: 'ok' } }, effects: [{ type: 'copy', text: step.command }] };
}

/** `s`: the report is written now, in the format asked for. */
export function saveReport(state: WizardState, format: ReportFormat | undefined): Step {
  if (!state.session || state.phase.kind !== 'session') return none(state);
  return { state: info(state, format === 'json' ? 'Writing the JSON report...' : 'Writing the report...'), effects: [{ type: 'save', ...(format === undefined ? {} : { format }) }] };
}

/** The session has ended: the last frame, and what the command prints once the screen is gone. */
export function finish(setup: WizardSetup, state: WizardState, result: WizardResult): Step {
  const { phase } = state;
  if (phase.kind === 'left') return none(state);
  const from = phase.kind === 'leaving' ? phase.from : phase;
  if (phase.kind === 'leaving' && phase.signal !== undefined) {
    // Stopped by a signal: said first, then what the controller saved; the findings are not printed again.
    return none({ ...state, status: undefined, phase: { kind: 'left', from, result: { ...result, messages: [`Stopped by ${phase.signal}.`, ...result.messages] } } });
  }
  // Left from the findings: they go to the normal screen as plain text, each command on one line
  // (the pager, cut to the screen's width, is not drawn again).
  const session = state.session?.state;
  const shownFindings = from.kind === 'session' && session?.status === 'done' ? findingsText(diagnosisOf(setup, session)) : [];
  const final = shownFindings.length === 0 ? result : { ...result, messages: [...shownFindings, '', ...result.messages] };
  return none({ ...state, status: undefined, phase: { kind: 'left', from, result: final } });
}
