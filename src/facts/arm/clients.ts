/**
 * SDK clients for one ArmContext, created lazily (the SDKs load only when ARM is used) and
 * cached per subscription. Retries are the SDK's own policies (they honour Retry-After). Every
 * client built from clientOptions carries the request guard (request-guard.ts): the token goes
 * to the ARM endpoint only, every page has a deadline, answers are bounded.
 * App Service reads go through the SDK's modular API (web-client.ts: only the operations used
 * are bundled); the network SDK has no such entry points for its operation groups.
 */
import type { NetworkManagementClient } from '@azure/arm-network';
import type { HttpClient } from '@azure/core-rest-pipeline';
import type { ArmContext } from './context.ts';
import type { WebReads } from './web-client.ts';
import { armGuardPolicies } from './request-guard.ts';

export interface ArmClients {
  web(subscriptionId: string): Promise<WebReads>;
  network(subscriptionId: string): Promise<NetworkManagementClient>;
}

export function clientOptions(ctx: ArmContext) {
  const connection = connectionFor(ctx);
  return {
    endpoint: ctx.endpoint,
    credentials: { scopes: [ctx.scope] },
    retryOptions: ctx.retry,
    additionalPolicies: armGuardPolicies(ctx),
    httpClient: connection.httpClient,
    ...(connection.tlsOptions ? { tlsOptions: connection.tlsOptions } : {}),
  };
}

/**
 * One HTTP client (one keep-alive connection pool) for all clients of a context: each SDK client
 * would otherwise open its own TLS connection to the same endpoint. The SDK keys its agents by
 * the TLS options object, so that object is shared too. The transport loads with the first request.
 */
const connections = new WeakMap<ArmContext, { httpClient: HttpClient; tlsOptions?: { ca: string } }>();

function connectionFor(ctx: ArmContext) {
  let connection = connections.get(ctx);
  if (!connection) {
    let transport: Promise<HttpClient> | undefined;
    const httpClient: HttpClient = {
      async sendRequest(request) {
        transport ??= import('@azure/core-rest-pipeline').then(({ createDefaultHttpClient }) => createDefaultHttpClient());
        return (await transport).sendRequest(request);
      },
    };
    connection = { httpClient, ...(ctx.tlsCa ? { tlsOptions: { ca: ctx.tlsCa } } : {}) };
    connections.set(ctx, connection);
  }
  return connection;
}

export function createClients(ctx: ArmContext): ArmClients {
  const web = new Map<string, Promise<WebReads>>();
  const network = new Map<string, Promise<NetworkManagementClient>>();
  const cached = <T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    const normalised = key.toLowerCase();
    if (!cache.has(normalised)) cache.set(normalised, make());
    return cache.get(normalised)!;
  };
  return {
    web: (subscriptionId) => cached(web, subscriptionId, async () => {
      const { createWebReads } = await import('./web-client.ts');
      return createWebReads(ctx.credential, subscriptionId, clientOptions(ctx));
    }),
    network: (subscriptionId) => cached(network, subscriptionId, async () => {
      const { NetworkManagementClient } = await import('@azure/arm-network');
      return new NetworkManagementClient(ctx.credential, subscriptionId, clientOptions(ctx));
    }),
  };
}

/** Drains a paged list into an array, with an end (paging.ts). */
export { collect } from './paging.ts';
