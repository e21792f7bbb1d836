/**
 * Runs the wizard's machine (wizard-machine.ts) outside React: it holds the one state, feeds it
 * every event (keys from the keyboard queue, process signals, the session controller's changes,
 * the probe's questions, reads that finish) one at a time, and runs the effects the machine returns: the
 * controller's calls, the probe's answers, saving, copying and finishing. WizardApp renders
 * `getSnapshot()` through `useSyncExternalStore` and owns nothing else.
 */
import type { SessionController } from '../session/controller.ts';
import type { ProbeConsent } from '../session/probe-consent.ts';
import type { KeyQueue } from './key-queue.ts';
import { start, transition, type WizardEffect, type WizardEvent, type WizardSetup, type WizardState } from './wizard-machine.ts';
import type { AppBrowser, WizardBeginning, WizardDeps } from './wizard-types.ts';

export interface WizardRuntimeDeps {
  readonly controller: SessionController;
  readonly setup: WizardSetup;
  readonly keys: KeyQueue;
  readonly size: WizardState['size'];
  readonly browser?: AppBrowser;
  readonly probeConsent?: ProbeConsent;
  /** Puts a step's command on the clipboard. */
  readonly copy: (text: string) => void;
}

export class WizardRuntime {
  readonly setup: WizardSetup;
  #state: WizardState;
  #initial: readonly WizardEffect[];
  readonly #deps: WizardRuntimeDeps;
  readonly #listeners = new Set<() => void>();
  readonly #events: WizardEvent[] = [];
  #draining = false;
  #load: AbortController | undefined;
  #listing: AbortController | undefined;
  /**
   * How to answer each question --probe's fact source asked, by its number: settled only by the
   * machine's `answer-probe` effect (whether a question is pending is the machine's state).
   */
  readonly #replies = new Map<number, (yes: boolean) => void>();
  #asks = 0;

  /** The runtime for the command's wizard: its controller, what the start screen offers, the probe's question. */
  static for(deps: WizardDeps, keys: KeyQueue, size: WizardState['size'], copy: (text: string) => void): WizardRuntime {
    const { session: controller } = deps;
    return new WizardRuntime({
      controller, keys, size,
      setup: {
        engine: controller.engine, flowSet: controller.flowSet, beginning: deps.beginning, scenarios: deps.scenarios ?? [], canPickApp: deps.browser !== undefined,
        ...(deps.reportFormat === undefined ? {} : { reportFormat: deps.reportFormat }), ...(deps.notice === undefined ? {} : { notice: deps.notice }),
      },
      ...(deps.browser ? { browser: deps.browser } : {}),
      ...(deps.probeConsent ? { probeConsent: deps.probeConsent } : {}),
      copy: deps.copy ?? copy,
    });
  }

