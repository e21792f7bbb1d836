/**
 * The command line parsed: which command (commands.ts), its arguments and its flags (flags.ts).
 * Parsing only, no I/O, so it is tested directly. Whether the command takes each flag given is
 * checked by command-run.ts, for the command line and for a command called directly alike.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { DEFAULT_DEMO } from '../facts/target-flags.ts';
import { COMMANDS, commandFor, type CommandSpec } from './commands.ts';
import { FLAGS, type CliOptions, type FlagName } from './flags.ts';

/** Flags some command takes more than once: parsed as lists, the last value kept in `options`. */
const REPEATABLE = new Set(COMMANDS.flatMap((spec) => spec.groups.flatMap((group) => group.flags.filter((use) => use.multiple).map((use) => use.name))));

/** node:util's parser options: every flag of every command. */
export const OPTIONS = Object.fromEntries(Object.entries(FLAGS).map(([name, flag]) => [name, {
  type: flag.type, ...('short' in flag ? { short: flag.short } : {}), ...(REPEATABLE.has(name as FlagName) ? { multiple: true } : {}),
}])) as Record<FlagName, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export type { CliOptions };

export interface ParsedArgs {
  /** The words that are not flags: the command's words, then its arguments. */
  readonly command: readonly string[];
  readonly options: CliOptions;
  /** The command those words name; undefined for an unknown command. */
  readonly spec?: CommandSpec;
  /** The arguments after the command's words. */
  readonly args: readonly string[];
  /** Every value of a repeatable flag, in order. */
  readonly lists: Partial<Record<FlagName, readonly string[]>>;
}

export { UsageError };

/** The scenario `--demo` runs when none is named (defined with the target flags in src/facts). */
export { DEFAULT_DEMO };

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  // `--demo` may stand alone; give it the default scenario so parseArgs sees a value.
  const args = argv.flatMap((arg, index) => (arg === '--demo' && (argv[index + 1] === undefined || argv[index + 1]!.startsWith('-')) ? [`--demo=${DEFAULT_DEMO}`] : [arg]));
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parserMessage(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const lists: Partial<Record<FlagName, readonly string[]>> = {};
  const options: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      lists[name as FlagName] = value as string[];
      options[name] = value.at(-1);
    } else options[name] = value;
  }
  const found = commandFor(positionals);
  if (found) checkChoices(found.spec, options as CliOptions);
  return { command: positionals, options: options as CliOptions, ...(found ? { spec: found.spec } : {}), args: found?.args ?? [], lists };
}

/** A flag with a closed list of values (--format, --cloud) gets one of them. */
function checkChoices(spec: CommandSpec, options: CliOptions): void {
  const uses = spec.groups.flatMap((group) => group.flags);
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== 'string') continue;
    const flag = FLAGS[name as FlagName];
    const choices = uses.find((use) => use.name === name)?.choices ?? ('choices' in flag ? flag.choices : undefined);
    if (choices && !choices.includes(value)) throw new UsageError(`--${name} must be ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}, not "${value}"`);
  }
}

/** Node's parser messages in our words: the flag named once, no quoting advice about '--'. */
function parserMessage(error: Error & { code?: string }): string {
  const flag = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) return `unknown option ${flag}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return /argument missing/.test(error.message) ? `${flag} needs a value` : `${flag} takes no value`;
  }
  return error.message.split('\n')[0]!.split('. ')[0]!;
}
