/**
 * The app picker's data: subscription, then app, each read from Azure with a way back. The list
 * on show is kept in a ref as well as in state, so a key that arrives right after another one
 * acts on the list that key left, not on the last one drawn.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { safeText } from '../text/safe-text.ts';
import type { SelectListItem } from './SelectList.tsx';
import type { FactProvider, Subscription, WebApp } from './wizard-types.ts';

export type PickerStep =
  | { readonly kind: 'loading-subscriptions' }
  | { readonly kind: 'subscriptions'; readonly list: readonly Subscription[] }
  | { readonly kind: 'loading-apps'; readonly subscription: Subscription }
  | { readonly kind: 'apps'; readonly subscription: Subscription; readonly list: readonly WebApp[] };

const BACK = '\u0000back';

export interface AppPickerModel {
  readonly step: PickerStep;
  /** The current step, read at the moment of the call. */
  readonly latest: () => PickerStep;
  /** Starts over at the subscriptions. */
  readonly reset: () => void;
  /** Acts on the row chosen; returns the app id picked, 'back' to leave the picker, or undefined to stay. */
  readonly choose: (index: number) => string | 'back' | undefined;
}

/** Screen id per step, so each list gets its own highlight. */
export function pickerScreenId(step: PickerStep): string {
  return step.kind === 'apps' || step.kind === 'loading-apps' ? `pick:${step.kind}:${step.subscription.id}` : `pick:${step.kind}`;
}

export function pickerItems(step: PickerStep): readonly SelectListItem<string>[] {
  if (step.kind === 'subscriptions') return [...step.list.map((s) => ({ key: s.id, label: `${safeText(s.name)} (${safeText(s.id)})`, value: s.id })), { key: BACK, label: 'Back', value: BACK }];
  if (step.kind === 'apps') return [...step.list.map((app) => ({ key: app.id, label: `${safeText(app.name)}${app.resourceGroup ? ` (${safeText(app.resourceGroup)})` : ''}`, value: app.id })), { key: BACK, label: 'Back', value: BACK }];
  return [];
}

export function useAppPicker(facts: FactProvider, active: boolean, onError: (reason: string) => void): AppPickerModel {
  const [step, setStepState] = useState<PickerStep>({ kind: 'loading-subscriptions' });
  const ref = useRef(step);
  const setStep = useCallback((next: PickerStep) => { ref.current = next; setStepState(next); }, []);
  const report = useRef(onError);
  report.current = onError;

  useEffect(() => {
    if (!active) return undefined;
    const controller = new AbortController();
    const fail = (error: Error) => { if (!controller.signal.aborted) report.current(error.message); };
    if (step.kind === 'loading-subscriptions') {
      facts.listSubscriptions!(controller.signal).then((list) => { if (!controller.signal.aborted) setStep({ kind: 'subscriptions', list }); }, fail);
    } else if (step.kind === 'loading-apps') {
      const { subscription } = step;
      facts.listWebApps!(subscription.id, controller.signal).then((list) => { if (!controller.signal.aborted) setStep({ kind: 'apps', subscription, list }); }, fail);
    }
    return () => controller.abort();
  }, [active, step, facts, setStep]);

  return {
    step,
    latest: () => ref.current,
    reset: () => setStep({ kind: 'loading-subscriptions' }),
    choose: (index) => {
      const current = ref.current;
      const value = pickerItems(current)[index]?.value;
      if (value === undefined) return undefined;
      if (current.kind === 'subscriptions') {
        const subscription = current.list.find((s) => s.id === value);
        if (subscription) { setStep({ kind: 'loading-apps', subscription }); return undefined; }
        return 'back';
      }
      if (current.kind === 'apps') {
        if (value === BACK) { setStep({ kind: 'loading-subscriptions' }); return undefined; }
        return value;
      }
      return undefined;
    },
  };
}
