/**
 * The emulator's Azure Resource Graph: POST /providers/Microsoft.ResourceGraph/resources with a
 * query that selects one resource type (`resources | where type =~ '<type>' | project ...`),
 * answered from the scenario's top-level resources of the requested subscriptions, a page at a
 * time ($top, $skipToken, resultTruncated), with the per-user quota headers. Anything else in
 * the query is refused, as the scan never sends it.
 */
import type { IncomingMessage } from 'node:http';
import type { Scenario, ScenarioResource } from './scenarios.ts';

export interface ResourceGraphOptions {
  /** Rows per page when the request asks for more (Resource Graph's own cap is 1000). */
  readonly maxPageSize?: number;
  /** Queries allowed per quota window (default 15, as Resource Graph's per-user default). */
  readonly quota?: number;
  /** Length of the quota window in ms (default 5000). */
  readonly windowMs?: number;
  /** Hostile: these quota headers on every answer instead of the real count (e.g. remaining 0, resets after 00:05:00). */
  readonly quotaHeaders?: { readonly remaining: string; readonly resetsAfter: string };
  /** Hostile: every page hands out the same $skipToken again (a looping service), with the same rows. */
  readonly repeatSkipToken?: boolean;
  /** Lower-case ids of subscriptions the caller cannot see: their resources are never in an answer. */
  readonly hiddenSubscriptions?: ReadonlySet<string>;
}

export interface ResourceGraphEndpoint {
  matches(method: string, pathname: string): boolean;
  answer(request: IncomingMessage): Promise<{ status: number; body: unknown; headers: Record<string, string> }>;
}

const PATH = '/providers/microsoft.resourcegraph/resources';
const MAX_BODY = 64 * 1024;
const TYPE_QUERY = /^resources\s*\|\s*where\s+type\s*=~\s*'([a-z0-9./]+)'\s*\|\s*project\s+id,\s*name,\s*type,\s*kind,\s*location,\s*sku,\s*properties,\s*subscriptionId,\s*resourceGroup$/i;
const TOP_LEVEL = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/[^/]+$/i;
/** Deployment slots, which Resource Graph indexes as their own type (microsoft.web/sites/slots). */
const SLOT = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/(microsoft\.web)\/(sites)\/[^/]+\/slots\/[^/]+$/i;

function hhmmss(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function resourceGraphEndpoint(scenario: Scenario, options: ResourceGraphOptions = {}): ResourceGraphEndpoint {
  const maxPage = options.maxPageSize ?? 1000;
  const quota = options.quota ?? 15;
  const windowMs = options.windowMs ?? 5000;
  let windowStart = performance.now();
  let used = 0;
  // Index once: type -> rows, so a page costs a slice, not a scan of every resource.
  const byType = new Map<string, { subscription: string; row: Record<string, unknown> }[]>();
  for (const resource of scenario.resources) {
    const slot = SLOT.exec(resource.id);
    const match = TOP_LEVEL.exec(resource.id) ?? slot;
    if (!match || options.hiddenSubscriptions?.has(match[1]!.toLowerCase())) continue;
    const type = `${match[3]}/${match[4]}${slot ? '/slots' : ''}`.toLowerCase();
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type)!.push({ subscription: match[1]!.toLowerCase(), row: project(resource, match[1]!, match[2]!, type) });
  }
  const refuse = (status: number, code: string, message: string, headers: Record<string, string> = {}) => ({ status, body: { error: { code, message } }, headers });

  return {
    matches: (method, pathname) => method === 'POST' && pathname.toLowerCase().replace(/\/+$/, '') === PATH,
    async answer(request) {
      const now = performance.now();
      if (now - windowStart >= windowMs) { windowStart = now; used = 0; }
      const resetsAfter = hhmmss(windowStart + windowMs - now);
      if (used >= quota) {
        return refuse(429, 'RateLimiting', 'Please provide below info when asking for support: the query quota is spent.', {
          'retry-after': String(Math.ceil((windowStart + windowMs - now) / 1000)), 'x-ms-user-quota-remaining': '0', 'x-ms-user-quota-resets-after': resetsAfter,
        });
      }
      used += 1;
      const headers = options.quotaHeaders
        ? { 'x-ms-user-quota-remaining': options.quotaHeaders.remaining, 'x-ms-user-quota-resets-after': options.quotaHeaders.resetsAfter }
        : { 'x-ms-user-quota-remaining': String(quota - used), 'x-ms-user-quota-resets-after': resetsAfter };
      let body: { subscriptions?: unknown; query?: unknown; options?: { $top?: unknown; $skipToken?: unknown } };
      try {
        body = (await readJson(request)) as typeof body;
      } catch (error) {
        return refuse(400, 'BadRequest', `The request body is not valid JSON: ${(error as Error).message}`, headers);
      }
      const type = typeof body?.query === 'string' ? TYPE_QUERY.exec(body.query.trim())?.[1]?.toLowerCase() : undefined;
      if (!type) return refuse(400, 'InvalidQuery', 'The emulator answers whole-resource queries by type only.', headers);
      const subscriptions = Array.isArray(body.subscriptions) ? new Set(body.subscriptions.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase())) : new Set<string>();
      const rows = (byType.get(type) ?? []).filter((entry) => subscriptions.has(entry.subscription)).map((entry) => entry.row);
      const top = Math.min(maxPage, Math.max(1, Number(body.options?.$top ?? 100) || 100));
      const skipToken = body.options?.$skipToken;
      const offset = options.repeatSkipToken ? 0 : typeof skipToken === 'string' ? Number(Buffer.from(skipToken, 'base64url').toString('utf8').replace(/^offset:/, '')) : 0;
      if (!Number.isInteger(offset) || offset < 0) return refuse(400, 'InvalidSkipToken', 'The $skipToken is not one this service handed out.', headers);
      const data = rows.slice(offset, offset + top);
      const more = offset + top < rows.length;
      return {
        status: 200,
        headers,
        body: {
          totalRecords: rows.length, count: data.length, data, facets: [],
          resultTruncated: more ? 'true' : 'false',
          ...(more ? { $skipToken: Buffer.from(`offset:${offset + top}`).toString('base64url') } : {}),
        },
      };
    },
  };
}

/** The columns the scan projects, as Resource Graph shows them (type in lower case). */
function project(resource: ScenarioResource, subscriptionId: string, resourceGroup: string, type: string): Record<string, unknown> {
  const pick = (key: string) => (Object.hasOwn(resource, key) ? resource[key] : null);
  return {
    id: resource.id, name: pick('name'), type, kind: pick('kind') ?? '', location: pick('location'), sku: pick('sku'),
    properties: pick('properties'), subscriptionId, resourceGroup,
  };
}
