/**
 * A finding's step with the customer's values filled in. Text is rendered as prose (template.ts);
 * a command is rendered for the shell that runs it, which the step's kind declares:
 *
 *   az -> bash (Azure CLI)   powershell -> PowerShell   kudu -> cmd (the Kudu console)
 *   manual -> bash (a command the engineer runs in a terminal, such as `vnet-doctor ... --flow migration`)
 *   portal -> no shell (a portal path), but a value goes in only when no shell would read
 *             anything into it, for a portal path can be copied (`c 1`) and pasted anywhere
 *
 * Each value is checked against its fact's rule (command-values.ts) and quoted for the spot in the
 * command it goes to (shell-quote.ts). A value that is unknown, breaks its rule or cannot be quoted
 * for that shell becomes a blank `<label>`, and so does a `<...>` the flow itself writes. A command
 * with blanks is a template: the step lists them (`blanks`) and is never shown as copy-ready.
 */
import type { Lookup } from './expression.ts';
import type { RenderedStep } from './session-types.ts';
import { render, PLACEHOLDER } from './template.ts';
import type { FactDefinition, FactValue, Step, StepKind } from './types.ts';
import { ruleFor, validForRule } from './command-values.ts';
import { quoteFor, quotePowerShellList, type QuoteContext, type Shell } from '../text/shell-quote.ts';
import { quoteContexts } from '../text/shell-words.ts';

export const SHELL_FOR_KIND: Readonly<Record<StepKind, Shell | undefined>> = {
  az: 'bash', powershell: 'powershell', kudu: 'cmd', portal: undefined, manual: 'bash',
};

type Catalogue = Readonly<Record<string, FactDefinition>>;

/**
 * The rendered steps of one flow step: one, or with `{{key | each}}` one per item of that list
 * (a list that is not known yet gives one step with the blank, which says what to fill in).
 * Several lists in one step are repeated together, the n-th item of each in the n-th step (one
 * NSG rule's id and its sources); lists that do not line up give one template step, never a
 * command that mixes one rule's id with another's sources.
 */
export function renderSteps(step: Step, lookup: Lookup, catalogue: Catalogue): RenderedStep[] {
  const keys = eachKeys(step);
  if (keys.length === 0) return [renderStep(step, lookup, catalogue)];
  const single = (template: string) => template.replace(PLACEHOLDER, (whole, name: string, filter?: string) => (keys.includes(name) && filter === 'each' ? `{{${name}}}` : whole));
  const plain: Step = { ...step, text: single(step.text), ...(step.command === undefined ? {} : { command: single(step.command) }) };
  const lists = keys.map((key) => {
    const value = lookup(key);
    return Array.isArray(value) ? (value as readonly string[]) : value === undefined ? [] : [String(value)];
  });
  const count = lists[0]!.length;
  if (count === 0 || lists.some((items) => items.length !== count)) return [renderStep(plain, (name) => (keys.includes(name) ? undefined : lookup(name)), catalogue)];
  return Array.from({ length: count }, (_, index) => renderStep(plain, (name) => {
    const at = keys.indexOf(name);
    return at < 0 ? lookup(name) : itemValue(lists[at]![index]!, catalogue[name]);
  }, catalogue));
}

/**
 * One item of a repeated list. An item of a `cidr-list` fact may hold several ranges separated by
 * spaces (one NSG rule's sources): they go into the command as several arguments, each checked.
 */
function itemValue(item: string, definition: FactDefinition | undefined): FactValue {
  if (definition?.type !== 'cidr-list') return item;
  const words = item.trim().split(/\s+/);
  return words.length > 1 ? words : item;
}

/** The keys a step repeats over, in the order they first appear. */
export function eachKeys(step: Step): string[] {
  const keys: string[] = [];
  for (const template of [step.text, step.command ?? '']) {
    for (const match of template.matchAll(PLACEHOLDER)) if (match[2] === 'each' && !keys.includes(match[1]!)) keys.push(match[1]!);
  }
  return keys;
}

export function renderStep(step: Step, lookup: Lookup, catalogue: Catalogue): RenderedStep {
  const text = render(step.text, lookup, catalogue);
  if (step.command === undefined) return { kind: step.kind, text };
  const { command, blanks } = renderCommand(step.command, step.kind, lookup, catalogue);
  return blanks.length === 0 ? { kind: step.kind, text, command } : { kind: step.kind, text, command, blanks };
}

/** A blank the flow writes itself, `<resource group of that NSG>`, outside quotes. */
const WRITTEN_BLANK = /<([^<>\n]+)>/g;

