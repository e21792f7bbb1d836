/** The --help text: every command, flag and exit code. */
export const HELP = `vnet-doctor: troubleshoot Azure App Service gateway-required VNet integration

Usage
  vnet-doctor [wizard] [target] [options]  interactive wizard (needs a terminal)
  vnet-doctor --demo [scenario]         wizard against a built-in demo (no Azure needed)
  vnet-doctor check [target] [options]  batch mode: no questions, report on stdout
  vnet-doctor scan [options]            every gateway-required integration in the subscriptions: findings,
                                        readiness for regional integration (--subscription S, repeatable;
                                        --format table|md|json|csv; --report PATH .txt/.md/.json/.csv)
  vnet-doctor migrate [target] [--slot S] [--out DIR]
                                        write a runbook to move the app (or slot) to regional integration:
                                        Markdown, bash and PowerShell scripts (dry runs unless --apply / -Apply)
  vnet-doctor flows lint [dir]          check flow files (exit 2 on any problem)
  vnet-doctor flows test [dir]          run the flow test cases (*.test.yaml beside the flows)
  vnet-doctor flows list                list the troubleshooting flows
  vnet-doctor flows questions           list question ids, answer types and fact keys (for answers files)
  vnet-doctor flows graph [flow]        diagram of one flow or all (--format mermaid (default) or dot)

Target (read facts from Azure Resource Manager)
  --app ID                    app resource id /subscriptions/S/resourceGroups/G/providers/Microsoft.Web/sites/N
  --subscription S --resource-group G --name N
  --access-token -            bearer token for ARM read from standard input (a pipe); better still: env
                              VNET_DOCTOR_ACCESS_TOKEN. --access-token T also works, but other users see it
                              in the process list. Default: DefaultAzureCredential (az login)
  --arm-endpoint URL          ARM endpoint (default: the cloud's)
  --cloud C                   AzureCloud (default), AzureUSGovernment or AzureChinaCloud
  --offline                   never call Azure: every fact is asked
  --probe                     run tcpping, nameresolver and read WEBSITE_PRIVATE_IP in the app through its
                              Kudu console (needs Website Contributor or an SCM role); their results answer those questions.
                              The wizard first names the app and lists the commands, and runs them only when you say yes
  --read-dns-settings         read WEBSITE_DNS_SERVER / WEBSITE_DNS_ALT_SERVER (they override the VNet's DNS).
                              ARM returns every app setting, secrets included, to read them: only those two
                              are kept, the rest is dropped at once and never shown. Without it, it is asked
  --scm-endpoint URL          Kudu endpoint to use instead of the app's own SCM site (tests)

Session and report
  --answers FILE              answers file (YAML or JSON): answers keyed by question id, facts keyed by fact key
  --flow ID                   start in this flow instead of triage
  --resume                    continue the last interrupted wizard session
  --report PATH               write the report to PATH (.md or .json picks the format)
  --format md|json            report format for check on stdout (default md)
  --force                     overwrite an existing report file
  --redact                    replace names, ids, host names and public IPs with stable pseudonyms
  --flows DIR                 use flow files from DIR instead of the shipped ones

Migration runbooks (migrate)
  --slot S                    the deployment slot to move (default: the production slot)
  --out DIR                   where the runbook files go (default: the current directory); --force replaces them

Exit codes (the same rule for the wizard and check)
  0    the session ended (finished, or quit with q) with no finding of severity error
  1    at least one finding of severity error
  2    usage or input error, or the session could not run (bad flags, broken flow files,
       bad answers file, unknown target, no Azure access, check: the app cannot be read
       from Azure, --report file exists)
  130  stopped by Ctrl-C or SIGTERM before the findings (answers are saved: --resume);
       Ctrl-C on the findings screen ends like q

Each command has its own help: vnet-doctor check --help, vnet-doctor migrate --help, vnet-doctor flows --help.
`;
