/**
 * How many findings rows fit between the header and the footer, so the frame never outgrows the
 * terminal (a frame taller than the terminal scrolls and Ink redraws it badly). Pure layout.
 */
import { safeText } from '../text/safe-text.ts';
import type { ReportFormat } from '../report/format.ts';
import { wrap } from './findings-lines.ts';
import { footerHeight, type FooterMode, type Status } from './footer-keys.ts';
import type { ScreenState } from './screen-state.ts';

/** Rows the header takes (its row and the blank row below it). */
export const HEADER_HEIGHT = 2;

export interface PageLayout {
  readonly width: number;
  readonly rows: number;
  readonly footerMode: FooterMode;
  readonly status: Status | undefined;
  /** The line above the screen when a save failed. */
  readonly saveError: string | undefined;
  readonly reportFormat: ReportFormat | undefined;
}

export function pageRows(screen: ScreenState, layout: PageLayout): number {
  const footer = footerHeight({
    mode: layout.footerMode, escape: screen.escape, confirm: screen.confirm, copy: screen.copy, canOverride: true, expanded: screen.help, status: layout.status,
    ...(layout.reportFormat ? { reportFormat: layout.reportFormat } : {}),
  }, layout.width);
  const saveErrorRows = layout.saveError === undefined ? 0 : wrap(safeText(layout.saveError), layout.width).length;
  // Diagnosis row, position row, and the row the terminal's cursor sits on below the frame.
  return Math.max(3, layout.rows - HEADER_HEIGHT - footer - saveErrorRows - 3);
}
