/**
 * Lists whole resources of one type across subscriptions through Azure Resource Graph
 * (POST {arm}/providers/Microsoft.ResourceGraph/resources), page by page with $skipToken.
 * The query only selects by type: every other filter and join happens in TypeScript, so the
 * ARM list fallback (arm-list-source.ts) feeds exactly the same code.
 */
import { STATUS_CODES } from 'node:http';
import type { QueryRequest, QueryRequestOptions } from '@azure/arm-resourcegraph/esm/models/index.js';
import type { ArmContext } from '../facts/arm/context.ts';
import { maskKnownSecrets } from '../text/secrets.ts';
import { clientOptions } from '../facts/arm/clients.ts';
import { failureOf, type ReadFailure } from './scan-read.ts';
import type { ScanError } from './scan-types.ts';
import { QuotaGate, QuotaWaitTooLong, retryAfterMs } from './throttle.ts';
import { PRIORITY, type RequestSlots } from './pool.ts';

export const RESOURCE_GRAPH_PAGE_SIZE = 1000;
/** The Resource Graph API version @azure/arm-resourcegraph 4.x speaks. */
const API_VERSION = '2021-03-01';
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

/** Resource Graph could not be used (refused, missing, broken, throttled for long): the scan lists through ARM instead. */
export class ResourceGraphUnavailable extends Error {
  constructor(readonly failure: ReadFailure & Pick<ScanError, 'waitMs'>) {
    super(`Resource Graph could not be used: ${failure.problem}${failure.status ? ` ${failure.status}` : ''}`);
  }
}

/** QueryRequest as sent on the wire (the SDK's serializer names the paging options with a $). */
function wireRequest(request: QueryRequest): object {
  const options = request.options ?? {};
  return {
    subscriptions: request.subscriptions, query: request.query,
    options: { $top: options.top, ...(options.skipToken ? { $skipToken: options.skipToken } : {}), resultFormat: options.resultFormat },
  };
}

export interface ResourceGraphQuery {
  /**
   * Every resource of the type, each passed through `keep` as its page arrives and handed to
   * `onPage` with the page; kept in `items` too unless `stream` (the caller holds what it needs).
   */
  resources<T = RawResource>(type: string, subscriptions: readonly string[], onPage?: (count: number, page: readonly T[]) => void, keep?: (item: RawResource) => T, stream?: boolean): Promise<{ items: T[]; truncated: boolean }>;
  readonly gate: QuotaGate;
}

export function typeQuery(type: string): string {
  if (!/^[a-z0-9.]+\/[a-z0-9./]+$/i.test(type)) throw new Error(`not a resource type: ${type}`);
  return `resources | where type =~ '${type.toLowerCase()}' | project id, name, type, kind, location, sku, properties, subscriptionId, resourceGroup`;
}

export async function resourceGraph(ctx: ArmContext, onWait?: (ms: number) => void, slots?: RequestSlots): Promise<ResourceGraphQuery> {
  // The same pipeline as every other ARM call (clientOptions: endpoint guard, TLS trust, retries
  // that honour Retry-After). @azure/arm-resourcegraph supplies the request and response types;
  // its own runtime (the older ms-rest-js stack, ~700 KB) is not bundled.
  const { getClient } = await import('@azure-rest/core-client');
  const client = getClient(ctx.endpoint, ctx.credential, { ...clientOptions(ctx) });
  const gate = new QuotaGate(undefined, onWait);

  const page = async (request: QueryRequest): Promise<{ data: RawResource[]; skipToken?: string; truncated: boolean }> => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await gate.acquire(ctx.signal);
      } catch (error) {
        if (error instanceof QuotaWaitTooLong) throw new ResourceGraphUnavailable({ problem: 'quota', waitMs: Math.ceil(error.waitMs) });
        throw error;
      }
      // A page takes a slot of the scan's shared pool (first in line: every read waits on the listing).
      if (slots && !(await slots.acquire(PRIORITY.listing, [ctx.signal]))) {
        gate.release();
        throw ctx.signal?.reason ?? new Error('aborted');
      }
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), ctx.timeoutMs);
      const signal = ctx.signal ? AbortSignal.any([ctx.signal, deadline.signal]) : deadline.signal;
      let response;
      try {
        response = await client.pathUnchecked(`/providers/Microsoft.ResourceGraph/resources?api-version=${API_VERSION}`).post({ body: wireRequest(request), abortSignal: signal });
      } catch (error) {
        gate.release();
        if (ctx.signal?.aborted) throw error;
        throw new ResourceGraphUnavailable(failureOf(error, ctx.timeoutMs, deadline.signal.aborted));
      } finally {
        clearTimeout(timer);
        slots?.release();
      }
      const headers = { get: (name: string) => response.headers[name.toLowerCase()] };
      gate.observe(headers);
      gate.release();
      const status = Number(response.status);
      if (status === 429 && attempt < MAX_THROTTLED_RETRIES) {
        gate.delay(retryAfterMs(headers) ?? 1000);
        continue;
      }
      if (status < 200 || status > 299) {
        const message = (response.body as { error?: { message?: unknown } } | undefined)?.error?.message;
        const text = typeof message === 'string' ? message.split('\n')[0]!.slice(0, 300) : 'no error message';
        throw new ResourceGraphUnavailable({ problem: 'status', status, detail: maskKnownSecrets(`Resource Graph ${status} ${STATUS_CODES[status] ?? 'error'}: ${text}`) });
      }
      const body = response.body as { data?: unknown; $skipToken?: unknown; resultTruncated?: unknown } | undefined;
      const data = Array.isArray(body?.data) ? (body.data as RawResource[]).filter((item) => typeof item?.id === 'string') : [];
      return { data, skipToken: typeof body?.$skipToken === 'string' ? body.$skipToken : undefined, truncated: String(body?.resultTruncated) === 'true' };
    }
  };

  return {
    gate,
    async resources<T>(type: string, subscriptions: readonly string[], onPage?: (count: number, page: readonly T[]) => void, keep: (item: RawResource) => T = (item) => item as T, stream = false) {
      const query = typeQuery(type);
      const items: T[] = [];
      let skipToken: string | undefined;
      let truncated = false;
      // A service that hands out a token again would send the same pages for ever: the list ends at once.
      const seen = new Set<string>();
      for (let pages = 0; pages < MAX_PAGES; pages += 1) {
        const options: QueryRequestOptions = { top: RESOURCE_GRAPH_PAGE_SIZE, resultFormat: 'objectArray', ...(skipToken ? { skipToken } : {}) };
        const got = await page({ subscriptions: [...subscriptions], query, options });
        const kept = got.data.map(keep);
        if (!stream) items.push(...kept);
        onPage?.(kept.length, kept);
        skipToken = got.skipToken;
        if (!skipToken) {
          truncated = got.truncated;
          return { items, truncated };
        }
        if (seen.has(skipToken)) throw new ResourceGraphUnavailable({ problem: 'paging', detail: `the same $skipToken twice for ${type}` });
        seen.add(skipToken);
      }
      throw new ResourceGraphUnavailable({ problem: 'paging', detail: `more than ${MAX_PAGES} pages of ${type}` });
    },
  };
}
