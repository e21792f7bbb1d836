/**
 * Drives the real WizardApp with ink-testing-library the way the command does: one session
 * controller (the test's fact sources, a temp state dir, a report exporter that records what it
 * is asked to write unless the test passes the real one) and the same runtime.
 */
import React from 'react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import type { AnswerValue, Facts, FlowSet } from '../../src/engine/types.ts';
import type { FactSources, LoadedFacts } from '../../src/facts/sources-interface.ts';
import { SessionController } from '../../src/session/controller.ts';
import type { ReportExporter, ReportRequest } from '../../src/session/report-export.ts';
import { SessionStore } from '../../src/session/session-store.ts';
import { KeyListener } from '../../src/ui/KeyListener.tsx';
import { KeyQueue } from '../../src/ui/key-queue.ts';
import { WizardApp } from '../../src/ui/WizardApp.tsx';
import type { StopSignal } from '../../src/ui/wizard-phase.ts';
import { WizardRuntime } from '../../src/ui/wizard-runtime.ts';
import type { AppBrowser, Scenario, WizardBeginning, WizardDeps, WizardResult } from '../../src/ui/wizard-types.ts';

export const KEY = {
  enter: '\r', down: '\u001b[B', up: '\u001b[A', backspace: '\u007f', escape: '\u001b', ctrlC: '\u0003',
} as const;

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export interface Harness {
  readonly frame: () => string;
  /** Polls the latest frame until the predicate holds; fails with the frame after `timeoutMs`. */
  readonly waitFor: (predicate: (frame: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
  /** Types keys, each in its own read. */
  readonly press: (...keys: string[]) => Promise<void>;
  /** Writes bytes in one read, as a fast typist, SSH or tmux deliver them. */
  readonly type: (text: string) => void;
  readonly store: SessionStore;
  readonly dir: string;
  readonly reports: ReportRequest[];
  /** What `c` and a step number put on the clipboard. */
  readonly copied: string[];
  /** Changes the terminal size, as a resize would. */
  readonly resize: (columns: number, rows: number) => void;
  readonly exited: () => WizardResult | undefined;
  readonly unmount: () => void;
  /** A process signal, delivered as run-wizard.tsx delivers it. */
  readonly signal: (name: StopSignal) => void;
}

export interface HarnessOptions {
  readonly flowSet: FlowSet;
  readonly facts?: Facts;
  readonly beginning?: WizardBeginning;
  /** Where the session reads facts; by default `facts` (or none), offline. */
  readonly sources?: FactSources;
  /** The demo scenarios and the Azure browser the start screen offers. */
  readonly scenarios?: readonly Scenario[];
  readonly browser?: AppBrowser;
  /** Writes the report on `s` and quit; by default it records the request in `reports`. */
  readonly reports?: ReportExporter;
  readonly dir?: string;
  /** Answers from an answers file. */
  readonly presetAnswers?: Readonly<Record<string, AnswerValue>>;
  /** Start in this flow instead of the entry flow. */
  readonly flow?: string;
  /** Terminal size (ink-testing-library's is 100 columns; rows default to 40 here). */
  readonly columns?: number;
  readonly rows?: number;
  /** The command's own session controller (real fact sources, answers file) instead of one built here. */
  readonly session?: SessionController;
  /** --probe: where the fact sources ask before running commands in the app. */
  readonly probeConsent?: WizardDeps['probeConsent'];
}

export function offlineFacts(facts: Facts = {}): LoadedFacts {
  return { facts, errors: [], target: { mode: 'offline' } };
}

export function startWizard(options: HarnessOptions): Harness {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vnet-doctor-ui-'));
  const store = new SessionStore(join(dir, 'state'));
  const reports: ReportRequest[] = [];
  const copied: string[] = [];
  let result: WizardResult | undefined;
  const sources: FactSources = options.sources ?? { gather: async () => offlineFacts(options.facts ?? {}) };
  const session = options.session ?? new SessionController({
    flowSet: options.flowSet,
    derivations: DERIVATIONS,
    preset: { facts: {}, answers: options.presetAnswers ?? {}, answerDetails: {} },
    ...(options.flow ? { flow: options.flow } : {}),
    store,
    reports: options.reports ?? (async (request) => { reports.push(request); return { path: join(dir, 'report.md'), unchanged: false }; }),
    sources,
  });
  const deps: WizardDeps = {
    session,
    beginning: options.beginning ?? { kind: 'target', choice: { mode: 'offline' } },
    ...(options.scenarios ? { scenarios: options.scenarios } : {}),
    ...(options.browser ? { browser: options.browser } : {}),
    ...(options.probeConsent ? { probeConsent: options.probeConsent } : {}),
    copy: (text) => { copied.push(text); },
  };
  // The size is set before the first frame: Ink reads it from the stream.
  const size = { columns: options.columns ?? 100, rows: options.rows ?? 40 };
  // Built as run-wizard.tsx builds it: one keyboard queue, the runtime outside React.
  const keys = new KeyQueue();
  const runtime = WizardRuntime.for(deps, keys, { width: size.columns, rows: size.rows }, () => {});
  const element = <><KeyListener queue={keys} /><WizardApp runtime={runtime} onExit={(final) => { result = final; }} /></>;
  const app = renderSized(element, size);
  const frame = () => (app.lastFrame() ?? '').replace(ANSI, '');
  // Many seconds: a busy machine is slow, but a screen that never comes still fails.
  const waitFor = async (predicate: (frame: string) => boolean, what: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = frame();
      if (predicate(current)) return current;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${current}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // Each key is its own chunk, as a person types. Nothing waits for a key to be taken: the wizard
  // loses none, so the test waits only for what the screen must show next.
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return {
    frame, waitFor, press, type: (text) => app.stdin.write(text), store, dir, reports, copied, exited: () => result, unmount: () => app.unmount(),
    signal: (name) => runtime.send({ type: 'signal', signal: name }),
    resize: (columns, rows) => { size.columns = columns; size.rows = rows; app.stdout.emit('resize'); },
  };
}

/** ink-testing-library's render with a terminal size the wizard can read (columns and rows). */
function renderSized(element: React.JSX.Element, size: { columns: number; rows: number }) {
  // ink-testing-library's stdout has a fixed `columns` getter and no rows; both are read from `size` instead.
  const app = render(element);
  Object.defineProperty(app.stdout, 'columns', { get: () => size.columns, configurable: true });
  Object.defineProperty(app.stdout, 'rows', { get: () => size.rows, configurable: true });
  app.stdout.emit('resize');
  return app;
}
