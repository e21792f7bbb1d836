/**
 * Flow, catalogue and answers files nest a few levels. A file of nested brackets ("[[[[...")
 * costs the YAML parser seconds and ends in a stack overflow, so deep nesting is refused before
 * parsing (block-style nesting costs indentation and is refused quickly by the parser itself).
 */
export const MAX_NESTING = 32;

/**
 * Deepest nesting of flow collections ([ ] and { }) outside quoted scalars and comments. Inside
 * a flow collection every bracket outside quotes is syntax, so the count is exact there; a
 * quote only opens a scalar where YAML allows one (after an indicator or at the line start).
 */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let previous = '\n'; // last character outside quotes that is not a space or tab
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if ((char === '"' || char === "'") && '\n:,[{-?'.includes(previous)) {
      i = closingQuote(text, i);
      previous = char;
      continue;
    }
    if (char === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if (char === '[' || char === '{') deepest = Math.max(deepest, (depth += 1));
    else if ((char === ']' || char === '}') && depth > 0) depth -= 1;
    if (char !== ' ' && char !== '\t') previous = char;
  }
  return deepest;
}

/** Index of the quote that closes the scalar opened at `start` ('' and \" are escapes). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i += 1) {
    if (quote === '"' && text[i] === '\\') i += 1;
    else if (quote === "'" && text[i] === "'" && text[i + 1] === "'") i += 1;
    else if (text[i] === quote) return i;
  }
  return text.length;
}