  constructor(deps: WizardRuntimeDeps) {
    this.#deps = deps;
    this.setup = deps.setup;
    const { controller } = deps;
    // A resumed session is live from the first frame.
    const { beginning } = deps.setup;
    if (beginning.kind === 'resume' && !controller.session) this.#resume(beginning.saved);
    const first = start(deps.setup, deps.size, this.#snapshot());
    this.#state = first.state;
    this.#initial = first.effects;
  }

  readonly getSnapshot = (): WizardState => this.#state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Starts listening (keys, the session, the probe) and runs what the first state asks for; returns the way to stop. */
  connect(): () => void {
    const { controller, probeConsent, keys } = this.#deps;
    const changed = () => this.send({ type: 'session-changed', ...this.#snapshot() });
    const stops = [
      controller.subscribe(changed),
      ...(probeConsent ? [probeConsent.answerWith((request, reply) => {
        const ask = ++this.#asks;
        this.#replies.set(ask, reply);
        this.send({ type: 'probe-asked', ask, request });
      })] : []),
    ];
    const initial = this.#initial;
    this.#initial = [];
    // A signal that came before the first frame has already ended the wizard: nothing is started.
    if (this.#state.phase.kind !== 'left') for (const effect of initial) this.#run(effect);
    changed();
    stops.push(keys.listen((key) => this.send({ type: 'key', key })));
    return () => {
      for (const stop of stops) stop();
      this.#load?.abort();
      this.#listing?.abort();
      // The wizard is gone: a question still open is declined after its load was abandoned (nothing runs).
      for (const reply of this.#replies.values()) reply(false);
      this.#replies.clear();
    };
  }

  /** Feeds one event; events sent while effects run wait their turn, so each sees the state the last one left. */
  send(event: WizardEvent): void {
    this.#events.push(event);
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let next = this.#events.shift(); next !== undefined; next = this.#events.shift()) {
        const step = transition(this.setup, this.#state, next);
        this.#state = step.state;
        for (const effect of step.effects) this.#run(effect);
      }
    } finally {
      this.#draining = false;
    }
    for (const listener of this.#listeners) listener();
  }

  #snapshot() {
    const { controller } = this.#deps;
    // A live session takes the engineer's next move at once: moves are applied as they come.
    return { session: controller.session, waiting: controller.session !== undefined, saveError: controller.saveError };
  }

  #resume(saved: Extract<WizardBeginning, { kind: 'resume' }>['saved']): void {
    this.#deps.controller.resume(saved);
  }

  #run(effect: WizardEffect): void {
    const { controller, browser } = this.#deps;
    switch (effect.type) {
      case 'load': {
        this.#load?.abort();
        const abort = (this.#load = new AbortController());
        const { load } = effect;
        controller.load(effect.choice, { signal: abort.signal, onProgress: (message) => { if (!abort.signal.aborted) this.send({ type: 'progress', load, message }); } }).then(
          () => {
            if (abort.signal.aborted) return;
            this.send({ type: 'facts-loaded', load });
          },
          (error: Error) => { if (!abort.signal.aborted) this.send({ type: 'load-failed', load, reason: error.message }); },
        );
        return;
      }
      case 'cancel-load': this.#load?.abort(); return;
      case 'list-subscriptions': {
        const signal = this.#listFresh();
        browser?.listSubscriptions(signal).then((list) => { if (!signal.aborted) this.send({ type: 'subscriptions-listed', list }); }, (error: Error) => this.#listingFailed(signal, error));
        return;
      }
      case 'list-apps': {
        const signal = this.#listFresh();
        const { subscription } = effect;
        browser?.listWebApps(subscription.id, signal).then((list) => { if (!signal.aborted) this.send({ type: 'apps-listed', subscription, list }); }, (error: Error) => this.#listingFailed(signal, error));
        return;
      }
      case 'cancel-listing': this.#listing?.abort(); return;
      case 'resume': this.#resume(effect.saved); return;
      case 'move':
        controller.apply(effect.move);
        // Said even when the move changed nothing (an answer meant for a question the session left).
        this.send({ type: 'session-changed', ...this.#snapshot() });
        return;
      case 'answer-probe': {
        const reply = this.#replies.get(effect.ask);
        this.#replies.delete(effect.ask);
        reply?.(effect.yes);
        return;
      }
      case 'copy': this.#deps.copy(effect.text); return;
      case 'save':
        controller.saveReport(effect.format).then(
          (saved) => this.send({ type: 'report-saved', path: saved.path }),
          (error: Error) => this.send({ type: 'report-failed', reason: error.message }),
        );
        return;
      case 'finish':
        controller.finish(effect.end).then(
          (result) => this.send({ type: 'finished', result }),
          // Never stuck on the way out: without the report, the session still ends with its exit code.
          () => this.send({ type: 'finished', result: controller.stopNow(effect.end) }),
        );
        return;
      case 'stop-now':
        this.send({ type: 'finished', result: controller.stopNow(effect.end) });
        return;
    }
  }

  /** A new list read abandons the one before it. */
  #listFresh(): AbortSignal {
    this.#listing?.abort();
    this.#listing = new AbortController();
    return this.#listing.signal;
  }

  #listingFailed(signal: AbortSignal, error: Error): void {
    if (!signal.aborted) this.send({ type: 'listing-failed', reason: error.message });
  }
}
