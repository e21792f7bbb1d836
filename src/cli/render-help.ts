/**
 * Every --help, generated from the command declarations (commands.ts) and the flags (flags.ts):
 * each flag a command takes is listed with its words, each exit code with its meaning, and no line
 * is wider than 80 columns.
 */
import { COMMANDS, EXIT_CODE_TABLE, GENERAL, SUMMARIES, WIZARD, specById, type CommandSpec, type FlagGroup, type FlagUse } from './commands.ts';
import { FLAGS } from './flags.ts';

export const HELP_WIDTH = 80;
/** Where a flag's description starts. */
const FLAG_COLUMN = 24;

/** `text` in lines of at most `width - indent` characters after `indent` spaces (the first line after `first`). */
export function wrap(text: string, indent: number, first = ' '.repeat(indent), width = HELP_WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  for (const word of text.split(/\s+/).filter(Boolean).flatMap((long) => splitLong(long, width - indent))) {
    if (!fresh && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent);
      fresh = true;
    }
    line = fresh ? `${line}${word}` : `${line} ${word}`;
    fresh = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** A word wider than the room it has (a resource id pattern) is broken after a '/'. */
function splitLong(word: string, room: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while (rest.length > room) {
    const cut = rest.lastIndexOf('/', room - 1);
    if (cut <= 0) break;
    parts.push(rest.slice(0, cut + 1));
    rest = rest.slice(cut + 1);
  }
  return [...parts, rest];
}

export function flagLabel(use: FlagUse): string {
  const flag = FLAGS[use.name];
  const value = 'value' in flag ? ` ${use.choices ? use.choices.join('|') : flag.value}` : '';
  return `${'short' in flag ? `-${flag.short}, ` : ''}--${use.name}${value}`;
}

export function flagHelp(use: FlagUse): string {
  return use.help ?? FLAGS[use.name].help;
}

function renderGroup(group: FlagGroup): string[] {
  const lines = [group.title];
  for (const use of group.flags) {
    const label = `  ${flagLabel(use)}`;
    // A label too long for its column gets the description on the next line.
    if (label.length + 2 > FLAG_COLUMN) lines.push(label, ...wrap(flagHelp(use), FLAG_COLUMN));
    else lines.push(...wrap(flagHelp(use), FLAG_COLUMN, label.padEnd(FLAG_COLUMN)));
  }
  return lines;
}

function renderExits(spec: CommandSpec): string[] {
  const lines = ['Exit codes'];
  for (const use of spec.exits) {
    const meaning = use.meaning ?? EXIT_CODE_TABLE.find((row) => row.code === use.code)!.meaning;
    lines.push(...wrap(meaning, 7, `  ${String(use.code).padEnd(5)}`));
  }
  return lines;
}

/** Usage lines: a synopsis, and after two spaces what it does, in a column of its own. */
function renderUsage(spec: CommandSpec): string[] {
  const rows = spec.usage.map((line) => line.split(/ {2,}/) as [string, string?]);
  const column = 2 + Math.max(...rows.map(([synopsis, what]) => (what === undefined ? 0 : synopsis.length + 2)));
  return ['Usage', ...rows.flatMap(([synopsis, what]) => {
    if (what === undefined) return wrap(synopsis, 6, '  ');
    return wrap(what, column, `  ${synopsis}`.padEnd(column));
  })];
}

/** One command's help. */
export function commandHelp(spec: CommandSpec): string {
  const shown = spec.helpOf ? specById(spec.helpOf) : spec;
  const sections: string[][] = [wrap(shown.title, 2, ''), renderUsage(shown)];
  if (shown.about) sections.push(wrap(shown.about, 0, ''));
  for (const group of [...shown.groups, GENERAL]) sections.push(renderGroup(group));
  sections.push(renderExits(shown));
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** `vnet-doctor --help`: the commands, then the wizard's flags (the command run without one). */
export function globalHelp(): string {
  const commands = ['Usage', ...SUMMARIES.flatMap(({ synopsis, summary }) => [`  ${synopsis}`, ...wrap(summary, 6)])];
  const own = COMMANDS.filter((spec) => spec.words.length === 1).map((spec) => `vnet-doctor ${spec.words[0]} --help`);
  const sections: string[][] = [
    ['vnet-doctor: troubleshoot Azure App Service gateway-required VNet integration'],
    commands,
    ['The wizard\'s flags follow; each command lists its own:', ...wrap(['vnet-doctor wizard --help', ...own].join(', '), 2, '  ')],
    ...[...WIZARD.groups, GENERAL].map(renderGroup),
    renderExits(WIZARD),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** The help for the words on the command line: the command's own, or the global one. */
export function helpFor(spec: CommandSpec | undefined, words: readonly string[]): string {
  if (!spec || (spec.id === 'wizard' && words[0] !== 'wizard')) return globalHelp();
  return commandHelp(spec);
}
