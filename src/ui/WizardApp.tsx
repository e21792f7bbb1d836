/**
 * The wizard: start screen → facts → questions → findings, drawn from the one state of the
 * wizard's machine (wizard-machine.ts), run outside React by wizard-runtime.ts. This component
 * only renders: it reads the runtime's snapshot (useSyncExternalStore), tells it the terminal's
 * size, and hands the result over once the machine has left. The screen keys act on is
 * wizard-screens.ts's, the findings layout page-rows.ts's.
 */
import React, { useEffect, useSyncExternalStore } from 'react';
import { Box, Text, useApp, useWindowSize } from 'ink';
import type { ReportTarget } from '../report/report-model.ts';
import { safeText } from '../text/safe-text.ts';
import { AppPicker } from './AppPicker.tsx';
import { isChoiceQuestion } from './choice-items.ts';
import { diagnosisLine, findingsPage, wrap } from './findings-lines.ts';
import { FindingsScreen } from './FindingsScreen.tsx';
import { Footer } from './Footer.tsx';
import { footerHeight, type FooterMode } from './footer-keys.ts';
import { Header } from './Header.tsx';
import { HelpOverlay } from './HelpOverlay.tsx';
import { LoadFailedScreen } from './LoadFailedScreen.tsx';
import { LoadingScreen } from './LoadingScreen.tsx';
import { hasOverridableFacts } from './menu-items.ts';
import { OverridePicker } from './OverridePicker.tsx';
import { HEADER_HEIGHT } from './page-rows.ts';
import { ProbeConfirmScreen } from './ProbeConfirmScreen.tsx';
import { QuestionScreen } from './QuestionScreen.tsx';
import { syncScreen } from './screen-state.ts';
import { StartScreen } from './StartScreen.tsx';
import { colour } from './theme.ts';
import { diagnosisOf, findingsRows, savedOffer, screenOf } from './wizard-screens.ts';
import { shownPhase } from './wizard-phase.ts';
import type { WizardRuntime } from './wizard-runtime.ts';
import type { WizardResult } from './wizard-types.ts';

export interface WizardAppProps {
  /** The wizard's machine and its effect runner, built by the caller (keys and signals reach it there). */
  readonly runtime: WizardRuntime;
  /** Receives the exit code and the lines to print once the UI is gone. */
  readonly onExit: (result: WizardResult) => void;
}

/** The title of the findings so far (f): the counts, and that the session goes on. */
const soFarLine = (state: { readonly findings: readonly { readonly severity: string }[] }): string => {
  const count = (severity: string, word: string) => { const n = state.findings.filter((finding) => finding.severity === severity).length; return `${n} ${word}${n === 1 ? '' : 's'}`; };
  return `Findings so far: ${count('error', 'error')}, ${count('warning', 'warning')}, ${count('info', 'note')}; the questions go on after f or b`;
};

const describeTarget = (target: ReportTarget): string =>
  target.mode === 'demo' ? `demo: ${target.scenario ?? ''}` : target.mode === 'arm' ? `app: ${target.appName ?? target.appId ?? ''}` : 'offline';

