/**
 * `vnet-doctor scan`: every gateway-required VNet integration in the subscriptions the credential
 * can read (or those named with --subscription, repeatable), with findings and migration
 * readiness per app x VNet. The result goes to stdout (or --report PATH); progress and
 * warnings go to stderr.
 */
import { parseArgs } from 'node:util';
import type { TokenCredential } from '@azure/identity';
import { UsageError } from '../errors.ts';
import { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { OPTIONS, type CliOptions } from './args.ts';
import { loadInputs } from './load-inputs.ts';
import type { Output } from './output.ts';
import { safeText } from '../text/safe-text.ts';
import { renderScan, summary, type ScanFormat } from '../scan/render-scan.ts';
import { runScan, type ScanProgress } from '../scan/scan.ts';
import { redactScan } from '../scan/redact-scan.ts';
import { armContextFor, NoCredentialError } from '../facts/gather-facts.ts';
import { listSubscriptions } from '../facts/arm/discovery.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';

export interface ScanContext {
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  readonly tlsCa?: string;
  readonly credential?: TokenCredential;
  /** Show the progress line (default: when stderr is a terminal). */
  readonly progress?: boolean;
  /** The command line, for the repeatable --subscription. */
  readonly argv?: readonly string[];
}

const NOT_FOR_SCAN = ['app', 'resource-group', 'name', 'answers', 'offline', 'demo', 'resume', 'flow', 'probe', 'scm-endpoint', 'read-dns-settings'] as const;
const EXTENSIONS: Readonly<Record<string, ScanFormat>> = { '.json': 'json', '.csv': 'csv', '.md': 'md', '.markdown': 'md', '.txt': 'table' };
const SUBSCRIPTION_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** Every --subscription given (parseArgs keeps only the last unless told the flag repeats). */
export function subscriptionsFrom(argv: readonly string[] | undefined, options: CliOptions): string[] {
  if (!argv) return options.subscription === undefined ? [] : [options.subscription];
  const { values } = parseArgs({ args: [...argv], options: { ...OPTIONS, subscription: { type: 'string', multiple: true } }, allowPositionals: true, strict: false });
  const given = (values.subscription ?? []) as string[];
  return [...new Set(given.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean))];
}

function formatFor(options: CliOptions): ScanFormat {
  if (options.report === undefined) return (options.format as ScanFormat | undefined) ?? 'table';
  const extension = /\.[^./\\]+$/.exec(options.report)?.[0]?.toLowerCase() ?? '';
  const format = Object.hasOwn(EXTENSIONS, extension) ? EXTENSIONS[extension]! : undefined;
  if (!format) throw new UsageError(`the scan report "${options.report}" needs an extension that names its format: .json, .csv, .md or .txt`);
  if (options.format !== undefined && options.format !== format) throw new UsageError(`--format ${options.format} contradicts --report ${options.report}; drop --format or change the extension`);
  return format;
}

export async function scanCommand(options: CliOptions, out: Output, context: ScanContext = {}): Promise<number> {
  const warn = (text: string) => out.error(safeText(text));
  for (const flag of NOT_FOR_SCAN) if (options[flag] !== undefined) throw new UsageError(`--${flag} does not apply to scan, which reads every app of the subscriptions`);
  if (options.force && !options.report) throw new UsageError('--force only applies together with --report PATH');
  const format = formatFor(options);
  const subscriptions = subscriptionsFrom(context.argv, options);
  const bad = subscriptions.find((id) => !SUBSCRIPTION_ID.test(id));
  if (bad !== undefined) throw new UsageError(`--subscription takes a subscription id, not "${bad}"`);

  const inputs = await loadInputs({ flows: options.flows }, warn);
  if (typeof inputs === 'number') return inputs;
  const now = context.now ?? (() => new Date());
  const abort = new AbortController();
  const stop = () => abort.abort();
  const signal = context.signal ?? abort.signal;
  if (!context.signal) { process.once('SIGINT', stop); process.once('SIGTERM', stop); }
  const showProgress = context.progress ?? process.stderr.isTTY === true;
  let lastDrawn = 0;
  const progress = (p: ScanProgress) => {
    const at = performance.now();
    if (!showProgress || at - lastDrawn < 100) return;
    lastDrawn = at;
    process.stderr.write(`\r\u001b[2KScanning ${p.subscriptions} subscription(s): ${p.listed} resources listed, plans ${p.plansRead}/${p.plansToRead}, apps ${p.appsRead}/${p.appsToRead}`);
  };
  const endProgress = () => { if (showProgress && lastDrawn > 0) process.stderr.write('\r\u001b[2K'); };

  let report;
  try {
    const ctx = await armContextFor(options, { signal, tlsCa: context.tlsCa, credential: context.credential });
    let targets = subscriptions;
    if (targets.length === 0) {
      try {
        targets = (await listSubscriptions(ctx)).map((subscription) => subscription.id);
      } catch (error) {
        if (signal.aborted) throw error;
        warn(`vnet-doctor: cannot list the subscriptions: ${(error as Error).message}. Name them with --subscription.`);
        return EXIT_USAGE;
      }
      if (targets.length === 0) {
        warn('vnet-doctor: the credential can see no subscription; name one with --subscription');
        return EXIT_USAGE;
      }
    }
    // The App Service SDK loads only when a scan runs (an Azure SDK boundary: not at start-up).
    const { armLists } = await import('../scan/arm-lists.ts');
    report = await runScan(ctx, armLists(ctx), { flowSet: inputs.flowSet, subscriptions: targets, now: now(), onProgress: progress });
  } catch (error) {
    endProgress();
    if (error instanceof NoCredentialError) {
      warn(`vnet-doctor: ${error.message}`);
      return EXIT_USAGE;
    }
    if (signal.aborted) {
      warn('vnet-doctor: scan interrupted; nothing was written');
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    if (!context.signal) { process.off('SIGINT', stop); process.off('SIGTERM', stop); }
  }
  endProgress();
  warn(`vnet-doctor: ${summary(report)}`);
  for (const subscription of report.subscriptions) if (subscription.error) warn(`vnet-doctor: subscription ${subscription.id} ${subscription.status}: ${subscription.error}`);

  if (options.redact) {
    report = redactScan(report);
  }
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
    // JSON keeps its meaning with C1 and DEL as \u escapes; the other formats are already escaped.
    out.print(format === 'json' ? text.trimEnd().replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) : text.trimEnd());
  }
  if (report.subscriptions.length > 0 && report.subscriptions.every((subscription) => subscription.status === 'failed')) return EXIT_USAGE;
  return report.rows.some((row) => row.findings.some((finding) => finding.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}
