/**
 * The interactive wizard command: checks the terminal, the flags and any saved session, then
 * starts the Ink UI (loaded lazily through ui/run-wizard.tsx: the only place React enters) and,
 * behind its first frame, loads the flows and answers file and wires the real fact sources and
 * report writer.
 */
import type { FactSources, PresetInputs } from '../facts/sources-interface.ts';
import { ProbeConsent } from '../session/probe-consent.ts';
import { probeSources } from '../probe/probe-option.ts';
import { scmEndpointOrigin } from '../probe/scm-origin.ts';
import type { FlowSet } from '../engine/types.ts';
import { createEngine } from '../engine/engine.ts';
import { DERIVATIONS } from '../facts/derived.ts';
import type { ArmAccess } from '../facts/gather-facts.ts';
import { safeText } from '../text/safe-text.ts';
import { stateDir } from '../session/state-dir.ts';
import { SessionStore } from '../session/session-store.ts';
import type { SavedSession } from '../session/session-schema.ts';
import { describeDropped, droppedOnResume, resumeSession } from '../session/resume.ts';
import { describeIgnored, withoutOwnedFacts } from '../session/owned-facts.ts';
import { claimSession } from '../session/claim-session.ts';
import { createReportExporter } from '../session/report-export.ts';
import { buildReport } from '../report/build-report.ts';
import { writeReport } from '../report/write-report.ts';
import { mayRewriteReport } from '../report/report-reclaim.ts';
import { formatForPath } from '../report/format.ts';
import { armBrowser, factSources } from '../session/fact-sources.ts';
import { SessionController } from '../session/controller.ts';
import type { TargetChoice } from '../facts/sources-interface.ts';
import type { Scenario, WizardBeginning, WizardResult } from '../ui/wizard-types.ts';
import type { WizardPreparation } from '../ui/run-wizard.tsx';
import { EXIT_USAGE, UsageError } from '../errors.ts';
import { VERSION } from '../version.ts';
import type { CliOptions } from './args.ts';
import { loadInputs } from './load-inputs.ts';
import { checkFlagConflicts, sessionTarget } from './target-flags.ts';
import type { Output } from './output.ts';
import { WIZARD } from './commands.ts';
import { checkFlags, checkReport, warnTo } from './command-run.ts';

export interface WizardContext {
  readonly isTTY?: boolean;
  /** CA to trust for ARM and the SCM site (the local emulators). */
  readonly tlsCa?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => Date;
}

export async function wizardCommand(options: CliOptions, out: Output, context: WizardContext = {}): Promise<number> {
  const warn = warnTo(out);
  // The flags the wizard takes, and --report checked now (an existing file or a missing directory), not after the session.
  // Its signals are the terminal's: the wizard's runner (ui/run-wizard.tsx) saves and ends the session on them.
  checkFlags(WIZARD, options);
  checkFlagConflicts(options);
  checkReport(WIZARD, options);
  if (!(context.isTTY ?? (process.stdin.isTTY === true && process.stdout.isTTY === true))) {
    warn('vnet-doctor: the interactive wizard needs a terminal (stdin and stdout must be a TTY).');
    warn('For scripts and pipes use batch mode: vnet-doctor check --offline --answers FILE (add --app ID to read facts from Azure).');
    return EXIT_USAGE;
  }

  // One wizard per saved session: while another runs, this one gets a session file of its own.
  const claim = claimSession(new SessionStore(stateDir(context.env ?? process.env)), options.resume === true);
  if (!claim.ok) { warn(`vnet-doctor: ${claim.message}`); return EXIT_USAGE; }
  const store = claim.store;
  const loaded = store.load();
  let notice: string | undefined = claim.notice;
  if (loaded.kind === 'corrupt') {
    notice = `The saved session could not be read (${loaded.reason}); it was kept as ${loaded.movedTo}.`;
    warn(`vnet-doctor: ${notice}`);
  }
  const saved = loaded.kind === 'saved' ? loaded.session : undefined;
  // A mistyped app id or an unknown demo is a usage error now, not a failure screen after start-up.
  const { choice, access } = await sessionTarget(options, { requireTarget: false, ...(context.tlsCa === undefined ? {} : { tlsCa: context.tlsCa }) });
  checkProbeFlags(options, access);
  const beginning = chooseBeginning(options, choice, saved, notice);
  if (typeof beginning === 'string') { warn(`vnet-doctor: ${beginning}`); return EXIT_USAGE; }

  // Ink draws its first frame while the flows are checked; what goes wrong there is printed once the screen is cleared.
  const held: string[] = [];
  const { runWizard } = await import('../ui/run-wizard.tsx');
  let result: WizardResult;
  try {
    result = await runWizard(() => prepareWizard(options, beginning, saved, notice, store, access, context, (text) => held.push(text)));
  } finally {
    for (const text of held) warn(text);
  }
  for (const message of result.messages) out.print(safeText(message));
  return result.exitCode;
}

