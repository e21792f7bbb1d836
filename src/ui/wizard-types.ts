/**
 * What the wizard needs from the outside world, injected so tests drive it with fakes and the
 * UI stays free of Azure, file-system and report logic.
 */
import type { Derivations } from '../engine/engine.ts';
import type { AnswerValue, Facts, FlowSet } from '../engine/types.ts';
import type { ReportError, ReportTarget } from '../report/report-model.ts';
import type { SavedSession } from '../session/session-schema.ts';
import type { SessionStore } from '../session/session-store.ts';
import type { SessionController } from '../session/controller.ts';
import type { ProbeConsent } from '../session/probe-consent.ts';
import type { ReportFormat } from '../report/format.ts';
import type { NsgTarget } from '../facts/nsg-facts.ts';
import type { ReportRequest } from '../session/report-export.ts';

/** Where facts come from, and facts as they arrive: the session's own types (one definition each). */
import type { TargetChoice } from '../facts/sources-interface.ts';
import type { LoadedFacts } from '../facts/sources-interface.ts';
export type { LoadedFacts, TargetChoice };

export interface Scenario { readonly id: string; readonly title: string; readonly summary: string }
export interface Subscription { readonly id: string; readonly name: string }
export interface WebApp { readonly id: string; readonly name: string; readonly resourceGroup?: string }

export interface FactProvider {
  gather(choice: TargetChoice, options: { readonly signal: AbortSignal; readonly onProgress: (message: string) => void }): Promise<LoadedFacts>;
  listScenarios(): readonly Scenario[];
  /** Absent when Azure is not reachable at all; may throw (e.g. no credential), which the picker reports. */
  listSubscriptions?(signal: AbortSignal): Promise<readonly Subscription[]>;
  listWebApps?(subscriptionId: string, signal: AbortSignal): Promise<readonly WebApp[]>;
  /** NSG facts for a target address inside the VNet; absent offline. */
  nsgFacts?(target: ReportTarget, facts: Facts, nsg: NsgTarget): Promise<{ readonly facts: Facts; readonly errors: readonly ReportError[] }>;
}

/** What the wizard hands over to write a report: the session's own request (one definition). */
export type { ReportRequest } from '../session/report-export.ts';

/** Writes the findings report and returns the path written (or the saved report naming it); throws with a user-facing message. */
export type ReportWriter = (request: ReportRequest) => Promise<string | { readonly path: string }>;

/** The path a report writer names. */
export const reportPath = (saved: string | { readonly path: string }): string => (typeof saved === 'string' ? saved : saved.path);

/** How the wizard begins: at the start screen, straight at a target (flags), or resuming a saved session. */
export type WizardBeginning =
  | { readonly kind: 'start-screen'; readonly saved?: SavedSession }
  | { readonly kind: 'target'; readonly choice: TargetChoice }
  | { readonly kind: 'resume'; readonly saved: SavedSession };

export interface WizardDeps {
  readonly flowSet: FlowSet;
  readonly derivations: Derivations;
  readonly facts: FactProvider;
  readonly store: SessionStore;
  readonly writeReport: ReportWriter;
  /** The session controller the command built; without it the wizard builds one from the parts above. */
  readonly session?: SessionController;
  readonly beginning: WizardBeginning;
  readonly presetAnswers?: Readonly<Record<string, AnswerValue>>;
  /** Where each preset answer stands in the answers file, shown as its provenance. */
  readonly presetAnswerDetails?: Readonly<Record<string, string>>;
  /** Flow to start in instead of the entry flow (--flow). */
  readonly flow?: string;
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
