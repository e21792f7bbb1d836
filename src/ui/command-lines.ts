/**
 * Fits a copy-ready command into the terminal width. A command that fits stays on one line (a
 * triple-click copies it). A longer one is split at spaces by us, not by the layout engine, and
 * each line but the last ends with the shell's line continuation, so selecting the lines and
 * pasting them still runs as one command.
 */
import type { StepKind } from '../engine/types.ts';

/** Line continuation per step kind: Azure CLI in bash, PowerShell, the Kudu CMD console. Portal paths are not pasted into a shell. */
const CONTINUATION: Readonly<Record<StepKind, string>> = { az: ' \\', powershell: ' `', kudu: ' ^', portal: '', manual: '' };

export function commandLines(command: string, kind: StepKind, width: number): string[] {
  if ([...command].length <= width || width < 20) return [command];
  const suffix = CONTINUATION[kind];
  const words = command.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && [...candidate].length + suffix.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines.map((text, index) => (index < lines.length - 1 ? `${text}${suffix}` : text));
}
