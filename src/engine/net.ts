/**
 * IPv4 address maths for the checks the source document asks for (RFC 1918 membership of the
 * point-to-site pool, "is this target inside that VNet"). Built on `ip-address` so the boundary
 * cases (172.32.0.0/16 is outside 172.16.0.0/12) come from a tested library, not string tricks.
 */
import { Address4 } from 'ip-address';

/** RFC 1918 private address blocks (RFC 1918 section 3). */
export const RFC1918_BLOCKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;

// Built on first use: the library then initialises only when an address is checked, not at start-up.
let rfc1918: readonly Address4[] | undefined;
const rfc1918Blocks = (): readonly Address4[] => (rfc1918 ??= RFC1918_BLOCKS.map((block) => new Address4(block)));

/** Parses an address or prefix, or returns undefined. Bare addresses count as /32. */
export function parseIPv4(text: string): Address4 | undefined {
  if (!Address4.isValid(text)) return undefined;
  try {
    return new Address4(text);
  } catch {
    return undefined;
  }
}

/** True when every address of the prefix lies inside one RFC 1918 block. */
export function isRfc1918(prefix: string): boolean | undefined {
  const address = parseIPv4(prefix);
  if (!address) return undefined;
  return rfc1918Blocks().some((block) => address.isInSubnet(block));
}

/** True when `inner` (address or prefix) lies entirely inside `outer`. */
export function isWithin(inner: string, outer: string): boolean | undefined {
  const a = parseIPv4(inner);
  const b = parseIPv4(outer);
  if (!a || !b) return undefined;
  return a.isInSubnet(b);
}

/** True when the two prefixes share at least one address. */
export function overlaps(a: string, b: string): boolean | undefined {
  const x = parseIPv4(a);
  const y = parseIPv4(b);
  if (!x || !y) return undefined;
  return x.isInSubnet(y) || y.isInSubnet(x);
}

/** An IPv4 prefix as the numbers of its first and last address, or undefined. */
function rangeOf(prefix: string): { readonly first: number; readonly last: number } | undefined {
  const address = parseIPv4(prefix);
  if (!address) return undefined;
  const toNumber = (dotted: string) => dotted.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
  return { first: toNumber(address.startAddress().correctForm()), last: toNumber(address.endAddress().correctForm()) };
}

const dotted = (value: number): string => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');

/**
 * The first /`length` block inside `space` that overlaps none of `taken` (the VNet's subnets),
 * or undefined when there is none. Walks from taken range to taken range, so a /8 costs no more
 * than its subnets.
 */
export function firstFreeBlock(space: readonly string[], taken: readonly string[], length: number): string | undefined {
  if (!Number.isInteger(length) || length < 8 || length > 30) return undefined;
  const size = 2 ** (32 - length);
  const used = taken.map(rangeOf).filter((range) => range !== undefined).sort((a, b) => a.first - b.first);
  for (const prefix of space) {
    const outer = rangeOf(prefix);
    if (!outer || outer.last - outer.first + 1 < size) continue;
    let start = Math.ceil(outer.first / size) * size;
    while (start + size - 1 <= outer.last) {
      const end = start + size - 1;
      const clash = used.find((range) => range.first <= end && range.last >= start);
      if (!clash) return `${dotted(start)}/${length}`;
      start = Math.ceil((clash.last + 1) / size) * size;
    }
  }
  return undefined;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** A dotted IPv4 address, nothing else (no prefix length, no spaces, no leading zeros). */
export const isIPv4 = (value: string): boolean => IPV4.test(value);
