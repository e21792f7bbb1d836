/**
 * The wizard's view of the session controller (src/session/controller.ts), which owns the engine,
 * the facts and their follow-up reads, saving, the report on quit and the exit code. Once a
 * session starts, the controller converses through the screens' prompts (screen-prompts.ts): it
 * waits on the engineer's next move, and the screens hand moves over. This hook only re-renders
 * when the controller or the prompts change; it holds no session logic of its own.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Engine, EngineState } from '../engine/engine.ts';
import { SessionController, type ActiveSession, type SessionResult } from '../session/controller.ts';
import type { LoadedFacts } from '../facts/sources-interface.ts';
import type { SessionEnd } from '../session/exit-code.ts';
import type { ReportFormat } from '../report/format.ts';
import type { SavedSession } from '../session/session-schema.ts';
import type { SessionMove } from '../session/session-prompts.ts';
import { ScreenPrompts } from './screen-prompts.ts';
import { reportPath, type WizardDeps } from './wizard-types.ts';

export type { ActiveSession };

export interface WizardSession {
  /** The flows and derivations the session runs on (the controller's, bound once). */
  readonly engine: Engine;
  readonly session: ActiveSession | undefined;
  /** The state as the findings screen shows it: with every finding the facts prove on their own, whatever the symptom. */
  diagnosis(state: EngineState): EngineState;
  /** The live session at the moment of the call (a key right after another sees that key's effect). */
  latest(): ActiveSession | undefined;
  /** Set when the last save failed (e.g. disk full) or the flows could not continue; the session goes on regardless. */
  readonly saveError: string | undefined;
  begin(loaded: LoadedFacts): void;
  resume(saved: SavedSession): void;
  /** True while the session waits on the engineer; keys meanwhile wait for the next screen. */
  waiting(): boolean;
  /** Hands the engineer's move to the waiting session; false when it was not waiting. */
  move(move: SessionMove): boolean;
  /** Calls `listener` when the session starts or stops waiting. */
  onWaiting(listener: () => void): () => void;
  /** Saves the report now (`s`): the session's one report file, rewritten; Markdown unless JSON is asked for. Resolves with its path. */
  saveReport(format?: ReportFormat): Promise<string>;
  /** Ends the session: report on quit, forgetting a finished session, the exit code. */
  finish(end: SessionEnd): Promise<SessionResult>;
  /** The result when leaving at once (a second Ctrl-C while the report is written). */
  stopNow(end: SessionEnd): SessionResult;
}

/** The command's controller, or one built from the injected parts (tests drive the wizard with fakes). */
export function controllerFor(deps: WizardDeps): SessionController {
  if (deps.session) return deps.session;
  return new SessionController({
    flowSet: deps.flowSet,
    derivations: deps.derivations,
    preset: { facts: {}, answers: deps.presetAnswers ?? {}, answerDetails: deps.presetAnswerDetails ?? {} },
    ...(deps.flow === undefined ? {} : { flow: deps.flow }),
    store: deps.store,
    reports: async (request) => ({ path: reportPath(await deps.writeReport(request)), unchanged: false }),
    sources: {
      gather: (choice, options) => deps.facts.gather(choice, { signal: options.signal ?? new AbortController().signal, onProgress: options.onProgress ?? (() => {}) }),
      ...(deps.facts.nsgFacts ? { readNsg: (target, facts, nsg) => deps.facts.nsgFacts!(target, facts, nsg) } : {}),
    },
  });
}

export function useWizardSession(deps: WizardDeps): WizardSession {
  const { controller, prompts } = useMemo(() => {
    const built = controllerFor(deps);
    const screens = new ScreenPrompts();
    // A resumed session is live from the first frame.
    if (deps.beginning.kind === 'resume' && !built.session) { built.resume(deps.beginning.saved); void built.converse(screens); }
    return { controller: built, prompts: screens };
  }, [deps]);
  const [, setVersion] = useState(0);
  useEffect(() => controller.subscribe(() => setVersion((version) => version + 1)), [controller]);
  useEffect(() => prompts.subscribe(() => setVersion((version) => version + 1)), [prompts]);

  return {
    engine: controller.engine,
    session: controller.session,
    diagnosis: (state) => controller.diagnosis(state),
    latest: () => controller.session,
    saveError: controller.saveError,
    begin: (loaded) => { controller.begin(loaded); void controller.converse(prompts); },
    resume: (saved) => { controller.resume(saved); void controller.converse(prompts); },
    waiting: () => prompts.waiting,
    move: (move) => prompts.move(move),
    onWaiting: (listener) => prompts.subscribe(listener),
    saveReport: async (format) => (await controller.saveReport(format)).path,
    finish: (end) => { prompts.leave(); return controller.finish(end); },
    stopNow: (end) => { prompts.leave(); return controller.stopNow(end); },
  };
}
