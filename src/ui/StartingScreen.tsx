import React from 'react';
import { Box } from 'ink';
import { Header } from './Header.tsx';
import { LoadingScreen } from './LoadingScreen.tsx';

/** The first frame: drawn as soon as Ink has loaded, while the flows are checked behind it. */
export function StartingScreen(): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Header />
      <LoadingScreen message="Checking the flows" />
    </Box>
  );
}
