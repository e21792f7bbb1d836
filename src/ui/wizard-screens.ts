/**
 * The screen on show for a wizard state, as keys see it (screen-state.ts's ScreenView), with what
 * each row of a list means. Pure: derived from the state alone, so a key acts on the screen the
 * previous key left, and WizardApp draws the same screen the keys act on.
 */
import type { EngineState } from '../engine/engine.ts';
import type { AnswerValue } from '../engine/types.ts';
import { withProvenFindings } from '../session/proven-findings.ts';
import { findingsPage } from './findings-lines.ts';
import type { FooterMode } from './footer-keys.ts';
import { LOAD_FAILED_ITEMS, overrideItems, PROBE_CONFIRM_INITIAL, PROBE_CONFIRM_ITEMS, startItems, type LoadFailedChoice, type StartChoice } from './menu-items.ts';
import { pageRows } from './page-rows.ts';
import { pickerItems, pickerScreenId } from './picker-step.ts';
import { syncScreen, type Command, type ScreenState, type ScreenView } from './screen-state.ts';
import { sessionScreen } from './session-screen.ts';
import type { WizardSetup, WizardState } from './wizard-state.ts';

/** What choosing a row of the list on show means. */
export type Chosen =
  | { readonly kind: 'start'; readonly choice: StartChoice }
  | { readonly kind: 'picker'; readonly value: string }
  | { readonly kind: 'probe'; readonly yes: boolean }
  | { readonly kind: 'load-failed'; readonly value: LoadFailedChoice }
  /** A fact to answer by hand, or undefined for Cancel. */
  | { readonly kind: 'override'; readonly fact: string | undefined }
  | { readonly kind: 'answer'; readonly value: AnswerValue };

export interface Screen {
  readonly view: ScreenView;
  readonly rows?: readonly Chosen[];
}

/** The screen id of the probe confirmation (keys typed ahead are kept for later, never replayed onto it). */
export const PROBE_CONFIRM_SCREEN = 'probe-confirm';

const MENU_COMMANDS: readonly Command[] = ['back', 'quit'];

/** The session state as the findings show it: with every finding the facts prove on their own. */
export const diagnosisOf = (setup: WizardSetup, state: EngineState): EngineState => withProvenFindings(setup.engine, state);

/** The saved session the start screen offers to continue. */
export const savedOffer = (setup: WizardSetup) => (setup.beginning.kind === 'start-screen' ? setup.beginning.saved : undefined);

/** Rows left for the findings at the terminal's current size. */
export function findingsRows(setup: WizardSetup, state: WizardState, screen: ScreenState, footerMode: FooterMode): number {
  return pageRows(screen, { ...state.size, footerMode, status: state.status, saveError: state.saveError, reportFormat: setup.reportFormat });
}

export function screenOf(setup: WizardSetup, state: WizardState): Screen {
  const { phase, session } = state;
  switch (phase.kind) {
    case 'start': {
      const items = startItems(savedOffer(setup), setup.scenarios, setup.canPickApp);
      return { view: { kind: 'list', id: 'start', count: items.length, initial: 0, commands: ['quit'] }, rows: items.map((item) => ({ kind: 'start', choice: item.value })) };
    }
    case 'pick-app': {
      const step = state.picker;
      if (step.kind === 'loading-subscriptions' || step.kind === 'loading-apps') return { view: { kind: 'busy', id: pickerScreenId(step), hold: true } };
      const items = pickerItems(step);
      return { view: { kind: 'list', id: pickerScreenId(step), count: items.length, initial: 0, commands: MENU_COMMANDS }, rows: items.map((item) => ({ kind: 'picker', value: item.value })) };
    }
    case 'loading':
      if (!state.probe) return { view: { kind: 'busy', id: `loading:${phase.attempt}`, hold: true } };
      return {
        view: { kind: 'list', id: PROBE_CONFIRM_SCREEN, count: PROBE_CONFIRM_ITEMS.length, initial: PROBE_CONFIRM_INITIAL, commands: ['quit'] },
        rows: PROBE_CONFIRM_ITEMS.map((item) => ({ kind: 'probe', yes: item.value })),
      };
    case 'load-failed':
      return { view: { kind: 'list', id: 'load-failed', count: LOAD_FAILED_ITEMS.length, initial: 0, commands: MENU_COMMANDS }, rows: LOAD_FAILED_ITEMS.map((item) => ({ kind: 'load-failed', value: item.value })) };
    case 'override': {
      if (!session) return { view: { kind: 'busy', id: 'override', hold: false } };
      const items = overrideItems(session.state.path, setup.flowSet);
      // It opens on the fact used last (just above Cancel): the one the engineer most likely doubts.
      return { view: { kind: 'list', id: 'override', count: items.length, initial: Math.max(0, items.length - 2), commands: MENU_COMMANDS }, rows: items.map((item) => ({ kind: 'override', fact: item.value })) };
    }
    case 'peek': {
      if (!session) return { view: { kind: 'busy', id: 'peek', hold: false } };
      const page = findingsPage(diagnosisOf(setup, session.state), state.size.width);
      const view: ScreenView = { kind: 'pager', id: 'peek', lines: page.lines.length, page: 0, steps: page.steps.length, commands: ['back', 'findings', 'quit'] };
      return { view: { ...view, page: findingsRows(setup, state, syncScreen(state.screen, view), 'peek') } };
    }
    // Between a move and the session's change, keys are held for the screen that follows.
    case 'session': {
      if (!session || !state.waiting) return { view: { kind: 'busy', id: 'session', hold: true } };
      const shown = sessionScreen({
        state: session.state, diagnosis: diagnosisOf(setup, session.state), engine: setup.engine, earlier: state.earlier, width: state.size.width,
        pageRows: (view) => findingsRows(setup, state, syncScreen(state.screen, view), 'findings'),
      });
      return { view: shown.view, ...(shown.answers ? { rows: shown.answers.map((value) => ({ kind: 'answer', value })) } : {}) };
    }
    case 'leaving': case 'left': return { view: { kind: 'busy', id: phase.kind, hold: false } };
  }
}
