/**
 * The rows of the wizard's menus as plain data: the start screen, a failed load, the --probe
 * confirmation and the override picker. The screens draw them; the wizard's machine
 * (wizard-machine.ts) turns the row chosen into its next step. No React.
 */
import type { PathEntry } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import { describeSaved } from '../session/resume.ts';
import type { SavedSession } from '../session/session-schema.ts';
import { safeText } from '../text/safe-text.ts';
import { formatAutoLine } from './format.ts';
import type { SelectListItem } from './select-item.ts';
import type { Scenario, TargetChoice } from './wizard-types.ts';

export type StartChoice = TargetChoice | { readonly mode: 'resume' } | { readonly mode: 'pick-app' };

/** The start screen's rows: a saved session, an app in Azure, no Azure at all, or a demo. */
export function startItems(saved: SavedSession | undefined, scenarios: readonly Scenario[], canPickApp: boolean): readonly SelectListItem<StartChoice>[] {
  const items: SelectListItem<StartChoice>[] = [];
  if (saved) items.push({ key: 'resume', label: `Continue the interrupted session (${safeText(describeSaved(saved))})`, value: { mode: 'resume' } });
  if (canPickApp) items.push({ key: 'pick', label: 'Pick the app from my Azure subscriptions', value: { mode: 'pick-app' } });
  items.push({ key: 'offline', label: 'No Azure access: I will answer the questions myself', value: { mode: 'offline' } });
  for (const scenario of scenarios) {
    items.push({ key: `demo:${scenario.id}`, label: `Demo: ${safeText(scenario.title)}`, value: { mode: 'demo', scenario: scenario.id } });
  }
  return items;
}

export type LoadFailedChoice = 'offline' | 'retry' | 'start';

export const LOAD_FAILED_ITEMS: readonly SelectListItem<LoadFailedChoice>[] = [
  { key: 'offline', label: 'Continue without Azure: I will answer the questions myself', value: 'offline' },
  { key: 'retry', label: 'Try again', value: 'retry' },
  { key: 'start', label: 'Choose another target', value: 'start' },
];

export const PROBE_CONFIRM_ITEMS: readonly SelectListItem<boolean>[] = [
  { key: 'run', label: 'Yes, run these commands in the app', value: true },
  { key: 'skip', label: 'No, run nothing: I will answer the questions myself', value: false },
];

/** "No" is highlighted first: running commands in a customer's app takes a deliberate choice. */
export const PROBE_CONFIRM_INITIAL = 1;

/** The facts that answered questions (value: the fact key), then Cancel (value: undefined). */
export function overrideItems(path: readonly PathEntry[], flowSet: FlowSet): readonly SelectListItem<string | undefined>[] {
  const seen = new Set<string>();
  const items: SelectListItem<string | undefined>[] = [];
  for (const entry of path) {
    const fact = entry.auto?.fact;
    if (entry.kind !== 'question' || fact === undefined || seen.has(fact)) continue;
    seen.add(fact);
    items.push({ key: fact, label: formatAutoLine(entry, flowSet), value: fact });
  }
  items.push({ key: 'cancel', label: 'Cancel', value: undefined });
  return items;
}

/** Whether any question was answered from a fact (so `o` has something to offer). */
export const hasOverridableFacts = (path: readonly PathEntry[]): boolean => path.some((entry) => entry.kind === 'question' && entry.auto?.fact !== undefined);
