/**
 * One validator per answer type, shared by the wizard's prompts, the answers file and the
 * engine, so a value is accepted in exactly the same cases everywhere.
 */
import type { AnswerType, AnswerValue, ChoiceOption } from './types.ts';
import { parseIPv4 } from './net.ts';

export type Validation =
  | { readonly ok: true; readonly value: AnswerValue }
  | { readonly ok: false; readonly reason: string };

const ok = (value: AnswerValue): Validation => ({ ok: true, value });
const refuse = (reason: string): Validation => ({ ok: false, reason });

/** Longest text accepted at any prompt: long enough for any host name or prefix list, short enough to stay harmless. */
export const MAX_ANSWER_LENGTH = 1024;

const IPV4_SHAPE = /^\d{1,3}(\.\d{1,3}){3}$/;
// RFC 1123 host names: labels of 1-63 letters, digits and hyphens, not starting or ending with a hyphen.
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

export function validateIp(text: string): Validation {
  const value = text.trim();
  if (IPV4_SHAPE.test(value) && value.split('.').some((part) => part.length > 1 && part.startsWith('0'))) {
    return refuse(`${show(value)} has a leading zero; write it without (e.g. 10.1.2.3)`);
  }
  if (!IPV4_SHAPE.test(value) || !parseIPv4(value)) return refuse(`${show(value)} is not an IPv4 address (expected four numbers 0-255, like 10.1.2.3)`);
  return ok(value);
}

export function validateCidr(text: string): Validation {
  const value = text.trim();
  const [address, length, extra] = value.split('/');
  if (extra !== undefined || length === undefined) return refuse(`${show(value)} is not an address range in CIDR form (expected e.g. 172.16.200.0/24)`);
  const ip = validateIp(address ?? '');
  if (!ip.ok) return refuse(`${show(value)} is not a valid range: ${ip.reason}`);
  if (!/^\d{1,2}$/.test(length) || Number(length) > 32) return refuse(`${show(value)} has prefix length /${length}; it must be a number from 0 to 32`);
  const parsed = parseIPv4(value);
  if (!parsed) return refuse(`${show(value)} is not an address range in CIDR form`);
  const network = parsed.startAddress().address;
  if (network !== address) return refuse(`${show(value)} has host bits set; the range starts at ${network}/${length}`);
  return ok(value);
}

export function validateCidrList(text: string): Validation {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0) return refuse('enter at least one address range, e.g. 172.16.200.0/24');
  const values: string[] = [];
  for (const part of parts) {
    const result = validateCidr(part);
    if (!result.ok) return result;
    values.push(result.value as string);
  }
  return ok(values);
}

/** Several IPv4 addresses in order (DNS servers), separated by commas or spaces. */
export function validateIpList(text: string): Validation {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0) return refuse('enter at least one IP address, e.g. 10.0.0.4');
  const values: string[] = [];
  for (const part of parts) {
    const result = validateIp(part);
    if (!result.ok) return result;
    values.push(result.value as string);
  }
  return ok(values);
}

export function validateHostname(text: string): Validation {
  const value = text.trim().replace(/\.$/, '');
  if (value.length === 0) return refuse('enter a host name such as db.contoso.local');
  if (IPV4_SHAPE.test(value)) return validateIp(value);
  if (value.length > 253) return refuse('a host name has at most 253 characters');
  const bad = value.split('.').find((label) => !HOST_LABEL.test(label));
  if (bad !== undefined) return refuse(`${show(value)} is not a valid host name (${bad === '' ? 'empty label' : `label ${show(bad)}`}: use letters, digits and hyphens)`);
  return ok(value.toLowerCase());
}

export function validatePort(text: string): Validation {
  const value = text.trim();
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) return refuse(`${show(value)} is not a TCP port (expected a number from 1 to 65535)`);
  return ok(Number(value));
}

/** Connection-string keys that name the server (SQL Server, ODBC, Npgsql, MySQL), and SQL Server's default port when none is named. */
const SERVER_KEYS = ['server', 'data source', 'address', 'addr', 'network address', 'host'];
const PORT_KEYS = ['port'];
const SQL_DEFAULT_PORT = 1433;

/**
 * host:port as customers give it: `host:port`, SQL's `host,port`, `tcp:host,port`, or a pasted
 * connection string (`Server=tcp:10.50.1.4,1433;Database=...`, `Host=db;Port=5432;...`), as
 * `host:port` text; undefined when the text is none of these.
 */
