/**
 * `vnet-doctor scan`: every gateway-required VNet integration in the subscriptions the credential
 * can read (or those named with --subscription, repeatable), with findings and migration
 * readiness per app x VNet. The result goes to stdout (or --report PATH); progress and
 * warnings go to stderr.
 */
import type { TokenCredential } from '@azure/identity';
import { UsageError } from '../errors.ts';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../errors.ts';
import { parseCommandLine, type CliOptions } from './args.ts';
import { SCAN } from './commands.ts';
import { runCommand, type CommandRun } from './command-run.ts';
import { loadInputs } from './load-inputs.ts';
import type { Output } from './output.ts';
import { renderScan, summary, type ScanFormat } from '../scan/render-scan.ts';
import { runScan, type ScanProgress } from '../scan/scan.ts';
import { checkRunbookDir, writeFleetRunbooks, type ScannedRow } from './scan-runbooks.ts';
import { redactScan } from '../scan/redact-scan.ts';
import { describeScanError } from '../scan/scan-text.ts';
import { armContextFor, DEMO_ACCESS_TOKEN, NoCredentialError } from '../facts/gather-facts.ts';
import { DEFAULT_DEMO } from '../facts/target-flags.ts';
import { staticTokenCredential } from '../facts/arm/context.ts';
import { demoTenant } from '../emulator/demo-tenant.ts';
import { startEmulator } from '../emulator/server.ts';
import { listSubscriptions } from '../facts/arm/discovery.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { RESOURCE_GRAPH_MAX_WAIT_MS } from '../facts/limits.ts';
import { maskKnownSecrets } from '../text/secrets.ts';

export interface ScanContext {
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  readonly tlsCa?: string;
  readonly credential?: TokenCredential;
  /** Show the progress line (default: when stderr is a terminal). */
  readonly progress?: boolean;
  /** Where the progress line goes (default: standard error). */
  readonly progressStream?: { write(text: string): unknown };
  /** The command line, for the repeatable --subscription. */
  readonly argv?: readonly string[];
  /** Per ARM call (default 15 s) and per subscription (default SCAN_SUBSCRIPTION_BOUND_MS): tests make them short. */
  readonly timeoutMs?: number;
  readonly subscriptionBoundMs?: number;
}

const SUBSCRIPTION_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** Every --subscription given (repeated, or separated by commas), each once. */
export function subscriptionsFrom(argv: readonly string[] | undefined, options: CliOptions): string[] {
  const given = argv ? parseCommandLine(argv).lists.subscription ?? [] : options.subscription === undefined ? [] : [options.subscription];
  return [...new Set(given.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean))];
}

export async function scanCommand(options: CliOptions, out: Output, context: ScanContext = {}): Promise<number> {
  return runCommand(SCAN, options, out, context, { interrupted: 'scan interrupted; nothing was written' }, (run) => scan(options, out, context, run));
}

