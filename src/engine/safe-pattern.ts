/**
 * The regular expressions a catalogue or a condition may hold (`matches`, `replace`): a subset
 * that cannot backtrack catastrophically, so a flow file cannot stall the tool. No backreferences
 * or lookaround, and a repeated group (`(...)*`, `+`, `{n,}`, `{n,m}`) holds neither a repeat
 * nor a `|`; patterns are short and matched case-insensitively against bounded text only.
 */
import { MAX_MATCHED_TEXT, MAX_PATTERN_LENGTH } from './flow-format.ts';

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
  if (repeatedGroupRisk(source)) return 'repeats a group that itself repeats or holds "|" (it could take exponential time): write it without the nesting';
  return undefined;
}

/** The compiled pattern (call patternProblem first: the loader refuses every pattern it objects to). */
export const compilePattern = (source: string): RegExp => new RegExp(source, 'i');

/** Whether `text` is short enough to match against (longer values stay unknown). */
export const matchable = (text: string): boolean => text.length <= MAX_MATCHED_TEXT;

/** True when a group that holds a repeat or an alternation is itself repeated. */
function repeatedGroupRisk(source: string): boolean {
  const groups: { risky: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (char === '\\') { i += 1; continue; }
    if (inClass) { if (char === ']') inClass = false; continue; }
    if (char === '[') { inClass = true; continue; }
    if (char === '(') { groups.push({ risky: false }); continue; }
    if (char === '|' && groups.length > 0) { groups.at(-1)!.risky = true; continue; }
    if (char === ')') {
      const group = groups.pop();
      const repeated = isRepeat(source, i + 1);
      if (group?.risky && repeated) return true;
      if (groups.length > 0 && (group?.risky || repeated)) groups.at(-1)!.risky = true;
      continue;
    }
    if (isRepeat(source, i) && groups.length > 0 && char !== '?') groups.at(-1)!.risky = true;
  }
  return false;
}

/** Whether a repeat (`*`, `+`, `{n,}`, `{n,m}`; not `?`, which matches at most once) starts at `at`. */
function isRepeat(source: string, at: number): boolean {
  const char = source[at];
  if (char === '*' || char === '+') return true;
  return char === '{' && /^\{\d+,\d*\}/.test(source.slice(at));
}
