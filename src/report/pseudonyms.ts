/**
 * Stable pseudonyms for redaction: the same value always gets the same token within one report
 * (`rg-1` means the same resource group in a fact, a step command and an ARM id), so a redacted
 * report still shows which things are the same. Private (RFC 1918) addresses, regions, ports and
 * product words are kept: they are the diagnosis, not the customer's identity.
 *
 * A learnt name is found in every form it can take in a text: as written, URL-encoded (an ARM
 * scope inside a URL), JSON-escaped (an ARM error body quoted in a message), in any letter case,
 * with Unicode letters, parentheses and periods as Azure allows them.
 */
import { isRfc1918, parseIPv4 } from '../engine/net.ts';

export type PseudonymCategory = 'subscription' | 'guid' | 'rg' | 'resource' | 'host' | 'public-ip' | 'email';

/**
 * Where a text comes from. 'outside' (ARM errors, provenance, answers) is searched for anything
 * that looks identifying; 'tool' (the flows' own titles, explanations and steps, with values filled
 * in) only for the values learnt from the report, so a constant such as "172.32.0.0 and above is
 * public space" is never rewritten.
 */
export type TextOrigin = 'outside' | 'tool';

/** Public Microsoft endpoints and DNS zones: not customer data, and useful in steps. */
const PUBLIC_HOSTS = new Set([
  'management.azure.com', 'portal.azure.com', 'login.microsoftonline.com', 'learn.microsoft.com', 'docs.microsoft.com', 'aka.ms',
  'management.usgovcloudapi.net', 'azurewebsites.net', 'scm.azurewebsites.net', 'database.windows.net', 'vault.azure.net',
]);

/**
 * Addresses that identify nobody: "this host", loopback, link-local, shared address space
 * (RFC 6598, not routable on the internet, and a typical wrong point-to-site pool), netmasks,
 * and Azure's platform DNS address 168.63.129.16, which DNS steps show for every customer.
 */
const KEPT_ADDRESS_BLOCKS = ['0.0.0.0/32', '127.0.0.0/8', '169.254.0.0/16', '100.64.0.0/10', '168.63.129.16/32', '255.0.0.0/8'] as const;

/** Names Azure requires or creates for everyone: they identify no customer, and hiding them hides meaning. */
const GENERIC_NAMES = new Set([
  'default', 'gatewaysubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'azurebastionsubnet', 'routeserversubnet',
  // the default rules of every NSG
  'allowvnetinbound', 'allowazureloadbalancerinbound', 'denyallinbound', 'allowvnetoutbound', 'allowinternetoutbound', 'denyalloutbound',
]);

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/**
 * An id segment as Azure names allow it: Unicode letters (with their combining marks) and digits,
 * _ . - ( ) (a trailing ")" or "." is trimmed below).
 */
const SEGMENT = '[\\p{L}\\p{N}_](?:[\\p{L}\\p{M}\\p{N}_.()-]*[\\p{L}\\p{M}\\p{N}_()-])?';
/** /subscriptions/{id}[/resourceGroups/{rg}][/providers/{namespace}/{type}/{name}[/{type}/{name}]...] */
const ARM_ID = `/subscriptions/${SEGMENT}(?:/resourceGroups/${SEGMENT})?(?:/providers/[A-Za-z0-9.]+(?:/${SEGMENT}/${SEGMENT})*)?`;
const TLDS = 'com|net|org|edu|gov|mil|int|local|localdomain|internal|corp|lan|home|intra|intranet|private|cloud|io|biz|info|us|uk|de|nl|fr|eu|ch|au|ca|jp|nz|ie|se|dk|fi|pl|ms';
const HOST = `(?<![\\p{L}\\p{N}_.-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+(?:${TLDS})(?![\\p{L}\\p{N}_-])`;
const EMAIL = `(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}]{2,}(?![\\p{L}\\p{N}_-])`;
const IPV4 = '(?<![0-9.])(?:\\d{1,3}\\.){3}\\d{1,3}(?:/\\d{1,2})?(?![0-9])(?!\\.\\d)';
/** Name boundaries: no name character next to it, except as part of a %XX or \uXXXX escape before or after. */
const BEFORE = '(?:(?<![\\p{L}\\p{M}\\p{N}_-])|(?<=%[0-9A-Fa-f]{2})|(?<=\\\\u[0-9A-Fa-f]{4}))';
const AFTER = '(?:(?![\\p{L}\\p{M}\\p{N}_-])|(?=%[0-9A-Fa-f]{2})|(?=\\\\u[0-9A-Fa-f]{4}))';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A name as a JSON string holds it when everything outside ASCII is written \uXXXX. */
const jsonEscaped = (text: string) => text.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The forms a name can take in a text: as written, URL-encoded, JSON-escaped. */
function forms(value: string): string[] {
  const all = new Set([value, encodeURIComponent(value), jsonEscaped(value), jsonEscaped(value).replace(/\\u([0-9a-f]{4})/g, (_m, hex: string) => `\\u${hex.toUpperCase()}`)]);
  return [...all];
}

