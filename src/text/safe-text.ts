/**
 * Text that came from outside (ARM, answers, flow files) is shown escaped: ANSI escape
 * sequences and other control characters would otherwise be interpreted by the terminal
 * (moving the cursor, retitling the window, hiding text). Newlines and tabs are kept.
 */
import { Buffer } from 'node:buffer';

// C0 controls except \t and \n, DEL, and C1 controls (U+0080-U+009F, which include CSI).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const FIRST_NON_CONTROL = 0xa0;
/** 1 for each code unit below U+00A0 that safeText escapes: one table lookup per character. */
const ESCAPED = new Uint8Array(FIRST_NON_CONTROL).map((_, code) => (code <= 0x08 || (code >= 0x0b && code <= 0x1f) || code >= 0x7f ? 1 : 0));
const HEX_DIGITS = '0123456789abcdef';
const BACKSLASH = 0x5c;
const LETTER_X = 0x78;

/**
 * Replaces each control character with a visible escape such as `\x1b`.
 * Linear: one pass counts the escapes, a second writes the result into a buffer of the exact
 * size, decoded once (a replace callback per character took seconds on 10 MB of escapes).
 */
export function safeText(value: string): string {
  if (!CONTROL.test(value)) return value;
  let escapes = 0;
  let wide = false;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < FIRST_NON_CONTROL) escapes += ESCAPED[code]!;
    else if (code > 0xff) wide = true;
  }
  // One byte per character when every character fits (decoded as latin1), else UTF-16 code units.
  const length = value.length + 3 * escapes;
  const out = wide ? new Uint16Array(length) : new Uint8Array(length);
  let at = 0;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < FIRST_NON_CONTROL && ESCAPED[code] === 1) {
      out[at] = BACKSLASH;
      out[at + 1] = LETTER_X;
      out[at + 2] = HEX_DIGITS.charCodeAt(code >> 4);
      out[at + 3] = HEX_DIGITS.charCodeAt(code & 0xf);
      at += 4;
    } else {
      out[at] = code;
      at += 1;
    }
  }
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString(wide ? 'utf16le' : 'latin1');
}

/** True when the text holds a character safeText would escape. */
export function hasControlCharacters(value: string): boolean {
  return CONTROL.test(value);
}
