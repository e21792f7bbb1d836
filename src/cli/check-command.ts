/**
 * `vnet-doctor check`: batch mode. Reads facts (ARM, demo or none), applies an answers file,
 * walks every flow without asking, and prints one report. The report alone goes to stdout;
 * progress, warnings and errors go to stderr, so `check --format json > report.json` is clean.
 */
import { DERIVATIONS } from '../facts/derived.ts';
import { EngineError } from '../engine/engine.ts';
import { buildReport } from '../report/build-report.ts';
import { reportVerdict } from '../report/verdict.ts';
import { renderReport } from '../report/format.ts';
import { redactReport } from '../report/redact.ts';
import { writeReport } from '../report/write-report.ts';
import type { Report, ReportError } from '../report/report-model.ts';
import { safeText } from '../text/safe-text.ts';
import { SessionController } from '../session/controller.ts';
import { exitCodeFor } from '../session/exit-code.ts';
import { factSources } from '../session/fact-sources.ts';
import { probeSources } from '../probe/probe-option.ts';
import { EXIT_USAGE } from '../errors.ts';
import { VERSION } from '../version.ts';
import { UsageError, type CliOptions } from './args.ts';
import { checkFlagConflicts, sessionTarget } from './target-flags.ts';
import { loadInputs } from './load-inputs.ts';
import type { Answers } from '../answers/answers-file.ts';
import { readFailureLines } from '../facts/read-failures.ts';
import type { Output } from './output.ts';
import { CHECK } from './commands.ts';
import { runCommand, type CommandRun } from './command-run.ts';
import type { TokenCredential } from '@azure/identity';

export interface CheckContext {
  /** Clock for the report time stamp and `session.today` (tests pin it). */
  readonly now?: () => Date;
  /** Aborts the check (Ctrl-C); when absent, SIGINT, SIGTERM and SIGHUP are wired up (command-run.ts). */
  readonly signal?: AbortSignal;
  /** Extra CA (PEM) to trust for ARM, e.g. a local ARM emulator's certificate. */
  readonly tlsCa?: string;
  /** ARM credential to use instead of the one the flags and environment name. */
  readonly credential?: TokenCredential;
}

export async function checkCommand(options: CliOptions, out: Output, context: CheckContext = {}): Promise<number> {
  return runCommand(CHECK, options, out, context, {
    interrupted: 'interrupted while reading facts; no report was written',
    withoutCredential: 'Without Azure access, check works from what you know: --offline --answers FILE (see "vnet-doctor flows questions").',
  }, (run) => check(options, out, context, run));
}

async function check(options: CliOptions, out: Output, context: CheckContext, { signal, warn, stoppedBy }: CommandRun): Promise<number> {
  checkFlagConflicts(options);
  const { choice, access } = await sessionTarget(options, { credential: context.credential, tlsCa: context.tlsCa });

  const inputs = await loadInputs(options, warn);
  if (typeof inputs === 'number') return inputs;
  const { flowSet } = inputs;
  const preset = withErrorText(inputs.answers, options);

  const now = context.now ?? (() => new Date());
  const controller = new SessionController({
    flowSet, derivations: DERIVATIONS, preset, ...(options.flow === undefined ? {} : { flow: options.flow }),
    sources: probeSources(factSources({ ...(access === undefined ? {} : { access }), now, readDnsSettings: options['read-dns-settings'] === true }), options, { ...(access === undefined ? {} : { access }), flowSet, preset, tlsCa: context.tlsCa }),
  });
  try {
    await controller.load(choice!, { signal, onProgress: warn });
  } catch (error) {
    // A flow the engine cannot start is recorded by the walk below; the facts are kept.
    if (!(error instanceof EngineError)) throw error;
  }
  // A target address inside the VNet (from the answers file) lets ARM tell whether an NSG blocks the pool.
  await controller.settled();

  const gathered = controller.gathered!;
  // The app itself unreadable: exit 2 with the reason; other failed reads: one stderr line each.
  const readFailures = readFailureLines(gathered);
  for (const line of readFailures.lines) warn(line);
  if (readFailures.fatal) return EXIT_USAGE;
  const { sessions, failures } = controller.walkAll();
  const errors: ReportError[] = [
    ...gathered.errors,
    ...failures.map((failure) => ({ facts: [], reason: failure.reason, source: `flow ${failure.flow}` })),
  ];
  const report = buildReport({ engine: controller.engine, sessions, target: gathered.target, errors, interrupted: signal.aborted, now: now(), version: VERSION });
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
  const stop = stoppedBy();
  return exitCodeFor({ end: stop ?? 'normal', complete: stop === undefined, findings: report.findings });
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

/** The verdict, in the report's own words (report/verdict.ts): what stderr says is what the report says. */
function summaryLine(report: Report): string {
  return `vnet-doctor: ${report.summary.verdict ?? reportVerdict(report)}`;
}

/**
 * --error TEXT answers triage's "what does the customer see" with "I have an error message" and
 * pastes TEXT, so check starts from the cause the message documents (the flag wins over an
 * answers file for those two questions).
 */
function withErrorText(answers: Answers, options: CliOptions): Answers {
  const text = options.error;
  if (text === undefined) return answers;
  if (text.trim() === '') throw new UsageError('--error needs the text of the error message');
  if (options.flow !== undefined && options.flow !== 'triage') throw new UsageError(`--error starts in triage; it cannot be used with --flow ${options.flow}`);
  const given = (value: string) => ({ value, source: 'answer' as const, detail: '--error' });
  return { ...answers, facts: { ...answers.facts, 'triage.symptom': given('error'), 'error.text': given(text.trim()) } };
}
