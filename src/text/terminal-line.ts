/**
 * One line of outside text for the terminal, as the wizard shows it: control characters and bidi
 * controls made visible, and a line break shown as `\n`, so a flow title cannot start what looks
 * like another entry of a listing.
 */
import { escapeBidi } from './bidi.ts';
import { safeText } from './safe-text.ts';

export function terminalLine(text: string): string {
  return escapeBidi(safeText(text)).replace(/\n/g, '\\n').replace(/\t/g, ' ');
}
