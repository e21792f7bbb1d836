/**
 * The errors every layer may raise and the process exit codes, in one module that facts, report,
 * session and ui import without importing the command line. The exit-code rule itself (which code
 * a finished or interrupted session gets) is `exitCodeFor` in src/session/exit-code.ts.
 */

/** Bad flags or input the user can fix: printed as one line, exit 2. */
export class UsageError extends Error {}

/** Process exit codes, documented in --help and the README. */
export const EXIT_OK = 0;
/** At least one finding of severity error. */
export const EXIT_FINDINGS = 1;
/** Usage or input error: bad flags, broken flow files, bad answers file, unknown target, no Azure access. */
export const EXIT_USAGE = 2;
/** Interrupted by Ctrl-C or SIGTERM (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
/** The terminal went away (128 + SIGHUP). */
export const EXIT_HANGUP = 129;
