/**
 * A scan's sentences, built from structured data only (which read, which resource, which status):
 * ARM's own words never reach them, so a redacted scan is redacted by replacing resource ids,
 * and every name in a sentence is one the scan knows.
 */
import { STATUS_CODES } from 'node:http';
import type { ScanError, ScanRead, ScanSubscription } from './scan-types.ts';

/** The last segment of a resource id (its name), or the text itself. */
export const nameOf = (id: string | null): string => (id === null ? '' : id.replace(/\/+$/, '').split('/').at(-1) ?? id);
export const groupOf = (id: string): string => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';
export const subscriptionOf = (id: string): string => /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';

const SUBJECTS: Readonly<Record<ScanRead, (resource: string) => string>> = {
  'resource-graph': () => 'Resource Graph',
  plans: (id) => `the plans of subscription ${subscriptionOf(id)}`,
  apps: (id) => `the apps of subscription ${subscriptionOf(id)}`,
  vnets: (id) => `the VNets of subscription ${subscriptionOf(id)}`,
  plan: (id) => `plan ${nameOf(id)}`,
  'plan-connections': (id) => `plan ${nameOf(id)}`,
  'app-connections': (id) => (/\/slots\/[^/]+$/i.test(id) ? `slot ${nameOf(id)} of app ${nameOf(id.replace(/\/slots\/[^/]+$/i, ''))}` : `app ${nameOf(id)}`),
  slots: (id) => `the slots of app ${nameOf(id)}`,
  'app-network-config': (id) => `the network configuration of app ${nameOf(id)}`,
  vnet: (id) => `VNet ${nameOf(id)}`,
  'peered-vnet': (id) => `peered VNet ${nameOf(id)}`,
  gateways: (id) => `the gateways of resource group ${groupOf(id)}`,
  gateway: (id) => `gateway ${nameOf(id)}`,
  connections: (id) => `the gateway connections of resource group ${groupOf(id)}`,
  'local-gateways': (id) => `the local network gateways of resource group ${groupOf(id)}`,
};

/** Why, in the tool's words. */
export function problemText(error: Pick<ScanError, 'problem' | 'status' | 'waitMs'>): string {
  switch (error.problem) {
    case 'status': return `ARM ${error.status ?? ''} ${STATUS_CODES[error.status ?? 0] ?? 'error'}`.replace('  ', ' ');
    case 'timeout': return 'ARM did not answer in time';
    case 'refused': return "ARM's answer was refused (another host, too large, or a list without end)";
    case 'unusable': return "ARM's answer could not be used";
    case 'network': return 'ARM could not be reached';
    case 'cut-short': return "the subscription's time bound ran out first";
    case 'quota': return `its quota asked for a wait of ${Math.ceil((error.waitMs ?? 0) / 1000)} s, longer than a scan waits`;
    case 'paging': return 'it handed out the same page again';
    case 'truncated': return 'it truncated the list';
  }
}

/** "plan asp-x could not be read: ARM 403 Forbidden". */
export function describeScanError(error: ScanError): string {
  const subject = SUBJECTS[error.read](error.resource);
  if (error.read === 'resource-graph') return `Resource Graph could not be used (${problemText(error)}); plans, apps and VNets were listed through ARM per subscription instead`;
  if (error.problem === 'cut-short') return `${subject} was not read: ${problemText(error)}`;
  return `${subject} could not be read: ${problemText(error)}`;
}

/** Why a subscription was not fully read, from its counts and its first error. */
export function subscriptionError(subscription: Pick<ScanSubscription, 'id' | 'status' | 'plansNotRead' | 'appsNotRead'>, errors: readonly ScanError[]): string | undefined {
  if (subscription.status === 'scanned') return undefined;
  const own = errors.filter((error) => error.read !== 'resource-graph' && subscriptionOf(error.resource).toLowerCase() === subscription.id.toLowerCase());
  const first = own.find((error) => error.problem !== 'cut-short') ?? own[0];
  const counts = [
    subscription.plansNotRead > 0 ? `${subscription.plansNotRead} plan(s) not read` : '',
    subscription.appsNotRead > 0 ? `${subscription.appsNotRead} app(s) not read` : '',
  ].filter(Boolean).join(', ');
  const parts = [
    subscription.status === 'cut-short' ? 'cut short by its time bound' : '',
    counts,
    first ? `${subscription.status === 'cut-short' || counts ? 'first: ' : ''}${describeScanError(first)}` : '',
  ].filter(Boolean);
  return parts.join('; ') || undefined;
}
