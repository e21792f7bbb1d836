/**
 * The findings as the rows of a pager: wrapped to the terminal width here, not by the layout
 * engine, so the pager knows exactly how many rows there are and the screen never grows past
 * the terminal (a frame taller than the terminal makes every redraw land in the scrollback).
 * Steps are numbered across all findings, so `c` and a number names one step.
 */
import type { EngineState, FindingInstance, RenderedStep } from '../engine/engine.ts';
import type { Severity, StepKind } from '../engine/types.ts';
import { orderFindings } from '../report/finding-order.ts';
import { safeText } from '../text/safe-text.ts';
import { sessionVerdict, verdictText } from '../report/verdict.ts';
import { pathLine, trafficPath } from '../report/traffic-path.ts';

export type LineTone = 'plain' | 'title' | 'dim' | 'command' | Severity;

export interface PagerLine {
  readonly text: string;
  readonly tone: LineTone;
  /** For a finding's title: the severity word, coloured separately. */
  readonly label?: string;
}

export interface CopyableStep {
  readonly number: number;
  readonly kind: StepKind;
  readonly command?: string;
}

export interface FindingsPage {
  readonly lines: readonly PagerLine[];
  readonly steps: readonly CopyableStep[];
}

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

/** Where a step's command runs, said next to the step (a command pasted into the wrong shell fails or misbehaves). */
export const STEP_SHELL: Readonly<Record<StepKind, string>> = {
  az: 'bash, Azure CLI',
  powershell: 'PowerShell',
  kudu: 'Kudu console, Debug console > CMD',
  portal: 'Azure portal',
  manual: '',
};

const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  resolved: 'Walked to the end of the flow.',
  'not-resolved': 'The flows could not pin the problem down.',
  pass: 'All checks passed.',
  finding: 'The session ended on a finding.',
  'open-question': 'The session stopped at a question answered "don\'t know".',
};

/**
 * Where the flow ended, in words that never contradict the findings: with an error above, an
 * end that says "all is well" applies only once the errors are fixed, and "no cause found" is
 * not said.
 */
function closingText(outcome: NonNullable<EngineState['outcome']>, errors: number): string {
  const text = outcome.text ? safeText(outcome.text) : '';
  if (errors > 0 && (outcome.kind === 'resolved' || outcome.kind === 'pass')) return `Once the ${errors === 1 ? 'error above is' : 'errors above are'} fixed: ${text || OUTCOME_WORDS[outcome.kind]}`;
  if (errors > 0 && outcome.kind === 'not-resolved') return `The flows could not pin the symptom itself down; the ${errors === 1 ? 'error above is' : 'errors above are'} what to fix first.${text ? ` ${text}` : ''}`;
  return `${OUTCOME_WORDS[outcome.kind] ?? ''}${text ? ` ${text}` : ''}`.trim();
}

const COMMAND_INDENT = '     ';
const STEP_INDENT = '  ';

/** As the report orders them (errors first, today's cause before general notices): on a call, what to talk about first. */
export function orderedFindings(state: EngineState): readonly FindingInstance[] {
  return orderFindings(state.findings);
}

/** The verdict (report/verdict.ts): the same words as the report's summary. */
export function diagnosisLine(state: EngineState): string {
  return verdictText(sessionVerdict(state));
}

