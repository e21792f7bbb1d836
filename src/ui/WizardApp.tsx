/**
 * The wizard: start screen → facts → questions → findings. It renders the session's state and
 * turns keys into the moves the session waits for (its prompts, screen-prompts.ts). Every key
 * goes through one queue and one pure reducer (screen-state.ts), applied to the screen the
 * previous key left, so keys that arrive together act exactly as keys typed one by one; keys
 * that arrive while the session is busy wait for the next screen. The phases are in
 * wizard-phase.ts, the session's screen in session-screen.ts, the findings layout in
 * page-rows.ts; the session itself is the controller's (use-wizard-session.ts).
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp, useStdout, useWindowSize } from 'ink';
import type { AnswerValue } from '../engine/types.ts';
import type { ReportFormat } from '../report/format.ts';
import type { ReportTarget } from '../report/report-model.ts';
import { safeText } from '../text/safe-text.ts';
import { AppPicker } from './AppPicker.tsx';
import { copyMessage, copyToClipboard } from './clipboard.ts';
import { diagnosisLine, findingsPage, findingsText, wrap } from './findings-lines.ts';
import { FindingsScreen } from './FindingsScreen.tsx';
import { Footer, footerHeight, type FooterMode, type Status } from './Footer.tsx';
import { Header, HEADER_HEIGHT } from './Header.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { KeyListener } from './KeyListener.tsx';
import { KeyQueue } from './key-queue.ts';
import type { KeyEvent } from './key-events.ts';
import { LOAD_FAILED_ITEMS, LoadFailedScreen } from './LoadFailedScreen.tsx';
import { LoadingScreen } from './LoadingScreen.tsx';
import { PROBE_CONFIRM_INITIAL, PROBE_CONFIRM_ITEMS, ProbeConfirmScreen } from './ProbeConfirmScreen.tsx';
import { hasOverridableFacts, OverridePicker, overrideItems } from './OverridePicker.tsx';
import { isChoiceQuestion, QuestionScreen } from './QuestionScreen.tsx';
import { initialScreenState, reduceKey, syncScreen, takeHeld, type Command, type Effect, type ScreenState, type ScreenView } from './screen-state.ts';
import { StartScreen, startItems, type StartChoice } from './StartScreen.tsx';
import { colour } from './theme.ts';
import { pickerScreenId, pickerItems, useAppPicker } from './use-app-picker.ts';
import { useProbeConsent } from './use-probe-consent.ts';
import { useWizardSession, type ActiveSession } from './use-wizard-session.ts';
import type { WizardDeps, WizardResult } from './wizard-types.ts';
import { firstPhase, shownPhase, type Phase } from './wizard-phase.ts';
import { sessionScreen, type Screen } from './session-screen.ts';
import { pageRows } from './page-rows.ts';

export interface WizardAppProps {
  readonly deps: WizardDeps;
  /** Receives the exit code and the lines to print once the UI is gone. */
  readonly onExit: (result: WizardResult) => void;
  /** The program's keyboard, listening since the first frame; without it the wizard listens itself. */
  readonly keys?: KeyQueue;
}

/** The screen id of the probe confirmation (keys typed ahead are kept for later, never replayed onto it). */
const PROBE_CONFIRM_SCREEN = 'probe-confirm';

const MENU_COMMANDS: readonly Command[] = ['back', 'quit'];

/** The title of the findings so far (f): the counts, and that the session goes on. */
const soFarLine = (state: { readonly findings: readonly { readonly severity: string }[] }): string => {
  const count = (severity: string, word: string) => { const n = state.findings.filter((finding) => finding.severity === severity).length; return `${n} ${word}${n === 1 ? '' : 's'}`; };
  return `Findings so far: ${count('error', 'error')}, ${count('warning', 'warning')}, ${count('info', 'note')}; the questions go on after f or b`;
};

const describeTarget = (target: ReportTarget): string =>
  target.mode === 'demo' ? `demo: ${target.scenario ?? ''}` : target.mode === 'arm' ? `app: ${target.appName ?? target.appId ?? ''}` : 'offline';


