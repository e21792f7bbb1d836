import React from 'react';
import { Box, Text } from 'ink';
import { LONG_HELP } from './Footer.tsx';

/** The `?` help, in place of the screen (it fits 80x24); Esc, q or ? closes it. */
export function HelpOverlay(): React.JSX.Element {
  return (
    <Box flexDirection="column">
      {LONG_HELP.map((text, index) => <Text key={index} wrap="truncate-end">{text === '' ? ' ' : text}</Text>)}
    </Box>
  );
}
