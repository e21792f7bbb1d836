/**
 * Command dispatch. Heavy modules (Ink, React, the Azure SDKs) are imported only by the command
 * that needs them, so `--help`, `flows` and `check --offline` start fast. Which flags and arguments
 * each command takes, and its --help, come from its declaration (commands.ts).
 */
import { parseCommandLine, UsageError } from './args.ts';
import { helpFor } from './render-help.ts';
import { checkFlags } from './command-run.ts';
import { COMMANDS } from './commands.ts';
import { EXIT_OK, EXIT_USAGE } from '../errors.ts';
import { VERSION } from '../version.ts';
import { processOutput, type Output } from './output.ts';
import { flowsCommand } from './flows-command.ts';
import { graphCommand } from './graph-command.ts';
import { scanCommand } from './scan-command.ts';
import { checkCommand } from './check-command.ts';
import { wizardCommand } from './wizard-command.ts';
import { migrateCommand } from './migrate-command.ts';

export async function main(argv: readonly string[], out: Output = processOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    // The command's own help when its word is on the line (`check --bogus`: "vnet-doctor check --help").
    const word = argv.find((arg) => !arg.startsWith('-'));
    const help = COMMANDS.some((spec) => spec.words.length === 1 && spec.words[0] === word) ? `vnet-doctor ${word} --help` : 'vnet-doctor --help';
    out.error(`vnet-doctor: ${(error as Error).message}\nRun "${help}" for the flags.`);
    return EXIT_USAGE;
  }
  const { command, options, spec, args } = parsed;
  if (options.help) { out.print(helpFor(spec, command).trimEnd()); return EXIT_OK; }
  if (options.version) { out.print(VERSION); return EXIT_OK; }
  if (!spec) {
    out.error(`vnet-doctor: unknown command "${command[0]}". Run "vnet-doctor --help".`);
    return EXIT_USAGE;
  }
  try {
    checkFlags(spec, options, args);
    switch (spec.id) {
      case 'flows graph': return graphCommand(args, options, out);
      case 'flows': case 'flows lint': case 'flows test': case 'flows list': case 'flows questions':
        return flowsCommand(command.slice(1), out);
      case 'scan': return await scanCommand(options, out, { argv });
      case 'check': return await checkCommand(options, out);
      case 'migrate': return await migrateCommand(options, out);
      case 'wizard': return await wizardCommand(options, out);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`vnet-doctor: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
