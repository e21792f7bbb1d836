/**
 * Every flag of the command line, declared once: its type, the placeholder its help shows and
 * what it does. Commands pick the flags they take (commands.ts) and may say more for themselves;
 * the parser, the per-command check and each command's --help all come from these declarations.
 */

export interface FlagDeclaration {
  readonly type: 'string' | 'boolean';
  /** The value's placeholder in help (`--app ID`); string flags only. */
  readonly value?: string;
  readonly short?: string;
  /** One sentence or two, wrapped by the help renderer. */
  readonly help: string;
  /** The values the flag takes, when it is a closed list (checked by the parser). */
  readonly choices?: readonly string[];
}

export const FLAGS = {
  app: { type: 'string', value: 'ID', help: 'the app\'s resource id: /subscriptions/S/resourceGroups/G/providers/Microsoft.Web/sites/N' },
  subscription: { type: 'string', value: 'S', help: 'with --resource-group and --name: the app\'s subscription id' },
  'resource-group': { type: 'string', value: 'G', help: 'the app\'s resource group' },
  name: { type: 'string', value: 'N', help: 'the app\'s name' },
  'arm-endpoint': { type: 'string', value: 'URL', help: 'ARM endpoint (default: the cloud\'s)' },
  'access-token': {
    type: 'string', value: '-',
    help: 'bearer token for ARM, read from standard input (a pipe). Better: env VNET_DOCTOR_ACCESS_TOKEN. --access-token T works too, but other users see T in the process list. Default: DefaultAzureCredential (az login)',
  },
  cloud: { type: 'string', value: 'C', help: 'AzureCloud (default), AzureUSGovernment or AzureChinaCloud', choices: ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'] },
  offline: { type: 'boolean', help: 'never call Azure: facts come from --answers or are asked' },
  demo: { type: 'string', value: '[scenario]', help: 'a built-in demo scenario, no Azure needed (default: healthy)' },
  answers: { type: 'string', value: 'FILE', help: 'answers file (YAML or JSON): answers by question id, facts by fact key; see "vnet-doctor flows questions"' },
  flow: { type: 'string', value: 'ID', help: 'start in this flow instead of triage' },
  flows: { type: 'string', value: 'DIR', help: 'flow files from DIR instead of the shipped ones' },
  format: { type: 'string', value: 'F', help: 'output format' },
  report: { type: 'string', value: 'PATH', help: 'write the report to PATH (.md or .json picks the format); checked before anything is read' },
  force: { type: 'boolean', help: 'replace an existing --report file' },
  redact: { type: 'boolean', help: 'replace names, ids, host names and public IPs with stable pseudonyms' },
  resume: { type: 'boolean', help: 'continue the last interrupted session' },
  probe: {
    type: 'boolean',
    help: 'with an app: run tcpping and nameresolver and read WEBSITE_PRIVATE_IP in the app through its Kudu console (needs Website Contributor, Contributor or Owner, or a custom role with Microsoft.Web/sites/publish/Action); the results answer those questions',
  },
  'read-dns-settings': {
    type: 'boolean',
    help: 'with an app: read WEBSITE_DNS_SERVER and WEBSITE_DNS_ALT_SERVER from its app settings. ARM returns every setting, secrets too: only those two are kept, the rest is dropped at once and never shown. Without this flag, the question is asked',
  },
  error: {
    type: 'string', value: 'TEXT',
    help: 'the error message the customer sees (or tcpping / nameresolver output): triage starts from the cause it documents, as "I have an error message" does in the wizard',
  },
  'scm-endpoint': { type: 'string', value: 'URL', help: 'with --probe: the Kudu endpoint to use instead of the app\'s own SCM site (tests)' },
  slot: { type: 'string', value: 'S', help: 'the deployment slot to move (default: the production slot)' },
  out: { type: 'string', value: 'DIR', help: 'the directory for the runbook files (must exist; default: the current one)' },
  runbooks: { type: 'string', value: 'DIR', help: 'also write a migration runbook per ready app or slot and the waves (waves.csv, waves.md) into DIR (must exist; --force replaces files)' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', short: 'v', help: 'the version of vnet-doctor' },
} as const satisfies Record<string, FlagDeclaration>;

export type FlagName = keyof typeof FLAGS;

/** The parsed flags of any command (each command takes a subset: commands.ts). */
export type CliOptions = {
  -readonly [K in FlagName]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string;
};
