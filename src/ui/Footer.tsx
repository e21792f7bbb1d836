import React from 'react';
import { Box, Text } from 'ink';
import { safeText } from '../text/safe-text.ts';
import { colour } from './theme.ts';
import { wrap } from './findings-lines.ts';
import type { ReportFormat } from '../report/format.ts';

/** Which keys apply right now. */
export type FooterMode = 'select' | 'text' | 'findings' | 'start' | 'menu' | 'busy' | 'done' | 'help' | 'peek';

export interface Status { readonly text: string; readonly tone: 'ok' | 'warn' | 'error' | 'info' }

export interface FooterProps {
  readonly mode: FooterMode;
  /** An Esc is waiting for its command letter. */
  readonly escape: boolean;
  /** A confirmation waiting for y, or the report's format after `s`. */
  readonly confirm?: 'restart' | 'save';
  /** The format Enter saves in after `s` (--report's, else Markdown). */
  readonly reportFormat?: ReportFormat;
  /** `c` was pressed: the step digits typed so far. */
  readonly copy?: string;
  /** Whether `o` (answer a known fact yourself) is available. */
  readonly canOverride: boolean;
  /** The `?` help is open (drawn by HelpOverlay, above the footer). */
  readonly expanded: boolean;
  /** The last confirmation or problem ("Report saved to ..."), shown above the keys. */
  readonly status?: Status;
  readonly width: number;
}

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

/** The keys that apply, shortest first where space is short. */
export function footerKeys({ mode, escape, confirm, copy, canOverride, reportFormat }: Pick<FooterProps, 'mode' | 'escape' | 'confirm' | 'copy' | 'canOverride' | 'reportFormat'>): readonly string[] {
  const override = canOverride ? ['o override'] : [];
  if (mode === 'done') return [];
  if (mode === 'busy') return ['Ctrl-C quit'];
  if (mode === 'help') return ['Esc, q or ? close the help'];
  if (confirm === 'restart') return ['Restart from the first question? y restart', 'any other key: no'];
  if (confirm === 'save') return ['Save the report as:', `Enter ${reportFormat === 'json' ? 'JSON' : 'Markdown'}`, 'm Markdown', 'j JSON', 'any other key: cancel'];
  if (copy !== undefined) return [`Copy step: ${copy}_`, 'type its number (Enter after several digits)', 'Esc cancel'];
  if (escape) return ['Command:', "d don't know", 'b back', 'r restart', ...override, 'f findings', 's save', 'q quit', '? help', 'Esc cancel'];
  switch (mode) {
    case 'start': return ['Up/Down + Enter choose', 'q quit', '? help'];
    case 'menu': return ['Up/Down + Enter choose', 'b back', 'q quit', '? help'];
    case 'select': return ['Up/Down + Enter choose', 'b back', 'r restart', ...override, 'f findings', 's save report', 'q quit', '? help'];
    case 'peek': return ['PgUp/PgDn j/k g/G scroll', 'c+number copy command', 'f or b back to the question', 'q quit', '? help'];
    case 'findings': return ['PgUp/PgDn j/k g/G scroll', 'c+number copy command', 'b back', 'r restart', ...override, 's save report', 'q quit', '? help'];
    case 'text': return ['Enter submit', "Esc d don't know", 'Esc b back', 'Esc r restart', ...(canOverride ? ['Esc o override'] : []), 'Esc f findings', 'Esc s save', 'Esc q quit', 'Esc ? help'];
  }
}

/** Keys packed into rows of the terminal's width, two spaces apart; a row never starts with a space. */
export function packKeys(keys: readonly string[], width: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const key of keys) {
    const candidate = row === '' ? key : `${row}  ${key}`;
    if (row !== '' && [...candidate].length > width) { rows.push(row); row = key; } else row = candidate;
  }
  if (row !== '') rows.push(row);
  return rows.map((text) => ([...text].length > width ? `${[...text].slice(0, Math.max(1, width - 1)).join('')}…` : text));
}

/** Rows the footer takes, so the screen above it can be sized to fit the terminal. */
export function footerHeight(props: Omit<FooterProps, 'width'>, width: number): number {
  const keys = packKeys(footerKeys(props), width).length;
  const status = props.status ? wrap(safeText(props.status.text), width).length : 0;
  return 1 + status + keys;
}

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
