/**
 * The wizard as one pure state machine, in XState's style: `transition(setup, state, event)`
 * returns the next state and the effects to run, and runs none (wizard-runtime.ts runs them and
 * turns what comes back into events). Every key goes through screen-state.ts's reducer, applied
 * to the screen the previous key left, so keys that arrive together act exactly as keys typed
 * one by one; keys that arrive while a screen loads are held, and released in order as soon as
 * a screen that takes keys is on show. No React, no Ink, no I/O: tested on its own
 * (test/ui/wizard-machine.test.ts). What commands and chosen rows do is in wizard-moves.ts.
 */
import type { KeyEvent } from './key-events.ts';
import { reduceKey, takeHeld, type Effect } from './screen-state.ts';
import { PROBE_CONFIRM_SCREEN, screenOf, type Screen } from './wizard-screens.ts';
import { act, answer, chosen, copyStep, finish, goTo, probeAsked, saveReport, stopBySignal, then } from './wizard-moves.ts';
import { initialState, type Step, type WizardEvent, type WizardSetup, type WizardState } from './wizard-state.ts';
import type { ActiveSession } from '../session/controller.ts';

export type { Step, WizardEffect, WizardEvent, WizardSetup, WizardState } from './wizard-state.ts';
export type { StopSignal } from './wizard-phase.ts';

/** The controller's session as the wizard opens (a resumed session is live from the first frame). */
export interface SessionSnapshot {
  readonly session: ActiveSession | undefined;
  readonly waiting: boolean;
  readonly saveError: string | undefined;
}

/** The first state and what to start: reading the target's facts when flags named one. */
export function start(setup: WizardSetup, size: WizardState['size'], snapshot: SessionSnapshot): Step {
  const state: WizardState = { ...initialState(setup, size), ...snapshot };
  return state.phase.kind === 'loading' ? goTo({ ...state, phase: { kind: 'start' } }, state.phase) : { state, effects: [] };
}

export function transition(setup: WizardSetup, state: WizardState, event: WizardEvent): Step {
  return release(setup, handle(setup, state, event));
}

function handle(setup: WizardSetup, state: WizardState, event: WizardEvent): Step {
  const { phase } = state;
  const current = (load: number) => phase.kind === 'loading' && load === state.load;
  switch (event.type) {
    case 'key': return onKey(setup, state, event.key);
    case 'resized': return none({ ...state, size: { width: event.width, rows: event.rows } });
    case 'session-changed': return none({ ...state, session: event.session, waiting: event.waiting, saveError: event.saveError });
    case 'probe-asked': return probeAsked(state, { ask: event.ask, request: event.request });
    case 'progress': return none(current(event.load) ? { ...state, progress: event.message } : state);
    case 'facts-loaded': return current(event.load) ? goTo(state, { kind: 'session' }) : none(state);
    case 'load-failed': return phase.kind === 'loading' && current(event.load) ? goTo(state, { kind: 'load-failed', choice: phase.choice, reason: event.reason }) : none(state);
    case 'subscriptions-listed':
      return none(phase.kind === 'pick-app' && state.picker.kind === 'loading-subscriptions' ? { ...state, picker: { kind: 'subscriptions', list: event.list } } : state);
    case 'apps-listed': {
      const { picker } = state;
      const awaited = phase.kind === 'pick-app' && picker.kind === 'loading-apps' && picker.subscription.id === event.subscription.id;
      return none(awaited ? { ...state, picker: { kind: 'apps', subscription: event.subscription, list: event.list } } : state);
    }
    case 'listing-failed': return phase.kind === 'pick-app' ? goTo(state, { kind: 'load-failed', choice: { mode: 'offline' }, reason: event.reason }) : none(state);
    case 'report-saved': return none({ ...state, status: { text: `Report saved to ${event.path}`, tone: 'ok' } });
    case 'report-failed': return none({ ...state, status: { text: `Report not saved: ${event.reason}`, tone: 'error' } });
    case 'signal': return stopBySignal(state, event.signal);
    case 'finished': return finish(setup, state, event.result);
  }
}

/** One key on the screen on show; then keys held meanwhile, if that screen now takes them. */
function onKey(setup: WizardSetup, state: WizardState, key: KeyEvent): Step {
  const screen = screenOf(setup, state);
  const reduced = reduceKey(state.screen, key, screen.view);
  let step: Step = { state: { ...state, screen: reduced.state }, effects: [] };
  for (const effect of reduced.effects) step = then(step, (next) => keyEffect(setup, next, effect, screen));
  return release(setup, step);
}

function keyEffect(setup: WizardSetup, state: WizardState, effect: Effect, screen: Screen): Step {
  switch (effect.type) {
    case 'choose': { const row = screen.rows?.[effect.index]; return row ? chosen(setup, state, row) : none(state); }
    case 'answer': return answer(setup, state, effect.value);
    case 'command': return act(setup, state, effect.command);
    case 'copy': return copyStep(setup, state, effect.step);
    case 'save': return saveReport(state, effect.format ?? setup.reportFormat);
  }
}

/** Keys typed while a screen was loading act on the screen that follows it, in order. */
function release(setup: WizardSetup, step: Step): Step {
  const { state } = step;
  if (state.screen.held.length === 0) return step;
  // Keys typed ahead never answer the probe confirmation: they wait for the first question.
  const { view } = screenOf(setup, state);
  if (view.kind === 'busy' || view.id === PROBE_CONFIRM_SCREEN) return step;
  const taken = takeHeld(state.screen);
  let next: Step = { state: { ...state, screen: taken.state }, effects: step.effects };
  for (const key of taken.keys) next = then(next, (current) => onKey(setup, current, key));
  return next;
}

const none = (state: WizardState): Step => ({ state, effects: [] });
