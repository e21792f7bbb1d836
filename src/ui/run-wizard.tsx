/**
 * The only door from command code into React: renders the wizard and resolves with its exit code
 * once it has gone. SIGINT, SIGTERM and SIGHUP end it too; every answer is already saved by then.
 */
import React from 'react';
import { render } from 'ink';
import { EXIT_INTERRUPTED } from '../cli/exit-codes.ts';
import { WizardApp } from './WizardApp.tsx';
import type { WizardDeps, WizardResult } from './wizard-types.ts';

const RESUME_HINT = 'Your answers are saved. Continue with: vnet-doctor --resume';

export async function runWizard(deps: WizardDeps): Promise<WizardResult> {
  let result: WizardResult = { exitCode: EXIT_INTERRUPTED, messages: [RESUME_HINT] };
  // Ctrl-C is a key like any other here: it writes the partial report before leaving.
  const instance = render(<WizardApp deps={deps} onExit={(final) => { result = final; }} />, { exitOnCtrlC: false });
  const stop = (signal: NodeJS.Signals) => {
    result = { exitCode: signal === 'SIGHUP' ? 129 : EXIT_INTERRUPTED, messages: [`Stopped by ${signal}. ${RESUME_HINT}`] };
    instance.unmount();
  };
  // SIGINT only arrives from outside (kill -INT): in raw mode the terminal's Ctrl-C is a key.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await instance.waitUntilExit();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
  }
  return result;
}
