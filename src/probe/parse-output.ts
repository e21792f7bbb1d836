/**
 * Reading what tcpping, nameresolver and `echo %WEBSITE_PRIVATE_IP%` print in the Kudu console.
 * The outcome names are the option values of the flows' questions (firewall-timeout
 * ask-tcpping, dns ask-nameresolver), so a probe answers exactly the question a person would.
 * Output that matches no known form is `unrecognized`: the question is then asked.
 */
import { isIPv4 } from './kudu-commands.ts';
import { TCP_TIMEOUT_SECONDS } from '../facts/limits.ts';

export type TcpOutcome = 'connects' | 'timeout' | 'refused' | 'no-name' | 'unrecognized';
export type DnsOutcome = 'resolves' | 'not-found' | 'timeout' | 'unrecognized';

export function parseTcpping(output: string, elapsedMs: number): TcpOutcome {
  const successes = /Complete:\s*(\d+)\/(\d+) successful/i.exec(output);
  if (/^\s*Connected to /im.test(output) || (successes && Number(successes[1]) > 0)) return 'connects';
  if (/no such host|host is not known|name or service not known|could not be resolved|unknown host/i.test(output)) return 'no-name';
  if (/refused/i.test(output)) return 'refused';
  if (/timed? ?out|did not properly respond|failed to respond/i.test(output)) return 'timeout';
  // A failed attempt that took about the TCP timeout is a drop, whatever the wording.
  if (successes && Number(successes[1]) === 0 && elapsedMs >= (TCP_TIMEOUT_SECONDS - 2) * 1000) return 'timeout';
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
  return { outcome: 'unrecognized', ...known, addresses: [] };
}

/** `echo %WEBSITE_PRIVATE_IP%` prints the address, or the variable's name when it is not set. */
export function parsePrivateIp(output: string): string | undefined {
  const value = output.trim();
  return isIPv4(value) ? value : undefined;
}
