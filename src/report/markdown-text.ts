/**
 * Small helpers that make outside values safe to drop into Markdown: control characters and bidi
 * controls are shown escaped (safeText, escapeBidi) and Markdown punctuation is backslash-escaped,
 * so a value such as `a|b` cannot split a table cell and `*` or `<script>` cannot change the
 * formatting. A line break inside a paragraph cannot start a block either: no indented code block,
 * list item, heading underline or fence can begin on the next line.
 */
import type { AnswerValue, FactValue, StepKind } from '../engine/types.ts';
import { escapeBidi } from '../text/bidi.ts';
import { safeText } from '../text/safe-text.ts';

/** Outside text with control and bidi characters made visible. */
const visible = (value: string): string => escapeBidi(safeText(value));

/** Line and paragraph separators other than \n, which editors and renderers also break lines at. */
const OTHER_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;

const MARKDOWN_SPECIAL = /[\\`*_[\]<>|#~]/g;

/** For running text and headings: one line, punctuation escaped. */
export function inline(value: string): string {
  return visible(value.replace(OTHER_BREAKS, '\n')).replace(/\n/g, ' ').replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}

/** For paragraphs that may span lines (explanations): punctuation escaped, line breaks kept. */
export function paragraph(value: string): string {
  return visible(value.replace(OTHER_BREAKS, '\n'))
    .split('\n')
    .map((line) => line.trimStart().replace(MARKDOWN_SPECIAL, (char) => `\\${char}`).replace(LIST_ITEM_START, '$1\\$2').replace(BULLET_OR_UNDERLINE_START, '\\$1'))
    .join('\n');
}

/**
 * What starts a block at the beginning of a line once indentation is gone: an ordered list item
 * (`1.` or `1)`), a bullet or setext underline (`-`, `+`, `=`). `*`, `#`, `>` and backticks are
 * already escaped everywhere.
 */
const LIST_ITEM_START = /^(\d{1,9})([.)])(?=\s|$)/;
const BULLET_OR_UNDERLINE_START = /^([-+=])/;

/** Inline code: the delimiter is one backtick longer than the longest run inside the value. */
export function code(value: string): string {
  const text = visible(value.replace(OTHER_BREAKS, '\n')).replace(/\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Language hint per step kind, so ticket systems highlight and nobody pastes Kudu commands into PowerShell. */
export const FENCE_LANGUAGE: Readonly<Record<StepKind, string>> = {
  powershell: 'powershell',
  az: 'bash',
  kudu: 'text',
  portal: 'text',
  manual: 'text',
};

/** A fenced block holding the command exactly (only control characters made visible). */
export function fenced(command: string, language: string): string {
  const text = visible(command.replace(/\r\n?/g, '\n'));
  const longest = Math.max(0, ...[...text.matchAll(/^\s*(`{3,})/gm)].map((match) => match[1]!.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** A fact value or an answer in words. */
export function describeValue(value: FactValue | AnswerValue): string {
  if (value === null) return "don't know";
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.join(', ');
  if (typeof value === 'object') {
    const { host, port } = value as { host: string; port: number };
    return `${host}:${port}`;
  }
  return String(value);
}
