import React from 'react';
import { Box, Text } from 'ink';
import { Header } from './Header.tsx';

/**
 * The first frame: drawn as soon as Ink has loaded, while the flows are checked behind it.
 * Plain ASCII on purpose, without the spinner: the first non-ASCII character Ink measures makes
 * string-width set up Intl.Segmenter and its emoji pattern (~20 ms), which would delay this frame;
 * the next screens pay it once the user already sees something.
 */
export function StartingScreen(): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Header />
      <Text>Checking the flows...</Text>
    </Box>
  );
}
