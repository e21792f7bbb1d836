/**
 * Quoting a value for the shell that runs a step, so a pasted command passes exactly that value
 * as one argument and nothing in it runs. One function per shell, each following that shell's
 * documented rules. Each returns undefined when the value cannot be placed safely: the caller
 * then shows a blank to fill in instead of a copy-ready command.
 *
 * `context` is where the placeholder sits in the flow's command: outside quotes ('bare'), inside
 * '...' ('single') or inside "..." ('double').
 *
 * No shell gets control characters, line breaks or bidi controls: a line break would end the
 * command and start another, and a bidi control makes the command look different from what runs.
 */

export type Shell = 'bash' | 'powershell' | 'cmd';
export type QuoteContext = 'bare' | 'single' | 'double';

const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// ------------------------------------------------------------------------------------------ bash

/** Characters bash never treats specially in a word (no globbing, expansion, quoting or operators). */
const BASH_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * bash (Azure CLI steps). Outside quotes a plain word stays as it is; anything else goes in single
 * quotes, where bash interprets nothing (no $, `, \ or ! expansion), and a single quote inside is
 * written '\'' (close, escaped quote, reopen). Inside "..." the double quotes are closed around a
 * single-quoted copy ("a"'v'"b" is one word to bash), because inside double quotes $, `, \ and,
 * interactively, ! would still be interpreted.
 */
export function quoteBash(value: string, context: QuoteContext = 'bare'): string | undefined {
  if (UNPRINTABLE.test(value)) return undefined;
  const singleQuoted = `'${value.replace(/'/g, `'\\''`)}'`;
  switch (context) {
    case 'bare': return BASH_PLAIN.test(value) ? value : singleQuoted;
    case 'single': return value.replace(/'/g, `'\\''`);
    case 'double': return BASH_PLAIN.test(value) ? value : `"${singleQuoted}"`;
  }
}

// ------------------------------------------------------------------------------------ PowerShell

/** PowerShell reads these four as single quotes (about_Quoting_Rules): each is doubled inside '...'. */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;
/** Inside "...": the escape character, variables/subexpressions and the double quotes (including typographic ones). */
const PS_DOUBLE_SPECIAL = /[`$"\u201c\u201d\u201e]/g;

/**
 * Bare words PowerShell reads as literal text: a decimal number, or a name starting with a letter
 * and holding only letters, digits, periods, hyphens and underscores (a host name, a region).
 */
const POWERSHELL_PLAIN = /^(?:[0-9]+|[A-Za-z][A-Za-z0-9._-]*)$/;

/**
 * PowerShell (Test-NetConnection, Resolve-DnsName, New-NetFirewallRule). A bare argument is
 * parsed as an expression or a parameter when it starts with $, @, (, a digit or a dash, or holds
 * a comma, so every value but a plain word or number goes in single quotes, where nothing is
 * expanded; a single quote of any of
 * PowerShell's four kinds is doubled. Inside "..." the backtick escapes `, $ and the double quotes.
 */
export function quotePowerShell(value: string, context: QuoteContext = 'bare'): string | undefined {
  if (UNPRINTABLE.test(value)) return undefined;
  switch (context) {
    case 'bare': return POWERSHELL_PLAIN.test(value) ? value : `'${value.replace(PS_SINGLE_QUOTES, (quote) => quote + quote)}'`;
    case 'single': return value.replace(PS_SINGLE_QUOTES, (quote) => quote + quote);
    case 'double': return value.replace(PS_DOUBLE_SPECIAL, (char) => `\`${char}`);
  }
}

/** PowerShell array argument: each item quoted, joined with commas (`-RemoteAddress 'a','b'`). */
export function quotePowerShellList(values: readonly string[]): string | undefined {
  const quoted = values.map((value) => quotePowerShell(value, 'bare'));
  return quoted.some((item) => item === undefined) || quoted.length === 0 ? undefined : quoted.join(',');
}

// ------------------------------------------------------------------------------------------- cmd

/**
 * cmd.exe metacharacters: & | < > ^ are operators or the escape, % expands variables even inside
 * quotes, " toggles quoting, ! expands with delayed expansion, and white space splits arguments.
 */
const CMD_UNSAFE = /[&|<>^%"!\s]/;

/**
 * cmd.exe (the Kudu console: tcpping, nameresolver). cmd has no quoting that holds arbitrary text
 * (% expands even inside "...", and ^ escaping differs between the console and child programs),
 * so a value is used only when it holds none of cmd's metacharacters; otherwise it is refused.
 */
export function quoteCmd(value: string): string | undefined {
  if (UNPRINTABLE.test(value) || CMD_UNSAFE.test(value) || value === '') return undefined;
  return value;
}

export function quoteFor(shell: Shell, value: string, context: QuoteContext = 'bare'): string | undefined {
  switch (shell) {
    case 'bash': return quoteBash(value, context);
    case 'powershell': return quotePowerShell(value, context);
    case 'cmd': return quoteCmd(value);
  }
}
