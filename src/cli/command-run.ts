/**
 * The plumbing every command shares, in one place: the flags and arguments a command takes (its
 * declaration in commands.ts), the --report check before anything is read, Ctrl-C, SIGTERM and
 * SIGHUP turned into an abort signal, the stderr sink that escapes outside text, and the errors
 * that end a command with exit 2, 130 or 129. A UsageError goes up to main, which prints it.
 */
import { extname } from 'node:path';
import { EXIT_HANGUP, EXIT_INTERRUPTED, EXIT_USAGE, UsageError } from '../errors.ts';
import { NoCredentialError } from '../facts/gather-facts.ts';
import { checkReportPath } from '../session/report-path.ts';
import { terminalLine } from '../text/terminal-line.ts';
import { flagsOf, type CommandSpec } from './commands.ts';
import type { CliOptions, FlagName } from './flags.ts';
import type { Output } from './output.ts';

/** Which signal stopped a command: 'interrupted' (SIGINT, SIGTERM) or 'hangup' (SIGHUP). */
export type Stop = 'interrupted' | 'hangup';

export interface CommandRun {
  /** Aborted by Ctrl-C, SIGTERM or SIGHUP (or the caller's signal). */
  readonly signal: AbortSignal;
  /** What stopped the command, once its signal is aborted. */
  stoppedBy(): Stop | undefined;
  /** A line for stderr: outside text in it is shown escaped (terminalLine). */
  readonly warn: (text: string) => void;
  /** The --report file's format, when one is given (its path was checked already). */
  readonly reportFormat?: string;
}

export interface RunContext {
  /** The caller's abort signal; when absent, SIGINT, SIGTERM and SIGHUP are wired up here. */
  readonly signal?: AbortSignal;
}

export interface RunWords {
  /** Said when a signal stops the command, after "vnet-doctor: ". */
  readonly interrupted: string;
  /** Said after the credential error, when there is more to say (how to work without Azure). */
  readonly withoutCredential?: string;
}

/** Each flag given is one the command takes; no more arguments than it takes. */
export function checkFlags(spec: CommandSpec, options: CliOptions, args: readonly string[] = []): void {
  const taken = new Set<string>(flagsOf(spec).map((use) => use.name));
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || taken.has(name)) continue;
    const reason = spec.refusals?.[name as FlagName];
    if (reason) throw new UsageError(reason);
    const who = spec.id === 'wizard' ? 'the wizard' : spec.id;
    throw new UsageError(`--${name} does not apply to ${who}${spec.refusal ? `, ${spec.refusal}` : ''} (see "vnet-doctor ${spec.words.join(' ') || 'wizard'} --help")`);
  }
  if (args.length > spec.args.max) throw new UsageError(`unexpected argument "${args[spec.args.max]}": ${spec.args.tooMany}`);
}

/**
 * --report PATH, checked before any Azure call or question: an extension that names a format the
 * command writes, an existing directory, and no existing file without --force. --format must agree.
 */
export function checkReport(spec: CommandSpec, options: CliOptions): string | undefined {
  if (options.force && options.report === undefined && spec.report) {
    throw new UsageError('--force only applies together with --report PATH');
  }
  if (options.report === undefined || !spec.report) return undefined;
  const formats = spec.report;
  const format = checkReportPath(options.report, options.force, (path) => {
    const extension = extname(path).toLowerCase();
    if (Object.hasOwn(formats, extension)) return formats[extension]!;
    const given = extension === '' ? 'has no extension' : `ends in "${extension}"`;
    throw new UsageError(`the report file "${path}" ${given}; it needs an extension that names its format: ${extensionWords(formats)}`);
  });
  if (options.format !== undefined && options.format !== format) {
    throw new UsageError(`--format ${options.format} contradicts --report ${options.report}, which is written as ${format}; drop --format or change the extension`);
  }
  return format;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = { md: 'Markdown', json: 'JSON', csv: 'CSV', table: 'a table' };

/** ".md or .markdown for Markdown, or .json for JSON" */
function extensionWords(formats: Readonly<Record<string, string>>): string {
  const byFormat = new Map<string, string[]>();
  for (const [extension, format] of Object.entries(formats)) byFormat.set(format, [...(byFormat.get(format) ?? []), extension]);
  const parts = [...byFormat].map(([format, extensions]) => `${extensions.join(' or ')} for ${FORMAT_NAMES[format] ?? format}`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')}, or ${parts.at(-1)}`;
}

/** The stderr sink of a command: one line of ours, outside text in it escaped. */
export function warnTo(out: Output): (text: string) => void {
  return (text) => out.error(terminalLine(text));
}

/**
 * Runs a command's body with the shared plumbing: flags and --report checked first, signals
 * wired for the body's duration, and the ends every command shares (no credential: exit 2;
 * stopped by a signal: 130, or 129 for a hang-up) said on stderr.
 */
export async function runCommand(
  spec: CommandSpec, options: CliOptions, out: Output, context: RunContext, words: RunWords,
  body: (run: CommandRun) => Promise<number>,
): Promise<number> {
  checkFlags(spec, options);
  const reportFormat = checkReport(spec, options);
  const warn = warnTo(out);
  const abort = new AbortController();
  let stop: Stop | undefined;
  const signal = context.signal ?? abort.signal;
  const onSignal = (name: NodeJS.Signals) => {
    stop ??= name === 'SIGHUP' ? 'hangup' : 'interrupted';
    abort.abort();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  if (!context.signal) for (const name of signals) process.once(name, onSignal);
  const run: CommandRun = {
    signal, warn, ...(reportFormat === undefined ? {} : { reportFormat }),
    stoppedBy: () => (signal.aborted ? stop ?? 'interrupted' : undefined),
  };
  try {
    return await body(run);
  } catch (error) {
    if (error instanceof NoCredentialError) {
      warn(`vnet-doctor: ${error.message}`);
      if (words.withoutCredential) warn(words.withoutCredential);
      return EXIT_USAGE;
    }
    if (signal.aborted && !(error instanceof UsageError)) {
      warn(`vnet-doctor: ${words.interrupted}`);
      return exitForStop(run.stoppedBy());
    }
    throw error;
  } finally {
    if (!context.signal) for (const name of signals) process.off(name, onSignal);
  }
}

export function exitForStop(stop: Stop | undefined): number {
  return stop === 'hangup' ? EXIT_HANGUP : EXIT_INTERRUPTED;
}