export function findingsPage(state: EngineState, width: number): FindingsPage {
  const room = Math.max(20, width);
  const lines: PagerLine[] = [];
  const steps: CopyableStep[] = [];
  const push = (text: string, tone: LineTone, indent = '') => {
    for (const row of wrap(text, room - indent.length)) lines.push({ text: indent + row, tone });
  };
  const path = pathOf(state);
  if (path) { push(safeText(path), 'dim'); lines.push({ text: '', tone: 'plain' }); }
  if (state.findings.length === 0) push('No finding: nothing in the flows matched the answers given.', 'plain');
  orderedFindings(state).forEach((finding, index) => {
    const title = wrap(`${index + 1}. ${safeText(finding.title)}`, room - SEVERITY_LABEL[finding.severity].length - 1);
    lines.push({ label: SEVERITY_LABEL[finding.severity], text: ` ${title[0] ?? ''}`, tone: finding.severity });
    for (const row of title.slice(1)) lines.push({ text: row, tone: 'title' });
    push(safeText(finding.explanation), 'plain');
    if (finding.steps.length > 0) lines.push({ text: '', tone: 'plain' });
    for (const step of finding.steps) {
      const number = steps.length + 1;
      steps.push({ number, kind: step.kind, ...(step.command === undefined ? {} : { command: step.command }) });
      push(stepText(step, number, true, step.command !== undefined && commandCut(safeText(step.command), room)), 'plain', STEP_INDENT);
      if (step.command !== undefined) for (const row of commandRows(safeText(step.command), room)) lines.push({ text: row, tone: 'command' });
    }
    lines.push({ text: '', tone: 'plain' });
  });
  const outcome = state.outcome;
  const errors = state.findings.filter((finding) => finding.severity === 'error').length;
  if (outcome) push(closingText(outcome, errors), 'dim');
  for (const open of state.openQuestions) push(`Open question: ${safeText(open.text)}`, 'plain');
  // The last line says what the first says, in the same words.
  push(diagnosisLine(state), 'title');
  return { lines, steps };
}

/** The traffic's path in one line (report/traffic-path.ts), from the session's facts and answers. */
function pathOf(state: EngineState): string | undefined {
  const fact = (key: string) => {
    const given = Object.hasOwn(state.answerFacts, key) ? state.answerFacts[key]!.value : undefined;
    const read = Object.hasOwn(state.facts, key) ? state.facts[key]!.value : null;
    return given ?? read ?? undefined;
  };
  const path = trafficPath({ fact, findings: state.findings, answer: (question) => state.path.find((entry) => entry.question === question)?.answer });
  return path ? pathLine(path) : undefined;
}

function stepText(step: RenderedStep, number: number, onScreen = true, cut = false): string {
  const shell = STEP_SHELL[step.kind];
  const copies = cut ? `cut to fit: c ${number} copies it whole` : `c ${number} copies it`;
  const where = step.command === undefined || !onScreen ? shell : [shell, copies].filter(Boolean).join('; ');
  // A command with blanks is a template (render-step.ts): say what to fill in before it is pasted.
  const blanks = step.blanks && step.blanks.length > 0 ? ` Template, fill in: ${safeText(step.blanks.join('; '))}.` : '';
  return `${number}. ${safeText(step.text)}${where ? ` (${where})` : ''}${blanks}`;
}

/**
 * A command is one logical line with no continuation characters (they differ per shell and break
 * a paste into another one), and never split by a line break inside it: a mouse copy of a split
 * command pastes two broken halves. One that fits stands alone on its row, indented with spaces
 * only, so a triple-click copies exactly the command; a longer one is cut at the screen's edge with
 * "…": `c` and the step's number copy it whole, and quitting prints it whole on one line.
 */
export function commandRows(command: string, width: number): readonly string[] {
  const chars = [...command];
  const room = Math.max(1, width - COMMAND_INDENT.length);
  return [COMMAND_INDENT + (chars.length <= room ? command : `${chars.slice(0, room - 1).join('')}…`)];
}

/** Whether a command is too wide for one row of `width` columns (and is shown cut). */
export const commandCut = (command: string, width: number): boolean => [...command].length > Math.max(1, width - COMMAND_INDENT.length);

/**
 * The findings as plain lines for the normal screen once the wizard has gone: every text and
 * every command on one logical line (the terminal wraps them softly, so a mouse copy of a
 * command is whole), the verdict first and last.
 */
export function findingsText(state: EngineState): string[] {
  const lines: string[] = [diagnosisLine(state), ''];
  let number = 0;
  orderedFindings(state).forEach((finding, index) => {
    lines.push(`${SEVERITY_LABEL[finding.severity]} ${index + 1}. ${safeText(finding.title)}`, safeText(finding.explanation));
    for (const step of finding.steps) {
      number += 1;
      lines.push(`${STEP_INDENT}${stepText(step, number, false)}`);
      if (step.command !== undefined) lines.push(COMMAND_INDENT + safeText(step.command));
    }
    lines.push('');
  });
  const errors = state.findings.filter((finding) => finding.severity === 'error').length;
  if (state.outcome) lines.push(closingText(state.outcome, errors));
  for (const open of state.openQuestions) lines.push(`Open question: ${safeText(open.text)}`);
  lines.push(diagnosisLine(state));
  return lines;
}

