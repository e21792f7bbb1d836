/** Subscriptions and apps the signed-in user can see, for the wizard's interactive picker. */
import type { ArmContext } from './context.ts';
import { clientOptions, collect, createClients } from './clients.ts';
import { STATUS_CODES } from 'node:http';
import { ArmReadError, armRead } from './call.ts';
import { PageTrail } from './paging.ts';
import { parseResourceId } from './resource-id.ts';

const SUBSCRIPTIONS_API_VERSION = '2022-12-01';

/**
 * GET /subscriptions through the same pipeline (and request guard) as the SDK clients (there is
 * no SDK for it installed). A failure throws an Error whose message is the reason to show.
 */
export async function listSubscriptions(ctx: ArmContext): Promise<{ id: string; name: string }[]> {
  try {
    return await armRead(ctx, () => readSubscriptions(ctx));
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    throw new Error(`cannot list subscriptions: ${(error as Error).message}`);
  }
}

async function readSubscriptions(ctx: ArmContext): Promise<{ id: string; name: string }[]> {
  const { getClient } = await import('@azure-rest/core-client');
  const client = getClient(ctx.endpoint, ctx.credential, { ...clientOptions(ctx) });
  const found: { id: string; name: string }[] = [];
  const trail = new PageTrail(ctx.endpoint);
  let next: string | undefined = `${ctx.endpoint}/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`;
  while (next) {
    const response = await client.pathUnchecked(next).get({ abortSignal: ctx.signal });
    const body = (response.body ?? {}) as { value?: unknown; nextLink?: unknown; error?: { message?: unknown } };
    const status = Number(response.status);
    if (status < 200 || status >= 300) {
      const message = typeof body.error?.message === 'string' ? body.error.message.split('\n')[0]! : 'no message';
      throw new ArmReadError(`ARM ${status} ${STATUS_CODES[status] ?? 'error'}: ${message}`, status);
    }
    const items = Array.isArray(body.value) ? (body.value as { subscriptionId?: unknown; displayName?: unknown }[]) : [];
    for (const item of items) {
      if (typeof item?.subscriptionId !== 'string') continue;
      found.push({ id: item.subscriptionId, name: typeof item.displayName === 'string' ? item.displayName : item.subscriptionId });
    }
    next = typeof body.nextLink === 'string' && body.nextLink !== '' ? trail.follow(body.nextLink) : undefined;
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Gateway-required connections do not show in the app list: each app is asked, a few at a time. */
const CONNECTION_PROBES_AT_ONCE = 8;
/** Beyond this many apps the picker sorts by what the list shows and by name only. */
const CONNECTION_PROBE_LIMIT = 200;

export interface WebAppChoice {
  readonly id: string;
  readonly name: string;
  readonly resourceGroup: string;
  readonly hasVnetConnection: boolean;
}

/**
 * Web apps of a subscription; apps with a VNet connection first, then by name. The list shows
 * regional integration (`virtualNetworkSubnetId`, or the site config's VNet name when ARM includes
 * it); a gateway-required connection only shows in the app's own virtualNetworkConnections, so
 * Windows apps without either are asked (up to CONNECTION_PROBE_LIMIT). A failed probe leaves
 * the app unmarked rather than failing the list.
 */
export async function listWebApps(ctx: ArmContext, subscriptionId: string): Promise<WebAppChoice[]> {
  const web = await createClients(ctx).web(subscriptionId);
  let sites;
  try {
    sites = await armRead(ctx, (abortSignal) => collect(web.webApps.list({ abortSignal }), ctx.endpoint));
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    throw new Error(`cannot list the web apps: ${(error as Error).message}`);
  }
  const apps = sites
    .filter((site) => site.id)
    .map((site) => ({
      id: site.id!,
      name: site.name ?? parseResourceId(site.id)?.name ?? site.id!,
      resourceGroup: site.resourceGroup ?? parseResourceId(site.id)?.resourceGroup ?? '',
      hasVnetConnection: Boolean(site.virtualNetworkSubnetId) || Boolean(site.siteConfig?.vnetName),
      // Gateway-required integration exists for Windows apps only.
      windows: !/linux/i.test(site.kind ?? ''),
    }));
  const probe = apps.filter((app) => !app.hasVnetConnection && app.windows && app.resourceGroup !== '').slice(0, CONNECTION_PROBE_LIMIT);
  await inBatches(probe, CONNECTION_PROBES_AT_ONCE, async (app) => {
    try {
      const connections = await web.webApps.listVnetConnections(app.resourceGroup, app.name, { abortSignal: ctx.signal });
      app.hasVnetConnection = connections.length > 0;
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      // Unknown stays unmarked: the app is still listed and can be picked.
    }
  });
  return apps
    .map(({ windows: _windows, ...app }) => app)
    .sort((a, b) => Number(b.hasVnetConnection) - Number(a.hasVnetConnection) || a.name.localeCompare(b.name));
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let index = 0; index < items.length; index += size) await Promise.all(items.slice(index, index + size).map(run));
}
