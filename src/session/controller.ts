/**
 * The session controller: one plain object (no React, no terminal) that runs a troubleshooting
 * session for the wizard and for `check`. It owns the target and its facts (gathered once, then
 * follow-up reads such as the NSG of the target's subnet), the answers file, the engine state,
 * saving and resuming, the report on quit and the exit code. `check` walks the flows without
 * asking; the wizard's runtime (ui/wizard-runtime.ts) applies the engineer's moves
 * (session-move.ts) as its state machine asks for them. Every change to the live
 * session is saved synchronously before listeners hear of it, so whatever ends the process, the
 * last answer is on disk.
 */
import { createEngine, EngineError, type Derivations, type Engine, type EngineState } from '../engine/engine.ts';
import type { AnswerValue, FlowSet } from '../engine/types.ts';
import { walkFlows, type WalkResult } from '../answers/walk-flows.ts';
import { nsgLookupFor, vnetTargetFor } from '../facts/nsg-lookup.ts';
import type { NsgTarget } from '../facts/nsg-facts.ts';
import type { ReportFormat } from '../report/format.ts';
import type { ReportError, ReportTarget } from '../report/report-model.ts';
import { exitCodeFor, type SessionEnd } from './exit-code.ts';
import type { ReportExporter, SavedReport } from './report-export.ts';
import { resumeSession } from './resume.ts';
import { withoutOwnedFacts } from './owned-facts.ts';
import type { SavedSession, WrittenReport } from './session-schema.ts';
import type { SessionStore } from './session-store.ts';
import type { FactSources, LoadedFacts, PresetInputs, ReadOptions, TargetChoice } from '../facts/sources-interface.ts';
import type { SessionMove } from './session-move.ts';
import { followedAnswer, followsTarget, tagged, withoutFollowUps } from './follow-up-facts.ts';
import { diagnosisFindings, withProvenFindings } from './proven-findings.ts';

export const RESUME_HINT = 'Your answers are saved. Continue with: vnet-doctor --resume';

export interface ControllerDeps {
  readonly flowSet: FlowSet;
  readonly derivations: Derivations;
  readonly sources: FactSources;
  readonly preset?: PresetInputs;
  /** Flow to start in instead of the entry flow (--flow). */
  readonly flow?: string;
  /** Where the interactive session is saved; `check` keeps none. */
  readonly store?: SessionStore;
  /** Writes reports (the wizard's `s` and quit); `check` prints or writes its own. */
  readonly reports?: ReportExporter;
}

export interface ActiveSession {
  readonly state: EngineState;
  readonly target: ReportTarget;
  readonly errors: readonly ReportError[];
  /** The report files written for this session (kept across --resume, so they are rewritten, not added to). */
  readonly reports?: readonly WrittenReport[];
}

/** How the session ended, for the command to print once the screen is gone. */
export interface SessionResult {
  readonly exitCode: number;
  readonly messages: readonly string[];
}

const NO_PRESET: PresetInputs = { facts: {}, answers: {}, answerDetails: {} };

export class SessionController {
  #session: ActiveSession | undefined;
  #gathered: LoadedFacts | undefined;
  #saveError: string | undefined;
  #listeners = new Set<() => void>();
  /** The answer the last follow-up read was started for ("target 10.10.2.4:1433"): read again only when it changes. */
  #readFor: string | undefined;
  #pending = new Set<Promise<void>>();
  /** Set once the session's first change is saved (a resumed session is already on disk). */
  #saved = false;
  #ended = false;
  readonly #preset: PresetInputs;
  /** The flows and derivations, bound once; the states it returns hold data only. */
  readonly engine: Engine;

  constructor(private readonly deps: ControllerDeps) {
    this.#preset = deps.preset ?? NO_PRESET;
    this.engine = createEngine(deps.flowSet, deps.derivations);
  }

