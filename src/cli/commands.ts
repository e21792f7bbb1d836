/**
 * What each command takes, declared once (Shopify cli-kit style): its flags with a short
 * description, its arguments, the exit codes that apply and how its --report is named. The parser
 * refuses a flag a command does not declare (command-run.ts), and every --help is generated from
 * these declarations (render-help.ts), so a flag cannot be missing from its command's help.
 * Light on purpose: --help loads this and nothing that runs a command.
 */
import { EXIT_FINDINGS, EXIT_HANGUP, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../errors.ts';
import { EXIT_CODE_TABLE, type ExitCode } from './exit-code-table.ts';
import type { FlagName } from './flags.ts';

export interface FlagUse {
  readonly name: FlagName;
  /** This command's words for the flag, when the shared ones (flags.ts) are not enough. */
  readonly help?: string;
  readonly choices?: readonly string[];
  /** The flag may be given more than once (each value is kept). */
  readonly multiple?: boolean;
}

export interface FlagGroup {
  readonly title: string;
  readonly flags: readonly FlagUse[];
}

export interface ExitUse {
  readonly code: ExitCode;
  /** What the code means for this command, when the README's general rule is not precise enough. */
  readonly meaning?: string;
}

export type CommandId = 'wizard' | 'check' | 'scan' | 'migrate' | 'flows' | 'flows lint' | 'flows test' | 'flows list' | 'flows questions' | 'flows graph';

export interface CommandSpec {
  readonly id: CommandId;
  /** The words that name the command on the command line (none for the wizard, the default). */
  readonly words: readonly string[];
  /** The first line of its help. */
  readonly title: string;
  readonly usage: readonly string[];
  readonly about?: string;
  readonly groups: readonly FlagGroup[];
  readonly exits: readonly ExitUse[];
  /** Arguments after the command's words: how many, and what to say about one too many. */
  readonly args: { readonly max: number; readonly tooMany: string };
  /** Why a flag the command does not take is refused, in the command's words. */
  readonly refusals?: Partial<Record<FlagName, string>>;
  readonly refusal?: string;
  /** `--report PATH`: the format each extension names; checked before the command reads anything. */
  readonly report?: Readonly<Record<string, string>>;
  /** Whose help this command shows (the flows tools share one). */
  readonly helpOf?: CommandId;
}

/** Every command shows these two. */
export const GENERAL: FlagGroup = { title: 'General', flags: [{ name: 'help' }, { name: 'version' }] };

const ALL_EXITS: readonly ExitUse[] = EXIT_CODE_TABLE.map(({ code }) => ({ code }));

const TARGET: FlagGroup = {
  title: 'Target (one of)',
  flags: [
    { name: 'app' }, { name: 'subscription' }, { name: 'resource-group' }, { name: 'name' },
    { name: 'demo' }, { name: 'offline' },
  ],
};

/** check and the wizard examine one slot when named: each deployment slot has its own VNet integration. */
const TARGET_OR_SLOT: FlagGroup = {
  ...TARGET,
  flags: [...TARGET.flags, { name: 'slot', help: 'with an app: one of its deployment slots, which has its own VNet integration (or --app .../sites/N/slots/S)' }],
};

const ARM_ACCESS: FlagGroup = { title: 'Azure access', flags: [{ name: 'access-token' }, { name: 'arm-endpoint' }, { name: 'cloud' }] };

const IN_THE_APP = (probe: string): FlagGroup => ({
  title: 'Reads in the app',
  flags: [{ name: 'probe', help: probe }, { name: 'scm-endpoint' }, { name: 'read-dns-settings' }],
});

const REPORT_FORMATS = { '.md': 'md', '.markdown': 'md', '.json': 'json' } as const;

export const WIZARD: CommandSpec = {
  id: 'wizard',
  words: [],
  title: 'vnet-doctor: the interactive wizard (needs a terminal)',
  usage: [
    'vnet-doctor [wizard]            the start screen: an app, a demo or offline',
    'vnet-doctor [wizard] --app ID   straight to that app',
    'vnet-doctor --demo [scenario]   a built-in demo scenario, no Azure needed',
    'vnet-doctor --resume            continue the last interrupted session',
  ],
  about: 'Keys are shown on screen; press ? (Esc ? in a text box) for all of them. Without a terminal, use "vnet-doctor check".',
  groups: [
    TARGET_OR_SLOT,
    { title: 'Session and report', flags: [
      { name: 'resume' }, { name: 'answers' }, { name: 'flow' },
      { name: 'report', help: 'where the report goes (.md or .json picks the format; default vnet-doctor-report-<time>.md here); checked before anything is asked' },
      { name: 'force' }, { name: 'redact' }, { name: 'flows' },
    ] },
    ARM_ACCESS,
    IN_THE_APP('with an app: run tcpping and nameresolver and read WEBSITE_PRIVATE_IP in the app through its Kudu console (needs Website Contributor, Contributor or Owner, or a custom role with Microsoft.Web/sites/publish/Action). The wizard first names the app and the commands and runs them only if you say yes; if you say no, the questions are asked'),
  ],
  exits: ALL_EXITS,
  args: { max: 0, tooMany: 'the wizard takes no arguments; name the app with --app' },
  refusals: { format: '--format applies to check and scan; the wizard picks the format from the --report file name' },
  report: REPORT_FORMATS,
};

export const CHECK: CommandSpec = {
  id: 'check',
  words: ['check'],
  title: 'vnet-doctor check: batch mode, no questions; the report goes to stdout',
  usage: [
    'vnet-doctor check --app ID [--answers FILE] [options]',
    'vnet-doctor check --offline --answers FILE [options]',
    'vnet-doctor check --demo [scenario] [options]',
  ],
  about: 'Walks every flow (or --flow ID) without asking; a question that no fact and no answer settles is listed as open in the report.',
  groups: [
    TARGET_OR_SLOT,
    { title: 'Answers and report', flags: [
      { name: 'answers' }, { name: 'flow', help: 'walk only this flow' }, { name: 'error' },
      { name: 'format', choices: ['md', 'json'], help: 'the report\'s format on stdout: md (default) or json' },
      { name: 'report' }, { name: 'force' }, { name: 'redact' }, { name: 'flows' },
    ] },
    ARM_ACCESS,
    IN_THE_APP('with an app: run tcpping and nameresolver and read WEBSITE_PRIVATE_IP in the app through its Kudu console (needs Website Contributor, Contributor or Owner, or a custom role with Microsoft.Web/sites/publish/Action); the results answer those questions'),
  ],
  exits: ALL_EXITS,
  args: { max: 0, tooMany: 'check takes no arguments; name the app with --app' },
  refusals: { resume: '--resume continues an interactive session; check always starts afresh' },
  report: REPORT_FORMATS,
};

export const SCAN: CommandSpec = {
  id: 'scan',
  words: ['scan'],
  title: 'vnet-doctor scan: every gateway-required VNet integration in your subscriptions',
  usage: [
    'vnet-doctor scan [--subscription S]... [--format F | --report PATH] [options]',
    'vnet-doctor scan --demo [--format F | --report PATH]   a shipped demo tenant, no Azure needed',
  ],
  about: 'Lists every app of the subscriptions the credential can read (or those named) that uses gateway-required integration, with its findings and its readiness for regional integration. Needs the Reader role. Progress goes to stderr.',
  groups: [
    { title: 'What to scan', flags: [
      { name: 'subscription', multiple: true, help: 'a subscription id to scan (repeat it, or separate ids with commas; default: every subscription the credential can read)' },
      { name: 'demo', help: 'scan the shipped demo tenant instead (three subscriptions: a ready app and slot, each kind of blocker, an unreadable VNet, a forbidden subscription); no Azure needed' },
      { name: 'flows' },
    ] },
    { title: 'Output', flags: [
      { name: 'format', choices: ['table', 'md', 'json', 'csv'], help: 'on stdout: table (default), md, json or csv' },
      { name: 'report', help: 'write the scan to PATH instead; its extension names the format: .txt, .md, .json or .csv. Checked before anything is read' },
      { name: 'force', help: 'replace an existing --report file or runbook files' }, { name: 'redact', help: 'replace every name and id the scan read with stable pseudonyms (not with --runbooks, whose commands need the real names)' },
      { name: 'runbooks' },
    ] },
    ARM_ACCESS,
  ],
  exits: [
    { code: EXIT_OK, meaning: 'the scan ended with no finding of severity error' },
    { code: EXIT_FINDINGS, meaning: 'at least one app has a finding of severity error' },
    { code: EXIT_USAGE, meaning: 'usage or input error (bad flags, a --report file that exists or names no format), no Azure credential, or no subscription could be read' },
    { code: EXIT_INTERRUPTED, meaning: 'stopped by Ctrl-C or SIGTERM before the end (nothing is written)' },
    { code: EXIT_HANGUP, meaning: 'the terminal hung up (SIGHUP) before the end (nothing is written)' },
  ],
  args: { max: 0, tooMany: 'scan takes no arguments; name subscriptions with --subscription' },
  refusal: 'which reads every app of the subscriptions',
  report: { '.json': 'json', '.csv': 'csv', '.md': 'md', '.markdown': 'md', '.txt': 'table' },
};

export const MIGRATE: CommandSpec = {
  id: 'migrate',
  words: ['migrate'],
  title: 'vnet-doctor migrate: a runbook to move an app to regional VNet integration',
  usage: [
    'vnet-doctor migrate --app ID [--slot S] [--out DIR] [options]',
    'vnet-doctor migrate --demo [scenario] [--out DIR]',
    'vnet-doctor migrate --offline --answers FILE [--out DIR]',
  ],
  about: 'Writes runbook-<app>[-<slot>].md, .sh and .ps1 into --out. The Markdown explains each step with the preflight (pass or fail, and where each fact came from); the bash and PowerShell scripts hold the same commands, quoted for their shell, and only print what they would do until run with --apply (bash) or -Apply (PowerShell); --rollback / -Rollback and --clean-up / -CleanUp run those phases. vnet-doctor itself changes nothing in Azure (the Reader role is enough).',
  groups: [
    TARGET,
    { title: 'Runbook', flags: [
      { name: 'slot' }, { name: 'out' }, { name: 'force', help: 'replace existing runbook files' },
      { name: 'answers', help: 'answers and facts known in advance (target.host and target.port fill the checks)' },
      { name: 'flows' },
    ] },
    ARM_ACCESS,
    { title: 'Reads in the app', flags: [{ name: 'read-dns-settings' }] },
  ],
  exits: [
    { code: EXIT_OK, meaning: 'the runbook is written and no preflight check fails' },
    { code: EXIT_FINDINGS, meaning: 'the runbook is written, but a preflight check fails (the scripts refuse --apply)' },
    { code: EXIT_USAGE, meaning: 'usage or input error, no Azure credential, the app cannot be read, or a runbook file exists (without --force)' },
    { code: EXIT_INTERRUPTED, meaning: 'stopped by Ctrl-C or SIGTERM before the runbook is written (nothing is written)' },
    { code: EXIT_HANGUP, meaning: 'the terminal hung up (SIGHUP) before the runbook is written (nothing is written)' },
  ],
  args: { max: 0, tooMany: 'migrate takes no arguments; name the app with --app' },
  refusals: { resume: '--resume continues an interactive session; migrate always reads afresh' },
};

const FLOWS_EXITS: readonly ExitUse[] = [
  { code: EXIT_OK, meaning: 'no problem found; every test case passes' },
  { code: EXIT_FINDINGS, meaning: 'flows test: a case fails' },
  { code: EXIT_USAGE, meaning: 'a problem in the flow or test files (each named with file and line), or bad usage' },
  { code: EXIT_INTERRUPTED, meaning: 'stopped by Ctrl-C or SIGTERM' },
  { code: EXIT_HANGUP, meaning: 'the terminal hung up (SIGHUP)' },
];

export const FLOWS: CommandSpec = {
  id: 'flows',
  words: ['flows'],
  title: 'vnet-doctor flows: tools for flow authors and answers files',
  usage: [
    'vnet-doctor flows lint [dir]     check the flow files (shipped, or in dir)',
    'vnet-doctor flows test [dir]     run the flow test cases (*.test.yaml files)',
    'vnet-doctor flows list           the troubleshooting flows, with their titles',
    'vnet-doctor flows questions      question ids, answer types, values, fact keys',
    'vnet-doctor flows graph [flow]   a diagram of one flow or of all',
  ],
  groups: [
    { title: 'flows graph', flags: [
      { name: 'format', choices: ['mermaid', 'dot'], help: 'mermaid (default) or dot' },
      { name: 'flows', help: 'draw the flow files in DIR instead of the shipped ones' },
    ] },
  ],
  exits: FLOWS_EXITS,
  args: { max: 1, tooMany: 'flows takes one of lint, test, list, questions or graph' },
};

const flowsTool = (id: CommandId, word: string, what: string, groups: readonly FlagGroup[] = []): CommandSpec => ({
  ...FLOWS, id, words: ['flows', word], groups, helpOf: 'flows', args: { max: 1, tooMany: `flows ${word} takes at most one argument, ${what}` },
});

export const COMMANDS: readonly CommandSpec[] = [
  WIZARD, CHECK, SCAN, MIGRATE, FLOWS,
  flowsTool('flows lint', 'lint', 'the flow directory'), flowsTool('flows test', 'test', 'the flow directory'),
  flowsTool('flows list', 'list', 'the flow directory'), flowsTool('flows questions', 'questions', 'the flow directory'),
  flowsTool('flows graph', 'graph', 'a flow id (name a flow directory with --flows DIR)', FLOWS.groups),
];

/** The one-line summaries the global help lists, in its order. */
export const SUMMARIES: readonly { readonly synopsis: string; readonly summary: string }[] = [
  { synopsis: 'vnet-doctor [wizard] [target] [options]', summary: 'the interactive wizard (needs a terminal)' },
  { synopsis: 'vnet-doctor --demo [scenario]', summary: 'the wizard on a built-in demo (no Azure needed)' },
  { synopsis: 'vnet-doctor check [target] [options]', summary: 'batch mode: no questions, the report on stdout' },
  { synopsis: 'vnet-doctor scan [--subscription S]... [options]', summary: 'every gateway-required integration in the subscriptions: findings and readiness for regional integration' },
  { synopsis: 'vnet-doctor migrate [target] [--slot S] [--out DIR]', summary: 'a runbook to move the app (or a slot) to regional integration: Markdown, bash and PowerShell' },
  { synopsis: 'vnet-doctor flows lint|test|list|questions|graph', summary: 'tools for flow authors and answers files' },
];

/** The command the words on the command line name: the longest declared match, else none. */
export function commandFor(positionals: readonly string[]): { spec: CommandSpec; args: readonly string[] } | undefined {
  if (positionals.length === 0) return { spec: WIZARD, args: [] };
  if (positionals[0] === 'wizard') return { spec: WIZARD, args: positionals.slice(1) };
  const matches = COMMANDS.filter((spec) => spec.words.length > 0 && spec.words.every((word, index) => positionals[index] === word));
  const spec = matches.sort((a, b) => b.words.length - a.words.length)[0];
  return spec && { spec, args: positionals.slice(spec.words.length) };
}

export function specById(id: CommandId): CommandSpec {
  return COMMANDS.find((spec) => spec.id === id)!;
}

/** Every flag the command takes, --help and --version included. */
export function flagsOf(spec: CommandSpec): readonly FlagUse[] {
  return [...spec.groups.flatMap((group) => group.flags), ...GENERAL.flags];
}

export { EXIT_CODE_TABLE };
