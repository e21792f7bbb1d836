/**
 * `--probe` in a session: wraps the session's fact sources so that, once ARM facts are read,
 * the probes run in the app and their facts join the rest (check and the wizard use the same
 * controller). What to probe comes from what is already known: the target host and port and
 * the host name that fails to resolve, from the answers file or the answers given.
 */
import type { AnswerValue, Fact, Facts, FlowSet, HostPort } from '../engine/types.ts';
import type { ArmAccess } from '../facts/gather-facts.ts';
import type { FactSources, PresetInputs } from '../facts/sources-interface.ts';
import { plannedCommands, probeApp, type ProbeRequest } from './probe-app.ts';
import { commandLine } from './kudu-commands.ts';

export interface ProbeSettings {
  readonly access: ArmAccess;
  readonly flowSet: FlowSet;
  readonly preset?: PresetInputs;
  /** --scm-endpoint (an https origin). */
  readonly scmOrigin?: string;
  readonly scmCa?: string;
  /** Called with the command lines that ran. */
  readonly onRun?: (appId: string, commands: readonly string[]) => void;
  /**
   * Asked before anything runs in the app (the wizard's confirmation naming the app and the
   * commands); false skips the probes and the questions are asked. Batch mode (--probe) has none.
   */
  readonly confirm?: (appId: string, commands: readonly string[]) => Promise<boolean>;
}

/** The preset value of a fact: stated directly, or as the answer to the question that records it. */
export function presetValue(flowSet: FlowSet, preset: PresetInputs | undefined, key: string): Fact['value'] | AnswerValue | undefined {
  if (!preset) return undefined;
  const fact = Object.hasOwn(preset.facts, key) ? preset.facts[key] : undefined;
  if (fact && fact.value !== null) return fact.value;
  for (const flow of Object.values(flowSet.flows)) {
    for (const [nodeId, node] of Object.entries(flow.nodes)) {
      const questionId = `${flow.id}/${nodeId}`;
      if (node.kind === 'question' && node.fact === key && Object.hasOwn(preset.answers, questionId) && preset.answers[questionId] !== null) return preset.answers[questionId];
    }
  }
  return undefined;
}

/** Host and port to tcpping: target.host and target.port, or the host-port answer that records `target`. */
export function probeTarget(flowSet: FlowSet, preset: PresetInputs | undefined): ProbeRequest['target'] {
  const both = presetValue(flowSet, preset, 'target') as HostPort | undefined;
  if (both && typeof both === 'object' && !Array.isArray(both) && typeof both.host === 'string') return { host: both.host, port: Number(both.port) };
  const host = presetValue(flowSet, preset, 'target.host');
  const port = Number(presetValue(flowSet, preset, 'target.port'));
  return typeof host === 'string' && Number.isInteger(port) ? { host, port } : undefined;
}

export function withProbes(sources: FactSources, settings: ProbeSettings): FactSources {
  return {
    ...sources,
    gather: async (choice, options) => {
      const loaded = await sources.gather(choice, options);
      if (choice.mode !== 'arm') return loaded;
      const ctx = await settings.access.context(options.signal === undefined ? {} : { signal: options.signal });
      const dnsName = presetValue(settings.flowSet, settings.preset, 'dns.testName');
      const target = probeTarget(settings.flowSet, settings.preset);
      if (settings.confirm) {
        const planned = plannedCommands({ ...(target ? { target } : {}), ...(typeof dnsName === 'string' ? { dnsName } : {}) }).flatMap((command) => {
          try { return [commandLine(command)]; } catch { return []; }
        });
        if (!(await settings.confirm(choice.appId, planned))) return loaded;
      }
      options.onProgress?.(`Running probes in the app through its Kudu console`);
      const probed = await probeApp({
        appId: choice.appId, ctx: options.signal === undefined ? ctx : { ...ctx, signal: options.signal },
        ...(target ? { target } : {}), ...(typeof dnsName === 'string' ? { dnsName } : {}),
        ...(settings.scmOrigin ? { scmOrigin: settings.scmOrigin } : {}), ...(settings.scmCa ? { scmCa: settings.scmCa } : {}),
      });
      settings.onRun?.(choice.appId, probed.ran);
      const facts: Facts = { ...loaded.facts, ...probed.facts };
      return { ...loaded, facts, errors: [...loaded.errors, ...probed.errors] };
    },
  };
}
