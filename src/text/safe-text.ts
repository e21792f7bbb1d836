/**
 * Text that came from outside (ARM, answers, flow files) is shown escaped: ANSI escape
 * sequences and other control characters would otherwise be interpreted by the terminal
 * (moving the cursor, retitling the window, hiding text). Newlines and tabs are kept.
 */

// C0 controls except \t and \n, DEL, and C1 controls (U+0080-U+009F, which include CSI).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Replaces each control character with a visible escape such as `\x1b`. */
export function safeText(value: string): string {
  return value.replace(CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** True when the text holds a character safeText would escape. */
export function hasControlCharacters(value: string): boolean {
  CONTROL.lastIndex = 0;
  return new RegExp(CONTROL.source).test(value);
}
