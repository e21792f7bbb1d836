import React from 'react';
import { Box, Text } from 'ink';
import { SelectList, type SelectListItem } from './SelectList.tsx';
import { safeText } from '../text/safe-text.ts';
import { colour } from './theme.ts';

export type LoadFailedChoice = 'offline' | 'retry' | 'start';

export interface LoadFailedScreenProps {
  /** Why the facts could not be read. */
  readonly reason: string;
  readonly highlight: number;
}

export const LOAD_FAILED_ITEMS: readonly SelectListItem<LoadFailedChoice>[] = [
  { key: 'offline', label: 'Continue without Azure: I will answer the questions myself', value: 'offline' },
  { key: 'retry', label: 'Try again', value: 'retry' },
  { key: 'start', label: 'Choose another target', value: 'start' },
];

/** Reading facts failed (no credential, no access, network): offer to go on without Azure instead of failing. */
export function LoadFailedScreen({ reason, highlight }: LoadFailedScreenProps): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text color={colour('yellow')}>Could not read the facts: {safeText(reason)}</Text>
      <Box marginTop={1}>
        <SelectList items={LOAD_FAILED_ITEMS} highlight={highlight} />
      </Box>
    </Box>
  );
}
