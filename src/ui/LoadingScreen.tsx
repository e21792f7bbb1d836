import React from 'react';
import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import { safeText } from '../text/safe-text.ts';

export interface LoadingScreenProps {
  /** What is happening, e.g. "Reading the VNet gateway". */
  readonly message: string;
}

/** A spinner with the latest progress message, so the screen never looks frozen. */
export function LoadingScreen({ message }: LoadingScreenProps): React.JSX.Element {
  return (
    <Box>
      <Text><Spinner type="dots" /> </Text>
      <Text>{safeText(message)}</Text>
    </Box>
  );
}
