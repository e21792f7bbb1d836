/** `--probe` and `--scm-endpoint` for check and the wizard: the session's fact sources with probes, or as they are. */
import type { FlowSet } from '../engine/types.ts';
import { UsageError } from '../errors.ts';
import type { ArmAccess } from '../facts/gather-facts.ts';
import type { FactSources, PresetInputs } from '../facts/sources-interface.ts';
import { withProbes } from './probe-source.ts';
import { scmEndpointOrigin } from './scm-origin.ts';

export interface ProbeFlags {
  readonly probe?: boolean;
  readonly 'scm-endpoint'?: string;
}

export function probeSources(
  sources: FactSources, flags: ProbeFlags,
  settings: { readonly access?: ArmAccess; readonly flowSet: FlowSet; readonly preset?: PresetInputs; readonly tlsCa?: string; readonly onRun?: (appId: string, commands: readonly string[]) => void; readonly confirm?: (appId: string, commands: readonly string[]) => Promise<boolean> },
): FactSources {
  if (!flags.probe) {
    if (flags['scm-endpoint'] !== undefined) throw new UsageError('--scm-endpoint only applies together with --probe');
    return sources;
  }
  if (!settings.access) throw new UsageError('--probe runs commands in an app in Azure: name it with --app (or --subscription, --resource-group and --name)');
  let scmOrigin: string | undefined;
  try {
    scmOrigin = flags['scm-endpoint'] === undefined ? undefined : scmEndpointOrigin(flags['scm-endpoint']);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return withProbes(sources, {
    access: settings.access, flowSet: settings.flowSet,
    ...(settings.preset ? { preset: settings.preset } : {}), ...(scmOrigin ? { scmOrigin } : {}), ...(settings.tlsCa ? { scmCa: settings.tlsCa } : {}),
    ...(settings.onRun ? { onRun: settings.onRun } : {}), ...(settings.confirm ? { confirm: settings.confirm } : {}),
  });
}
