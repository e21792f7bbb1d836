/**
 * The live engine session plus its persistence: every change is saved (synchronously, before the
 * screen updates) so that whatever ends the process, the last answer is on disk.
 */
import { useCallback, useRef, useState } from 'react';
import { answer, back, EngineError, override, replay, resolveFact, restart, start, type EngineState } from '../engine/engine.ts';
import { nsgLookupFor } from '../facts/nsg-lookup.ts';
import type { AnswerValue } from '../engine/types.ts';
import type { ReportError, ReportTarget } from '../report/report-model.ts';
import { resumeSession } from '../session/resume.ts';
import type { SavedSession } from '../session/session-store.ts';
import type { LoadedFacts, WizardDeps } from './wizard-types.ts';

export interface ActiveSession {
  readonly state: EngineState;
  readonly target: ReportTarget;
  readonly errors: readonly ReportError[];
}

export interface WizardSession {
  readonly session: ActiveSession | undefined;
  /** The live session at the moment of the call (a key right after another sees that key's effect). */
  latest(): ActiveSession | undefined;
  /** Set when the last save failed (e.g. disk full) or the flows could not continue; the session goes on regardless. */
  readonly saveError: string | undefined;
  begin(loaded: LoadedFacts): void;
  resume(saved: SavedSession): void;
  answer(value: AnswerValue): void;
  back(): void;
  restart(): void;
  override(fact: string): void;
  /** Forgets the saved session once it has ended normally. */
  finish(): void;
}

export function useWizardSession(deps: WizardDeps): WizardSession {
  // A resumed session is live from the first frame; it is already on disk, so nothing is saved yet.
  const [session, setSession] = useState<ActiveSession | undefined>(() => (deps.beginning.kind === 'resume' ? fromSaved(deps, deps.beginning.saved) : undefined));
  const [saveError, setSaveError] = useState<string>();
  const latest = useRef<ActiveSession | undefined>(session);

  const commit = useCallback((next: ActiveSession) => {
    try {
      deps.store.save({
        target: next.target, facts: next.state.facts, presetAnswers: next.state.presetAnswers, inputs: next.state.inputs,
        errors: next.errors, ...(next.state.options.flow === undefined ? {} : { flow: next.state.options.flow }),
      });
      setSaveError(undefined);
    } catch (error) {
      setSaveError(`could not save the session to ${deps.store.file}: ${(error as Error).message}`);
    }
    latest.current = next;
    setSession(next);
  }, [deps.store]);

  // Once the user names a target address inside the VNet, ARM can tell whether an NSG blocks the
  // pool: read it in the background and replay the answers with those facts (once per target).
  const lookedUp = useRef(new Set<string>());
  const followUp = useCallback((active: ActiveSession) => {
    const readNsg = deps.facts.nsgFacts;
    const target = readNsg ? nsgLookupFor((key) => resolveFact(active.state, key)?.value) : undefined;
    if (!readNsg || !target || lookedUp.current.has(`${target.ip}:${target.port}`)) return;
    lookedUp.current.add(`${target.ip}:${target.port}`);
    readNsg(active.target, active.state.facts, target).then((found) => {
      const current = latest.current;
      if (!current || (Object.keys(found.facts).length === 0 && found.errors.length === 0)) return;
      const state = replay({ ...current.state, facts: { ...current.state.facts, ...found.facts } }, current.state.inputs);
      commit({ ...current, state, errors: [...current.errors, ...found.errors] });
    }, () => {
      // Not readable now: the NSG question is simply asked.
    });
  }, [deps.facts, commit]);

  const change = useCallback((step: (state: EngineState) => EngineState) => {
    const current = latest.current;
    if (!current) return;
    let next: EngineState;
    try {
      next = step(current.state);
    } catch (error) {
      // A flow mistake the linter missed (e.g. a loop) must not take the session down with it.
      if (!(error instanceof EngineError)) throw error;
      setSaveError(`the flows could not go on: ${error.message}`);
      return;
    }
    commit({ ...current, state: next });
    followUp({ ...current, state: next });
  }, [commit, followUp]);

  return {
    session,
    latest: () => latest.current,
    saveError,
    begin: (loaded) => {
      const options = { derivations: deps.derivations, presetAnswerDetails: deps.presetAnswerDetails, ...(deps.flow === undefined ? {} : { flow: deps.flow }) };
      const active = { state: start(deps.flowSet, loaded.facts, deps.presetAnswers ?? {}, options), target: loaded.target, errors: loaded.errors };
      commit(active);
      followUp(active);
    },
    resume: (saved) => commit(fromSaved(deps, saved)),
    answer: (value) => change((state) => answer(state, value)),
    back: () => change(back),
    restart: () => change(restart),
    override: (fact) => change((state) => override(state, fact)),
    finish: () => deps.store.clear(),
  };
}

function fromSaved(deps: WizardDeps, saved: SavedSession): ActiveSession {
  return { state: resumeSession(deps.flowSet, saved, deps.derivations), target: saved.target, errors: saved.errors ?? [] };
}
