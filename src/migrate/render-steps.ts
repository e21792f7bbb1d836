/**
 * A runbook step's command for one shell: the same template rendered by the engine's step
 * renderer (values checked against their rules, quoted for the spot they go to, blanks listed), so
 * runbooks quote exactly as finding steps do. Azure CLI steps render for bash in the bash script
 * and the Markdown, and for PowerShell in the PowerShell script.
 */
import { renderCommand } from '../engine/render-step.ts';
import type { FactValue, StepKind } from '../engine/types.ts';
import type { ValuedStep } from './build-runbook.ts';
import type { Runbook } from './runbook-types.ts';

export type ScriptShell = 'bash' | 'powershell';

export interface RenderedCommand {
  readonly command: string;
  readonly blanks: readonly string[];
}

/** The step kind whose shell an Azure CLI command is rendered for. */
const KIND_FOR: Readonly<Record<ScriptShell, StepKind>> = { bash: 'az', powershell: 'powershell' };

export function commandFor(runbook: Runbook, step: ValuedStep, shell: ScriptShell): RenderedCommand | undefined {
  if (step.command === undefined) return undefined;
  const values = step.values ?? {};
  const lookup = (key: string): FactValue | undefined => (Object.hasOwn(values, key) ? values[key] : Object.hasOwn(runbook.values, key) ? runbook.values[key] : undefined);
  // Kudu commands run in the Kudu console (cmd) whatever script shows them; portal paths are words.
  const kind: StepKind = step.kind === 'az' ? KIND_FOR[shell] : step.kind;
  return renderCommand(step.command, kind, lookup, runbook.catalogue);
}

/** File-name friendly name of the runbook: app, and slot when there is one. */
export function runbookBaseName(runbook: Pick<Runbook, 'appName' | 'slot'>): string {
  const name = `${runbook.appName}${runbook.slot === undefined ? '' : `-${runbook.slot}`}`;
  return `runbook-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}
