/**
 * `vnet-doctor check`: batch mode. Reads facts (ARM, demo or none), applies an answers file,
 * walks every flow without asking, and prints one report. The report alone goes to stdout;
 * progress, warnings and errors go to stderr, so `check --format json > report.json` is clean.
 */
import type { Facts } from '../engine/types.ts';
import { DERIVATIONS } from '../facts/derived.ts';
import { walkFlows } from '../answers/walk-flows.ts';
import { buildReport } from '../report/build-report.ts';
import { formatForPath, renderReport } from '../report/format.ts';
import { redactReport } from '../report/redact.ts';
import { writeReport } from '../report/write-report.ts';
import type { Report, ReportError } from '../report/report-model.ts';
import { safeText } from '../text/safe-text.ts';
import { UsageError, type CliOptions } from './args.ts';
import { loadInputs } from './load-inputs.ts';
import { nsgLookupFor } from '../facts/nsg-lookup.ts';
import type { Lookup } from '../engine/expression.ts';
import { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from '../errors.ts';
import { VERSION } from '../version.ts';
import type { Output } from './output.ts';
import type { TokenCredential } from '@azure/identity';

export interface CheckContext {
  /** Clock for the report time stamp and `session.today` (tests pin it). */
  readonly now?: () => Date;
  /** Aborts fact gathering (Ctrl-C); when absent, SIGINT and SIGTERM are wired up here. */
  readonly signal?: AbortSignal;
  /** Extra CA (PEM) to trust for ARM, e.g. a local ARM emulator's certificate. */
  readonly tlsCa?: string;
  /** ARM credential to use instead of the one the flags and environment name. */
  readonly credential?: TokenCredential;
}

export async function checkCommand(options: CliOptions, out: Output, context: CheckContext = {}): Promise<number> {
  const warn = (text: string) => out.error(safeText(text));
  if (options.resume) throw new UsageError('--resume continues an interactive session; check always starts afresh');
  if (options.force && !options.report) throw new UsageError('--force only applies together with --report PATH');

  const inputs = await loadInputs(options, warn);
  if (typeof inputs === 'number') return inputs;
  const { flowSet, answers: fromFile } = inputs;
  // Check the report path before any Azure call, so a typo does not cost a full run.
  if (options.report !== undefined) {
    const format = formatForPath(options.report);
    if (options.format !== undefined && options.format !== format) {
      throw new UsageError(`--format ${options.format} contradicts --report ${options.report}, which is written as ${format}; drop --format or change the extension`);
    }
  }

  const now = context.now ?? (() => new Date());
  const today = now().toISOString().slice(0, 10);
  const abort = new AbortController();
  const stop = () => abort.abort();
  const signal = context.signal ?? abort.signal;
  if (!context.signal) { process.once('SIGINT', stop); process.once('SIGTERM', stop); }
  // Loaded only here: the ARM clients and the emulator are not needed to check an answers file.
  const { gatherFacts, NoCredentialError } = await import('../facts/gather-facts.ts');
  let gathered;
  try {
    const gather = { signal, today, tlsCa: context.tlsCa, credential: context.credential, onProgress: (message: string) => warn(message) };
    gathered = await gatherFacts(options, gather);
    // A target address inside the VNet (from the answers file) lets ARM tell whether an NSG blocks the pool.
    const nsg = options.offline ? undefined : nsgLookupFor(factLookup({ ...gathered.facts, ...fromFile.facts }));
    if (nsg) {
      const { gatherNsgFacts } = await import('../facts/nsg-facts.ts');
      const found = await gatherNsgFacts(options, gathered.facts, nsg, gather);
      gathered = { ...gathered, facts: { ...gathered.facts, ...found.facts }, errors: [...gathered.errors, ...found.errors] };
    }
  } catch (error) {
    if (error instanceof NoCredentialError) {
      warn(`vnet-doctor: ${error.message}`);
      warn('Without Azure access, check works from what you know: --offline --answers FILE (see "vnet-doctor flows questions").');
      return EXIT_USAGE;
    }
    if (signal.aborted && !(error instanceof UsageError)) {
      warn('vnet-doctor: interrupted while reading facts; no report was written');
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    if (!context.signal) { process.off('SIGINT', stop); process.off('SIGTERM', stop); }
  }

  // What the answers file states wins over what was read: the user checked it.
  const facts: Facts = { ...gathered.facts, ...fromFile.facts };
  const { sessions, failures } = walkFlows(flowSet, facts, fromFile.answers, { flow: options.flow, derivations: DERIVATIONS, presetAnswerDetails: fromFile.answerDetails });
  const errors: ReportError[] = [
    ...gathered.errors,
    ...failures.map((failure) => ({ facts: [], reason: failure.reason, source: `flow ${failure.flow}` })),
  ];
  const report = buildReport({ sessions, target: gathered.target, errors, interrupted: signal.aborted, now: now(), version: VERSION });
  warn(summaryLine(report));

  if (options.report !== undefined) {
    try {
      await writeReport(options.report, report, { force: options.force, redact: options.redact });
    } catch (error) {
      warn(`vnet-doctor: cannot write the report to ${options.report}: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
    warn(`Report written to ${options.report}`);
  } else {
    const format = options.format === 'json' ? 'json' : 'md';
    const text = renderReport(options.redact ? redactReport(report) : report, format);
    out.print(terminalSafe(text, format));
  }
  if (signal.aborted) return EXIT_INTERRUPTED;
  return report.findings.some((finding) => finding.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Last line of defence for stdout, which is often a terminal: no raw escape or control
 * character from ARM or an answers file gets through. JSON keeps its meaning (C1 and DEL
 * become \\u escapes, which JSON.stringify leaves raw); Markdown gets safeText's visible escapes.
 */
export function terminalSafe(text: string, format: 'md' | 'json'): string {
  if (format === 'md') return safeText(text);
  return text.replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function summaryLine(report: Report): string {
  const { errors, warnings, infos } = report.summary;
  const open = report.openQuestions.length;
  return `vnet-doctor: ${report.findings.length} finding(s) (${errors} error, ${warnings} warning, ${infos} info), ${open} open question(s)`;
}

/** Reads facts as the engine would: a known value, else a derivation from other facts. */
function factLookup(facts: Facts): Lookup {
  const lookup: Lookup = (key) => {
    const fact = Object.hasOwn(facts, key) ? facts[key] : undefined;
    if (fact && fact.value !== null) return fact.value;
    return Object.hasOwn(DERIVATIONS, key) ? DERIVATIONS[key]!(lookup) : undefined;
  };
  return lookup;
}