async function scan(options: CliOptions, out: Output, context: ScanContext, { signal, warn, reportFormat }: CommandRun): Promise<number> {
  const format = (reportFormat ?? options.format ?? 'table') as ScanFormat;
  const subscriptions = subscriptionsFrom(context.argv, options);
  const bad = subscriptions.find((id) => !SUBSCRIPTION_ID.test(id));
  if (bad !== undefined) throw new UsageError(`--subscription takes a subscription id, not "${bad}"`);
  const demo = options.demo !== undefined;
  if (demo && options.demo !== DEFAULT_DEMO) throw new UsageError(`scan --demo runs on the shipped demo tenant and takes no scenario name ("${options.demo}")`);
  if (demo && (options['arm-endpoint'] !== undefined || options['access-token'] !== undefined || options.cloud !== undefined)) {
    throw new UsageError('scan --demo runs on the shipped demo tenant; it takes no --arm-endpoint, --cloud or --access-token');
  }

  // --runbooks DIR is checked before any Azure call; runbooks hold the real names their commands need.
  if (options.runbooks !== undefined) {
    if (options.redact) throw new UsageError('--runbooks writes commands that need the real names; leave out --redact (redact the scan with a second run)');
    await checkRunbookDir(options.runbooks);
  }
  const inputs = await loadInputs({ flows: options.flows }, warn);
  if (typeof inputs === 'number') return inputs;
  const now = context.now ?? (() => new Date());
  const showProgress = context.progress ?? process.stderr.isTTY === true;
  const stream = context.progressStream ?? process.stderr;
  let lastDrawn = 0;
  let waitNoted = false;
  // A wait for Resource Graph's quota counts down on the progress line (refreshed every second);
  // without a terminal it is said once.
  let countdown: ReturnType<typeof setInterval> | undefined;
  let latest: ScanProgress | undefined;
  let waitEnds = 0;
  const draw = (p: ScanProgress) => {
    const waiting = waitEnds > 0 ? `; waiting ${Math.max(0, Math.ceil((waitEnds - performance.now()) / 1000))} s for Resource Graph's quota (at most ${RESOURCE_GRAPH_MAX_WAIT_MS / 1000} s)` : '';
    stream.write(`\r\u001b[2KScanning ${p.subscriptions} subscription(s): ${p.listed} resources listed, plans ${p.plansRead}/${p.plansToRead}, apps ${p.appsRead}/${p.appsToRead}${waiting}`);
    lastDrawn = performance.now();
  };
  const progress = (p: ScanProgress) => {
    latest = p;
    if (p.waitingMs > 0 && waitEnds === 0) {
      waitEnds = performance.now() + p.waitingMs;
      if (showProgress) countdown ??= setInterval(() => { if (latest) draw(latest); }, 1000);
      else if (!waitNoted && p.waitingMs >= 1000) {
        waitNoted = true;
        warn(`vnet-doctor: Resource Graph's quota is spent; waiting ${Math.ceil(p.waitingMs / 1000)} s for it to reset (a scan waits at most ${RESOURCE_GRAPH_MAX_WAIT_MS / 1000} s, else it lists through ARM)`);
      }
    } else if (p.waitingMs === 0 && waitEnds > 0) {
      waitEnds = 0;
      if (countdown) { clearInterval(countdown); countdown = undefined; }
    }
    if (!showProgress || (performance.now() - lastDrawn < 100 && p.waitingMs === 0)) return;
    draw(p);
  };
  const endProgress = () => {
    if (countdown) { clearInterval(countdown); countdown = undefined; }
    if (showProgress && lastDrawn > 0) stream.write('\r\u001b[2K');
  };

  let outcome;
  // --demo: the shipped demo tenant, served by the local emulator for the length of the scan.
  const demoTenant = demo ? await startDemoTenant() : undefined;
  const scanDay = demoTenant ? new Date(`${demoTenant.today}T08:00:00Z`) : now();
  try {
    const ctx = await armContextFor(demoTenant ? { ...options, 'arm-endpoint': demoTenant.url } : options, {
      signal, tlsCa: demoTenant?.ca ?? context.tlsCa, credential: demoTenant?.credential ?? context.credential, timeoutMs: context.timeoutMs,
    });
    let targets = subscriptions;
    if (targets.length === 0) {
      try {
        targets = (await listSubscriptions(ctx)).map((subscription) => subscription.id);
      } catch (error) {
        if (signal.aborted) throw error;
        // The reason already says what could not be listed ("cannot list subscriptions: ARM 403 ...").
        warn(`vnet-doctor: ${(error as Error).message.replace(/\.$/, '')}. Name the subscriptions with --subscription.`);
        return EXIT_USAGE;
      }
      if (targets.length === 0) {
        warn('vnet-doctor: the credential can see no subscription; name one with --subscription');
        return EXIT_USAGE;
      }
    }
    // The App Service SDK loads only when a scan runs (an Azure SDK boundary: not at start-up).
    const { armLists } = await import('../scan/arm-lists.ts');
    const scanned: ScannedRow[] = [];
    outcome = await runScan(ctx, armLists(ctx), {
      flowSet: inputs.flowSet, subscriptions: targets, now: scanDay, onProgress: progress, subscriptionBoundMs: context.subscriptionBoundMs, keepIds: options.redact === true,
      ...(options.runbooks === undefined ? {} : { onRow: (row, facts) => scanned.push({ ...row, facts }) }),
    });
    // The runbooks read the NSGs of the ready rows' VNets: before a demo tenant's emulator stops.
    if (options.runbooks !== undefined) {
      endProgress();
      await writeFleetRunbooks(scanned, { dir: options.runbooks, flowSet: inputs.flowSet, today: scanDay.toISOString().slice(0, 10), force: options.force === true, ctx, warn });
    }
  } catch (error) {
    endProgress();
    if (error instanceof NoCredentialError && !signal.aborted) {
      warn(`vnet-doctor: ${error.message.replace(/,? or use --offline\.$/, '.')} To try scan without Azure, run "vnet-doctor scan --demo" (a shipped demo tenant).`);
      return EXIT_USAGE;
    }
    // A signal ends every command alike (command-run.ts).
    if (error instanceof UsageError || signal.aborted) throw error;
    // Never a stack trace, never exit 1 (which means error findings): say what failed, exit 2.
    warn(`vnet-doctor: the scan could not finish: ${maskKnownSecrets(String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 200))}; nothing was written`);
    return EXIT_USAGE;
  } finally {
    await demoTenant?.stop();
  }
  endProgress();
  const report = options.redact ? redactScan(outcome.report, outcome.knownIds) : outcome.report;
  warn(`vnet-doctor: ${summary(report)}`);
  for (const error of report.errors) if (error.read === 'resource-graph') warn(`vnet-doctor: ${describeScanError(error)}`);
  for (const subscription of report.subscriptions) if (subscription.error) warn(`vnet-doctor: subscription ${subscription.id} ${subscription.status}: ${subscription.error}`);
  const text = renderScan(report, format);
  if (options.report !== undefined) {
    try {
      await writeFileAtomic(options.report, text, { overwrite: options.force === true, mode: 0o600 });
    } catch (error) {
      const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
      warn(`vnet-doctor: cannot write the scan to ${options.report}: ${exists ? 'the file exists (pass --force to replace it)' : (error as Error).message}`);
      return EXIT_USAGE;
    }
    warn(`Scan written to ${options.report}`);
  } else {
    // Every format is escaped already (render-scan.ts).
    out.print(text.trimEnd());
  }
  // Nothing read at all (every subscription failed, or was cut short with no row): exit 2, as for no access.
  const nothingRead = (status: string) => status === 'failed' || (status === 'cut-short' && report.rows.length === 0);
  if (report.subscriptions.length > 0 && report.subscriptions.every((subscription) => nothingRead(subscription.status))) return EXIT_USAGE;
  return report.rows.some((row) => row.findings.some((finding) => finding.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

/** The emulator serving the shipped demo tenant (emulator/demo-tenant.ts) on a loopback address. */
async function startDemoTenant() {
  const tenant = await demoTenant();
  const emulator = await startEmulator({ scenario: tenant.scenario, token: DEMO_ACCESS_TOKEN, faults: tenant.faults, hiddenSubscriptions: tenant.hiddenSubscriptions });
  return { url: emulator.url, ca: emulator.ca, credential: staticTokenCredential(DEMO_ACCESS_TOKEN), today: tenant.scenario.today!, stop: () => emulator.stop() };
}