export function renderCommand(template: string, kind: StepKind, lookup: Lookup, catalogue: Catalogue): { command: string; blanks: string[] } {
  const shell = SHELL_FOR_KIND[kind];
  const contexts: readonly QuoteContext[] = shell ? quoteContexts(template, shell) : [];
  const blanks: string[] = [];
  const blank = (label: string) => {
    if (!blanks.includes(label)) blanks.push(label);
    return `<${label}>`;
  };
  // Written blanks first: their words (which may hold placeholders) are rendered as prose.
  const written = [...template.matchAll(WRITTEN_BLANK)].filter((match) => (contexts[match.index] ?? 'bare') === 'bare');
  let out = '';
  let at = 0;
  for (const match of written) {
    out += fillPlaceholders(template, at, match.index, shell, contexts, lookup, catalogue, blank);
    out += blank(describeBlank(match[1]!, lookup, catalogue));
    at = match.index + match[0].length;
  }
  out += fillPlaceholders(template, at, template.length, shell, contexts, lookup, catalogue, blank);
  return { command: out, blanks };
}

/** The words of a written blank: a placeholder in it shows its value when that value passes its rule, else its label. */
function describeBlank(words: string, lookup: Lookup, catalogue: Catalogue): string {
  return words.replace(PLACEHOLDER, (_whole, key: string, filter: string | undefined) => {
    const label = Object.hasOwn(catalogue, key) ? catalogue[key]!.label : key;
    const value = lookup(key);
    if (value === undefined) return label;
    const items = itemsOf(value, filter);
    return items.length > 0 && items.every((item) => validForRule(item, ruleFor(key, catalogue[key]))) ? joinItems(items, value, filter) : label;
  }).trim();
}

function fillPlaceholders(
  template: string, from: number, to: number, shell: Shell | undefined, contexts: readonly QuoteContext[],
  lookup: Lookup, catalogue: Catalogue, blank: (label: string) => string,
): string {
  const part = template.slice(from, to);
  return part.replace(PLACEHOLDER, (whole: string, key: string, filter: string | undefined, offset: number) => {
    const start = from + offset;
    const label = Object.hasOwn(catalogue, key) ? catalogue[key]!.label : key;
    const value = lookup(key);
    if (value === undefined) return blank(label);
    const items = itemsOf(value, filter);
    const rule = ruleFor(key, catalogue[key]);
    if (items.length === 0 || !items.every((item) => validForRule(item, rule))) return blank(`${label} (the recorded value cannot be used in a command)`);
    if (!shell) return items.every(isInert) ? joinItems(items, value, filter) : blank(`${label} (the recorded value cannot be written safely here)`);
    const context = contexts[start] ?? 'bare';
    const wholeWord = isWholeWord(template, start, start + whole.length);
    const quoted = quoteItems(items, value, filter, shell, context, wholeWord);
    return quoted ?? blank(`${label} (the recorded value cannot be written safely for this shell)`);
  });
}

/** A word bash, PowerShell and cmd all take as plain text (no quoting, expansion or operator). */
function isInert(item: string): boolean {
  return quoteFor('bash', item) === item && quoteFor('cmd', item) === item && !/^[-@$(]/.test(item);
}

function itemsOf(value: FactValue, filter: string | undefined): string[] {
  if (!Array.isArray(value)) return [String(value)];
  const items = value as readonly string[];
  return filter === 'first' ? items.slice(0, 1) : [...items];
}

const SEPARATOR: Readonly<Record<string, string>> = { list: ', ', csv: ',' };

function joinItems(items: readonly string[], value: FactValue, filter: string | undefined): string {
  return Array.isArray(value) ? items.join(SEPARATOR[filter ?? ''] ?? ' ') : items[0]!;
}

function isWholeWord(template: string, start: number, end: number): boolean {
  const before = start === 0 ? ' ' : template[start - 1]!;
  const after = end >= template.length ? ' ' : template[end]!;
  return /\s/.test(before) && /\s/.test(after);
}

/** PowerShell reads a quoted string glued to other characters as separate arguments: only plain values may be glued. */
const POWERSHELL_GLUE_SAFE = /^[A-Za-z0-9_.]+$/;

function quoteItems(items: readonly string[], value: FactValue, filter: string | undefined, shell: Shell, context: QuoteContext, wholeWord: boolean): string | undefined {
  const isList = Array.isArray(value) && filter !== 'first';
  if (shell === 'powershell' && context === 'bare') {
    if (!wholeWord) return items.every((item) => POWERSHELL_GLUE_SAFE.test(item)) ? items.join(',') : undefined;
    return isList ? quotePowerShellList(items) : quoteFor(shell, items[0]!, context);
  }
  // A plain list (no filter) outside quotes is several arguments: each item quoted on its own.
  if (isList && filter === undefined && context === 'bare') {
    const quoted = items.map((item) => quoteFor(shell, item, context));
    return quoted.some((item) => item === undefined) ? undefined : quoted.join(' ');
  }
  return quoteFor(shell, joinItems(items, value, filter), context);
}
