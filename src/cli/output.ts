import { maskKnownSecrets } from '../text/secrets.ts';

/** Where a command writes: results to stdout, progress and errors to stderr (so `> report.json` stays clean). */
export interface Output {
  print(text: string): void;
  error(text: string): void;
}

/** The access token the user gave is masked in everything written, whatever the text came from. */
export const processOutput: Output = {
  print: (text) => process.stdout.write(`${maskKnownSecrets(text)}\n`),
  error: (text) => process.stderr.write(`${maskKnownSecrets(text)}\n`),
};
