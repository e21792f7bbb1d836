/**
 * A minimal DER encoder for self-signed X.509 v3 certificates (ECDSA P-256, SHA-256). Node can
 * sign but has no certificate builder, and one small encoder beats a dependency: the emulator
 * needs a TLS certificate at start-up, and scenarios need public test certificates with chosen
 * expiry dates.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

const tlv = (tag: number, body: Buffer): Buffer => {
  const length = body.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else if (length < 0x100) header = Buffer.from([tag, 0x81, length]);
  else if (length < 0x10000) header = Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  else throw new Error('DER value too long for this encoder');
  return Buffer.concat([header, body]);
};

const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const octetString = (body: Buffer) => tlv(0x04, body);
const bitString = (body: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), body]));
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const explicit = (tag: number, body: Buffer) => tlv(0xa0 + tag, body);
const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));

/** A positive INTEGER from big-endian bytes (leading zero added when the top bit is set). */
const integer = (bytes: Buffer): Buffer => {
  let body = bytes;
  while (body.length > 1 && body[0] === 0 && body[1]! < 0x80) body = body.subarray(1);
  if (body[0]! >= 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return tlv(0x02, body);
};

const oid = (dotted: string): Buffer => {
  const parts = dotted.split('.').map(Number);
  const bytes = [parts[0]! * 40 + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    for (let rest = part >> 7; rest > 0; rest >>= 7) chunk.unshift((rest & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
};

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 section 4.1.2.5). */
const time = (date: Date): Buffer => {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'ascii')) : tlv(0x18, Buffer.from(iso, 'ascii'));
};

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const COMMON_NAME = '2.5.4.3';

export interface CertificateOptions {
  readonly commonName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Subject alternative names for a TLS server certificate. */
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
}

export interface SelfSignedCertificate {
  /** PEM certificate (public). */
  readonly cert: string;
  readonly der: Buffer;
  readonly privateKey: KeyObject;
}

function extensions(options: CertificateOptions): Buffer {
  const items = [
    // basicConstraints (critical): a self-signed trust anchor.
    sequence(oid('2.5.29.19'), boolean(true), octetString(sequence(boolean(true)))),
    // keyUsage: digitalSignature + keyCertSign.
    sequence(oid('2.5.29.15'), boolean(true), octetString(tlv(0x03, Buffer.from([0x02, 0x84])))),
  ];
  const names = [
    ...(options.dnsNames ?? []).map((name) => tlv(0x82, Buffer.from(name, 'ascii'))),
    ...(options.ipAddresses ?? []).map((ip) => tlv(0x87, Buffer.from(ip.split('.').map(Number)))),
  ];
  if (names.length > 0) items.push(sequence(oid('2.5.29.17'), octetString(sequence(...names))));
  return explicit(3, sequence(...items));
}

/** Creates a key pair and a certificate signed by it. The private key never leaves the process. */
export function createSelfSignedCertificate(options: CertificateOptions): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = sequence(set(sequence(oid(COMMON_NAME), utf8(options.commonName))));
  const algorithm = sequence(oid(ECDSA_WITH_SHA256));
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name,
    sequence(time(options.notBefore), time(options.notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions(options),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  const base64 = der.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd();
  return { cert: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`, der, privateKey };
}
