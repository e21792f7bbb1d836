/**
 * Where facts come from, as the session sees it: the interface every source implements (ARM,
 * a demo scenario's emulator, nothing offline; the probe wraps one) and what it delivers. Kept
 * apart from the session controller so sources and their decorators depend on this small module,
 * not on the controller.
 */
import type { AnswerValue, Facts } from '../engine/types.ts';
import type { NsgTarget } from './nsg-facts.ts';
import type { ReportError, ReportTarget } from './read-outcome.ts';

/** What a session examines, as the user picked it: an app in Azure, a built-in demo scenario, or nothing (offline). */
export type TargetChoice =
  | { readonly mode: 'offline' }
  | { readonly mode: 'demo'; readonly scenario: string }
  | { readonly mode: 'arm'; readonly appId: string };

/** Facts as a source delivers them. */
export interface LoadedFacts {
  readonly facts: Facts;
  readonly errors: readonly ReportError[];
  readonly target: ReportTarget;
}

export interface ReadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (message: string) => void;
}

/** Where facts come from: ARM, a demo scenario's emulator, or nowhere (offline). */
export interface FactSources {
  gather(choice: TargetChoice, options: ReadOptions): Promise<LoadedFacts>;
  /** The NSG of the subnet holding a target address inside the VNet; absent offline. */
  readNsg?(target: ReportTarget, facts: Facts, nsg: NsgTarget, options: ReadOptions): Promise<{ readonly facts: Facts; readonly errors: readonly ReportError[] }>;
}

/** What an answers file brings: facts (which win over what was read: the user checked them) and preset answers. */
export interface PresetInputs {
  readonly facts: Facts;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly answerDetails: Readonly<Record<string, string>>;
}
