/**
 * WEBSITE_DNS_SERVER replaces the VNet's DNS servers for the app; WEBSITE_DNS_ALT_SERVER is asked
 * after them as a fallback (FACTS.md, "Name resolution over point-to-site"). ARM has no call for two settings: the only
 * read (POST sites/{app}/config/appsettings/list) returns every app setting, secrets included.
 * So it runs only when the engineer allows it (--read-dns-settings), and this is the one place
 * its answer is touched: the two keys are copied out and the rest is never stored, logged or
 * passed on.
 */
import { isIPv4 } from 'node:net';
import { armFact, type FactMap } from './fact-values.ts';

export const DNS_SETTING_NAMES = ['WEBSITE_DNS_SERVER', 'WEBSITE_DNS_ALT_SERVER'] as const;

/** The two DNS settings of a full settings list (names compared as App Service does: case-insensitively). */
export function dnsSettingsOnly(properties: unknown): Partial<Record<(typeof DNS_SETTING_NAMES)[number], string>> {
  const kept: Partial<Record<(typeof DNS_SETTING_NAMES)[number], string>> = {};
  if (typeof properties !== 'object' || properties === null) return kept;
  for (const [name, value] of Object.entries(properties)) {
    const known = DNS_SETTING_NAMES.find((setting) => setting.toLowerCase() === name.toLowerCase());
    if (known && typeof value === 'string' && value.trim() !== '') kept[known] = value.trim();
  }
  return kept;
}

/**
 * `app.dnsOverride`: WEBSITE_DNS_SERVER is set, which replaces the VNet's servers. WEBSITE_DNS_ALT_SERVER
 * does not replace them: it is appended after the app's servers as a fallback (`app.settingDnsAltServer`).
 * `app.settingDnsServers` lists the addresses of both, in the order the app asks them. A value that is
 * not an IPv4 address is not repeated: it is said to be set, not what it holds.
 * learn.microsoft.com/azure/app-service/overview-name-resolution
 */
export function dnsSettingFacts(app: string, properties: unknown): FactMap {
  const kept = dnsSettingsOnly(properties);
  const names = DNS_SETTING_NAMES.filter((name) => kept[name] !== undefined);
  const facts: FactMap = {};
  const detail = names.length > 0 ? `app ${app} settings ${names.join(', ')}` : `app ${app} settings (neither ${DNS_SETTING_NAMES.join(' nor ')} is set)`;
  facts['app.dnsOverride'] = armFact(kept.WEBSITE_DNS_SERVER !== undefined, detail);
  const servers = names.map((name) => kept[name]!).filter((value) => isIPv4(value));
  if (servers.length > 0) facts['app.settingDnsServers'] = armFact(servers, detail);
  const alt = kept.WEBSITE_DNS_ALT_SERVER;
  if (alt !== undefined && isIPv4(alt)) facts['app.settingDnsAltServer'] = armFact(alt, detail);
  return facts;
}
