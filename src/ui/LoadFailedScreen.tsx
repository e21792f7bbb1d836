import React from 'react';
import { Box, Text } from 'ink';
import { SelectList } from './SelectList.tsx';
import { LOAD_FAILED_ITEMS } from './menu-items.ts';
import { safeText } from '../text/safe-text.ts';
import { colour } from './theme.ts';

export interface LoadFailedScreenProps {
  /** Why the facts could not be read. */
  readonly reason: string;
  readonly highlight: number;
}

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
