/**
 * The footer's content and size as plain data: which keys apply on the screen on show, packed
 * into rows of the terminal's width. No React: the wizard's layout (page-rows.ts) sizes the
 * findings pager with it, and Footer.tsx draws it.
 */
import { safeText } from '../text/safe-text.ts';
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