export function hostPortText(text: string): string | undefined {
  let value = text.trim();
  if (value.includes('=')) {
    const pairs = new Map(value.split(';').map((part) => part.split('=')).filter((pair) => pair.length >= 2)
      .map(([key, ...rest]) => [key!.trim().toLowerCase(), rest.join('=').trim()] as const));
    const server = SERVER_KEYS.map((key) => pairs.get(key)).find((found) => found !== undefined && found !== '');
    if (server === undefined) return undefined;
    const port = PORT_KEYS.map((key) => pairs.get(key)).find((found) => found !== undefined && found !== '');
    value = port === undefined ? server : `${server.replace(/^tcp:/i, '')},${port}`;
    // SQL Server's Server=host without a port means its default port.
    if (!/[,:]\s*\d+$/.test(value.replace(/^tcp:/i, ''))) value = `${value.replace(/^tcp:/i, '')},${SQL_DEFAULT_PORT}`;
  }
  value = value.replace(/^tcp:/i, '');
  const comma = /^([^,\s]+)\s*,\s*(\d+)$/.exec(value);
  return comma ? `${comma[1]}:${comma[2]}` : value;
}

export function validateHostPort(text: string): Validation {
  const taken = hostPortText(text);
  // A connection string is never echoed back: it may hold a password.
  if (taken === undefined) return refuse('the connection string names no server (Server=, Data Source= or Host=)');
  const value = taken;
  const colon = value.lastIndexOf(':');
  if (colon < 0) return refuse(`${show(value)} needs a port: write host:port (or host,port), e.g. db.contoso.local:1433`);
  const host = validateHostname(value.slice(0, colon));
  if (!host.ok) return host;
  const port = validatePort(value.slice(colon + 1));
  if (!port.ok) return port;
  return ok({ host: host.value as string, port: port.value as number });
}

export function validateNumber(text: string): Validation {
  const value = text.trim();
  if (!/^\d{1,9}$/.test(value)) return refuse(`${show(value)} is not a whole number`);
  return ok(Number(value));
}

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD: 2027-02-30 and month 13 are refused, not rolled over. */
export function validateDate(text: string): Validation {
  const value = text.trim();
  const parsed = DATE_SHAPE.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    return refuse(`${show(value)} is not a date in the form YYYY-MM-DD (e.g. 2027-03-31)`);
  }
  return ok(value);
}

export function validateYesNo(text: string): Validation {
  const value = text.trim().toLowerCase();
  if (['yes', 'y', 'true'].includes(value)) return ok(true);
  if (['no', 'n', 'false'].includes(value)) return ok(false);
  return refuse(`${show(text)} is not yes or no`);
}

export function validateChoice(text: string, options: readonly ChoiceOption[]): Validation {
  const value = text.trim();
  const match = options.find((option) => option.value === value);
  if (match) return ok(match.value);
  return refuse(`${show(value)} is not one of: ${options.map((option) => option.value).join(', ')}`);
}

export function validateText(text: string): Validation {
  const value = text.trim();
  if (value.length === 0) return refuse('enter some text, or choose "don\'t know"');
  return ok(value);
}

/** Validates text typed at a prompt (or read from an answers file) for the given answer type. */
export function validateAnswer(type: AnswerType, text: string, options: readonly ChoiceOption[] = []): Validation {
  if (text.length > MAX_ANSWER_LENGTH) return refuse(`the answer is ${text.length} characters long; at most ${MAX_ANSWER_LENGTH} are accepted`);
  switch (type) {
    case 'ip': return validateIp(text);
    case 'cidr': return validateCidr(text);
    case 'cidr-list': return validateCidrList(text);
    case 'ip-list': return validateIpList(text);
    case 'hostname': return validateHostname(text);
    case 'port': return validatePort(text);
    case 'host-port': return validateHostPort(text);
    case 'number': return validateNumber(text);
    case 'date': return validateDate(text);
    case 'yes-no': return validateYesNo(text);
    case 'choice': return validateChoice(text, options);
    case 'text': return validateText(text);
    // A pasted error text or tool transcript: taken as typed; the engine records what it says (error-text.ts).
    case 'error-text': return validateText(text);
  }
}

/** Validates an already-typed value (answers files, saved sessions) by its text form. */
export function validateAnswerValue(type: AnswerType, value: unknown, options: readonly ChoiceOption[] = []): Validation {
  if (value === null) return ok(null);
  if (type === 'yes-no' && typeof value === 'boolean') return ok(value);
  // Values from files are untrusted: only plain strings and numbers are turned into text.
  if (type === 'host-port' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { host, port } = value as Record<string, unknown>;
    if (typeof host !== 'string' || (typeof port !== 'number' && typeof port !== 'string')) return refuse('expected host and port, e.g. { host: db.contoso.local, port: 1433 }');
    return validateAnswer(type, `${host}:${port}`);
  }
  if ((type === 'cidr-list' || type === 'ip-list') && Array.isArray(value)) {
    if (!value.every((item) => typeof item === 'string')) return refuse(type === 'ip-list' ? 'expected a list of IP addresses such as 10.0.0.4' : 'expected a list of address ranges such as 10.0.0.0/24');
    return validateAnswer(type, value.join(','));
  }
  if (typeof value === 'string' || typeof value === 'number') return validateAnswer(type, String(value), options);
  return refuse(`expected a ${type} value, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

/** Quotes a value for an error message, with control characters made visible. */
function show(value: string): string {
  const clipped = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return /^[\x21-\x7e]+$/.test(clipped) ? clipped : JSON.stringify(clipped);
}
