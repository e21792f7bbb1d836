/** The exit codes now live in src/errors.ts (importable without the CLI); re-exported for older imports. */
export { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../errors.ts';
