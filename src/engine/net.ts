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
