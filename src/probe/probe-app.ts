/**
 * `--probe`: runs tcpping, nameresolver and `echo %WEBSITE_PRIVATE_IP%` in the app through
 * Kudu's command API and returns what they measured as facts with provenance `probe`:
 *   probe.tcpping       the firewall-timeout flow's tcpping question (connects, timeout, refused, no-name)
 *   probe.nameresolver  the DNS flow's nameresolver question (resolves, not-found, timeout)
 *   app.privateIp       WEBSITE_PRIVATE_IP, the app's address in the point-to-site pool
 * A stopped app, 401/403 on the SCM site, its access restrictions, timeouts and output that
 * matches no known form leave the facts unknown with the reason: the questions are asked.
 */
import type { Fact, Facts } from '../engine/types.ts';
import type { ArmContext } from '../facts/arm/context.ts';
import { createClients } from '../facts/arm/clients.ts';
import { describeFailure } from '../facts/arm/call.ts';
import { parseResourceId } from '../facts/arm/resource-id.ts';
import type { ReportError } from '../facts/read-outcome.ts';
import { commandLine, ProbeArgumentError, type ProbeCommand } from './kudu-commands.ts';
import { KuduError, runKuduCommand, type KuduTarget } from './kudu-client.ts';
import { parseNameresolver, parsePrivateIp, parseTcpping } from '../engine/tool-output.ts';
import { scmOrigin, type ScmSite } from './scm-origin.ts';
import { TCP_TIMEOUT_SECONDS } from '../facts/limits.ts';

export const PROBE_FACTS = { tcp: 'probe.tcpping', dns: 'probe.nameresolver', privateIp: 'app.privateIp' } as const;

/** tcpping tries a few times; each dropped attempt costs the TCP timeout. */
const COMMAND_TIMEOUT_MS = (TCP_TIMEOUT_SECONDS * 4 + 15) * 1000;

export interface ProbeRequest {
  readonly appId: string;
  readonly ctx: ArmContext;
  /** Host and port for tcpping (from the answers), when known. */
  readonly target?: { readonly host: string; readonly port: number };
  /** Name for nameresolver (from the answers), when known. */
  readonly dnsName?: string;
  /** Kudu origin to use instead of the app's own SCM host (--scm-endpoint). */
  readonly scmOrigin?: string;
  /** CA (PEM) to trust for the SCM site (the local Kudu emulator). */
  readonly scmCa?: string;
  readonly commandTimeoutMs?: number;
}

export interface ProbeResult {
  readonly facts: Facts;
  readonly errors: ReportError[];
  /** The command lines that ran, for the report and the wizard. */
  readonly ran: string[];
}

/** What --probe will run in the app: the wizard names the app and these before asking to go ahead. */
export function plannedCommands(request: Pick<ProbeRequest, 'target' | 'dnsName'>): ProbeCommand[] {
  return [
    ...(request.target ? [{ kind: 'tcpping' as const, host: request.target.host, port: request.target.port }] : []),
    ...(request.dnsName ? [{ kind: 'nameresolver' as const, name: request.dnsName }] : []),
    { kind: 'private-ip' },
  ];
}

const factFor = (command: ProbeCommand): string =>
  command.kind === 'tcpping' ? PROBE_FACTS.tcp : command.kind === 'nameresolver' ? PROBE_FACTS.dns : PROBE_FACTS.privateIp;

