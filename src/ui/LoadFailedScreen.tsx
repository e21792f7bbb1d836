import React from 'react';
import { Box, Text } from 'ink';
import { SelectList } from './SelectList.tsx';
import { safeText } from '../text/safe-text.ts';
import { colour } from './theme.ts';

export type LoadFailedChoice = 'offline' | 'retry' | 'start';

export interface LoadFailedScreenProps {
  /** Why the facts could not be read. */
  readonly reason: string;
  readonly isFocused: boolean;
  readonly onChoose: (choice: LoadFailedChoice) => void;
}

/** Reading facts failed (no credential, no access, network): offer to go on without Azure instead of failing. */
export function LoadFailedScreen({ reason, isFocused, onChoose }: LoadFailedScreenProps): React.JSX.Element {
  const items: { key: string; label: string; value: LoadFailedChoice }[] = [
    { key: 'offline', label: 'Continue without Azure: I will answer the questions myself', value: 'offline' },
    { key: 'retry', label: 'Try again', value: 'retry' },
    { key: 'start', label: 'Choose another target', value: 'start' },
  ];
  return (
    <Box flexDirection="column">
      <Text color={colour('yellow')}>Could not read the facts: {safeText(reason)}</Text>
      <Box marginTop={1}>
        <SelectList items={items} isFocused={isFocused} onSelect={onChoose} />
      </Box>
    </Box>
  );
}
