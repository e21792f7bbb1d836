/**
 * The app picker as plain data: subscription, then app, each read from Azure with a way back.
 * The wizard's machine (wizard-machine.ts) holds the step; AppPicker.tsx draws it.
 */
import { safeText } from '../text/safe-text.ts';
import type { SelectListItem } from './select-item.ts';
import type { Subscription, WebApp } from './wizard-types.ts';

export type PickerStep =
  | { readonly kind: 'loading-subscriptions' }
  | { readonly kind: 'subscriptions'; readonly list: readonly Subscription[] }
  | { readonly kind: 'loading-apps'; readonly subscription: Subscription }
  | { readonly kind: 'apps'; readonly subscription: Subscription; readonly list: readonly WebApp[] };

/** The value of each list's last row. */
export const PICKER_BACK = '\u0000back';

/** Screen id per step, so each list gets its own highlight. */
export function pickerScreenId(step: PickerStep): string {
  return step.kind === 'apps' || step.kind === 'loading-apps' ? `pick:${step.kind}:${step.subscription.id}` : `pick:${step.kind}`;
}

export function pickerItems(step: PickerStep): readonly SelectListItem<string>[] {
  if (step.kind === 'subscriptions') return [...step.list.map((s) => ({ key: s.id, label: `${safeText(s.name)} (${safeText(s.id)})`, value: s.id })), { key: PICKER_BACK, label: 'Back', value: PICKER_BACK }];
  if (step.kind === 'apps') return [...step.list.map((app) => ({ key: app.id, label: `${safeText(app.name)}${app.resourceGroup ? ` (${safeText(app.resourceGroup)})` : ''}`, value: app.id })), { key: PICKER_BACK, label: 'Back', value: PICKER_BACK }];
  return [];
}