  get session(): ActiveSession | undefined { return this.#session; }
  /** Set when the last save failed (e.g. disk full) or the flows could not go on; the session continues regardless. */
  get saveError(): string | undefined { return this.#saveError; }
  get flowSet(): FlowSet { return this.deps.flowSet; }
  /** The facts read so far with the answers file's facts over them, the target and what could not be read (also when the engine could not start). */
  get gathered(): LoadedFacts | undefined {
    const session = this.#session;
    return session ? { facts: session.state.facts, errors: session.errors, target: session.target } : this.#gathered;
  }

  /** Calls `listener` after every change, including those from background reads. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Reads the target's facts and starts the session. Nothing is saved yet: a session saved
   * earlier (say, interrupted offline) stays on disk until the first answer here replaces it.
   */
  async load(choice: TargetChoice, options: ReadOptions = {}): Promise<ActiveSession> {
    const loaded = await this.deps.sources.gather(choice, options);
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    return this.begin(loaded, options);
  }

  /** Starts the session over facts already gathered. */
  begin(loaded: LoadedFacts, options: ReadOptions = {}): ActiveSession {
    const facts = { ...loaded.facts, ...this.#preset.facts };
    this.#gathered = { ...loaded, facts };
    this.#session = undefined;
    const engineOptions = { presetAnswerDetails: this.#preset.answerDetails, ...(this.deps.flow === undefined ? {} : { flow: this.deps.flow }) };
    const active = { state: this.engine.start(facts, this.#preset.answers, engineOptions), target: loaded.target, errors: loaded.errors };
    this.#saved = false;
    this.#readFor = undefined;
    this.#set(active, false);
    this.#followUp(active, options);
    return active;
  }

  /** Continues a saved session: the same questions, answers and position as before. */
  resume(saved: SavedSession): ActiveSession {
    // The file is data: facts only the tool sets are rebuilt, never taken from it (owned-facts.ts).
    const own = withoutOwnedFacts(saved, this.deps.flowSet.facts).session;
    // Facts saved for an answer the resumed session no longer gives are dropped (and read again for the new one).
    const active = this.#reconcile({ state: resumeSession(this.engine, own), target: own.target, errors: own.errors ?? [], ...(own.reports ? { reports: own.reports } : {}) });
    this.#saved = true;
    this.#readFor = followedAnswer(active.state.facts);
    this.#set(active, false);
    this.#followUp(active, {});
    return active;
  }

  /** One move of the engineer's. An answer meant for another question (a background read moved the session on) is dropped. */
  apply(move: SessionMove): void {
    // Once the session is finishing, its report describes the state as it was: a late move changes nothing.
    if (this.#ended) return;
    switch (move.kind) {
      case 'answer': {
        const state = this.#session?.state;
        if (state && this.engine.currentQuestion(state)?.id === move.question) this.answer(move.value);
        return;
      }
      case 'back': this.back(); return;
      case 'restart': this.restart(); return;
      case 'override': this.override(move.fact); return;
    }
  }

  answer(value: AnswerValue): void { this.#change((state) => this.engine.answer(state, value)); }
  back(): void { this.#change(this.engine.back); }
  restart(): void { this.#change(this.engine.restart); }
  override(fact: string): void { this.#change((state) => this.engine.override(state, fact)); }

  /** Resolves once every follow-up read started so far has finished (check waits for them; the wizard does not). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /**
   * The batch walk for `check`: every flow (or --flow) from its entry over the facts read so far
   * and the answers file, never asking.
   */
  walkAll(): WalkResult {
    const facts = this.gathered?.facts ?? this.#preset.facts;
    const walked = walkFlows(this.engine, facts, this.#preset.answers, { flow: this.deps.flow, presetAnswerDetails: this.#preset.answerDetails });
    // What the facts prove on their own is reported whatever the walk stopped on (added to the first session, errors first).
    const [first, ...rest] = walked.sessions;
    return first ? { ...walked, sessions: [withProvenFindings(this.engine, first), ...rest] } : walked;
  }

  /** The state as the findings screen and the report show it: with every finding the facts prove on their own. */
  diagnosis(state: EngineState): EngineState {
    return withProvenFindings(this.engine, state);
  }

  /** Saves the report now (the wizard's `s`): the session's one report file, rewritten atomically (report-export.ts). */
  async saveReport(format?: ReportFormat): Promise<SavedReport> {
    const session = this.#session;
    if (!session) throw new Error('there is no session to report on yet');
    if (!this.deps.reports) throw new Error('this session writes no report files');
    const saved = await this.deps.reports({
      engine: this.engine, state: this.diagnosis(session.state), target: session.target, errors: session.errors, interrupted: session.state.status !== 'done',
      ...(format === undefined ? {} : { format }), ...(session.reports ? { earlier: session.reports } : {}),
    });
    if (saved.written) this.#remember(saved.written);
    return saved;
  }

  /**
   * Ends the session: writes the report when there is something to report (an answer was given
   * or the findings were reached), forgets a finished session once its report is on disk, and
   * picks the exit code. `end` says how: q or the end of the flows ('normal'), Ctrl-C or SIGTERM.
   */
  async finish(end: SessionEnd): Promise<SessionResult> {
    this.#ended = true;
    const session = this.#session;
    if (!session) return { exitCode: exitCodeFor({ end, complete: false, findings: [] }), messages: [] };
    const complete = session.state.status === 'done';
    const messages: string[] = [];
    let written = false;
    if (this.deps.reports && (complete || hasUserInput(session.state))) {
      try {
        const saved = await this.saveReport();
        messages.push(`Report written to ${saved.path}`);
        written = true;
      } catch (error) {
        messages.push(`The report was not written: ${(error as Error).message}`);
      }
    }
    if (this.deps.store && this.#saved) {
      if (complete && written) this.#forget();
      else if (this.#saveError === undefined) messages.push(RESUME_HINT);
      else messages.push(`The session could not be saved (${this.#saveError}); the report holds what was found.`);
    }
    return { exitCode: exitCodeFor({ end, complete, findings: diagnosisFindings(this.engine, session.state) }), messages };
  }

  /** The result when the process must stop at once (a second Ctrl-C while the report is written, a signal): no report. */
  stopNow(end: SessionEnd): SessionResult {
    this.#ended = true;
    const session = this.#session;
    const complete = session?.state.status === 'done';
    // Never claim a save that did not happen: after a failed save, say so (the last saved answer is what --resume finds).
    const messages = !session || !this.deps.store || !this.#saved ? []
      : this.#saveError === undefined ? [`Stopped before the report was written. ${RESUME_HINT}`]
        : [`Stopped before the report was written. The latest answers could not be saved (${this.#saveError}); vnet-doctor --resume continues from the last answer that was saved.`];
    return { exitCode: exitCodeFor({ end, complete, findings: session ? diagnosisFindings(this.engine, session.state) : [] }), messages };
  }

  // ---------------------------------------------------------------- internals

  #change(step: (state: EngineState) => EngineState): void {
    const current = this.#session;
    if (!current) return;
    let next: EngineState;
    try {
      next = step(current.state);
    } catch (error) {
      // A flow mistake the linter missed (e.g. a loop) must not take the session down with it.
      if (!(error instanceof EngineError)) throw error;
      this.#saveError = `the flows could not go on: ${error.message}`;
      this.#notify();
      return;
    }
    const active = this.#reconcile({ ...current, state: next });
    this.#set(active, true);
    this.#followUp(active, {});
  }

  /** Keeps the report file just written with the session (saved too once the session is on disk), so --resume rewrites it. */
  #remember(written: WrittenReport): void {
    const current = this.#session;
    if (!current) return;
    const reports = [...(current.reports ?? []).filter((file) => file.format !== written.format), written];
    this.#set({ ...current, reports }, this.#saved);
  }

  /** Makes `active` the live session; with `save`, writes it to the store first. */
  #set(active: ActiveSession, save: boolean): void {
    if (save && this.deps.store) {
      try {
        this.deps.store.save({
          target: active.target, facts: active.state.facts, presetAnswers: active.state.presetAnswers, inputs: active.state.inputs,
          errors: active.errors, ...(active.state.options.flow === undefined ? {} : { flow: active.state.options.flow }),
          ...(active.reports ? { reports: active.reports } : {}),
        });
        this.#saved = true;
        this.#saveError = undefined;
      } catch (error) {
        this.#saveError = `could not save the session to ${this.deps.store.file}: ${(error as Error).message}`;
      }
    }
    this.#session = active;
    this.#notify();
  }

  /** The target address and port whose NSG, route table and NIC the session needs now (from facts and answers, not from earlier follow-up reads). */
  #dueRead(state: EngineState, anyway = false): NsgTarget | undefined {
    const facts = withoutFollowUps(state.facts);
    const view = facts === state.facts ? state : { ...state, facts };
    const lookup = (key: string) => this.engine.resolveFact(view, key)?.value;
    return anyway ? vnetTargetFor(lookup) : nsgLookupFor(lookup);
  }

  /**
   * Facts read for an answer the session no longer gives (the target changed by back, restart,
   * override or a resumed session) are dropped, with the read errors about them, and the
   * session is replayed without them.
   */
  #reconcile(active: ActiveSession): ActiveSession {
    const applied = followedAnswer(active.state.facts);
    if (applied === undefined) return active;
    const named = this.#dueRead(active.state, true);
    if (named && followsTarget(named) === applied) return active;
    const facts = withoutFollowUps(active.state.facts);
    const dropped = new Set(Object.keys(active.state.facts).filter((key) => !Object.hasOwn(facts, key)));
    const state = this.engine.replay({ ...active.state, facts }, active.state.inputs);
    const errors = active.errors.filter((error) => error.facts.length === 0 || !error.facts.every((key) => dropped.has(key)));
    return { ...active, state, errors };
  }

  /**
   * Once the session names a target address inside the VNet and a port, ARM can tell whether an
   * NSG blocks the pool: read it (again whenever the target changes) and replay the inputs with
   * those facts, tagged with the target they were read for.
   */
  #followUp(active: ActiveSession, options: ReadOptions): void {
    const readNsg = this.deps.sources.readNsg;
    if (!readNsg) return;
    const due = this.#dueRead(active.state);
    const tag = due ? followsTarget(due) : undefined;
    if (!due || tag === undefined) { this.#readFor = undefined; return; }
    if (tag === this.#readFor || followedAnswer(active.state.facts) === tag) { this.#readFor = tag; return; }
    this.#readFor = tag;
    const read = readNsg(active.target, withoutFollowUps(active.state.facts), due, options).then((found) => {
      const current = this.#session;
      if (this.#ended || !current || (Object.keys(found.facts).length === 0 && found.errors.length === 0)) return;
      // The answer changed while ARM was read: these facts are for a target the session no longer names.
      const now = this.#dueRead(current.state, true);
      if (!now || followsTarget(now) !== tag || followedAnswer(current.state.facts) === tag) return;
      const facts = { ...withoutFollowUps(current.state.facts), ...tagged(found.facts, tag) };
      const state = this.engine.replay({ ...current.state, facts }, current.state.inputs);
      // Saved only when the session is already on disk: new facts are no reason to replace an earlier session.
      this.#set({ ...current, state, errors: [...current.errors, ...found.errors] }, this.#saved);
    }, () => {
      // Not readable now: the NSG question is simply asked.
    }).finally(() => { this.#pending.delete(read); });
    this.#pending.add(read);
  }

  #forget(): void {
    try {
      this.deps.store?.clear();
    } catch {
      // A session file that cannot be removed is offered for resuming next time; nothing is lost.
    }
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** The user answered or overrode something (preset and fact answers do not count). */
export function hasUserInput(state: EngineState): boolean {
  return state.inputs.length > 0;
}
