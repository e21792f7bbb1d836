import React from 'react';
import { Box, Text } from 'ink';
import { safeText } from '../text/safe-text.ts';
import { colour } from './theme.ts';
import { wrap } from './findings-lines.ts';
import { footerKeys, packKeys, type FooterProps } from './footer-keys.ts';

/** The `?` help: every line fits 80 columns (78 with the margin), and it says how to close it. */
export const LONG_HELP = [
  'Enter        choose the highlighted row, or submit what you typed',
  'Up/Down j/k  move in a list; 1-9 move to that row (only Enter answers)',
  'b            back one question (in a text box: Esc b)',
  'r            restart from the first question, after you confirm with y;',
  '             facts are kept and your earlier answers are offered again',
  'o            answer a question yourself that facts filled in',
  'f            the findings so far (in a text box: Esc f); f or b goes back',
  's            save the report now, then Enter for the usual format,',
  '             m Markdown or j JSON; q quits and saves it',
  'Esc + key    the same commands in a text box, where letters are text;',
  '             Esc d answers "don\'t know"; Ctrl-U clears, Ctrl-W deletes a word',
  'Findings     PgUp/PgDn, j/k, g/G scroll; c and a step number copy its command',
  'The session is saved after every answer; vnet-doctor --resume continues it.',
  '',
  'Esc, q or ? closes this help.',
];

const TONE_COLOUR = { ok: 'green', warn: 'yellow', error: 'red' } as const;

/** The status and key rows at the bottom of every screen, so nobody has to remember a key. */
export function Footer(props: FooterProps): React.JSX.Element {
  const { status, width } = props;
  const rows = packKeys(footerKeys(props), width);
  return (
    <Box flexDirection="column" marginTop={1}>
      {status && wrap(safeText(status.text), width).map((row, index) => (
        <Text key={`s${index}`} color={status.tone === 'info' ? undefined : colour(TONE_COLOUR[status.tone])} wrap="truncate-end">{row}</Text>
      ))}
      {rows.map((row, index) => <Text key={`k${index}`} dimColor wrap="truncate-end">{row}</Text>)}
    </Box>
  );
}