/** Everything the wizard needs that takes time: the flows, the answers file, the demo scenario, a resumed session's replay. */
async function prepareWizard(
  options: CliOptions, beginning: WizardBeginning, saved: SavedSession | undefined, notice: string | undefined,
  store: SessionStore, access: ArmAccess | undefined, context: WizardContext, warn: (text: string) => void,
): Promise<WizardPreparation> {
  const done = (exitCode: number): WizardPreparation => ({ kind: 'done', result: { exitCode, messages: [] } });
  const inputs = await loadInputs(options, warn);
  if (typeof inputs === 'number') return done(inputs);
  const { flowSet, answers: fromFile } = inputs;
  const engine = createEngine(flowSet, DERIVATIONS);
  // Facts only the tool sets (session.*, derived facts, limits) are rebuilt, never taken from the file.
  if (saved && (beginning.kind === 'resume' || beginning.kind === 'start-screen')) {
    const cleaned = withoutOwnedFacts(saved, flowSet.facts);
    saved = cleaned.session;
    beginning = beginning.kind === 'resume' ? { kind: 'resume', saved } : { kind: 'start-screen', saved };
    const ignored = describeIgnored(cleaned.ignored);
    if (ignored) notice = [notice, ignored].filter(Boolean).join(' ');
  }
  if (beginning.kind === 'resume') {
    try {
      const dropped = droppedOnResume(flowSet, beginning.saved, resumeSession(engine, beginning.saved));
      if (dropped) notice = [notice, describeDropped(dropped)].filter(Boolean).join(' ');
    } catch (error) {
      warn(`vnet-doctor: the saved session no longer fits the flows (${(error as Error).message}); start afresh without --resume.`);
      return done(EXIT_USAGE);
    }
  }
  if (beginning.kind === 'start-screen' && beginning.saved) {
    // Said before the engineer picks "continue": what the saved session would lose to changed flows.
    try {
      const dropped = droppedOnResume(flowSet, beginning.saved, resumeSession(engine, beginning.saved));
      if (dropped) notice = [notice, `If you continue the saved session, ${describeDropped(dropped, 'if-resumed')}`].filter(Boolean).join(' ');
    } catch {
      // Continuing it will say what is wrong.
    }
  }
  if (beginning.kind === 'target' && saved) notice = 'An interrupted session is saved; it is replaced once you answer here. Quit now and run vnet-doctor --resume to continue it instead.';

  const now = context.now ?? (() => new Date());
  // The report is built and written on the first save.
  const exporter = createReportExporter({
    reportPath: options.report, force: options.force, redact: options.redact, version: VERSION, now,
    build: async (input) => buildReport(input),
    write: async (path, report, flags) => writeReport(path, report, flags),
    mayRewrite: mayRewriteReport,
  });
  const probeConsent = options.probe ? new ProbeConsent() : undefined;
  const sources = wizardSources(options, { ...(access === undefined ? {} : { access }), now, flowSet, preset: fromFile, ...(probeConsent ? { probeConsent } : {}), ...(context.tlsCa === undefined ? {} : { tlsCa: context.tlsCa }) });
  const scenarios = beginning.kind === 'start-screen' ? await demoScenarios() : [];
  // One controller for the session: it saves (a fresh session replaces a saved one only with its
  // first answer), writes the report on quit and picks the exit code.
  const session = new SessionController({
    flowSet, derivations: DERIVATIONS, preset: fromFile, store, reports: exporter, sources, ...(options.flow === undefined ? {} : { flow: options.flow }),
  });
  return {
    kind: 'ready',
    deps: {
      session, beginning, scenarios, ...(probeConsent ? { probeConsent } : {}),
      // The start screen browses Azure through the session's one ArmAccess.
      ...(access !== undefined && options.demo === undefined ? { browser: armBrowser(access) } : {}),
      ...(options.report === undefined ? {} : { reportFormat: formatForPath(options.report) }),
      ...(notice === undefined ? {} : { notice }),
    },
  };
}

/**
 * The wizard's fact sources: ARM, a demo or none, and with --probe the commands in the app, run
 * only once the engineer said yes to the confirmation naming the app and the commands.
 */
export function wizardSources(
  options: CliOptions,
  settings: { readonly access?: ArmAccess; readonly now: () => Date; readonly flowSet: FlowSet; readonly preset: PresetInputs; readonly probeConsent?: ProbeConsent; readonly tlsCa?: string },
): FactSources {
  const sources = factSources({ ...(settings.access === undefined ? {} : { access: settings.access }), now: settings.now, readDnsSettings: options['read-dns-settings'] === true });
  if (!settings.probeConsent) return sources;
  return probeSources(sources, options, {
    ...(settings.access === undefined ? {} : { access: settings.access }), flowSet: settings.flowSet, preset: settings.preset,
    ...(settings.tlsCa === undefined ? {} : { tlsCa: settings.tlsCa }), confirm: settings.probeConsent.ask,
  });
}

/** --probe runs commands in an app in Azure: a demo or --offline has none, which is said now, before the first frame. */
function checkProbeFlags(options: CliOptions, access: ArmAccess | undefined): void {
  if (options['scm-endpoint'] !== undefined && !options.probe) throw new UsageError('--scm-endpoint only applies together with --probe');
  if (!options.probe) return;
  if (!access) throw new UsageError('--probe runs commands in an app in Azure: name it with --app (or pick it on the start screen); a demo or --offline has no app to run them in');
  if (options['scm-endpoint'] !== undefined) {
    try {
      scmEndpointOrigin(options['scm-endpoint']);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
}

/** Flags pick the target directly; --resume picks the saved session; otherwise the start screen asks. */
function chooseBeginning(options: CliOptions, flagged: TargetChoice | undefined, saved: SavedSession | undefined, notice: string | undefined): WizardBeginning | string {
  if (options.resume) {
    if (flagged) return '--resume continues the saved session with its own target; leave out --app, --demo and --offline';
    if (!saved) return notice ? 'there is no session to resume' : 'there is no interrupted session to resume; start a new one without --resume';
    return { kind: 'resume', saved };
  }
  if (flagged) return { kind: 'target', choice: flagged };
  return { kind: 'start-screen', ...(saved ? { saved } : {}) };
}

/** The built-in demo scenarios the start screen offers (none in a build without them). */
async function demoScenarios(): Promise<readonly Scenario[]> {
  try {
    const { listScenarios } = await import('../emulator/scenarios.ts');
    return listScenarios();
  } catch {
    // No built-in scenarios in this build: the start screen simply offers no demo.
    return [];
  }
}
