/**
 * The interactive wizard command: checks the terminal, the flags and any saved session, then
 * starts the Ink UI (loaded lazily through ui/run-wizard.tsx: the only place React enters) and,
 * behind its first frame, loads the flows and answers file and wires the real fact sources and
 * report writer.
 */
import type { Facts } from '../engine/types.ts';
import type { NsgTarget } from '../facts/nsg-facts.ts';
import type { ReportTarget } from '../report/report-model.ts';
import { DERIVATIONS } from '../facts/derived.ts';
import { safeText } from '../text/safe-text.ts';
import { stateDir } from '../session/state-dir.ts';
import { SessionStore, type SavedSession } from '../session/session-store.ts';
import { resumeSession } from '../session/resume.ts';
import { createReportExporter } from '../session/report-export.ts';
import type { FactProvider, Scenario, TargetChoice, WizardBeginning, WizardResult } from '../ui/wizard-types.ts';
import type { WizardPreparation } from '../ui/run-wizard.tsx';
import { UsageError, type CliOptions } from './args.ts';
import { loadInputs } from './load-inputs.ts';
import { EXIT_USAGE } from '../errors.ts';
import { VERSION } from '../version.ts';
import type { Output } from './output.ts';

export interface WizardContext {
  readonly isTTY?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => Date;
}

export async function wizardCommand(options: CliOptions, out: Output, context: WizardContext = {}): Promise<number> {
  const warn = (text: string) => out.error(safeText(text));
  if (!(context.isTTY ?? (process.stdin.isTTY === true && process.stdout.isTTY === true))) {
    warn('vnet-doctor: the interactive wizard needs a terminal (stdin and stdout must be a TTY).');
    warn('For scripts and pipes use batch mode: vnet-doctor check --offline --answers FILE (add --app ID to read facts from Azure).');
    return EXIT_USAGE;
  }
  if (options.format !== undefined) throw new UsageError('--format applies to "check" only; the wizard picks the format from the --report file name');

  if (options.report !== undefined) {
    const { formatForPath } = await import('../report/format.ts');
    formatForPath(options.report);
  }

  const store = new SessionStore(stateDir(context.env ?? process.env));
  const loaded = store.load();
  let notice: string | undefined;
  if (loaded.kind === 'corrupt') {
    notice = `The saved session could not be read (${loaded.reason}); it was kept as ${loaded.movedTo}.`;
    warn(`vnet-doctor: ${notice}`);
  }
  const saved = loaded.kind === 'saved' ? loaded.session : undefined;
  if (options.app !== undefined || options.subscription !== undefined || options.name !== undefined || options['resource-group'] !== undefined) {
    // A mistyped app id is a usage error now, not a failure screen after start-up.
    (await import('../facts/gather-facts.ts')).appTarget(options);
  }
  if (options.demo !== undefined) {
    // An unknown scenario is a usage error now, with the list of scenarios, not a failure screen later.
    const { loadScenario, ScenarioError } = await import('../emulator/scenarios.ts');
    try {
      loadScenario(options.demo);
    } catch (error) {
      throw error instanceof ScenarioError ? new UsageError(error.message) : error;
    }
  }
  const beginning = chooseBeginning(options, saved, notice);
  if (typeof beginning === 'string') { warn(`vnet-doctor: ${beginning}`); return EXIT_USAGE; }

  // Ink draws its first frame while the flows are checked; what goes wrong there is printed once the screen is cleared.
  const held: string[] = [];
  const { runWizard } = await import('../ui/run-wizard.tsx');
  let result: WizardResult;
  try {
    result = await runWizard(() => prepareWizard(options, beginning, saved, notice, store, context, (text) => held.push(text)));
  } finally {
    for (const text of held) warn(text);
  }
  for (const message of result.messages) out.print(safeText(message));
  return result.exitCode;
}

/** Everything the wizard needs that takes time: the flows, the answers file, the demo scenario, a resumed session's replay. */
async function prepareWizard(
  options: CliOptions, beginning: WizardBeginning, saved: SavedSession | undefined, notice: string | undefined,
  store: SessionStore, context: WizardContext, warn: (text: string) => void,
): Promise<WizardPreparation> {
  const done = (exitCode: number): WizardPreparation => ({ kind: 'done', result: { exitCode, messages: [] } });
  const inputs = await loadInputs(options, warn);
  if (typeof inputs === 'number') return done(inputs);
  const { flowSet, answers: fromFile } = inputs;
  if (beginning.kind === 'resume') {
    try {
      resumeSession(flowSet, beginning.saved, DERIVATIONS);
    } catch (error) {
      warn(`vnet-doctor: the saved session no longer fits the flows (${(error as Error).message}); start afresh without --resume.`);
      return done(EXIT_USAGE);
    }
  }
  if (beginning.kind === 'target' && saved) notice = 'An interrupted session is saved; it is replaced once you answer here. Quit now and run vnet-doctor --resume to continue it instead.';

  const now = context.now ?? (() => new Date());
  // The report code loads on the first save, not before the first frame.
  const writer = createReportExporter({
    reportPath: options.report, force: options.force, redact: options.redact, version: VERSION, now,
    build: async (input) => (await import('../report/build-report.ts')).buildReport(input),
    write: async (path, report, flags) => (await import('../report/write-report.ts')).writeReport(path, report, flags),
  });
  const facts = await factProvider(options, fromFile.facts, now, beginning.kind === 'start-screen');
  return {
    kind: 'ready',
    deps: {
      flowSet, derivations: DERIVATIONS, facts, store, writeReport: writer, beginning,
      presetAnswers: fromFile.answers, presetAnswerDetails: fromFile.answerDetails, ...(options.flow === undefined ? {} : { flow: options.flow }), ...(notice === undefined ? {} : { notice }),
    },
  };
}