/** The text with its URL-encoded runs decoded and JSON escapes (\/ and \uXXXX) undone: for learning names only. */
export function plainForms(text: string): string[] {
  // JSON escapes, also when JSON was quoted in JSON again (\\/ and \\\\/).
  const unjson = text.replace(/\\+\//g, '/').replace(/\\+u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const decoded = unjson.replace(/(?:[^\s%]|%[0-9A-Fa-f]{2})*%[0-9A-Fa-f]{2}(?:[^\s%]|%[0-9A-Fa-f]{2})*/g, (run) => {
    try { return decodeURIComponent(run); } catch { return run; }
  });
  return [...new Set([text, unjson, decoded])];
}

/** An id segment matched up to a ")" or "." that belongs to the sentence around it, not to the name. */
export function splitTrailing(segment: string): [string, string] {
  let name = segment;
  let tail = '';
  for (;;) {
    if (name.endsWith('.')) { tail = `.${tail}`; name = name.slice(0, -1); continue; }
    if (name.endsWith(')') && (name.match(/\(/g)?.length ?? 0) < (name.match(/\)/g)?.length ?? 0)) { tail = `)${tail}`; name = name.slice(0, -1); continue; }
    return [name, tail];
  }
}

export class Pseudonyms {
  private readonly tokens = new Map<string, string>();
  private readonly counters = new Map<PseudonymCategory, number>();
  /** Public addresses and ranges exactly as learnt from values (replaced in the tool's own texts too). */
  private readonly learntAddresses = new Set<string>();
  /** Names read from the tool's sentences only (see register). */
  private readonly outsideOnly = new Set<string>();
  private readonly patterns = new Map<TextOrigin, RegExp>();

  /**
   * Registers a value found in a structured place (an ARM id segment, a name fact); first category
   * wins. `scope` 'outside' limits a name read from a sentence to the texts it can come from.
   */
  register(value: string, category: PseudonymCategory, scope: TextOrigin | 'all' = 'all'): string {
    const key = value.toLowerCase();
    if (GENERIC_NAMES.has(key)) return value;
    if (scope === 'all' && this.outsideOnly.delete(key)) this.patterns.clear();
    const known = this.tokens.get(key);
    if (known) return known;
    if (scope === 'outside') this.outsideOnly.add(key);
    const next = (this.counters.get(category) ?? 0) + 1;
    this.counters.set(category, next);
    const token = `${category}-${next}`;
    this.tokens.set(key, token);
    this.patterns.clear();
    return token;
  }

  /** Registers a public address or range from a value, so the tool's own texts lose it too. */
  registerAddress(text: string): void {
    const parsed = parseIPv4(text);
    if (!parsed || this.keptAddress(text)) return;
    this.learntAddresses.add(text);
    this.address(text, 'outside');
  }

