/**
 * Command dispatch. Heavy modules (Ink, React, the Azure SDKs) are imported only by the command
 * that needs them, so `--help`, `flows` and `check --offline` start fast.
 */
import { parseCommandLine, UsageError } from './args.ts';
import { helpFor } from './command-help.ts';
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
    out.error(`vnet-doctor: ${(error as Error).message}\nRun "vnet-doctor --help" for the flags.`);
    return EXIT_USAGE;
  }
  const { command, options } = parsed;
  if (options.help) { out.print(helpFor(command)); return EXIT_OK; }
  if (options.version) { out.print(VERSION); return EXIT_OK; }
  try {
    switch (command[0]) {
      case 'flows':
        if (command[1] === 'graph') return graphCommand(command.slice(2), options, out);
        return flowsCommand(command.slice(1), out);
      case 'scan':
        if (command.length > 1) throw new UsageError(`scan takes no arguments ("${command[1]}"); name subscriptions with --subscription`);
        return await scanCommand(options, out, { argv });
      case 'check':
        return await checkCommand(options, out);
      case 'migrate':
        if (command.length > 1) throw new UsageError(`migrate takes no arguments ("${command[1]}"); name the app with --app`);
        return await migrateCommand(options, out);
      case 'wizard':
      case undefined:
        return await wizardCommand(options, out);
      default:
        out.error(`vnet-doctor: unknown command "${command[0]}". Run "vnet-doctor --help".`);
        return EXIT_USAGE;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`vnet-doctor: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

