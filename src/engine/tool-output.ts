/**
 * Reading what tcpping, nameresolver and `echo %WEBSITE_PRIVATE_IP%` print in the Kudu console.
 * The outcome names are the option values of the flows' questions (firewall-timeout
 * ask-tcpping, dns ask-nameresolver), so a probe answers exactly the question a person would.
 * Output that matches no known form is `unrecognized`: the question is then asked. The probe
 * reads what it ran; an `error-text` answer (error-text.ts: `check --error`, "I have an error
 * message") what an engineer pasted. Pure text reading, so it sits with the answer types here.
 */
import { isIPv4 } from './net.ts';

export type TcpOutcome = 'connects' | 'timeout' | 'refused' | 'no-name' | 'unreachable' | 'unrecognized';
export type DnsOutcome = 'resolves' | 'not-found' | 'timeout' | 'lookup-failed' | 'unrecognized';

/** What a failed attempt's socket error says, most telling first (each is its own answer to the question). */
const TCP_FAILURES: readonly [Exclude<TcpOutcome, 'connects' | 'unrecognized'>, RegExp][] = [
  ['no-name', /no such host|host is not known|name or service not known|could not be resolved|unknown host/i],
  // WSAENETUNREACH / WSAEHOSTUNREACH: no route to the address, a routing failure (not a drop). WSAEACCES
  // ("access a socket in a way forbidden") is what the app gets for an address outside the routes it
  // sends into the tunnel (configure-gateway-required-vnet-integration, troubleshooting).
  ['unreachable', /unreachable (?:network|host)|network is unreachable|host is unreachable|no route to host|access a socket in a way forbidden/i],
  ['refused', /refused/i],
  ['timeout', /timed? ?out|did not properly respond|failed to respond/i],
];

/**
 * tcpping is judged by its own result lines only: "Connected to ..." for an attempt that worked,
 * "Complete: n/m successful", and each failed attempt's socket error. The target's name is taken
 * out of every line first (a host called refused.contoso.local says nothing), and the time the
 * command took never counts: Kudu adds its own latency, so an "unreachable network" printed after
 * 20 s is a routing failure, not the 21-second TCP timeout.
 */
export function parseTcpping(output: string, target?: string): TcpOutcome {
  const host = target?.replace(/:\d+$/, '').toLowerCase();
  const lines = output.split(/\r?\n/).map((line) => {
    const text = line.trim();
    if (!host) return text;
    return text.split(/\s+/).filter((word) => {
      const lower = word.toLowerCase().replace(/[,;.]$/, '');
      return lower !== host && !lower.startsWith(`${host}:`);
    }).join(' ');
  }).filter((line) => line.length > 0);
  if (lines.some((line) => /^Connected to\b/i.test(line))) return 'connects';
  const summary = lines.map((line) => /^Complete:\s*(\d+)\/(\d+) successful/i.exec(line)).find((match) => match !== null);
  if (summary && Number(summary[1]) > 0) return 'connects';
  const failures = lines.filter((line) => !/^(?:Complete:|Connecting to\b)/i.test(line));
  for (const [outcome, pattern] of TCP_FAILURES) if (failures.some((line) => pattern.test(line))) return outcome;
  return 'unrecognized';
}

export interface DnsAnswer {
  readonly outcome: DnsOutcome;
  /** The server that answered (the `Server:` line). */
  readonly server?: string;
  readonly addresses: readonly string[];
}

export function parseNameresolver(output: string): DnsAnswer {
  const server = /^\s*Server:\s*(\S+)/im.exec(output)?.[1];
  const known = server && isIPv4(server) ? { server } : {};
  const nameAt = output.search(/^\s*Name:/im);
  const addresses = nameAt < 0 ? [] : [...output.slice(nameAt).matchAll(/(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/g)].map((match) => match[1]!).filter((ip) => isIPv4(ip));
  if (addresses.length > 0) return { outcome: 'resolves', ...known, addresses: [...new Set(addresses)] };
  if (/non-existent domain|can't find|could not find|NXDOMAIN|no such host/i.test(output)) return { outcome: 'not-found', ...known, addresses: [] };
  if (/timed? ?-?out/i.test(output)) return { outcome: 'timeout', ...known, addresses: [] };
  // WSANO_RECOVERY: no tunnel to ask through (pool outside RFC 1918, or IKEv2 on the gateway).
  if (/non-recoverable error (?:occurred )?during a database lookup/i.test(output)) return { outcome: 'lookup-failed', ...known, addresses: [] };
  return { outcome: 'unrecognized', ...known, addresses: [] };
}

/** `echo %WEBSITE_PRIVATE_IP%` prints the address, or the variable's name when it is not set. */
export function parsePrivateIp(output: string): string | undefined {
  const value = output.trim();
  return isIPv4(value) ? value : undefined;
}
