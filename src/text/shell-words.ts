/**
 * Where a command's quotes are, read the way its shell reads them: which characters sit inside
 * '...' or "...". Used to quote a value for the spot it is put in (shell-quote.ts) and to break a
 * long command only at spaces the shell splits at, never inside a quoted value.
 */
import type { QuoteContext, Shell } from './shell-quote.ts';

/** The quoting context in force at each character of the command (before that character is read). */
export function quoteContexts(command: string, shell: Shell): QuoteContext[] {
  const contexts: QuoteContext[] = [];
  let state: QuoteContext = 'bare';
  const escape = shell === 'bash' ? '\\' : shell === 'powershell' ? '`' : '^';
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index]!;
    contexts.push(state);
    if (state === 'single') {
      if (char !== "'") continue;
      // PowerShell writes a quote inside '...' as ''.
      if (shell === 'powershell' && command[index + 1] === "'") { contexts.push(state); index += 1; continue; }
      state = 'bare';
    } else if (state === 'double') {
      if (char === '"') state = 'bare';
      else if (char === escape && shell !== 'cmd' && index + 1 < command.length) { contexts.push(state); index += 1; }
    } else if (char === escape && index + 1 < command.length) {
      contexts.push(state);
      index += 1;
    } else if (char === '"') {
      state = 'double';
    } else if (char === "'" && shell !== 'cmd') {
      state = 'single';
    }
  }
  return contexts;
}

/** The command's words: split at spaces outside quotes, quotes kept as written. */
export function shellWords(command: string, shell: Shell): string[] {
  const contexts = quoteContexts(command, shell);
  const words: string[] = [];
  let word = '';
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index]!;
    if (char === ' ' && contexts[index] === 'bare' && !(index > 0 && isEscape(command, index - 1, shell, contexts))) {
      if (word !== '') words.push(word);
      word = '';
    } else {
      word += char;
    }
  }
  if (word !== '') words.push(word);
  return words;
}

function isEscape(command: string, index: number, shell: Shell, contexts: readonly QuoteContext[]): boolean {
  const escape = shell === 'bash' ? '\\' : shell === 'powershell' ? '`' : '^';
  return command[index] === escape && contexts[index] === 'bare' && !(index > 0 && isEscape(command, index - 1, shell, contexts));
}
