/**
 * Command-line flags, shared by the wizard and `check` so both accept the same target and
 * credential options. Parsing only: no I/O, so it is tested directly.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { DEFAULT_DEMO } from '../facts/target-flags.ts';

export const OPTIONS = {
  app: { type: 'string' },
  subscription: { type: 'string' },
  'resource-group': { type: 'string' },
  name: { type: 'string' },
  'arm-endpoint': { type: 'string' },
  'access-token': { type: 'string' },
  cloud: { type: 'string' },
  offline: { type: 'boolean' },
  demo: { type: 'string' },
  answers: { type: 'string' },
  flow: { type: 'string' },
  flows: { type: 'string' },
  format: { type: 'string' },
  report: { type: 'string' },
  force: { type: 'boolean' },
  redact: { type: 'boolean' },
  resume: { type: 'boolean' },
  probe: { type: 'boolean' },
  'read-dns-settings': { type: 'boolean' },
  'scm-endpoint': { type: 'string' },
  slot: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type CliOptions = {
  -readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

export interface ParsedArgs {
  readonly command: readonly string[];
  readonly options: CliOptions;
}

export { UsageError };

/** The scenario `--demo` runs when none is named (defined with the target flags in src/facts). */
export { DEFAULT_DEMO };

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  // `--demo` may stand alone; give it the default scenario so parseArgs sees a value.
  const args = argv.flatMap((arg, index) => (arg === '--demo' && (argv[index + 1] === undefined || argv[index + 1]!.startsWith('-')) ? [`--demo=${DEFAULT_DEMO}`] : [arg]));
  try {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    const options = values as CliOptions;
    const formats = formatsFor(positionals);
    if (options.format !== undefined && !formats.includes(options.format)) throw new UsageError(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}, not "${options.format}"`);
    if (options.cloud !== undefined && !['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'].includes(options.cloud)) {
      throw new UsageError(`--cloud must be AzureCloud, AzureUSGovernment or AzureChinaCloud, not "${options.cloud}"`);
    }
    return { command: positionals, options };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(parserMessage(error as Error & { code?: string }));
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

/** The --format values each command understands (scan and flows graph print more than reports). */
function formatsFor(command: readonly string[]): readonly string[] {
  if (command[0] === 'scan') return ['table', 'md', 'json', 'csv'];
  if (command[0] === 'flows' && command[1] === 'graph') return ['mermaid', 'dot'];
  return ['md', 'json'];
}
