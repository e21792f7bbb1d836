/**
 * The regular expressions a catalogue or a condition may hold (`matches`, `replace`): a subset
 * whose backtracking is bounded, so no flow file can stall the tool. No backreferences or
 * lookaround; a repeated group (`(...)*`, `+`, `{n,m}`; `?` may) holds neither a repeat nor a `|`; and
 * the paths a match can try (the start positions, one for `^...`, times the choices of every repeat and every
 * `|`, on a text of MAX_MATCHED_TEXT characters) stay within MAX_MATCH_PATHS. Patterns are short
 * and matched without case against bounded text only.
 */
import { MAX_MATCHED_TEXT, MAX_PATTERN_LENGTH } from './flow-format.ts';

/** The most paths a pattern may let a match try on the longest text matched (a few milliseconds of work). */
export const MAX_MATCH_PATHS = 10_000_000;

/** Why a pattern is refused, or undefined when it is accepted. */
export function patternProblem(source: unknown): string | undefined {
  if (typeof source !== 'string' || source === '') return 'must be a non-empty regular expression text';
  if (source.length > MAX_PATTERN_LENGTH) return `is ${source.length} characters long; at most ${MAX_PATTERN_LENGTH} are accepted`;
  try {
    new RegExp(source, 'i');
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'may not use backreferences';
  if (/\(\?<?[=!]/.test(source)) return 'may not use lookahead or lookbehind';
  const shape = measure(source);
  if (shape.nested) return 'repeats a group that itself repeats or holds "|" (it could take exponential time): write it without the nesting';
  if (shape.paths > MAX_MATCH_PATHS) {
    return `lets a match try about ${shape.paths.toExponential(0)} paths on a ${MAX_MATCHED_TEXT}-character text (at most ${MAX_MATCH_PATHS.toExponential(0)}): use fewer repeats (*, +, ?, {n,m}) or alternatives (|); one open-ended repeat is fine`;
  }
  return undefined;
}

const cache = new Map<string, RegExp>();
/** The compiled pattern (the loader has refused every pattern patternProblem objects to). */
export function compilePattern(source: string): RegExp {
  let pattern = cache.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'i');
    if (cache.size < 1000) cache.set(source, pattern);
  }
  return pattern;
}

/** Whether `text` is short enough to match against (longer values stay unknown). */
export const matchable = (text: string): boolean => text.length <= MAX_MATCHED_TEXT;

/**
 * Whether a group that holds a repeat or an alternation is itself repeated, and how many paths a
 * match can try at most: start positions x the choices of each repeat (open-ended: the text's
 * length) x the branches of each alternation.
 */
function measure(source: string): { nested: boolean; paths: number } {
  const groups: { risky: boolean; branches: number }[] = [];
  let paths = MAX_MATCHED_TEXT;
  let topBranches = 1;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (char === '\\') { i += 1; continue; }
    if (inClass) { if (char === ']') inClass = false; continue; }
    if (char === '[') { inClass = true; continue; }
    if (char === '(') {
      groups.push({ risky: false, branches: 1 });
      if (source[i + 1] === '?') i += 1; // (?: and (?<name>: that ? is no repeat
      continue;
    }
    if (char === '|') {
      const group = groups.at(-1);
      if (group) { group.risky = true; group.branches += 1; } else topBranches += 1;
      continue;
    }
    if (char === ')') {
      const group = groups.pop();
      paths *= group?.branches ?? 1;
      const repeat = repeatAt(source, i + 1);
      // An optional group (`(...)?`) only doubles the paths; any other repeat of a group that
      // repeats or branches inside multiplies them without bound.
      if (group?.risky && repeat && source[i + 1] !== '?') return { nested: true, paths };
      if (groups.length > 0 && (group?.risky || repeat)) groups.at(-1)!.risky = true;
      continue;
    }
    const repeat = repeatAt(source, i);
    if (repeat) {
      paths *= repeat.choices;
      if (groups.length > 0) groups.at(-1)!.risky = true;
      i += repeat.length - 1;
      // A lazy or possessive-looking suffix (`*?`) is part of the same repeat.
      if (source[i + 1] === '?') i += 1;
    }
  }
  // A pattern anchored at the start (`^...`, no `|` outside groups) is tried from one position only.
  const starts = source.startsWith('^') && topBranches === 1 ? MAX_MATCHED_TEXT : 1;
  return { nested: false, paths: (paths * topBranches) / starts };
}

/** The repeat starting at `at`, with how many ways it can match (open-ended: the text's length), or undefined. */
function repeatAt(source: string, at: number): { choices: number; length: number } | undefined {
  const char = source[at];
  if (char === '*' || char === '+') return { choices: MAX_MATCHED_TEXT, length: 1 };
  if (char === '?') return { choices: 2, length: 1 };
  if (char !== '{') return undefined;
  const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
  if (!match) return undefined;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : match[3] === '' ? Number.POSITIVE_INFINITY : Number(match[3]);
  return { choices: Math.min(MAX_MATCHED_TEXT, high - low + 1), length: match[0].length };
}