export function WizardApp({ runtime, onExit }: WizardAppProps): React.JSX.Element {
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const width = Math.max(20, columns);
  useEffect(() => runtime.connect(), [runtime]);
  useEffect(() => runtime.send({ type: 'resized', width, rows }), [runtime, width, rows]);
  const wizard = useSyncExternalStore(runtime.subscribe, runtime.getSnapshot);
  const { setup } = runtime;
  const { phase, status, saveError } = wizard;

  useEffect(() => {
    if (phase.kind !== 'left') return;
    onExit(phase.result);
    exit();
  }, [phase, onExit, exit]);

  // ---------------------------------------------------------------- what is on show

  const session = wizard.session;
  const state = session?.state;
  const shown = syncScreen(wizard.screen, screenOf(setup, wizard).view);
  const drawn = shownPhase(phase);
  const question = drawn.kind === 'session' && state ? setup.engine.currentQuestion(state) : undefined;
  const leaving = phase.kind === 'leaving' || phase.kind === 'left';
  const helpOpen = shown.help && !leaving;
  const footerMode: FooterMode = phase.kind === 'left' ? 'done' : helpOpen ? 'help'
    : phase.kind === 'loading' && wizard.probe ? 'start'
    : leaving || phase.kind === 'loading' ? 'busy'
      : phase.kind === 'start' ? 'start' : phase.kind === 'peek' ? 'peek' : phase.kind !== 'session' ? 'menu'
        : state?.status === 'done' ? 'findings' : question && !isChoiceQuestion(question.node.answer) ? 'text' : 'select';
  const flowId = state?.current?.flow ?? state?.outcome?.flow;
  const flowTitle = flowId && Object.hasOwn(setup.flowSet.flows, flowId) ? safeText(setup.flowSet.flows[flowId]!.title) : undefined;
  const answered = state?.inputs.filter((input) => input.type === 'answer').length;
  const inSession = (drawn.kind === 'session' || drawn.kind === 'override' || drawn.kind === 'peek') && state !== undefined;
  const diagnosis = state ? diagnosisOf(setup, state) : undefined;
  const findings = drawn.kind === 'session' && diagnosis?.status === 'done' ? findingsPage(diagnosis, width) : undefined;
  const peek = drawn.kind === 'peek' && diagnosis ? findingsPage(diagnosis, width) : undefined;
  const peekPage = peek ? findingsRows(setup, wizard, shown, 'peek') : 0;
  const page = findings ? findingsRows(setup, wizard, shown, footerMode) : 0;
  // Rows between the header and the footer (and the row the cursor sits on below the frame).
  const footerRows = footerHeight({ mode: footerMode, escape: shown.escape, confirm: shown.confirm, copy: shown.copy, canOverride: inSession && hasOverridableFacts(state.path), expanded: false, ...(status === undefined ? {} : { status }), ...(setup.reportFormat === undefined ? {} : { reportFormat: setup.reportFormat }) }, width);
  const saveErrorRows = saveError === undefined ? 0 : wrap(safeText(saveError), width).length;
  const contentRows = Math.max(5, rows - HEADER_HEIGHT - footerRows - saveErrorRows - 1);

  return (
    <Box flexDirection="column">
      <Header
        width={width}
        flowTitle={inSession ? flowTitle : undefined}
        answered={inSession ? answered : undefined}
        findings={inSession && state.status === 'asking' ? diagnosis?.findings.length : undefined}
        target={inSession ? safeText(describeTarget(session!.target)) : undefined}
      />
      {saveError && <Text color={colour('yellow')}>{safeText(saveError)}</Text>}
      {helpOpen ? <HelpOverlay /> : (<>
      {drawn.kind === 'start' && <StartScreen saved={savedOffer(setup)} scenarios={setup.scenarios} canPickApp={setup.canPickApp} highlight={shown.highlight} />}
      {drawn.kind === 'pick-app' && <AppPicker step={wizard.picker} highlight={shown.highlight} limit={Math.max(3, contentRows - 2)} />}
      {drawn.kind === 'loading' && (wizard.probe ? <ProbeConfirmScreen request={wizard.probe.request} highlight={shown.highlight} /> : <LoadingScreen message={wizard.progress} />)}
      {drawn.kind === 'load-failed' && <LoadFailedScreen reason={drawn.reason} highlight={shown.highlight} />}
      {drawn.kind === 'session' && state?.status === 'asking' && (
        <QuestionScreen state={state} engine={setup.engine} highlight={shown.highlight} draft={shown.draft} cursor={shown.cursor} rows={contentRows} width={width}
          {...(shown.refused === undefined ? {} : { refused: shown.refused })} />
      )}
      {findings && diagnosis && phase.kind !== 'left' && <FindingsScreen diagnosis={diagnosisLine(diagnosis)} lines={findings.lines} offset={Math.min(shown.offset, Math.max(0, findings.lines.length - page))} page={page} />}
      {drawn.kind === 'peek' && diagnosis && peek && (
        <FindingsScreen diagnosis={soFarLine(diagnosis)} lines={peek.lines} offset={Math.min(shown.offset, Math.max(0, peek.lines.length - peekPage))} page={peekPage} />
      )}
      {drawn.kind === 'override' && state && <OverridePicker path={state.path} flowSet={setup.flowSet} highlight={shown.highlight} />}
      </>)}
      <Footer
        mode={footerMode}
        escape={shown.escape}
        {...(shown.confirm === undefined ? {} : { confirm: shown.confirm })}
        {...(setup.reportFormat === undefined ? {} : { reportFormat: setup.reportFormat })}
        {...(shown.copy === undefined ? {} : { copy: shown.copy })}
        canOverride={inSession && hasOverridableFacts(state.path)}
        expanded={shown.help && !leaving}
        {...(status === undefined ? {} : { status })}
        width={width}
      />
    </Box>
  );
}