/** Flags pick the target directly; --resume picks the saved session; otherwise the start screen asks. */
function chooseBeginning(options: CliOptions, saved: SavedSession | undefined, notice: string | undefined): WizardBeginning | string {
  const appId = options.app ?? (options.subscription && options.name && options['resource-group']
    ? `/subscriptions/${options.subscription}/resourceGroups/${options['resource-group']}/providers/Microsoft.Web/sites/${options.name}` : undefined);
  const flagged: TargetChoice | undefined = options.demo !== undefined ? { mode: 'demo', scenario: options.demo }
    : options.offline ? { mode: 'offline' } : appId !== undefined ? { mode: 'arm', appId } : undefined;
  if (options.resume) {
    if (flagged) return '--resume continues the saved session with its own target; leave out --app, --demo and --offline';
    if (!saved) return notice ? 'there is no session to resume' : 'there is no interrupted session to resume; start a new one without --resume';
    return { kind: 'resume', saved };
  }
  if (flagged) return { kind: 'target', choice: flagged };
  return { kind: 'start-screen', ...(saved ? { saved } : {}) };
}

/** Real facts: ARM, the demo emulator or none, plus what the answers file states (which wins: the user checked it). */
async function factProvider(options: CliOptions, fileFacts: Facts, now: () => Date, offerDemos: boolean): Promise<FactProvider> {
  let scenarios: readonly Scenario[] = [];
  if (offerDemos) {
    try {
      const { listScenarios } = await import('../emulator/scenarios.ts');
      scenarios = listScenarios();
    } catch {
      // No built-in scenarios in this build: the start screen simply offers no demo.
    }
  }
  const browsable = !options.offline && options.demo === undefined;
  return {
    listScenarios: () => scenarios,
    ...(browsable ? armBrowser(options) : {}),
    ...(options.offline ? {} : {
      nsgFacts: async (target: ReportTarget, facts: Facts, nsg: NsgTarget) => {
        const { gatherNsgFacts } = await import('../facts/nsg-facts.ts');
        const flags: CliOptions = { ...options, ...(target.mode === 'demo' ? { demo: target.scenario } : { app: target.appId, demo: undefined }) };
        return target.mode === 'offline' ? { facts: {}, errors: [] } : gatherNsgFacts(flags, facts, nsg, { today: now().toISOString().slice(0, 10) });
      },
    }),
    gather: async (choice, { signal, onProgress }) => {
      const { gatherFacts } = await import('../facts/gather-facts.ts');
      const flags: CliOptions = { ...options, app: undefined, demo: undefined, offline: undefined, subscription: undefined, 'resource-group': undefined, name: undefined };
      if (choice.mode === 'offline') flags.offline = true;
      else if (choice.mode === 'demo') flags.demo = choice.scenario;
      else flags.app = choice.appId;
      const today = now().toISOString().slice(0, 10);
      const gathered = await gatherFacts(flags, { signal, today, onProgress: (event: unknown) => onProgress(progressText(event)) });
      return { facts: { ...gathered.facts, ...fileFacts }, errors: gathered.errors, target: gathered.target };
    },
  };
}

/** Subscription and app lists for the start screen's picker, with the same endpoint and credential rules as gatherFacts. */
function armBrowser(options: CliOptions): Pick<FactProvider, 'listSubscriptions' | 'listWebApps'> {
  const context = async (signal: AbortSignal) => {
    const [{ armEndpoint }, { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, staticTokenCredential }] = await Promise.all([
      import('../facts/gather-facts.ts'), import('../facts/arm/context.ts'),
    ]);
    const endpoint = armEndpoint(options);
    const token = (options['access-token'] ?? process.env.VNET_DOCTOR_ACCESS_TOKEN)?.trim();
    const credential = token ? staticTokenCredential(token) : new (await import('@azure/identity')).DefaultAzureCredential();
    const scope = `${endpoint}/.default`;
    try {
      if (!(await credential.getToken(scope, { abortSignal: signal }))) throw new Error('the credential returned no token');
    } catch (error) {
      throw new Error(`no Azure credential available (${String((error as Error).message).split('\n')[0]}); sign in with "az login" or pass --access-token`);
    }
    return { endpoint, credential, scope, signal, timeoutMs: DEFAULT_TIMEOUT_MS, retry: DEFAULT_RETRY };
  };
  return {
    listSubscriptions: async (signal) => (await import('../facts/arm/discovery.ts')).listSubscriptions(await context(signal)),
    listWebApps: async (subscriptionId, signal) => (await import('../facts/arm/discovery.ts')).listWebApps(await context(signal), subscriptionId),
  };
}

function progressText(event: unknown): string {
  if (typeof event === 'string') return event;
  const message = (event as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : 'Reading facts';
}
