/**
 * Where the wizard is: the start screen, the app picker, loading facts, a failed load, the
 * session (questions, then findings), the override picker, and leaving. Plain data; the wizard's
 * machine (wizard-machine.ts) keeps the current phase and WizardApp draws the screen it names.
 */
import type { TargetChoice, WizardBeginning, WizardResult } from './wizard-types.ts';

/** The process signals that end the wizard (SIGINT only from outside: in raw mode the terminal's Ctrl-C is a key). */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

export type Phase =
  | { readonly kind: 'start' }
  | { readonly kind: 'pick-app' }
  | { readonly kind: 'loading'; readonly choice: TargetChoice; readonly attempt: number }
  | { readonly kind: 'load-failed'; readonly choice: TargetChoice; readonly reason: string }
  | { readonly kind: 'session' }
  | { readonly kind: 'override' }
  /** The findings so far, over the question (f); f or b goes back to it. */
  | { readonly kind: 'peek' }
  /**
   * Writing the report on the way out, or stopping at once for a process signal (`signal`); the
   * screen that was on show stays.
   */
  | { readonly kind: 'leaving'; readonly from: Phase; readonly signal?: StopSignal }
  /** The last frame: the screen as it was, without keys; the command prints the report path below it. */
  | { readonly kind: 'left'; readonly from: Phase; readonly result: WizardResult };

/** The phase the wizard opens in: flags name a target (load it), --resume continues, else the start screen. */
export const firstPhase = (beginning: WizardBeginning): Phase =>
  beginning.kind === 'resume' ? { kind: 'session' } : beginning.kind === 'target' ? { kind: 'loading', choice: beginning.choice, attempt: 0 } : { kind: 'start' };

/** The phase whose screen is drawn (leaving keeps the screen it left from). */
export const shownPhase = (phase: Phase): Phase => (phase.kind === 'leaving' || phase.kind === 'left' ? shownPhase(phase.from) : phase);
