/**
 * What the wizard needs from the outside world: the session controller the command built (its
 * flows, fact sources, answers file, store and report exporter: one definition of each), what
 * the start screen offers, and how it begins. Injected, so tests drive the same path with
 * their own fact sources.
 */
import type { ReportFormat } from '../report/format.ts';
import type { SavedSession } from '../session/session-schema.ts';
import type { SessionController } from '../session/controller.ts';
import type { ProbeConsent } from '../session/probe-consent.ts';

/** Where facts come from, and facts as they arrive: the session's own types (one definition each). */
import type { TargetChoice } from '../facts/sources-interface.ts';
import type { LoadedFacts } from '../facts/sources-interface.ts';
export type { LoadedFacts, TargetChoice };

export interface Scenario { readonly id: string; readonly title: string; readonly summary: string }
export interface Subscription { readonly id: string; readonly name: string }
export interface WebApp { readonly id: string; readonly name: string; readonly resourceGroup?: string }

/** Subscription and app lists for the start screen's picker; may throw (e.g. no credential), which the picker reports. */
export interface AppBrowser {
  listSubscriptions(signal: AbortSignal): Promise<readonly Subscription[]>;
  listWebApps(subscriptionId: string, signal: AbortSignal): Promise<readonly WebApp[]>;
}

/** How the wizard begins: at the start screen, straight at a target (flags), or resuming a saved session. */
export type WizardBeginning =
  | { readonly kind: 'start-screen'; readonly saved?: SavedSession }
  | { readonly kind: 'target'; readonly choice: TargetChoice }
  | { readonly kind: 'resume'; readonly saved: SavedSession };

export interface WizardDeps {
  /** The session: flows, fact sources, answers file, saving, the report on `s` and quit, the exit code. */
  readonly session: SessionController;
  readonly beginning: WizardBeginning;
  /** The built-in demo scenarios the start screen offers. */
  readonly scenarios?: readonly Scenario[];
  /** Absent when Azure cannot be browsed: the start screen then offers no picker. */
  readonly browser?: AppBrowser;
  /** A message shown once at the top, e.g. that a corrupt saved session was moved aside. */
  readonly notice?: string;
  /** The format Enter saves in after `s`: the --report file's, else Markdown. */
  readonly reportFormat?: ReportFormat;
  /** --probe: where the fact sources ask before running commands in the app; the wizard shows and answers it. */
  readonly probeConsent?: ProbeConsent;
  /** Puts a step's command on the clipboard; by default through the terminal (OSC 52). */
  readonly copy?: (text: string) => void;
}

export interface WizardResult {
  readonly exitCode: number;
  /** Lines to print after the UI has gone (report path, how to resume). */
  readonly messages: readonly string[];
}
