/**
 * Stable pseudonyms for redaction: the same value always gets the same token within one report
 * (`rg-1` means the same resource group in a fact, a step command and an ARM id), so a redacted
 * report still shows which things are the same. Private (RFC 1918) addresses, regions, ports and
 * product words are kept: they are the diagnosis, not the customer's identity.
 */
import { isRfc1918, parseIPv4 } from '../engine/net.ts';

export type PseudonymCategory = 'subscription' | 'guid' | 'rg' | 'resource' | 'host' | 'public-ip';

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
const GENERIC_NAMES = new Set(['default', 'gatewaysubnet', 'azurefirewallsubnet', 'azurefirewallmanagementsubnet', 'azurebastionsubnet', 'routeserversubnet']);

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SEGMENT = '[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?';
/** /subscriptions/{id}[/resourceGroups/{rg}][/providers/{namespace}/{type}/{name}[/{type}/{name}]...] */
const ARM_ID = `/subscriptions/${SEGMENT}(?:/resourceGroups/${SEGMENT})?(?:/providers/[A-Za-z0-9.]+(?:/${SEGMENT}/${SEGMENT})*)?`;
const TLDS = 'com|net|org|edu|gov|mil|int|local|localdomain|internal|corp|lan|home|intra|intranet|private|cloud|io|biz|info|us|uk|de|nl|fr|eu|ch|au|ca|jp|nz|ie|se|dk|fi|pl|ms';
const HOST = `(?<![A-Za-z0-9_.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?:${TLDS})(?![A-Za-z0-9_-])`;
const IPV4 = '(?<![0-9.])(?:\\d{1,3}\\.){3}\\d{1,3}(?:/\\d{1,2})?(?![0-9])(?!\\.\\d)';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Pseudonyms {
  private readonly tokens = new Map<string, string>();
  private readonly counters = new Map<PseudonymCategory, number>();
  private pattern: RegExp | undefined;

  /** Registers a value found in a structured place (an ARM id segment, a name fact); first category wins. */
  register(value: string, category: PseudonymCategory): string {
    const key = value.toLowerCase();
    if (GENERIC_NAMES.has(key)) return value;
    const known = this.tokens.get(key);
    if (known) return known;
    const next = (this.counters.get(category) ?? 0) + 1;
    this.counters.set(category, next);
    const token = `${category}-${next}`;
    this.tokens.set(key, token);
    this.pattern = undefined;
    return token;
  }

  /** Registers the names inside every ARM resource id in the text (first pass, before replacing). */
  registerArmIds(text: string): void {
    for (const match of text.matchAll(new RegExp(ARM_ID, 'gi'))) this.rewriteArmId(match[0]);
  }

  /** The text with every identifying value replaced by its token. */
  redact(text: string): string {
    this.pattern ??= this.buildPattern();
    return text.replace(this.pattern, (whole: string, armId?: string, host?: string, literal?: string, guid?: string, ip?: string) => {
      if (armId) return this.rewriteArmId(armId);
      if (host) return PUBLIC_HOSTS.has(host.toLowerCase()) ? host : this.register(host, 'host');
      if (literal) return this.tokens.get(literal.toLowerCase()) ?? literal;
      if (guid) return this.register(guid, 'guid');
      if (ip) return this.address(ip);
      return whole;
    });
  }

  /** One alternation, so each part of the text is replaced once and tokens are never re-scanned. */
  private buildPattern(): RegExp {
    const literals = [...this.tokens.keys()]
      .filter((value) => !new RegExp(`^${GUID}$`, 'i').test(value) && !parseIPv4(value))
      .sort((a, b) => b.length - a.length)
      .map((value) => `(?<![A-Za-z0-9_-])${escapeRegExp(value)}(?![A-Za-z0-9_-])`);
    const literal = literals.length > 0 ? `(${literals.join('|')})` : '((?!))';
    return new RegExp([`(${ARM_ID})`, `(${HOST})`, literal, `(\\b${GUID}\\b)`, `(${IPV4})`].join('|'), 'gi');
  }

  private address(text: string): string {
    const [address, length] = text.split('/');
    const parsed = parseIPv4(text);
    if (!parsed || !address) return text;
    if (isRfc1918(text) || KEPT_ADDRESS_BLOCKS.some((block) => parseIPv4(address)?.isInSubnet(parseIPv4(block)!))) return text;
    const token = this.register(address, 'public-ip');
    return length === undefined ? token : `${token}/${length}`;
  }

  private rewriteArmId(id: string): string {
    const parts = id.split('/');
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
    return out.join('/');
  }
}
