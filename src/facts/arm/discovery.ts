/** Subscriptions and apps the signed-in user can see, for the wizard's interactive picker. */
import type { ArmContext } from './context.ts';
import { clientOptions, collect, createClients } from './clients.ts';
import { parseResourceId } from './resource-id.ts';

const SUBSCRIPTIONS_API_VERSION = '2022-12-01';

/** GET /subscriptions through the same pipeline as the SDK clients (there is no SDK for it installed). */
export async function listSubscriptions(ctx: ArmContext): Promise<{ id: string; name: string }[]> {
  const { getClient } = await import('@azure-rest/core-client');
  const client = getClient(ctx.endpoint, ctx.credential, { ...clientOptions(ctx) });
  const found: { id: string; name: string }[] = [];
  let next: string | undefined = `/subscriptions?api-version=${SUBSCRIPTIONS_API_VERSION}`;
  while (next) {
    const response = await client.pathUnchecked(next.replace(ctx.endpoint, '')).get({ abortSignal: signal(ctx) });
    if (!/^2/.test(String(response.status))) throw new Error(`ARM ${response.status} listing subscriptions`);
    const body = response.body as { value?: { subscriptionId?: string; displayName?: string }[]; nextLink?: string };
    for (const item of body.value ?? []) if (item.subscriptionId) found.push({ id: item.subscriptionId, name: item.displayName ?? item.subscriptionId });
    next = body.nextLink;
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Web apps of a subscription; apps with a VNet connection first, then by name. The list shows
 * regional integration (`virtualNetworkSubnetId`) and, when ARM includes the site config, the
 * gateway-required VNet name; reading every app's connections would cost a call per app.
 */
export async function listWebApps(ctx: ArmContext, subscriptionId: string): Promise<{ id: string; name: string; resourceGroup: string; hasVnetConnection: boolean }[]> {
  const web = await createClients(ctx).web(subscriptionId);
  const sites = await collect(web.webApps.list({ abortSignal: signal(ctx) }));
  return sites
    .filter((site) => site.id)
    .map((site) => ({
      id: site.id!,
      name: site.name ?? parseResourceId(site.id)?.name ?? site.id!,
      resourceGroup: site.resourceGroup ?? parseResourceId(site.id)?.resourceGroup ?? '',
      hasVnetConnection: Boolean(site.virtualNetworkSubnetId) || Boolean(site.siteConfig?.vnetName),
    }))
    .sort((a, b) => Number(b.hasVnetConnection) - Number(a.hasVnetConnection) || a.name.localeCompare(b.name));
}

const signal = (ctx: ArmContext) => (ctx.signal ? AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.timeoutMs)]) : AbortSignal.timeout(ctx.timeoutMs));