export function WizardApp({ deps, onExit, keys }: WizardAppProps): React.JSX.Element {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const { columns, rows } = useWindowSize();
  const width = Math.max(20, columns);
  const wizard = useWizardSession(deps);
  // Effects reach the session through a ref: its methods are new on every render.
  const wizardRef = useRef(wizard);
  wizardRef.current = wizard;
  const attempts = useRef(0);
  const queue = useMemo(() => keys ?? new KeyQueue(), [keys]);

  const [phase, setPhaseState] = useState<Phase>(() => firstPhase(deps.beginning));
  const phaseRef = useRef(phase);
  const setPhase = (next: Phase) => { phaseRef.current = next; setPhaseState(next); };
  const [progress, setProgress] = useState('Reading facts');
  const [status, setStatus] = useState<Status | undefined>(deps.notice ? { text: deps.notice, tone: 'warn' } : undefined);
  const [screenState, setScreenStateValue] = useState<ScreenState>(() => initialScreenState({ kind: 'busy', id: '', hold: true }));
  const screenRef = useRef(screenState);
  const setScreenState = (next: ScreenState) => { screenRef.current = next; setScreenStateValue(next); };
  /** Answers taken back (b, r): offered again when their question comes back. */
  const earlier = useRef(new Map<string, AnswerValue>());
  const size = useRef({ width, rows });
  size.current = { width, rows };
  const finished = useRef(false);

  // --probe: the question whether to run commands in the app, while the facts load.
  const probeRequest = useProbeConsent(deps.probeConsent);

  const picker = useAppPicker(deps.facts, phase.kind === 'pick-app', (reason) => setPhase({ kind: 'load-failed', choice: { mode: 'offline' }, reason }));

  // ---------------------------------------------------------------- layout

  /** Rows left for the findings at the terminal's current size. */
  const findingsRows = (screen: ScreenState, footerMode: FooterMode, shownStatus: Status | undefined): number =>
    pageRows(screen, { ...size.current, footerMode, status: shownStatus, saveError: wizard.saveError, reportFormat: deps.reportFormat });

  // ---------------------------------------------------------------- the screen on show

  const currentScreen = (): Screen => {
    const current = phaseRef.current;
    const session = wizard.latest();
    switch (current.kind) {
      case 'start': {
        const items = startItems(deps.beginning.kind === 'start-screen' ? deps.beginning.saved : undefined, deps.facts.listScenarios(), deps.facts.listSubscriptions !== undefined);
        return { view: { kind: 'list', id: 'start', count: items.length, initial: 0, commands: ['quit'] }, choose: (index) => { const item = items[index]; if (item) choose(item.value); } };
      }
      case 'pick-app': {
        const step = picker.latest();
        if (step.kind === 'loading-subscriptions' || step.kind === 'loading-apps') return { view: { kind: 'busy', id: pickerScreenId(step), hold: true } };
        return {
          view: { kind: 'list', id: pickerScreenId(step), count: pickerItems(step).length, initial: 0, commands: MENU_COMMANDS },
          choose: (index) => {
            const picked = picker.choose(index);
            if (picked === 'back') setPhase({ kind: 'start' });
            else if (picked !== undefined) setPhase({ kind: 'loading', choice: { mode: 'arm', appId: picked }, attempt: 0 });
          },
        };
      }
      case 'loading': {
        const asked = deps.probeConsent?.pending;
        if (!asked) return { view: { kind: 'busy', id: `loading:${current.attempt}`, hold: true } };
        return {
          view: { kind: 'list', id: PROBE_CONFIRM_SCREEN, count: PROBE_CONFIRM_ITEMS.length, initial: PROBE_CONFIRM_INITIAL, commands: ['quit'] },
          choose: (index) => { const item = PROBE_CONFIRM_ITEMS[index]; if (item) deps.probeConsent?.answer(item.value); },
        };
      }
      case 'load-failed': return {
        view: { kind: 'list', id: 'load-failed', count: LOAD_FAILED_ITEMS.length, initial: 0, commands: MENU_COMMANDS },
        choose: (index) => {
          const picked = LOAD_FAILED_ITEMS[index]?.value;
          if (picked === 'offline') setPhase({ kind: 'loading', choice: { mode: 'offline' }, attempt: 0 });
          else if (picked === 'retry') setPhase({ kind: 'loading', choice: current.choice, attempt: (attempts.current += 1) });
          else if (picked === 'start') setPhase({ kind: 'start' });
        },
      };
      case 'override': {
        if (!session) return { view: { kind: 'busy', id: 'override', hold: false } };
        const items = overrideItems(session.state.path, deps.flowSet);
        return {
          // It opens on the fact used last (just above Cancel): the one the engineer most likely doubts.
          view: { kind: 'list', id: 'override', count: items.length, initial: Math.max(0, items.length - 2), commands: MENU_COMMANDS },
          choose: (index) => {
            const fact = items[index]?.value;
            if (fact !== undefined) {
              // The question opens on the value the fact gave (highlighted, or in the box), not on the first row.
              const used = session.state.path.find((entry) => entry.auto?.fact === fact);
              if (used?.question !== undefined && used.answer !== undefined) earlier.current.set(used.question, used.answer);
              wizard.move({ kind: 'override', fact });
            }
            setPhase({ kind: 'session' });
          },
        };
      }
      case 'peek': {
        if (!session) return { view: { kind: 'busy', id: 'peek', hold: false } };
        const page = findingsPage(wizard.diagnosis(session.state), size.current.width);
        const view: ScreenView = { kind: 'pager', id: 'peek', lines: page.lines.length, page: 0, steps: page.steps.length, commands: ['back', 'findings', 'quit'] };
        return { view: { ...view, page: findingsRows(syncScreen(screenRef.current, view), 'peek', status) } };
      }
      // Between a move and the session's next wait, keys are held for the screen that follows.
      case 'session': return session && wizard.waiting() ? shownSessionScreen(session) : { view: { kind: 'busy', id: 'session', hold: true } };
      case 'leaving': case 'left': return { view: { kind: 'busy', id: current.kind, hold: false } };
    }
  };

  const shownSessionScreen = (session: ActiveSession): Screen => sessionScreen({
    state: session.state, diagnosis: wizard.diagnosis(session.state), engine: wizard.engine, earlier: earlier.current, width: size.current.width, answer,
    pageRows: (view) => findingsRows(syncScreen(screenRef.current, view), 'findings', status),
  });

  // ---------------------------------------------------------------- keys

  const handleKey = (key: KeyEvent) => {
    const screen = currentScreen();
    const { state, effects } = reduceKey(screenRef.current, key, screen.view);
    setScreenState(state);
    for (const effect of effects) run(effect, screen);
    replayHeld();
  };

  /** Keys typed while a screen was loading act on the screen that follows it, in order. */
  const replayHeld = () => {
    // Keys typed ahead never answer the probe confirmation: they wait for the first question.
    const view = currentScreen().view;
    if (screenRef.current.held.length === 0 || view.kind === 'busy' || view.id === PROBE_CONFIRM_SCREEN) return;
    const { state, keys: held } = takeHeld(screenRef.current);
    setScreenState(state);
    for (const key of held) handleKey(key);
  };

  const run = (effect: Effect, screen: Screen) => {
    switch (effect.type) {
      case 'choose': screen.choose?.(effect.index); return;
      case 'answer': answer(effect.value); return;
      case 'command': act(effect.command); return;
      case 'copy': copyStep(effect.step); return;
      case 'save': saveReport(effect.format ?? deps.reportFormat); return;
    }
  };

  const handler = useRef(handleKey);
  handler.current = handleKey;
  const replayHeldRef = useRef(replayHeld);
  replayHeldRef.current = replayHeld;
  useEffect(() => queue.listen((key) => handler.current(key)), [queue]);
  // The session waits on the engineer again: keys typed meanwhile act on the screen now shown.
  useEffect(() => wizardRef.current.onWaiting(() => replayHeldRef.current()), []);

  // ---------------------------------------------------------------- actions

  /** An answer to the question on show, handed to the waiting session. */
  const answer = (value: AnswerValue) => {
    const session = wizard.latest();
    const question = session ? wizard.engine.currentQuestion(session.state) : undefined;
    if (!question) return;
    setStatus(undefined);
    wizard.move({ kind: 'answer', question: question.id, value });
  };

  const choose = (choice: StartChoice) => {
    if (choice.mode === 'resume') {
      if (deps.beginning.kind === 'start-screen' && deps.beginning.saved) { wizard.resume(deps.beginning.saved); setPhase({ kind: 'session' }); }
    } else if (choice.mode === 'pick-app') { picker.reset(); setPhase({ kind: 'pick-app' }); }
    else setPhase({ kind: 'loading', choice, attempt: 0 });
  };

  /** Remembers the answers about to be taken back, so their questions offer them again. */
  const remember = (from: number) => {
    const inputs = wizard.latest()?.state.inputs ?? [];
    for (const input of inputs.slice(from)) if (input.type === 'answer') earlier.current.set(input.question, input.value);
  };

  const copyStep = (number: number) => {
    const session = wizard.latest();
    const steps = session ? findingsPage(wizard.diagnosis(session.state), size.current.width).steps : [];
    const step = number >= 1 ? steps[number - 1] : undefined;
    if (!step) {
      setStatus({ text: steps.length === 0 ? 'No step has a command to copy.' : `There is no step ${number}: the steps are numbered 1 to ${steps.length}.`, tone: 'warn' });
      return;
    }
    if (step.command === undefined) { setStatus({ text: `Step ${number} has no command to copy.`, tone: 'info' }); return; }
    (deps.copy ?? ((text: string) => copyToClipboard(stdout, text)))(step.command);
    setStatus({ text: copyMessage(number), tone: 'ok' });
  };

  const saveReport = (format: ReportFormat | undefined) => {
    const session = wizard.latest();
    if (!session || phaseRef.current.kind !== 'session') return;
    setStatus({ text: format === 'json' ? 'Writing the JSON report...' : 'Writing the report...', tone: 'info' });
    wizard.saveReport(format).then(
      (path) => setStatus({ text: `Report saved to ${path}`, tone: 'ok' }),
      (error: Error) => setStatus({ text: `Report not saved: ${error.message}`, tone: 'error' }),
    );
  };

  const finish = (result: WizardResult) => {
    if (finished.current) return;
    finished.current = true;
    const from = phaseRef.current.kind === 'leaving' ? phaseRef.current.from : phaseRef.current;
    setStatus(undefined);
    // Left from the findings: they go to the normal screen as plain text, each command on one line
    // (the pager, cut to the screen's width, is not drawn again).
    const session = wizard.latest();
    const shownFindings = from.kind === 'session' && session?.state.status === 'done' ? findingsText(wizard.diagnosis(session.state)) : [];
    setPhase({ kind: 'left', from, result: shownFindings.length === 0 ? result : { ...result, messages: [...shownFindings, '', ...result.messages] } });
  };

  /** q is a normal quit; Ctrl-C interrupts. The session controller writes the report and picks the exit code. */
  const leave = async (command: 'quit' | 'interrupt') => {
    const from = phaseRef.current;
    if (from.kind === 'leaving' || from.kind === 'left') return;
    setPhase({ kind: 'leaving', from });
    setStatus({ text: 'Saving the report and the session...', tone: 'info' });
    finish(await wizard.finish(command === 'interrupt' ? 'interrupted' : 'normal'));
  };

  const act = (command: Command) => {
    const current = phaseRef.current;
    if (current.kind === 'leaving' || current.kind === 'left') {
      // A second Ctrl-C while the report is being written (a hung disk, a network share) leaves at once.
      if (command === 'interrupt') finish(wizard.stopNow('interrupted'));
      return;
    }
    if (command === 'interrupt' || command === 'quit') { void leave(command); return; }
    if (current.kind === 'override' && command === 'back') { setPhase({ kind: 'session' }); return; }
    if (current.kind === 'peek' && (command === 'back' || command === 'findings')) { setPhase({ kind: 'session' }); return; }
    if ((current.kind === 'pick-app' || current.kind === 'load-failed') && command === 'back') { setPhase({ kind: 'start' }); return; }
    const session = wizard.latest();
    if (current.kind !== 'session' || !session) return;
    const { state } = session;
    setStatus(undefined);
    switch (command) {
      case 'back':
        if (state.inputs.length === 0) setStatus({ text: 'This is the first question.', tone: 'info' });
        else { remember(state.inputs.length - 1); wizard.move({ kind: 'back' }); }
        return;
      case 'restart':
        remember(0);
        wizard.move({ kind: 'restart' });
        setStatus({ text: 'Restarted from the first question; the facts are kept and your earlier answers are offered again.', tone: 'info' });
        return;
      case 'override':
        if (hasOverridableFacts(state.path)) setPhase({ kind: 'override' });
        else setStatus({ text: 'No question was answered from facts yet.', tone: 'info' });
        return;
      case 'dont-know': if (state.status === 'asking') answer(null); return;
      case 'findings':
        if (state.status === 'asking') setPhase({ kind: 'peek' });
        return;
    }
  };

  // ---------------------------------------------------------------- effects

  useEffect(() => {
    if (phase.kind !== 'loading') return undefined;
    const controller = new AbortController();
    setProgress(phase.choice.mode === 'demo' ? `Loading the demo scenario ${phase.choice.scenario}` : 'Reading facts');
    deps.facts.gather(phase.choice, { signal: controller.signal, onProgress: (message) => { if (!controller.signal.aborted) setProgress(message); } }).then(
      (loaded) => {
        if (controller.signal.aborted) return;
        wizardRef.current.begin(loaded);
        setPhase({ kind: 'session' });
        replayHeldRef.current();
      },
      (error: Error) => { if (!controller.signal.aborted) setPhase({ kind: 'load-failed', choice: phase.choice, reason: error.message }); },
    );
    return () => { controller.abort(); deps.probeConsent?.cancel(); };
  }, [phase, deps.facts, deps.probeConsent]);

  // A list read from Azure has arrived: keys typed while it loaded act on it now.
  useEffect(() => { if (phase.kind === 'pick-app') replayHeldRef.current(); }, [phase.kind, picker.step]);

  useEffect(() => {
    if (phase.kind !== 'left') return;
    onExit(phase.result);
    exit();
  }, [phase, onExit, exit]);

  // ---------------------------------------------------------------- render

  const session = wizard.session;
  const state = session?.state;
  const screen = currentScreen();
  const shown = syncScreen(screenState, screen.view);
  const drawn = shownPhase(phase);
  const question = drawn.kind === 'session' && state ? wizard.engine.currentQuestion(state) : undefined;
  const leaving = phase.kind === 'leaving' || phase.kind === 'left';
  const helpOpen = shown.help && !leaving;
  const footerMode: FooterMode = phase.kind === 'left' ? 'done' : helpOpen ? 'help'
    : phase.kind === 'loading' && probeRequest ? 'start'
    : leaving || phase.kind === 'loading' ? 'busy'
      : phase.kind === 'start' ? 'start' : phase.kind === 'peek' ? 'peek' : phase.kind !== 'session' ? 'menu'
        : state?.status === 'done' ? 'findings' : question && !isChoiceQuestion(question.node.answer) ? 'text' : 'select';
  const flowId = state?.current?.flow ?? state?.outcome?.flow;
  const flowTitle = flowId && Object.hasOwn(deps.flowSet.flows, flowId) ? safeText(deps.flowSet.flows[flowId]!.title) : undefined;
  const answered = state?.inputs.filter((input) => input.type === 'answer').length;
  const inSession = (drawn.kind === 'session' || drawn.kind === 'override' || drawn.kind === 'peek') && state !== undefined;
  const diagnosis = state ? wizard.diagnosis(state) : undefined;
  const findings = drawn.kind === 'session' && diagnosis?.status === 'done' ? findingsPage(diagnosis, width) : undefined;
  const peek = drawn.kind === 'peek' && diagnosis ? findingsPage(diagnosis, width) : undefined;
  const peekPage = peek ? findingsRows(shown, 'peek', status) : 0;
  const page = findings ? findingsRows(shown, footerMode, status) : 0;
  // Rows between the header and the footer (and the row the cursor sits on below the frame).
  const footerRows = footerHeight({ mode: footerMode, escape: shown.escape, confirm: shown.confirm, copy: shown.copy, canOverride: inSession && hasOverridableFacts(state.path), expanded: false, ...(status === undefined ? {} : { status }), ...(deps.reportFormat === undefined ? {} : { reportFormat: deps.reportFormat }) }, width);
  const saveErrorRows = wizard.saveError === undefined ? 0 : wrap(safeText(wizard.saveError), width).length;
  const contentRows = Math.max(5, rows - HEADER_HEIGHT - footerRows - saveErrorRows - 1);

  return (
    <Box flexDirection="column">
      {!keys && <KeyListener queue={queue} />}
      <Header
        width={width}
        flowTitle={inSession ? flowTitle : undefined}
        answered={inSession ? answered : undefined}
        findings={inSession && state.status === 'asking' ? diagnosis?.findings.length : undefined}
        target={inSession ? safeText(describeTarget(session!.target)) : undefined}
      />
      {wizard.saveError && <Text color={colour('yellow')}>{safeText(wizard.saveError)}</Text>}
      {helpOpen ? <HelpOverlay /> : (<>
      {drawn.kind === 'start' && (
        <StartScreen
          saved={deps.beginning.kind === 'start-screen' ? deps.beginning.saved : undefined}
          scenarios={deps.facts.listScenarios()}
          canPickApp={deps.facts.listSubscriptions !== undefined}
          highlight={shown.highlight}
        />
      )}
      {drawn.kind === 'pick-app' && <AppPicker step={picker.step} highlight={shown.highlight} limit={Math.max(3, contentRows - 2)} />}
      {drawn.kind === 'loading' && (probeRequest ? <ProbeConfirmScreen request={probeRequest} highlight={shown.highlight} /> : <LoadingScreen message={progress} />)}
      {drawn.kind === 'load-failed' && <LoadFailedScreen reason={drawn.reason} highlight={shown.highlight} />}
      {drawn.kind === 'session' && state?.status === 'asking' && (
        <QuestionScreen state={state} engine={wizard.engine} highlight={shown.highlight} draft={shown.draft} cursor={shown.cursor} rows={contentRows} width={width}
          {...(shown.refused === undefined ? {} : { refused: shown.refused })} />
      )}
      {findings && diagnosis && phase.kind !== 'left' && <FindingsScreen diagnosis={diagnosisLine(diagnosis)} lines={findings.lines} offset={Math.min(shown.offset, Math.max(0, findings.lines.length - page))} page={page} />}
      {drawn.kind === 'peek' && diagnosis && peek && (
        <FindingsScreen diagnosis={soFarLine(diagnosis)} lines={peek.lines} offset={Math.min(shown.offset, Math.max(0, peek.lines.length - peekPage))} page={peekPage} />
      )}
      {drawn.kind === 'override' && state && <OverridePicker path={state.path} flowSet={deps.flowSet} highlight={shown.highlight} />}
      </>)}
      <Footer
        mode={footerMode}
        escape={shown.escape}
        {...(shown.confirm === undefined ? {} : { confirm: shown.confirm })}
        {...(deps.reportFormat === undefined ? {} : { reportFormat: deps.reportFormat })}
        {...(shown.copy === undefined ? {} : { copy: shown.copy })}
        canOverride={inSession && hasOverridableFacts(state.path)}
        expanded={shown.help && !leaving}
        {...(status === undefined ? {} : { status })}
        width={width}
      />
    </Box>
  );
}
