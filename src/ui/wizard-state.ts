/**
 * The wizard's one state, the events that change it and the effects it asks for, as plain data
 * (XState's style: the machine is data; wizard-machine.ts's `transition` returns the next state
 * and effects, and wizard-runtime.ts runs the effects). What the wizard shows is derived from
 * this state alone: WizardApp keeps nothing of its own.
 */
import type { Engine } from '../engine/engine.ts';
import type { AnswerValue, FlowSet } from '../engine/types.ts';
import type { ReportFormat } from '../report/format.ts';
import type { ActiveSession } from '../session/controller.ts';
import type { SessionEnd } from '../session/exit-code.ts';
import type { ProbeRequestShown } from '../session/probe-consent.ts';
import type { SavedSession } from '../session/session-schema.ts';
import type { SessionMove } from '../session/session-move.ts';
import type { Status } from './footer-keys.ts';
import type { KeyEvent } from './key-events.ts';
import type { PickerStep } from './picker-step.ts';
import type { ScreenState } from './screen-state.ts';
import { initialScreenState } from './screen-state.ts';
import { firstPhase, type Phase, type StopSignal } from './wizard-phase.ts';
import type { Scenario, Subscription, TargetChoice, WebApp, WizardBeginning, WizardResult } from './wizard-types.ts';

/** A question of --probe's fact source, numbered by the runtime so that its answer reaches the one who asked. */
export interface PendingProbe {
  readonly ask: number;
  readonly request: ProbeRequestShown;
}

/** What the machine is built with and never changes during a run. */
export interface WizardSetup {
  /** The session's flows and derivations (pure: the machine asks it for the question on show). */
  readonly engine: Engine;
  readonly flowSet: FlowSet;
  readonly beginning: WizardBeginning;
  /** The built-in demo scenarios the start screen offers. */
  readonly scenarios: readonly Scenario[];
  /** Whether Azure can be browsed for an app (the start screen offers the picker). */
  readonly canPickApp: boolean;
  /** The format Enter saves in after `s`: the --report file's, else Markdown. */
  readonly reportFormat?: ReportFormat;
  /** A message shown once at the top, e.g. that a corrupt saved session was moved aside. */
  readonly notice?: string;
}

export interface WizardState {
  readonly phase: Phase;
  /** The keyboard's state of the screen on show, with the keys held while a screen loads. */
  readonly screen: ScreenState;
  /** The last confirmation or problem, shown above the keys. */
  readonly status: Status | undefined;
  /** What the facts being read are doing now. */
  readonly progress: string;
  /** Answers taken back (b, r, o): offered again when their question comes back. */
  readonly earlier: ReadonlyMap<string, AnswerValue>;
  readonly picker: PickerStep;
  /**
   * --probe: the fact source's question waiting for the engineer (the only record that one is
   * pending: the source awaits the `answer-probe` effect with this `ask`).
   */
  readonly probe: PendingProbe | undefined;
  /** The controller's live session, as last reported. */
  readonly session: ActiveSession | undefined;
  /** The session takes the engineer's next move (between a move and the session's change, keys are held). */
  readonly waiting: boolean;
  /** The last save failed, or the flows could not go on; the session goes on regardless. */
  readonly saveError: string | undefined;
  readonly size: { readonly width: number; readonly rows: number };
  /** The number of the latest load of facts (an older load's result is stale). */
  readonly load: number;
  /** Tries of the same target after a failed load. */
  readonly attempts: number;
}

export type WizardEvent =
  | { readonly type: 'key'; readonly key: KeyEvent }
  | { readonly type: 'resized'; readonly width: number; readonly rows: number }
  /** The controller's session changed (a move applied, a background read, a session begun or resumed). */
  | { readonly type: 'session-changed'; readonly session: ActiveSession | undefined; readonly waiting: boolean; readonly saveError: string | undefined }
  /** --probe's fact source asks whether commands may run in the app (it waits for `answer-probe` with the same `ask`). */
  | { readonly type: 'probe-asked'; readonly ask: number; readonly request: ProbeRequestShown }
  | { readonly type: 'progress'; readonly load: number; readonly message: string }
  /** The facts are read and the controller's session began. */
  | { readonly type: 'facts-loaded'; readonly load: number }
  | { readonly type: 'load-failed'; readonly load: number; readonly reason: string }
  | { readonly type: 'subscriptions-listed'; readonly list: readonly Subscription[] }
  | { readonly type: 'apps-listed'; readonly subscription: Subscription; readonly list: readonly WebApp[] }
  | { readonly type: 'listing-failed'; readonly reason: string }
  | { readonly type: 'report-saved'; readonly path: string }
  | { readonly type: 'report-failed'; readonly reason: string }
  /** SIGINT, SIGTERM or SIGHUP reached the process: stop at once (every answer is already saved). */
  | { readonly type: 'signal'; readonly signal: StopSignal }
  /** The controller ended the session: its exit code and messages. */
  | { readonly type: 'finished'; readonly result: WizardResult };

export type WizardEffect =
  /** Read the target's facts and begin the session over them (a newer load abandons an older one). */
  | { readonly type: 'load'; readonly load: number; readonly choice: TargetChoice }
  /** The loading screen is gone: abandon the read. */
  | { readonly type: 'cancel-load' }
  | { readonly type: 'list-subscriptions' }
  | { readonly type: 'list-apps'; readonly subscription: Subscription }
  | { readonly type: 'cancel-listing' }
  | { readonly type: 'resume'; readonly saved: SavedSession }
  /** Hand the engineer's move to the session controller. */
  | { readonly type: 'move'; readonly move: SessionMove }
  /** Deliver the engineer's answer to --probe's question `ask` (no: nothing runs, the questions are asked). */
  | { readonly type: 'answer-probe'; readonly ask: number; readonly yes: boolean }
  | { readonly type: 'copy'; readonly text: string }
  | { readonly type: 'save'; readonly format?: ReportFormat }
  /** Write the report on the way out and say how the session ended (`finished`). */
  | { readonly type: 'finish'; readonly end: SessionEnd }
  /** Leave at once, without the report (a second Ctrl-C while the report is written, a signal). */
  | { readonly type: 'stop-now'; readonly end: SessionEnd };

/** A transition's result. */
export interface Step {
  readonly state: WizardState;
  readonly effects: readonly WizardEffect[];
}

export function initialState(setup: WizardSetup, size: { readonly width: number; readonly rows: number }): WizardState {
  return {
    phase: firstPhase(setup.beginning),
    screen: initialScreenState({ kind: 'busy', id: '', hold: true }),
    status: setup.notice ? { text: setup.notice, tone: 'warn' } : undefined,
    progress: 'Reading facts',
    earlier: new Map(),
    picker: { kind: 'loading-subscriptions' },
    probe: undefined,
    session: undefined,
    waiting: false,
    saveError: undefined,
    size,
    load: 0,
    attempts: 0,
  };
}
