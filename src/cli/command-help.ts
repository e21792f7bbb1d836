/** `vnet-doctor <command> --help`: each command's own usage; the global --help lists them all. */
import { HELP } from './help.ts';

export const EXIT_CODES_HELP = `Exit codes (the same rule for the wizard and check)
  0    the session ended (finished, or quit with q) with no finding of severity error
  1    at least one finding of severity error
  2    usage or input error, or the session could not run (bad flags, broken flow files,
       bad answers file, unknown target, no Azure access, --report file exists)
  130  stopped by Ctrl-C or SIGTERM before the findings (answers are saved: --resume);
       Ctrl-C on the findings screen ends like q`;

const TARGET = `Target (one of)
  --app ID | --subscription S --resource-group G --name N   an app in Azure (read through ARM)
  --demo [scenario]                                         a built-in demo scenario
  --offline                                                 no Azure: facts from --answers or asked
ARM access
  env VNET_DOCTOR_ACCESS_TOKEN (preferred) or --access-token - (from a pipe), --arm-endpoint URL, --cloud C`;

export const CHECK_HELP = `vnet-doctor check: batch mode, no questions; the report goes to stdout (or --report PATH)

Usage
  vnet-doctor check --app ID [--answers FILE] [options]
  vnet-doctor check --offline --answers FILE [options]
  vnet-doctor check --demo [scenario] [options]

${TARGET}

Options
  --answers FILE      answers (by question id) and facts (by fact key); see "vnet-doctor flows questions"
  --flow ID           walk only this flow
  --format md|json    report format on stdout (default md)
  --report PATH       write the report to PATH (.md or .json); checked before anything is read
  --force             replace an existing --report file
  --redact            replace names, ids, host names and public IPs with stable pseudonyms
  --flows DIR         flow files from DIR instead of the shipped ones
  --read-dns-settings with an app: read WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER from its app settings.
                      ARM returns every setting (secrets too) to read them: the other settings are
                      dropped at once, never shown, logged or reported. Without it, the question is asked

${EXIT_CODES_HELP}
`;

export const MIGRATE_HELP = `vnet-doctor migrate: a runbook to move one app or slot to regional VNet integration

Usage
  vnet-doctor migrate --app ID [--slot S] [--out DIR] [options]
  vnet-doctor migrate --demo [scenario] [--out DIR]
  vnet-doctor migrate --offline --answers FILE [--out DIR]

Writes runbook-<app>[-<slot>].md, .sh and .ps1 into --out (default: here). The Markdown explains each
step with the preflight (pass/fail and where each fact came from); the bash and PowerShell scripts hold
the same commands, quoted for their shell, and only print what they would do until run with --apply
(bash) or -Apply (PowerShell); --rollback / -Rollback and --clean-up / -CleanUp run those phases.
Nothing in Azure is changed by vnet-doctor itself (Reader role is enough).

${TARGET}

Options
  --slot S            the deployment slot to move (default: production)
  --out DIR           directory for the three files (must exist)
  --force             replace existing runbook files
  --answers FILE      answers and facts known in advance (target.host and target.port fill the checks)
  --read-dns-settings with an app: read WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER (see check --help)

Exit codes
  0    runbook written, no preflight check fails
  1    runbook written, but a preflight check fails (the scripts refuse --apply)
  2    usage or input error, no Azure access, or a runbook file exists (without --force)
`;

export const FLOWS_HELP = `vnet-doctor flows: tools for flow authors and answers files

Usage
  vnet-doctor flows lint [dir]     check flow files (the shipped ones, or those in dir); exit 2 on any problem
  vnet-doctor flows test [dir]     run the flow test cases (*.test.yaml beside the flows); exit 1 if one fails
  vnet-doctor flows list           the troubleshooting flows, with their titles
  vnet-doctor flows questions      every question id, answer type, accepted values and fact key
  vnet-doctor flows graph [flow]   a diagram of one flow or all (--format mermaid or dot)
`;

export const WIZARD_HELP = `vnet-doctor: the interactive wizard (needs a terminal)

Usage
  vnet-doctor [wizard]             start screen: pick an app, a demo or offline
  vnet-doctor --app ID             straight to that app (also --subscription S --resource-group G --name N)
  vnet-doctor --demo [scenario]    a built-in demo scenario, no Azure needed
  vnet-doctor --offline            every fact is asked
  vnet-doctor --resume             continue the last interrupted session

Options
  --answers FILE      answers and facts known in advance
  --flow ID           start in this flow instead of triage
  --report PATH       where the report goes (.md or .json; default vnet-doctor-report-<time>.md here)
  --force             replace an existing --report file
  --redact            pseudonymise names in the report
  --flows DIR         flow files from DIR
  --probe             with an app: run tcpping, nameresolver and read WEBSITE_PRIVATE_IP in it through Kudu,
                      after a confirmation naming the app and the commands (no runs nothing; the questions are asked)
  --read-dns-settings with an app: read WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER from its app settings
                      (the call returns every setting; only those two are kept, the rest is dropped unseen)

Keys: on screen (press ? or Esc ? for all of them).

${EXIT_CODES_HELP}
`;

/** The help for the command line's command: its own, or the global one. */
export function helpFor(command: readonly string[]): string {
  switch (command[0]) {
    case 'check': return CHECK_HELP;
    case 'flows': return FLOWS_HELP;
    case 'migrate': return MIGRATE_HELP;
    case 'wizard': return WIZARD_HELP;
    default: return HELP;
  }
}
