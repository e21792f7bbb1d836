/**
 * Bidirectional formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and friends) reorder how the
 * text after them is displayed: `report‮gnp.exe` shows as `reportexe.png`, and a command can look
 * different from what runs. Text from outside is shown with them made visible as `\u202e`, in the
 * terminal and in every exported report. safeText (safe-text.ts) handles control characters; this
 * module handles only the bidi ones, so the two compose.
 */

/** ALM, LRM, RLM, the embeddings and overrides (LRE..RLO) and the isolates (LRI..PDI). */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Each bidi control replaced by a visible `\u202e`-style escape. */
export function escapeBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when the text holds a bidi control. */
export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}
