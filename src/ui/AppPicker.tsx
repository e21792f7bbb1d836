import React from 'react';
import { Box, Text } from 'ink';
import { SelectList } from './SelectList.tsx';
import { safeText } from '../text/safe-text.ts';
import { LoadingScreen } from './LoadingScreen.tsx';
import { colour } from './theme.ts';
import { pickerItems, type PickerStep } from './picker-step.ts';

export interface AppPickerProps {
  readonly step: PickerStep;
  readonly highlight: number;
  readonly limit?: number;
}

/** Subscription, then app: two short lists read from Azure, each with a way back. */
export function AppPicker({ step, highlight, limit = 12 }: AppPickerProps): React.JSX.Element {
  if (step.kind === 'loading-subscriptions') return <LoadingScreen message="Listing your subscriptions" />;
  if (step.kind === 'loading-apps') return <LoadingScreen message={`Listing the apps in ${step.subscription.name}`} />;
  const empty = step.list.length === 0;
  return (
    <Box flexDirection="column">
      <Text bold>{step.kind === 'subscriptions' ? 'Which subscription holds the app?' : `Which app in ${safeText(step.subscription.name)}?`}</Text>
      {empty && <Text color={colour('yellow')}>{step.kind === 'subscriptions' ? 'This account sees no subscription.' : 'No web app in this subscription.'}</Text>}
      <SelectList items={pickerItems(step)} highlight={highlight} limit={limit} />
    </Box>
  );
}
