import React from 'react';
import { Box, Text } from 'ink';
import type { KeyMode } from './use-wizard-keys.ts';

export interface FooterProps {
  /** Which keys apply right now. */
  readonly mode: KeyMode | 'findings' | 'busy' | 'menu';
  /** An Esc is waiting for its command letter. */
  readonly pending: boolean;
  /** Whether `o` (answer a known fact yourself) is available. */
  readonly canOverride: boolean;
  /** Show the long explanation of every key. */
  readonly expanded: boolean;
}

const LONG_HELP = [
  'Enter        choose the highlighted answer, or submit what you typed',
  'b, Backspace back one question (in a text box: only when it is empty)',
  'r            restart from the first question (facts are kept)',
  'o            answer a question yourself that was filled in from facts',
  's            save the report now; q or Ctrl-C quits and saves it too',
  'Esc + key    the same commands inside a text box, where letters are text;',
  "             Esc d answers \"don't know\"",
  'Your answers are saved as you go: vnet-doctor --resume continues.',
];

/** The key line at the bottom of every screen, so nobody has to remember a key. */
export function Footer({ mode, pending, canOverride, expanded }: FooterProps): React.JSX.Element {
  const override = canOverride ? ['o override'] : [];
  const keys: readonly string[] = pending
    ? ['Command:', "d don't know", 'b back', 'r restart', ...override, 's save', 'q quit', '? help', 'Esc cancel']
    : mode === 'busy' ? ['Ctrl-C quit']
      : mode === 'menu' ? ['Up/Down + Enter choose', 'b back', 'q quit', '? help']
        : mode === 'select' ? ['Up/Down + Enter choose', 'b back', 'r restart', ...override, 's save report', 'q quit', '? help']
          : mode === 'findings' ? ['b back', 'r restart', ...override, 's save report', 'q quit (saves the report)', '? help']
            : ['Enter submit', "Esc d don't know", 'Esc b back', 'Esc r restart', ...(canOverride ? ['Esc o override'] : []), 'Esc s save', 'Esc q quit', '? help'];
  return (
    <Box flexDirection="column" marginTop={1}>
      {expanded && LONG_HELP.map((text) => <Text key={text} dimColor>{text}</Text>)}
      {/* One unit per key so a narrow terminal wraps between keys, never inside one. */}
      <Box flexWrap="wrap" columnGap={2}>
        {keys.map((key) => <Text key={key} dimColor>{key}</Text>)}
      </Box>
    </Box>
  );
}
