/** Drives the real WizardApp with ink-testing-library, fake fact sources and a temp state dir. */
import React from 'react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { DERIVATIONS } from '../../src/facts/derived.ts';
import type { Facts, FlowSet } from '../../src/engine/types.ts';
import { SessionStore } from '../../src/session/session-store.ts';
import { WizardApp } from '../../src/ui/WizardApp.tsx';
import type { FactProvider, LoadedFacts, ReportRequest, ReportWriter, WizardBeginning, WizardDeps, WizardResult } from '../../src/ui/wizard-types.ts';

export const KEY = {
  enter: '\r', down: '\u001b[B', up: '\u001b[A', backspace: '\u007f', escape: '\u001b', ctrlC: '\u0003',
} as const;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export interface Harness {
  readonly frame: () => string;
  /** Polls the latest frame until the predicate holds; fails with the frame after `timeoutMs`. */
  readonly waitFor: (predicate: (frame: string) => boolean, what: string, timeoutMs?: number) => Promise<string>;
  readonly press: (...keys: string[]) => Promise<void>;
  readonly type: (text: string) => void;
  readonly store: SessionStore;
  readonly dir: string;
  readonly reports: ReportRequest[];
  readonly exited: () => WizardResult | undefined;
  readonly unmount: () => void;
}

export interface HarnessOptions {
  readonly flowSet: FlowSet;
  readonly facts?: Facts;
  readonly beginning?: WizardBeginning;
  readonly provider?: Partial<FactProvider>;
  readonly writeReport?: ReportWriter;
  readonly dir?: string;
  readonly presetAnswers?: WizardDeps['presetAnswers'];
  /** Start in this flow instead of the entry flow. */
  readonly flow?: string;
}

export function offlineFacts(facts: Facts = {}): LoadedFacts {
  return { facts, errors: [], target: { mode: 'offline' } };
}

export function startWizard(options: HarnessOptions): Harness {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'vnet-doctor-ui-'));
  const store = new SessionStore(join(dir, 'state'));
  const reports: ReportRequest[] = [];
  let result: WizardResult | undefined;
  const provider: FactProvider = {
    listScenarios: () => [],
    gather: async () => offlineFacts(options.facts ?? {}),
    ...options.provider,
  };
  const deps: WizardDeps = {
    flowSet: options.flowSet,
    derivations: DERIVATIONS,
    facts: provider,
    store,
    beginning: options.beginning ?? { kind: 'target', choice: { mode: 'offline' } },
    ...(options.presetAnswers ? { presetAnswers: options.presetAnswers } : {}),
    ...(options.flow ? { flow: options.flow } : {}),
    writeReport: options.writeReport ?? (async (request) => { reports.push(request); return join(dir, 'report.md'); }),
  };
  const app = render(<WizardApp deps={deps} onExit={(final) => { result = final; }} />);
  const frame = () => (app.lastFrame() ?? '').replace(ANSI, '');
  const waitFor = async (predicate: (frame: string) => boolean, what: string, timeoutMs = 3000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = frame();
      if (predicate(current)) return current;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${current}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  // React attaches input handlers in passive effects, one scheduler turn after a frame is drawn;
  // a key written before that would be lost, so let the scheduler run first (no timer involved).
  const settle = async () => {
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  // Each key is its own chunk, as a person types; the next key waits until Ink has drawn the effect of this one.
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      await settle();
      const before = frame();
      app.stdin.write(key);
      await waitFor((current) => current !== before, `the screen to change after key ${JSON.stringify(key)}`);
    }
  };
  return {
    frame, waitFor, press, type: (text) => app.stdin.write(text), store, dir, reports, exited: () => result, unmount: () => app.unmount(),
  };
}