/** Word wrap without leading spaces on continued rows; a word longer than the row is cut. */
export function wrap(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const rows: string[] = [];
  for (const paragraph of text.split('\n')) {
    let row = '';
    for (const word of paragraph.split(' ').filter((part) => part !== '')) {
      let rest = word;
      while ([...rest].length > room) {
        if (row !== '') { rows.push(row); row = ''; }
        rows.push([...rest].slice(0, room).join(''));
        rest = [...rest].slice(room).join('');
      }
      if (rest === '') continue;
      const candidate = row === '' ? rest : `${row} ${rest}`;
      if ([...candidate].length > room) { rows.push(row); row = rest; } else row = candidate;
    }
    rows.push(row);
  }
  return rows;
}

/** Words that start a command in the flows' prose (tcpping host:port, az network ...). */
const COMMAND_START = /^(tcpping|nameresolver|Test-NetConnection|Resolve-DnsName|nslookup|netstat|echo|az)$/;
const NO_BREAK = '\u00a0';

/**
 * Word wrap for prose that names commands: a command that fits on a row (`tcpping
 * 10.10.1.20:1433`, `Test-NetConnection db -Port 1433`) moves to the next row whole instead of
 * being broken inside, so a mouse copy takes it in one piece. A command wider than the row gets
 * rows of its own, broken only between arguments, each row but the last ending in a bash line
 * continuation (` \`): what a mouse copies from those rows runs as one command in bash, as the
 * multi-line az examples on learn.microsoft.com do. Never inside a quoted argument.
 */
export function wrapProse(text: string, width: number): string[] {
  const words = text.split(' ');
  const rows: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length > 0) rows.push(...wrap(prose.join(' '), width).map((row) => row.split(NO_BREAK).join(' ')));
    prose = [];
  };
  for (let index = 0; index < words.length; index += 1) {
    const first = words[index]!;
    if (!COMMAND_START.test(first)) { prose.push(first); continue; }
    const span = commandSpan(words, index);
    const joined = span.join(' ');
    if (span.length > 1 && [...joined].length <= width) prose.push(span.join(NO_BREAK));
    else if (span.length > 1) { flush(); rows.push(...continuedRows(span, width)); }
    else prose.push(first);
    index += span.length - 1;
  }
  flush();
  return rows;
}

/** The words of the command starting at `start`: up to a sentence's end or a plain word of prose. */
function commandSpan(words: readonly string[], start: number): string[] {
  const first = words[start]!;
  const span = [first];
  let sawFlag = false;
  let quotes = 0;
  for (let next = start + 1; next < words.length; next += 1) {
    const previous = span.at(-1)!;
    const word = words[next]!;
    quotes += [...previous].filter((char) => char === '"').length;
    const quoted = quotes % 2 === 1;
    if (!quoted && (/[.,;?!]$/.test(previous) || word === '')) break;
    const afterFlag = previous.startsWith('-');
    const plain = /^[a-z]+[.,;:?!)]*$/.test(word);
    if (!quoted && plain && !afterFlag && !(first === 'az' && !sawFlag)) break;
    if (word.startsWith('-')) sawFlag = true;
    span.push(word);
  }
  return span;
}

/**
 * A command too wide for the row: its arguments grouped (a flag with its values, a quoted value
 * whole), as many groups per row as fit with the ` \` that continues it. A group wider than any
 * row stays whole on a row of its own (the screen cuts it with "…"; the report has it whole).
 */
function continuedRows(span: readonly string[], width: number): string[] {
  const groups: string[] = [];
  let quotes = 0;
  for (const word of span) {
    const inQuotes = quotes % 2 === 1;
    if (groups.length === 0 || (!inQuotes && word.startsWith('-'))) groups.push(word);
    else groups[groups.length - 1] += ` ${word}`;
    quotes += [...word].filter((char) => char === '"').length;
  }
  // A sentence's full stop after the command is prose, not an argument: keep it after the last group.
  const rows: string[] = [];
  let row = '';
  for (const group of groups) {
    const candidate = row === '' ? group : `${row} ${group}`;
    if (row !== '' && [...candidate].length + 2 > width) { rows.push(`${row} \\`); row = group; } else row = candidate;
  }
  rows.push(row);
  return rows;
}
