import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import { SelectList } from './SelectList.tsx';
import { safeText } from '../text/safe-text.ts';
import { LoadingScreen } from './LoadingScreen.tsx';
import { colour } from './theme.ts';
import type { FactProvider, Subscription, WebApp } from './wizard-types.ts';

export interface AppPickerProps {
  readonly facts: FactProvider;
  readonly isFocused: boolean;
  /** The chosen app's resource id, or undefined to go back to the start screen. */
  readonly onChoose: (appId: string | undefined) => void;
  /** Listing failed (e.g. no credential): the caller offers offline mode. */
  readonly onError: (reason: string) => void;
}

type Step =
  | { readonly kind: 'loading-subscriptions' }
  | { readonly kind: 'subscriptions'; readonly list: readonly Subscription[] }
  | { readonly kind: 'loading-apps'; readonly subscription: Subscription }
  | { readonly kind: 'apps'; readonly subscription: Subscription; readonly list: readonly WebApp[] };

const BACK = '\u0000back';

/** Subscription, then app: two short lists read from Azure, each with a way back. */
export function AppPicker({ facts, isFocused, onChoose, onError }: AppPickerProps): React.JSX.Element {
  const [step, setStep] = useState<Step>({ kind: 'loading-subscriptions' });

  useEffect(() => {
    const controller = new AbortController();
    if (step.kind === 'loading-subscriptions') {
      facts.listSubscriptions!(controller.signal).then((list) => setStep({ kind: 'subscriptions', list }), (error: Error) => onError(error.message));
    } else if (step.kind === 'loading-apps') {
      facts.listWebApps!(step.subscription.id, controller.signal).then((list) => setStep({ kind: 'apps', subscription: step.subscription, list }), (error: Error) => onError(error.message));
    }
    return () => controller.abort();
  }, [step]);

  if (step.kind === 'loading-subscriptions') return <LoadingScreen message="Listing your subscriptions" />;
  if (step.kind === 'loading-apps') return <LoadingScreen message={`Listing the apps in ${step.subscription.name}`} />;
  if (step.kind === 'subscriptions') {
    const items = [...step.list.map((s) => ({ key: s.id, label: `${safeText(s.name)} (${safeText(s.id)})`, value: s.id })), { key: BACK, label: 'Back', value: BACK }];
    return (
      <Box flexDirection="column">
        <Text bold>Which subscription holds the app?</Text>
        {step.list.length === 0 && <Text color={colour('yellow')}>This account sees no subscription.</Text>}
        <SelectList items={items} isFocused={isFocused} limit={12} onSelect={(value) => {
          const subscription = step.list.find((s) => s.id === value);
          if (subscription) setStep({ kind: 'loading-apps', subscription }); else onChoose(undefined);
        }} />
      </Box>
    );
  }
  const items = [...step.list.map((app) => ({ key: app.id, label: `${safeText(app.name)}${app.resourceGroup ? ` (${safeText(app.resourceGroup)})` : ''}`, value: app.id })), { key: BACK, label: 'Back', value: BACK }];
  return (
    <Box flexDirection="column">
      <Text bold>Which app in {safeText(step.subscription.name)}?</Text>
      {step.list.length === 0 && <Text color={colour('yellow')}>No web app in this subscription.</Text>}
      <SelectList items={items} isFocused={isFocused} limit={12} onSelect={(value) => {
        if (value === BACK) setStep({ kind: 'loading-subscriptions' }); else onChoose(value);
      }} />
    </Box>
  );
}
