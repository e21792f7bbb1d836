/**
 * The wizard: start screen → facts → questions → findings. It renders engine state and sends
 * the engine events; persistence lives in useWizardSession, keys in useWizardKeys.
 */
import React, { useEffect, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import { currentQuestion } from '../engine/engine.ts';
import type { AnswerValue } from '../engine/types.ts';
import type { ReportTarget } from '../report/report-model.ts';
import { EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK } from '../errors.ts';
import { safeText } from '../text/safe-text.ts';
import { AppPicker } from './AppPicker.tsx';
import { FindingsScreen } from './FindingsScreen.tsx';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { LoadFailedScreen } from './LoadFailedScreen.tsx';
import { LoadingScreen } from './LoadingScreen.tsx';
import { hasOverridableFacts, OverridePicker } from './OverridePicker.tsx';
import { QuestionScreen } from './QuestionScreen.tsx';
import { StartScreen, type StartChoice } from './StartScreen.tsx';
import { colour } from './theme.ts';
import { useWizardKeys, type Command, type KeyMode } from './use-wizard-keys.ts';
import { useWizardSession } from './use-wizard-session.ts';
import type { TargetChoice, WizardBeginning, WizardDeps, WizardResult } from './wizard-types.ts';

export interface WizardAppProps {
  readonly deps: WizardDeps;
  /** Receives the exit code and the lines to print once the UI is gone. */
  readonly onExit: (result: WizardResult) => void;
}

type Phase =
  | { readonly kind: 'start' }
  | { readonly kind: 'pick-app' }
  | { readonly kind: 'loading'; readonly choice: TargetChoice }
  | { readonly kind: 'load-failed'; readonly choice: TargetChoice; readonly reason: string }
  | { readonly kind: 'session' }
  | { readonly kind: 'override' }
  | { readonly kind: 'leaving' };

interface Status { readonly text: string; readonly tone: 'ok' | 'warn' | 'error' | 'info' }
const TONE_COLOUR = { ok: 'green', warn: 'yellow', error: 'red' } as const;

const firstPhase = (beginning: WizardBeginning): Phase =>
  beginning.kind === 'resume' ? { kind: 'session' } : beginning.kind === 'target' ? { kind: 'loading', choice: beginning.choice } : { kind: 'start' };

const describeTarget = (target: ReportTarget): string =>
  target.mode === 'demo' ? `demo: ${target.scenario ?? ''}` : target.mode === 'arm' ? `app: ${target.appName ?? target.appId ?? ''}` : 'offline';

export function WizardApp({ deps, onExit }: WizardAppProps): React.JSX.Element {
  const { exit } = useApp();
  const wizard = useWizardSession(deps);
  const [phase, setPhase] = useState<Phase>(() => firstPhase(deps.beginning));
  const [progress, setProgress] = useState('Reading facts');
  const [draft, setDraft] = useState({ question: '', text: '' });
  const [status, setStatus] = useState<Status | undefined>(deps.notice ? { text: deps.notice, tone: 'warn' } : undefined);
  const [help, setHelp] = useState(false);
  const leaving = useRef(false);
  const finished = useRef(false);
  /** Reports the result once: a second Ctrl-C may finish before the first report write does. */
  const finish = (result: WizardResult) => {
    if (finished.current) return;
    finished.current = true;
    onExit(result);
    exit();
  };

  const state = wizard.session?.state;
  const question = phase.kind === 'session' && state ? currentQuestion(state) : undefined;
  const isText = question !== undefined && question.node.answer !== 'choice' && question.node.answer !== 'yes-no';
  const draftText = question && draft.question === question.id ? draft.text : '';
  const mode: KeyMode = isText ? (draftText.length === 0 ? 'text-empty' : 'text') : 'select';

  useEffect(() => {
    if (phase.kind !== 'loading') return;
    const controller = new AbortController();
    setProgress(phase.choice.mode === 'demo' ? `Loading the demo scenario ${phase.choice.scenario}` : 'Reading facts');
    deps.facts.gather(phase.choice, { signal: controller.signal, onProgress: (message) => { if (!controller.signal.aborted) setProgress(message); } }).then(
      (loaded) => { if (!controller.signal.aborted) { wizard.begin(loaded); setPhase({ kind: 'session' }); } },
      (error: Error) => { if (!controller.signal.aborted) setPhase({ kind: 'load-failed', choice: phase.choice, reason: error.message }); },
    );
    return () => controller.abort();
  }, [phase]);

  const saveReport = () => {
    const session = wizard.session;
    if (!session) return;
    setStatus({ text: 'Writing the report...', tone: 'info' });
    deps.writeReport({ state: session.state, target: session.target, errors: session.errors, interrupted: session.state.status !== 'done' }).then(
      (path) => setStatus({ text: `Report saved to ${path}`, tone: 'ok' }),
      (error: Error) => setStatus({ text: `Report not saved: ${error.message}`, tone: 'error' }),
    );
  };

  const leave = async () => {
    if (leaving.current) return;
    leaving.current = true;
    setPhase({ kind: 'leaving' });
    const session = wizard.session;
    const done = session?.state.status === 'done';
    const messages: string[] = [];
    let written = false;
    if (session && session.state.path.length > 0) {
      try {
        const path = await deps.writeReport({ state: session.state, target: session.target, errors: session.errors, interrupted: !done });
        messages.push(`Report written to ${path}`);
        written = true;
      } catch (error) {
        messages.push(`The report was not written: ${(error as Error).message}`);
      }
    }
    // A finished session is forgotten only once its report is safe on disk.
    if (done && written) wizard.finish();
    else if (session) messages.push('Your answers are saved. Continue with: vnet-doctor --resume');
    const errors = session?.state.findings.some((finding) => finding.severity === 'error') ?? false;
    const exitCode = !session ? EXIT_OK : done ? (errors ? EXIT_FINDINGS : EXIT_OK) : EXIT_INTERRUPTED;
    finish({ exitCode, messages });
  };

  const act = (command: Command) => {
    if (phase.kind === 'leaving') {
      // A second Ctrl-C while the report is being written (a hung disk, a network share) leaves at once.
      if (command === 'interrupt') finish({ exitCode: EXIT_INTERRUPTED, messages: ['Stopped before the report was written. Your answers are saved. Continue with: vnet-doctor --resume'] });
      return;
    }
    if (command === 'interrupt' || command === 'quit') { void leave(); return; }
    if (command === 'help') { setHelp((shown) => !shown); return; }
    if (phase.kind === 'override' && command === 'back') { setPhase({ kind: 'session' }); return; }
    if (phase.kind === 'pick-app' && command === 'back') { setPhase({ kind: 'start' }); return; }
    if (phase.kind !== 'session' || !state) return;
    setStatus(undefined);
    switch (command) {
      case 'back':
        if (state.inputs.length === 0) setStatus({ text: 'This is the first question.', tone: 'info' });
        else wizard.back();
        return;
      case 'restart': wizard.restart(); setStatus({ text: 'Restarted from the first question.', tone: 'info' }); return;
      case 'save': saveReport(); return;
      case 'override':
        if (hasOverridableFacts(state.path)) setPhase({ kind: 'override' });
        else setStatus({ text: 'No question was answered from facts yet.', tone: 'info' });
        return;
      case 'dont-know': if (question) wizard.answer(null); return;
    }
  };

  const pending = useWizardKeys({ mode, isActive: true, onCommand: act });

  const answer = (value: AnswerValue) => { setStatus(undefined); wizard.answer(value); };
  const choose = (choice: StartChoice) => {
    if (choice.mode === 'resume') {
      if (deps.beginning.kind === 'start-screen' && deps.beginning.saved) { wizard.resume(deps.beginning.saved); setPhase({ kind: 'session' }); }
    } else if (choice.mode === 'pick-app') setPhase({ kind: 'pick-app' });
    else setPhase({ kind: 'loading', choice });
  };

  const flowId = state?.current?.flow ?? state?.outcome?.flow;
  const flowTitle = flowId && Object.hasOwn(deps.flowSet.flows, flowId) ? safeText(deps.flowSet.flows[flowId]!.title) : undefined;
  const answered = state?.inputs.filter((input) => input.type === 'answer').length;
  const inSession = (phase.kind === 'session' || phase.kind === 'override') && state !== undefined;

  return (
    <Box flexDirection="column">
      <Header
        flowTitle={inSession ? flowTitle : undefined}
        answered={inSession ? answered : undefined}
        findings={inSession && state.status === 'asking' ? state.findings.length : undefined}
        target={inSession ? safeText(describeTarget(wizard.session!.target)) : undefined}
      />
      {status && <Text color={status.tone === 'info' ? undefined : colour(TONE_COLOUR[status.tone])}>{safeText(status.text)}</Text>}
      {wizard.saveError && <Text color={colour('yellow')}>{safeText(wizard.saveError)}</Text>}
      {phase.kind === 'start' && (
        <StartScreen
          saved={deps.beginning.kind === 'start-screen' ? deps.beginning.saved : undefined}
          scenarios={deps.facts.listScenarios()}
          canPickApp={deps.facts.listSubscriptions !== undefined}
          isFocused
          onChoose={choose}
        />
      )}
      {phase.kind === 'pick-app' && (
        <AppPicker facts={deps.facts} isFocused
          onChoose={(appId) => setPhase(appId === undefined ? { kind: 'start' } : { kind: 'loading', choice: { mode: 'arm', appId } })}
          onError={(reason) => setPhase({ kind: 'load-failed', choice: { mode: 'offline' }, reason })} />
      )}
      {phase.kind === 'loading' && <LoadingScreen message={progress} />}
      {phase.kind === 'load-failed' && (
        <LoadFailedScreen reason={phase.reason} isFocused onChoose={(choice) =>
          setPhase(choice === 'offline' ? { kind: 'loading', choice: { mode: 'offline' } } : choice === 'retry' ? { kind: 'loading', choice: phase.choice } : { kind: 'start' })} />
      )}
      {phase.kind === 'session' && state?.status === 'asking' && (
        <QuestionScreen state={state} draft={draftText} focus={!pending}
          onDraft={(text) => setDraft({ question: question?.id ?? '', text })} onAnswer={answer} />
      )}
      {phase.kind === 'session' && state?.status === 'done' && <FindingsScreen state={state} />}
      {phase.kind === 'override' && state && (
        <OverridePicker path={state.path} flowSet={deps.flowSet} isFocused onChoose={(fact) => {
          if (fact !== undefined) wizard.override(fact);
          setPhase({ kind: 'session' });
        }} />
      )}
      {phase.kind === 'leaving' && <LoadingScreen message="Saving the report and the session" />}
      <Footer
        mode={phase.kind === 'loading' || phase.kind === 'leaving' ? 'busy'
          : phase.kind !== 'session' ? 'menu'
            : state?.status === 'done' ? 'findings' : mode}
        pending={pending}
        canOverride={inSession && hasOverridableFacts(state.path)}
        expanded={help}
      />
    </Box>
  );
}
