/**
 * How each shell reads a command, for the command tests. bash is the real bash, with a stub `az`
 * that prints its arguments NUL-separated (PATH points nowhere, so nothing external can run even if
 * quoting failed). PowerShell and cmd are not installed: their readers here follow the documented
 * rules (PowerShell about_Quoting_Rules / about_Parsing; cmd's operators and % expansion) and
 * refuse anything the shell would interpret rather than pass literally.
 */
import { spawnSync } from 'node:child_process';

/** The arguments the `az` in the command receives, as real bash parses them. */
const BASH = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

export function bashArgv(command: string): string[] {
  const script = `az() { printf '%s\\0' "$@"; }\n${command}\n`;
  const run = spawnSync(BASH, ['--norc', '--noprofile', '-c', script], { env: { PATH: '/nonexistent', LC_ALL: 'C.UTF-8' }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bash rejected ${JSON.stringify(command)}: ${run.stderr}`);
  return run.stdout.split('\0').slice(0, -1);
}

const PS_SINGLE = "'\u2018\u2019\u201a\u201b";
const PS_DOUBLE = '"\u201c\u201d\u201e';

/**
 * PowerShell argument mode: words split at white space outside quotes; '...' is literal (a quote
 * written twice is one quote); "..." expands $ unless escaped with a backtick; a word starting with
 * $ @ ( { is an expression; ; | & < > outside quotes are operators (words of their own); a comma outside quotes makes an
 * array. A quoted string followed directly by more characters starts a new argument. Returns each
 * argument as its array elements; throws on anything that would not be a literal.
 */
export function powerShellArguments(command: string): string[][] {
  const args: string[][] = [];
  let index = 0;
  const text = command;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    if (index >= text.length) break;
    const elements: string[] = [];
    let element = '';
    let startsQuoted = false;
    let first = true;
    let afterOperator = false;
    while (index < text.length && !/\s/.test(text[index]!)) {
      const char = text[index]!;
      afterOperator = false;
      if (PS_SINGLE.includes(char)) {
        index += 1;
        for (;;) {
          if (index >= text.length) throw new Error(`unterminated '...' in ${command}`);
          const inner = text[index]!;
          if (PS_SINGLE.includes(inner)) {
            if (index + 1 < text.length && PS_SINGLE.includes(text[index + 1]!)) { element += inner; index += 2; continue; }
            index += 1;
            break;
          }
          element += inner;
          index += 1;
        }
        if (first) startsQuoted = true;
      } else if (PS_DOUBLE.includes(char)) {
        index += 1;
        for (;;) {
          if (index >= text.length) throw new Error(`unterminated "..." in ${command}`);
          const inner = text[index]!;
          if (inner === '`') { element += text[index + 1] ?? ''; index += 2; continue; }
          if (inner === '$') throw new Error(`expansion inside "..." in ${command}`);
          if (PS_DOUBLE.includes(inner)) { index += 1; break; }
          element += inner;
          index += 1;
        }
        if (first) startsQuoted = true;
      } else if (char === ',') {
        elements.push(element);
        element = '';
        index += 1;
        first = true;
        continue;
      } else {
        if (startsQuoted) break; // 'a'b: the quoted string is an argument of its own
        if (first && '$@({'.includes(char)) throw new Error(`expression ${JSON.stringify(text.slice(index))} in ${command}`);
        if (';|&<>'.includes(char)) {
          // An operator is a word of its own: a value that brings one changes the arguments.
          if (element !== '' || !first) { elements.push(element); args.push(elements.splice(0)); element = ''; }
          args.push([char]);
          index += 1;
          first = true;
          afterOperator = true;
          continue;
        }
        if (char === '`') { element += text[index + 1] ?? ''; index += 2; first = false; continue; }
        element += char;
        index += 1;
      }
      first = false;
    }
    if (afterOperator && element === '' && elements.length === 0) continue;
    elements.push(element);
    args.push(elements);
  }
  return args;
}

/**
 * cmd.exe: words split at white space outside "..."; & | < > are operators (kept as words of their
 * own so a value that adds one changes the result); ^ escapes, % and ! expand: refused.
 */
export function cmdWords(command: string): string[] {
  // A whole %NAME% is an environment variable the flow itself asks cmd to expand (echo
  // %WEBSITE_PRIVATE_IP%); values never hold %, so any other %, ! or ^ is a quoting failure.
  if (/[%!^]/.test(command.replace(/%[A-Za-z_][A-Za-z0-9_]*%/g, ''))) throw new Error(`cmd would expand or escape in ${command}`);
  const words: string[] = [];
  let word = '';
  let quoted = false;
  for (const char of command) {
    if (char === '"') { quoted = !quoted; word += char; continue; }
    if (!quoted && /\s/.test(char)) { if (word) words.push(word); word = ''; continue; }
    if (!quoted && '&|<>'.includes(char)) { if (word) words.push(word); words.push(char); word = ''; continue; }
    word += char;
  }
  if (quoted) throw new Error(`unterminated "..." in ${command}`);
  if (word) words.push(word);
  return words;
}
