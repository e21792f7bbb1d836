/** Where a command writes: results to stdout, progress and errors to stderr (so `> report.json` stays clean). */
export interface Output {
  print(text: string): void;
  error(text: string): void;
}

export const processOutput: Output = {
  print: (text) => process.stdout.write(`${text}\n`),
  error: (text) => process.stderr.write(`${text}\n`),
};
