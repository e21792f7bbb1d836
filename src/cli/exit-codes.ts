/** Process exit codes, documented in --help and the README. */
export const EXIT_OK = 0;
/** At least one finding of severity error. */
export const EXIT_FINDINGS = 1;
/** Usage or input error: bad flags, broken flow files, bad answers file, unknown target. */
export const EXIT_USAGE = 2;
/** Interrupted by Ctrl-C or SIGTERM (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
