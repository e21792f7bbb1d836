/**
 * Random text at each validated prompt is accepted exactly when it is valid. Each validator is
 * compared with an oracle written here from the definitions (RFC 791 dotted quads, CIDR
 * without host bits, TCP ports 1-65535, RFC 1123 host names), sharing no code with src/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_ANSWER_LENGTH, validateAnswer } from '../../src/engine/answer-types.ts';
import { propertyRuns } from '../support/property-runs.ts';

const RUNS = { numRuns: propertyRuns(3000) };

const isDigits = (text: string, min: number, max: number) => text.length >= min && text.length <= max && [...text].every((c) => c >= '0' && c <= '9');

function oracleIp(raw: string): boolean {
  const parts = raw.trim().split('.');
  if (parts.length !== 4) return false;
  return parts.every((part) => isDigits(part, 1, 3) && Number(part) <= 255 && !(part.length > 1 && part[0] === '0'));
}

function oracleCidr(raw: string): boolean {
  const pieces = raw.trim().split('/');
  if (pieces.length !== 2) return false;
  const [address, length] = pieces as [string, string];
  if (!oracleIp(address) || !isDigits(length, 1, 2) || Number(length) > 32) return false;
  const value = address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const hostBits = 2 ** (32 - Number(length));
  return value % hostBits === 0;
}

function oraclePort(raw: string): boolean {
  const text = raw.trim();
  return isDigits(text, 1, 5) && Number(text) >= 1 && Number(text) <= 65535;
}

const isLabelChar = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-';

function oracleHostname(raw: string): boolean {
  let text = raw.trim();
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text.length === 0) return false;
  // A name made only of four digit groups is read as an address, as people mean it.
  const groups = text.split('.');
  if (groups.length === 4 && groups.every((group) => isDigits(group, 1, 3))) return oracleIp(text);
  if (text.length > 253) return false;
  return groups.every((label) => label.length >= 1 && label.length <= 63 && [...label].every(isLabelChar) && label[0] !== '-' && label.at(-1) !== '-');
}

const withinLimit = (oracle: (raw: string) => boolean) => (raw: string) => raw.length <= MAX_ANSWER_LENGTH && oracle(raw);

const padding = fc.constantFrom('', ' ', '\t', '\n', '\u00a0', '\u001b');
const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '007', '256', '', '1a', '-1', '+1', '٣'));
const dottedQuad = fc.oneof(fc.ipV4(), fc.array(octet, { minLength: 3, maxLength: 5 }).map((parts) => parts.join('.')));
const ipLike = fc.tuple(padding, dottedQuad, padding).map(([a, ip, b]) => a + ip + b);
const cidrLike = fc.tuple(padding, dottedQuad, fc.constantFrom('/', '//', '', '\\'), fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constantFrom('08', '', 'x', '032', '1/2')), padding)
  .map(([a, ip, slash, length, b]) => a + ip + slash + length + b);
// Aligned prefixes, so valid ranges come up often, not only by luck.
const alignedCidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([value, length]) => {
  const aligned = length === 0 ? 0 : value - (value % 2 ** (32 - length));
  return `${[24, 16, 8, 0].map((shift) => Math.floor(aligned / 2 ** shift) % 256).join('.')}/${length}`;
});
const portLike = fc.oneof(fc.integer({ min: -5, max: 70000 }).map(String), fc.constantFrom('0', '00080', '65535', '65536', '1e3', '0x50', ' 443 ', '443\n', '4 43', '٤٤٣'));
const labelChar = fc.constantFrom(...'abcxyzABZ0189-_.*é ñ'.split(''), '\u212a', '\u017f');
const label = fc.array(labelChar, { minLength: 0, maxLength: 70 }).map((chars) => chars.join(''));
const hostLike = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.')),
  fc.array(fc.constantFrom('a', 'b-c', 'x1'), { minLength: 60, maxLength: 130 }).map((labels) => labels.join('.')),
  fc.tuple(fc.stringMatching(/^[a-z0-9]{1,63}$/), fc.constantFrom('', '.', '..', '-')).map(([name, tail]) => name + tail),
  dottedQuad,
);
const longText = fc.integer({ min: MAX_ANSWER_LENGTH - 2, max: MAX_ANSWER_LENGTH + 2 }).map((n) => '1'.repeat(n));

function agrees(type: 'ip' | 'cidr' | 'port' | 'hostname', oracle: (raw: string) => boolean, inputs: fc.Arbitrary<string>) {
  fc.assert(fc.property(inputs, (raw) => {
    const result = validateAnswer(type, raw);
    assert.equal(result.ok, withinLimit(oracle)(raw), `${type} ${JSON.stringify(raw)}: ${result.ok ? 'accepted' : result.reason}`);
    if (!result.ok) assert.ok(result.reason.length > 0, 'a refusal says why');
  }), RUNS);
}

test('ip: accepted exactly when it is four decimal octets 0-255 without leading zeros', () => {
  agrees('ip', oracleIp, fc.oneof(ipLike, fc.ipV4(), fc.ipV4Extended(), fc.string(), fc.string({ unit: 'binary', maxLength: 20 })));
});

test('cidr: accepted exactly when the address is valid, the length is 0-32 and no host bits are set', () => {
  agrees('cidr', oracleCidr, fc.oneof(cidrLike, alignedCidr, fc.string()));
});

test('port: accepted exactly for whole numbers 1 to 65535', () => {
  agrees('port', oraclePort, fc.oneof(portLike, fc.string(), longText));
});

test('hostname: accepted exactly for RFC 1123 names of at most 253 characters (or a valid address)', () => {
  agrees('hostname', oracleHostname, fc.oneof(hostLike, fc.domain(), fc.ipV4(), fc.string(), fc.string({ unit: 'binary', maxLength: 30 })));
});

test('cidr-list: accepted exactly when every comma- or space-separated entry is a valid range', () => {
  fc.assert(fc.property(fc.array(fc.oneof(alignedCidr, cidrLike), { minLength: 0, maxLength: 5 }), fc.constantFrom(',', ' ', ', ', ',,'), (ranges, separator) => {
    const raw = ranges.join(separator);
    const entries = raw.split(/[,\s]+/).filter((entry) => entry !== '');
    const expected = raw.length <= MAX_ANSWER_LENGTH && entries.length > 0 && entries.every(oracleCidr);
    assert.equal(validateAnswer('cidr-list', raw).ok, expected, JSON.stringify(raw));
  }), RUNS);
});

test('no random input makes a validator throw, and accepted values are returned normalised', () => {
  const types = ['choice', 'yes-no', 'ip', 'cidr', 'cidr-list', 'ip-list', 'host-port', 'hostname', 'port', 'number', 'text'] as const;
  const options = [{ value: 'a', label: 'A', next: 'x' }, { value: 'b', label: 'B', next: 'y' }];
  fc.assert(fc.property(fc.constantFrom(...types), fc.oneof(fc.string(), fc.string({ unit: 'binary' }), ipLike, hostLike), (type, raw) => {
    const result = validateAnswer(type, raw, options);
    if (result.ok && typeof result.value === 'string') assert.equal(result.value, result.value.trim());
  }), RUNS);
});
