/**
 * The error texts an engineer pastes, recognised as the documented causes they point at
 * (learn.microsoft.com/azure/app-service/configure-gateway-required-vnet-integration, troubleshooting;
 * FACTS.md "Documented error texts"), plus what tcpping and nameresolver print in the Kudu console.
 * Pure: the triage flow routes on the kind (`error.kind`), and the probe parser reads the same texts.
 */
import { parseNameresolver, parseTcpping } from './tool-output.ts';

export type ErrorKind =
  | 'socket-forbidden' | 'database-lookup' | 'legacy-cmak'
  | 'tcp-timeout' | 'tcp-refused' | 'tcp-unreachable' | 'name-not-found' | 'dns-timeout';

/** WSAEACCES from a socket the app opens to an address the tunnel does not route. */
export const SOCKET_FORBIDDEN = /an attempt was made to access a socket in a way forbidden by its access permissions/i;
/** WSANO_RECOVERY: the point-to-site tunnel cannot be built (pool outside RFC 1918, or IKEv2 on the gateway). */
export const DATABASE_LOOKUP = /non-recoverable error (?:occurred )?during a database lookup/i;
/** Connecting a VNet whose gateway has IKEv2 enabled. */
export const LEGACY_CMAK = /legacy cmak generation is not supported/i;

/** The kind of a pasted error text, or undefined when it is none vnet-doctor knows. */
export function recognizeError(text: string): ErrorKind | undefined {
  const input = text.slice(0, 20_000);
  if (SOCKET_FORBIDDEN.test(input)) return 'socket-forbidden';
  if (DATABASE_LOOKUP.test(input)) return 'database-lookup';
  if (LEGACY_CMAK.test(input)) return 'legacy-cmak';
  if (/\btcpping\b|^Connect(?:ing|ed) to\b|Complete:\s*\d+\/\d+/im.test(input)) {
    const tcp = parseTcpping(input);
    if (tcp === 'timeout') return 'tcp-timeout';
    if (tcp === 'refused') return 'tcp-refused';
    if (tcp === 'unreachable') return 'tcp-unreachable';
    if (tcp === 'no-name') return 'name-not-found';
  }
  if (/^\s*Server:|nameresolver/im.test(input)) {
    const dns = parseNameresolver(input);
    if (dns.outcome === 'not-found') return 'name-not-found';
    if (dns.outcome === 'timeout') return 'dns-timeout';
  }
  return undefined;
}
