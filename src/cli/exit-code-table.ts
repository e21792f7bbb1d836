/**
 * The exit codes as the README's table states them, one row per code, in the README's order.
 * Every command's --help lists these codes (generated from commands.ts); a command whose codes
 * mean something more specific says so in its declaration. test/cli/help.test.ts keeps this table
 * and the README's equal.
 */
import { EXIT_FINDINGS, EXIT_HANGUP, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../errors.ts';

export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_USAGE | typeof EXIT_INTERRUPTED | typeof EXIT_HANGUP;

export const EXIT_CODE_TABLE: readonly { readonly code: ExitCode; readonly meaning: string }[] = [
  { code: EXIT_OK, meaning: 'the session ended (finished, or quit with q) with no finding of severity error' },
  { code: EXIT_FINDINGS, meaning: 'at least one finding of severity error' },
  {
    code: EXIT_USAGE,
    meaning: 'usage or input error, or the session could not run: bad or conflicting flags (--demo with --offline or --app), broken flow files, bad answers file, unknown target or scenario, no Azure credential, for check an app that cannot be read from Azure (ARM unreachable, token refused, no access: the reason is on stderr), a --report file that exists (without --force) or whose directory is missing',
  },
  { code: EXIT_INTERRUPTED, meaning: 'stopped by Ctrl-C or SIGTERM before the findings (the wizard\'s answers are saved: --resume); Ctrl-C on the findings screen ends like q' },
  { code: EXIT_HANGUP, meaning: 'the terminal hung up (SIGHUP) before the findings (the wizard\'s answers are saved: --resume)' },
];
