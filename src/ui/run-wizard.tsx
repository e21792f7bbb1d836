/**
 * The only door from command code into React. Draws the starting screen at once, lets the command
 * load what the wizard needs behind it (flows, answers file, demo scenario), then renders the
 * wizard and resolves with its exit code once it has gone. A preparation that ends the command
 * early (a usage error, broken flows) clears the starting screen first, so its message stands
 * alone. SIGINT, SIGTERM and SIGHUP end it too; every answer is already saved by then. Once the
 * wizard is on show, a signal is an event of its machine like the Ctrl-C key (wizard-runtime.ts):
 * one way out, whose exit code and messages the session controller gives.
 */
import React from 'react';
import { render } from 'ink';
import { exitCodeFor, endForSignal } from '../session/exit-code.ts';
import { copyToClipboard } from './clipboard.ts';
import { KeyListener } from './KeyListener.tsx';
import { KeyQueue } from './key-queue.ts';
import { StartingScreen } from './StartingScreen.tsx';
import { WizardApp } from './WizardApp.tsx';
import type { StopSignal } from './wizard-phase.ts';
import { WizardRuntime } from './wizard-runtime.ts';
import type { WizardDeps, WizardResult } from './wizard-types.ts';

/** What the command's preparation yields: the wizard's dependencies, or the command's result when it ends early. */
export type WizardPreparation = { readonly kind: 'ready'; readonly deps: WizardDeps } | { readonly kind: 'done'; readonly result: WizardResult };

export async function runWizard(prepare: () => Promise<WizardPreparation>): Promise<WizardResult> {
  let result: WizardResult = { exitCode: exitCodeFor({ end: 'interrupted', complete: false, findings: [] }), messages: [] };
  let stopped = false;
  let runtime: WizardRuntime | undefined;
  // One keyboard for the whole run, listening from the first frame: keys typed while the flows
  // load are kept for the first screen instead of being lost or echoed by the terminal.
  const keys = new KeyQueue();
  // Ctrl-C is a key like any other in the wizard: it writes the partial report before leaving.
  const instance = render(<Root keys={keys}><StartingScreen /></Root>, { exitOnCtrlC: false });
  const stop = (signal: StopSignal) => {
    // On show, the wizard's machine leaves as for Ctrl-C, at once: the session controller decides
    // the exit code (a signal on the findings screen interrupts nothing) and says what was saved.
    if (runtime) { runtime.send({ type: 'signal', signal }); return; }
    // Still preparing: there is no session yet.
    stopped = true;
    result = { exitCode: exitCodeFor({ end: endForSignal(signal), complete: false, findings: [] }), messages: [`Stopped by ${signal}.`] };
    instance.unmount();
  };
  // SIGINT only arrives from outside (kill -INT): in raw mode the terminal's Ctrl-C is a key.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  const leaveEarly = () => { instance.clear(); instance.unmount(); };
  try {
    let prepared: WizardPreparation;
    try {
      prepared = await prepare();
    } catch (error) {
      leaveEarly();
      throw error;
    }
    if (stopped) return result;
    if (prepared.kind === 'done') { leaveEarly(); return prepared.result; }
    const { stdout } = process;
    runtime = WizardRuntime.for(prepared.deps, keys, { width: stdout.columns ?? 80, rows: stdout.rows ?? 24 }, (text) => copyToClipboard(stdout, text));
    instance.rerender(<Root keys={keys}><WizardApp runtime={runtime} onExit={(final) => { result = final; }} /></Root>);
    await instance.waitUntilExit();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
  return result;
}

/** The same element at the top of every render, so the key listener below it is never remounted. */
function Root({ keys, children }: { readonly keys: KeyQueue; readonly children: React.ReactNode }): React.JSX.Element {
  return (
    <>
      <KeyListener queue={keys} />
      {children}
    </>
  );
}