export async function probeApp(request: ProbeRequest): Promise<ProbeResult> {
  const id = parseResourceId(request.appId);
  const appName = id?.name ?? request.appId;
  const facts: Record<string, Fact> = {};
  const errors: ReportError[] = [];
  const ran: string[] = [];
  const commands = plannedCommands(request);
  const unknown = (command: ProbeCommand, reason: string, line?: string) => {
    facts[factFor(command)] = { value: null, source: 'probe', reason };
    errors.push({ facts: [factFor(command)], reason, source: line ? `probe: ${line}` : `probe in app ${appName}` });
  };
  const giveUp = (reason: string) => { for (const command of commands) unknown(command, reason); return { facts, errors, ran }; };
  if (!id) return giveUp('not an app resource id');

  // The site says whether the app runs and where its SCM site is.
  let site: { state?: string } & ScmSite;
  try {
    const web = await createClients(request.ctx).web(id.subscriptionId);
    const signal = request.ctx.signal ? AbortSignal.any([request.ctx.signal, AbortSignal.timeout(request.ctx.timeoutMs)]) : AbortSignal.timeout(request.ctx.timeoutMs);
    site = await web.webApps.get(id.resourceGroup, id.name, { abortSignal: signal });
  } catch (error) {
    if (request.ctx.signal?.aborted) throw error;
    return giveUp(`the app could not be read for probing: ${describeFailure(error, request.ctx.timeoutMs, false)}`);
  }
  if ((site.state ?? '').toLowerCase() === 'stopped') return giveUp(`app ${appName} is stopped: commands cannot run in it`);
  const slot = /\/slots\/([^/]+)$/i.exec(request.appId)?.[1];
  const scm = request.scmOrigin !== undefined ? { origin: request.scmOrigin } : scmOrigin(site, { name: id.name, ...(slot === undefined ? {} : { slot }) });
  if ('reason' in scm) return giveUp(scm.reason);

  const kudu: KuduTarget = {
    origin: scm.origin,
    token: async () => {
      const token = await request.ctx.credential.getToken(request.ctx.scope, { abortSignal: request.ctx.signal });
      if (!token) throw new KuduError('the credential gave no token for the SCM site');
      return token.token;
    },
    ...(request.scmCa ? { tlsCa: request.scmCa } : {}),
    ...(request.ctx.signal ? { signal: request.ctx.signal } : {}),
  };
  // Each instance holds its own tunnel: with several, WEBSITE_PRIVATE_IP is read on each (?instance=).
  const instances = await instanceIds(request, id);
  if (instances.length > 1) {
    const perInstance = await readPrivateIpPerInstance(kudu, instances, request.commandTimeoutMs ?? COMMAND_TIMEOUT_MS);
    const lines = perInstance.map(({ instance, ip, reason }) => `instance ${instance}: ${ip ?? (reason ?? 'WEBSITE_PRIVATE_IP not set')}`);
    facts['probe.privateIpByInstance'] = { value: lines, source: 'probe', detail: `cmd /c echo %WEBSITE_PRIVATE_IP% on each of the ${instances.length} instances of app ${appName} (Kudu ?instance=)` };
    facts['probe.instancesWithoutTunnel'] = { value: perInstance.filter((read) => read.ip === undefined && read.reason === undefined).map((read) => read.instance), source: 'probe', detail: `app ${appName}, ${instances.length} instances` };
  }
  await Promise.all(commands.map(async (command) => {
    let line: string;
    try {
      line = commandLine(command);
    } catch (error) {
      if (!(error instanceof ProbeArgumentError)) throw error;
      unknown(command, `not run: ${error.message}`);
      return;
    }
    let answer;
    try {
      answer = await runKuduCommand(kudu, line, request.commandTimeoutMs ?? COMMAND_TIMEOUT_MS);
    } catch (error) {
      if (!(error instanceof KuduError)) throw error;
      unknown(command, error.reason, line);
      return;
    }
    ran.push(line);
    const text = `${answer.output}\n${answer.error}`;
    // Kudu runs a command on one instance of the app (learn.microsoft.com/azure/app-service/resources-kudu):
    // the fact says so, since other instances hold tunnels of their own.
    const detail = `${line} in app ${appName} (Kudu, on one instance)`;
    if (command.kind === 'tcpping') {
      const outcome = parseTcpping(text, `${command.host}:${command.port}`);
      if (outcome === 'unrecognized') unknown(command, 'tcpping printed nothing vnet-doctor recognises', line);
      else facts[PROBE_FACTS.tcp] = { value: outcome, source: 'probe', detail };
    } else if (command.kind === 'nameresolver') {
      const dns = parseNameresolver(text);
      if (dns.outcome === 'unrecognized') unknown(command, 'nameresolver printed nothing vnet-doctor recognises', line);
      else facts[PROBE_FACTS.dns] = { value: dns.outcome, source: 'probe', detail: dns.addresses.length > 0 ? `${detail}: ${dns.addresses.join(', ')}` : detail };
    } else {
      const ip = parsePrivateIp(answer.output);
      if (ip === undefined) unknown(command, 'WEBSITE_PRIVATE_IP is not set on the instance Kudu ran on: evidence of no tunnel there, not proof for the app (other instances hold their own)', line);
      else facts[PROBE_FACTS.privateIp] = { value: ip, source: 'probe', detail };
    }
  }));
  ran.sort();
  return { facts, errors, ran };
}

/** The app's instance ids (ARM sites/{app}/instances); none when they cannot be read (one run, Kudu picks). */
async function instanceIds(request: ProbeRequest, id: { subscriptionId: string; resourceGroup: string; name: string }): Promise<string[]> {
  try {
    const web = await createClients(request.ctx).web(id.subscriptionId);
    const signal = request.ctx.signal ? AbortSignal.any([request.ctx.signal, AbortSignal.timeout(request.ctx.timeoutMs)]) : AbortSignal.timeout(request.ctx.timeoutMs);
    const ids: string[] = [];
    for await (const instance of web.webApps.listInstanceIdentifiers(id.resourceGroup, id.name, { abortSignal: signal })) {
      if (typeof instance.name === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(instance.name)) ids.push(instance.name);
      if (ids.length >= MAX_INSTANCES_PROBED) break;
    }
    return ids;
  } catch (error) {
    if (request.ctx.signal?.aborted) throw error;
    return [];
  }
}

/** Instances read one by one at most (a plan scales to 30 on Premium; more is read as "first 30"). */
const MAX_INSTANCES_PROBED = 30;

async function readPrivateIpPerInstance(kudu: KuduTarget, instances: readonly string[], timeoutMs: number) {
  return Promise.all(instances.map(async (instance) => {
    try {
      const answer = await runKuduCommand({ ...kudu, instance }, commandLine({ kind: 'private-ip' }), timeoutMs);
      return { instance, ip: parsePrivateIp(answer.output), reason: undefined };
    } catch (error) {
      if (!(error instanceof KuduError)) throw error;
      return { instance, ip: undefined, reason: error.reason };
    }
  }));
}
