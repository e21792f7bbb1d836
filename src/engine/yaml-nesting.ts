/**
 * Limits checked on the raw text of a flow, catalogue or answers file before the YAML parser
 * sees it, each in one linear pass:
 * - nesting: a file of nested brackets ("[[[[...") costs the parser seconds and ends in a stack
 *   overflow; so does block nesting ("- - - - ..." or ever deeper indentation);
 * - entries: the parser takes about 0.1 ms per key or list item (more with the bin's V8 flags),
 *   so 60,000 of them in a file under the size limit would take minutes.
 * Flow files nest a few levels and hold a few hundred entries; the limits are far above that.
 */
export const MAX_NESTING = 32;
/** Keys and list items one file may hold: about 1,500 flow nodes, parsed in well under a second. */
export const MAX_ENTRIES = 10_000;

export interface TextShape {
  /**
   * Deepest nesting of flow collections ([ ] and { }) outside quoted scalars and comments. Inside
   * a flow collection every bracket outside quotes is syntax, so the count is exact there; a
   * quote only opens a scalar where YAML allows one (after an indicator or at the line start).
   */
  readonly flowDepth: number;
  /**
   * Upper bound of the mapping keys and list items: every ": " (or ":" before a line end or a
   * flow indicator), every "- " where a node may start, and every comma inside a flow
   * sequence, outside quotes and comments. Colons inside long texts are counted too, so the
   * figure can only be too high, never too low.
   */
  readonly entries: number;
}

export function bracketDepth(text: string): number {
  return textShape(text).flowDepth;
}

const code = (char: string) => char.charCodeAt(0);
const [NEWLINE, RETURN, SPACE, TAB, COLON, COMMA, DASH, QUESTION, HASH, DQUOTE, SQUOTE, LBRACKET, RBRACKET, LBRACE, RBRACE] =
  ['\n', '\r', ' ', '\t', ':', ',', '-', '?', '#', '"', "'", '[', ']', '{', '}'].map(code) as [number, number, number, number, number, number, number, number, number, number, number, number, number, number, number];

/** Character codes after which a token has ended (whitespace, line end, flow indicators; NaN is the end of the text). */
const endsToken = (next: number) => Number.isNaN(next) || next === SPACE || next === TAB || next === NEWLINE || next === RETURN || next === COMMA || next === RBRACKET || next === RBRACE;
/** Where a quote opens a scalar: at a line start or after an indicator. */
const opensNode = (previous: number) => previous === NEWLINE || previous === COLON || previous === COMMA || previous === LBRACKET || previous === LBRACE || previous === DASH || previous === QUESTION;

export function textShape(text: string): TextShape {
  const open: number[] = []; // the flow collections around the current character, innermost last
  let deepest = 0;
  let entries = 0;
  let previous = NEWLINE; // last character outside quotes that is not a space or tab
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if ((char === DQUOTE || char === SQUOTE) && opensNode(previous)) {
      i = closingQuote(text, i);
      previous = char;
      continue;
    }
    if (char === HASH && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if (char === LBRACKET || char === LBRACE) {
      open.push(char);
      deepest = Math.max(deepest, open.length);
    } else if ((char === RBRACKET || char === RBRACE) && open.length > 0) open.pop();
    else if (char === COLON && (endsToken(text.charCodeAt(i + 1)) || previous === DQUOTE || previous === SQUOTE)) entries += 1;
    else if (char === DASH && endsToken(text.charCodeAt(i + 1)) && (previous === NEWLINE || previous === DASH || previous === COLON || previous === QUESTION)) entries += 1;
    // Items of a flow sequence; in a flow mapping the colon already counted the entry.
    else if (char === COMMA && open.at(-1) === LBRACKET) entries += 1;
    if (char !== SPACE && char !== TAB) previous = char;
  }
  return { flowDepth: deepest, entries };
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

/** "- ", "? " or a key and its colon (plain or quoted), at the position where the regex starts. */
const COMPACT_INDICATOR = /[-?](?:[ \t]+|$)|(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[{\]},][^:#]*?)[ \t]*:(?:[ \t]+|$)/y;
/** A line that ends in a block scalar header ("|", ">-", "|2") after its key or dash. */
const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Deepest block nesting, counting the innermost value as a level ("a: 1" is 2, "- - x" is 3):
 * each deeper indentation opens a level, and so does each compact indicator on a line ("- - x", "- key: x", "? x"), as if its content were indented to its
 * column. Text under a line that ends in a scalar (block scalars "|" and ">", and plain texts
 * continued on more indented lines) is skipped: it is text, whatever its indentation.
 */
export function blockDepth(text: string): number {
  const open: number[] = []; // columns of the open levels, increasing
  let deepest = 0;
  let textAbove: number | undefined; // lines indented more than this are the text of a block scalar
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).replace(/\r$/, '');
    start = end + 1;
    let column = 0;
    while (line[column] === ' ') column += 1;
    if (column === line.length || line[column] === '#') continue;
    if (textAbove !== undefined) {
      if (column > textAbove) continue;
      textAbove = undefined;
    }
    if (column === 0 && /^(?:---|\.\.\.|%)/.test(line)) { open.length = 0; continue; }
    while (open.length > 0 && open[open.length - 1]! >= column) open.pop();
    open.push(column);
    let at = column;
    let owner = column; // where the node that owns the rest of the line starts
    for (;;) {
      COMPACT_INDICATOR.lastIndex = at;
      if (!COMPACT_INDICATOR.test(line)) break;
      owner = at;
      at = COMPACT_INDICATOR.lastIndex;
      if (at >= line.length) break;
      open.push(at);
    }
    deepest = Math.max(deepest, open.length);
    if (BLOCK_SCALAR_HEADER.test(line.slice(at))) textAbove = owner;
  }
  return deepest;
}
