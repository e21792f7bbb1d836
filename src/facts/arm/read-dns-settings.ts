/**
 * The one read of the app settings (POST sites/{app}/config/appsettings/list, only with
 * --read-dns-settings). Its body holds every app setting, secrets included, so it is handled
 * apart from every other ARM answer: the request guard keeps no sample of it, an error answer's
 * body is emptied before the SDK sees it, and whatever goes wrong is said by status and content
 * type alone. Of a good answer, only WEBSITE_DNS_SERVER and WEBSITE_DNS_ALT_SERVER are picked out
 * (map-dns-settings.ts) before anything is returned; the rest is dropped here.
 */
import { ArmGuardError, SecretAnswerError } from './guard-errors.ts';
import type { FactMap } from './fact-values.ts';
import { dnsSettingFacts } from './map-dns-settings.ts';
import { secretAnswer, type SecretAnswer } from './request-guard.ts';
import type { WebReads } from './web-client.ts';

export async function readDnsSettingFacts(web: WebReads, resourceGroup: string, name: string, abortSignal: AbortSignal, slot?: string): Promise<FactMap> {
  const seen: SecretAnswer = {};
  try {
    const list = () => (slot ? web.webApps.listApplicationSettingsSlot(resourceGroup, name, slot, { abortSignal }) : web.webApps.listApplicationSettings(resourceGroup, name, { abortSignal }));
    return await secretAnswer.run(seen, async () => dnsSettingFacts(name, (await list()).properties));
  } catch (error) {
    // The guard's own refusals (timeout, another host, too large) and aborts hold nothing of the body.
    if (error instanceof ArmGuardError || (error as Error)?.name === 'AbortError') throw error;
    // ARM's error answer or a model the SDK could not build from it: status and content type only.
    if (seen.status !== undefined) throw new SecretAnswerError(seen.status, seen.contentType, detailFor(seen.status));
    throw error;
  }
}

function detailFor(status: number): string | undefined {
  if (status >= 200 && status < 300) return 'that is not a settings list';
  if (status === 401 || status === 403) return 'to the settings read, which needs Microsoft.Web/sites/config/list/action (Website Contributor, for example)';
  return undefined;
}