  /** Registers the names inside every ARM resource id in the text, in any of its encoded forms. */
  registerArmIds(text: string): void {
    for (const form of plainForms(text)) {
      for (const match of form.matchAll(new RegExp(ARM_ID, 'giu'))) this.rewriteArmId(match[0]);
    }
  }

  /** A resource id with each of its names replaced, read by position (no pattern: any name Azure allows). */
  pseudonymousId(id: string): string {
    return this.rewriteArmId(id);
  }

  /** The text with every identifying value replaced by its token. */
  redact(text: string, origin: TextOrigin = 'outside'): string {
    let pattern = this.patterns.get(origin);
    if (!pattern) { pattern = this.buildPattern(origin); this.patterns.set(origin, pattern); }
    return text.replace(pattern, (whole: string, email?: string, armId?: string, literal?: string, host?: string, guid?: string, ip?: string) => {
      if (email) return this.register(email, 'email');
      if (armId) return this.rewriteArmId(armId);
      if (literal) return this.tokens.get(this.literalKey(literal)) ?? literal;
      if (host) return origin === 'tool' || PUBLIC_HOSTS.has(host.toLowerCase()) ? host : this.register(host, 'host');
      if (guid) return this.register(guid, 'guid');
      if (ip) return this.address(ip, origin);
      return whole;
    });
  }

  /** The key a matched literal was registered under, whichever form (encoded, escaped) it was found in. */
  private literalKey(found: string): string {
    const lower = found.toLowerCase();
    if (this.tokens.has(lower)) return lower;
    for (const plain of plainForms(found)) if (this.tokens.has(plain.toLowerCase())) return plain.toLowerCase();
    return lower;
  }

  /** One alternation, so each part of the text is replaced once and tokens are never re-scanned. */
  private buildPattern(origin: TextOrigin): RegExp {
    const literals = [...this.tokens.keys()]
      .filter((value) => !new RegExp(`^${GUID}$`, 'i').test(value) && !parseIPv4(value))
      .filter((value) => origin === 'outside' || !this.outsideOnly.has(value))
      .flatMap(forms)
      .sort((a, b) => b.length - a.length)
      .map((value) => `${BEFORE}${escapeRegExp(value)}${AFTER}`);
    const literal = literals.length > 0 ? `(${literals.join('|')})` : '((?!))';
    return new RegExp([`(${EMAIL})`, `(${ARM_ID})`, literal, `(${HOST})`, `(${BEFORE}${GUID}${AFTER})`, `(${IPV4})`].join('|'), 'giu');
  }

  private keptAddress(text: string): boolean {
    const [address] = text.split('/');
    return isRfc1918(text) || KEPT_ADDRESS_BLOCKS.some((block) => parseIPv4(address!)?.isInSubnet(parseIPv4(block)!) === true);
  }

  private address(text: string, origin: TextOrigin): string {
    const [address, length] = text.split('/');
    const parsed = parseIPv4(text);
    if (!parsed || !address || this.keptAddress(text)) return text;
    if (origin === 'tool' && !this.learntAddresses.has(text)) return text;
    const token = this.register(address, 'public-ip');
    return length === undefined ? token : `${token}/${length}`;
  }

  private rewriteArmId(id: string): string {
    const [body, tail] = splitTrailing(id);
    const parts = body.split('/');
    // parts: '', 'subscriptions', {sub}, 'resourceGroups', {rg}, 'providers', {ns}, {type}, {name}, ...
    const out = [...parts];
    for (let index = 1; index < parts.length; index += 1) {
      const label = parts[index - 1]!.toLowerCase();
      const value = parts[index]!;
      if (label === 'subscriptions' && index === 2) out[index] = this.register(value, 'subscription');
      else if (label === 'resourcegroups' && index === 4) out[index] = this.register(value, 'rg');
    }
    const providers = parts.findIndex((part) => part.toLowerCase() === 'providers');
    if (providers > 0) {
      for (let index = providers + 3; index < parts.length; index += 2) out[index] = this.register(parts[index]!, 'resource');
    }
    return out.join('/') + tail;
  }
}
