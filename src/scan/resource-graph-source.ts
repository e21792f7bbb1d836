/**
 * Lists whole resources of one type across subscriptions through Azure Resource Graph
 * (POST {arm}/providers/Microsoft.ResourceGraph/resources), page by page with $skipToken.
 * The query only selects by type: every other filter and join happens in TypeScript, so the
 * ARM list fallback (arm-list-source.ts) feeds exactly the same code.
 */
import { Agent } from 'node:https';
import type { ArmContext } from '../facts/arm/context.ts';
import { describeFailure } from '../facts/arm/call.ts';
import { QuotaGate, retryAfterMs } from './throttle.ts';

export const RESOURCE_GRAPH_PAGE_SIZE = 1000;
/** Retries of one page after a 429. */
const MAX_THROTTLED_RETRIES = 3;
/** A query that keeps handing out skip tokens beyond this is cut (a looping service). */
const MAX_PAGES = 500;

export interface RawResource {
  readonly id: string;
  readonly name?: string;
  readonly type?: string;
  readonly kind?: string;
  readonly location?: string;
  readonly sku?: unknown;
  readonly properties?: Record<string, unknown>;
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
}

/** Resource Graph could not be used (refused, missing, broken): the scan lists through ARM instead. */
export class ResourceGraphUnavailable extends Error {}

export interface ResourceGraphQuery {
  resources(type: string, subscriptions: readonly string[], onPage?: (count: number) => void): Promise<{ items: RawResource[]; truncated: boolean }>;
  readonly gate: QuotaGate;
}

export function typeQuery(type: string): string {
  if (!/^[a-z0-9.]+\/[a-z0-9./]+$/i.test(type)) throw new Error(`not a resource type: ${type}`);
  return `resources | where type =~ '${type.toLowerCase()}' | project id, name, type, kind, location, sku, properties, subscriptionId, resourceGroup`;
}

export async function resourceGraph(ctx: ArmContext): Promise<ResourceGraphQuery> {
  const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
  // The token is always asked for ARM's own scope, whatever scope the old SDK would derive.
  const credential = { getToken: (_scopes: string | string[], options?: { abortSignal?: AbortSignal }) => ctx.credential.getToken(ctx.scope, options) };
  const agent = new Agent({ keepAlive: true, maxSockets: 16, ...(ctx.tlsCa ? { ca: ctx.tlsCa } : {}) });
  const client = new ResourceGraphClient(credential as never, {
    baseUri: ctx.endpoint,
    noRetryPolicy: true,
    redirectOptions: { handleRedirects: false },
    agentSettings: { https: agent, http: agent as never },
  });
  const gate = new QuotaGate();

  const page = async (request: object): Promise<{ data: RawResource[]; skipToken?: string; truncated: boolean }> => {
    for (let attempt = 0; ; attempt += 1) {
      await gate.acquire(ctx.signal);
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, AbortSignal.timeout(ctx.timeoutMs)]) : AbortSignal.timeout(ctx.timeoutMs);
      try {
        const response = await client.resources(request as never, { abortSignal: signal as never });
        gate.observe(response._response.headers);
        gate.release();
        const data = Array.isArray(response.data) ? (response.data as RawResource[]).filter((item) => typeof item?.id === 'string') : [];
        return { data, skipToken: response.skipToken ?? undefined, truncated: String(response.resultTruncated) === 'true' };
      } catch (error) {
        if (ctx.signal?.aborted) throw error;
        const status = (error as { statusCode?: number }).statusCode;
        const headers = (error as { response?: { headers?: { get(name: string): string | undefined } } }).response?.headers;
        if (headers) gate.observe(headers);
        gate.release();
        if (status === 429 && attempt < MAX_THROTTLED_RETRIES) {
          gate.delay(headers ? retryAfterMs(headers) ?? 1000 : 1000);
          continue;
        }
        const timedOut = !ctx.signal?.aborted && signal.aborted;
        throw new ResourceGraphUnavailable(describeFailure(error, ctx.timeoutMs, timedOut).replace(/^ARM/, 'Resource Graph'));
      }
    }
  };

  return {
    gate,
    async resources(type, subscriptions, onPage) {
      const query = typeQuery(type);
      const items: RawResource[] = [];
      let skipToken: string | undefined;
      let truncated = false;
      for (let pages = 0; pages < MAX_PAGES; pages += 1) {
        const options = { top: RESOURCE_GRAPH_PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) };
        const got = await page({ subscriptions: [...subscriptions], query, options });
        items.push(...got.data);
        onPage?.(got.data.length);
        skipToken = got.skipToken;
        if (!skipToken) {
          truncated = got.truncated;
          return { items, truncated };
        }
      }
      throw new ResourceGraphUnavailable(`Resource Graph kept paging ${type} beyond ${MAX_PAGES} pages`);
    },
  };
}
