/**
 * A local HTTPS server that answers ARM GETs from a scenario, for tests and `--demo`. It binds a
 * loopback address only (127.0.0.1, or 127.0.0.2 to play "another host"), uses a certificate made
 * at start (trusted by the client explicitly, never by turning TLS checks off), checks the bearer
 * token, can inject latency and faults per path (including hostile answers: foreign or looping
 * nextLinks, redirects, huge or non-JSON bodies), and logs every request so tests can check
 * parallelism, duplicates and who received a token.
 */
import { createServer, type Server } from 'node:https';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate } from './x509.ts';
import { listAppSettings, route } from './arm-routes.ts';
import { resourceGraphEndpoint, type ResourceGraphOptions } from './resource-graph.ts';
import type { Scenario } from './scenarios.ts';

export interface Fault {
  /** Case-insensitive substring of the request path and query, e.g. "/virtualnetworkgateways". */
  readonly path: string;
  readonly status?: 401 | 403 | 404 | 429 | 500 | 503;
  /** Never answer (the client's timeout must cut it). */
  readonly hang?: boolean;
  /** Sent as `retry-after-ms` and (rounded up) `Retry-After`, with 429/503. */
  readonly retryAfterMs?: number;
  /** Apply to the first N matching requests only (default: all). */
  readonly times?: number;
  readonly latencyMs?: number;
  /**
   * Added as `nextLink` to the list this request answers. `{origin}` stands for the emulator's
   * own https://host:port; "self" repeats the request's own URL; "endless" links to a new page
   * every time ($skiptoken counting up).
   */
  readonly nextLink?: string;
  /** Answer 302 with this Location (`{origin}` as for nextLink). */
  readonly redirectTo?: string;
  /** Answer with this body and content type (status 200 unless given) instead of the resource, e.g. an HTML page. */
  readonly rawBody?: { readonly status?: number; readonly contentType: string; readonly text: string };
  /** Answer 403 with an error message that quotes the request's Authorization header (an endpoint echoing the token). */
  readonly echoAuthorization?: boolean;
  /** Pad the JSON answer with a string of this many bytes, streamed (a huge list). */
  readonly paddingBytes?: number;
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  /** Path and query, as sent. */
  readonly url: string;
  /** Whether the request carried an Authorization header (the header itself is never kept). */
  readonly authorization: boolean;
  readonly status: number;
  readonly startedAt: number;
  endedAt: number;
  /** The client closed the connection before the answer was complete (a timeout or an abort). */
  abandoned?: boolean;
}

export interface EmulatorOptions {
  readonly scenario: Scenario;
  /** The bearer token to accept. */
  readonly token: string;
  readonly faults?: readonly Fault[];
  /** Added to every response, so overlapping requests are visible in the log. */
  readonly latencyMs?: number;
  /** Loopback address to listen on (default 127.0.0.1); 127.0.0.2 plays "another host". */
  readonly host?: '127.0.0.1' | '127.0.0.2';
  /** Page size and quota of the Resource Graph endpoint (resource-graph.ts). */
  readonly resourceGraph?: ResourceGraphOptions;
  /** Subscriptions the credential cannot see: not in the subscription list nor in Resource Graph's answers. */
  readonly hiddenSubscriptions?: readonly string[];
  /**
   * ARM's read throttling per subscription: a token bucket (ARM's own is 250 reads refilled at 25 a
   * second); every GET under /subscriptions/{id}/ takes a token and every answer says how many are
   * left (x-ms-ratelimit-remaining-subscription-reads); an empty bucket answers 429 with Retry-After.
   */
  readonly armReads?: { readonly bucket: number; readonly refillPerSecond: number };
}

export interface RunningEmulator {
  readonly url: string;
  /** PEM certificate the client must trust. */
  readonly ca: string;
  readonly requests: readonly RequestRecord[];
  /** Resolves with the first request (already logged or still to come) that `match` accepts. */
  waitForRequest(match: (request: RequestRecord) => boolean): Promise<RequestRecord>;
  /** Resolves once the request's connection is closed: true when the client gave up before the answer was complete. */
  whenClosed(request: RequestRecord): Promise<boolean>;
  stop(): Promise<void>;
}

const ERROR_CODES: Record<number, string> = {
  401: 'InvalidAuthenticationToken', 403: 'AuthorizationFailed', 404: 'ResourceNotFound',
  429: 'TooManyRequests', 500: 'InternalServerError', 503: 'ServiceUnavailable',
};

export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const now = Date.now();
  const certificate = createSelfSignedCertificate({
    commonName: 'localhost', notBefore: new Date(now - 3_600_000), notAfter: new Date(now + 86_400_000),
    dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '127.0.0.2'],
  });
  const requests: RequestRecord[] = [];
  let origin = 'https://127.0.0.1';
  const faultUses = new Map<Fault, number>();
  const closed = new Map<RequestRecord, Promise<boolean>>();
  const waiters = new Set<{ match: (request: RequestRecord) => boolean; resolve: (request: RequestRecord) => void }>();
  const hidden = new Set((options.hiddenSubscriptions ?? []).map((id) => id.toLowerCase()));
  const graph = resourceGraphEndpoint(options.scenario, { ...options.resourceGraph, hiddenSubscriptions: hidden });
  const buckets = new Map<string, { tokens: number; at: number }>();
  /** The read bucket of the subscription a path is under (undefined when reads are not throttled). */
  const readBucket = (pathname: string) => {
    const limits = options.armReads;
    const subscription = /^\/subscriptions\/([^/]+)\//i.exec(pathname)?.[1]?.toLowerCase();
    if (!limits || !subscription) return undefined;
    const refill = () => {
      const state = buckets.get(subscription) ?? { tokens: limits.bucket, at: performance.now() };
      const now = performance.now();
      state.tokens = Math.min(limits.bucket, state.tokens + ((now - state.at) / 1000) * limits.refillPerSecond);
      state.at = now;
      buckets.set(subscription, state);
      return state;
    };
    return {
      take: () => { const state = refill(); if (state.tokens < 1) return false; state.tokens -= 1; return true; },
      left: () => Math.floor(refill().tokens),
      msToNextToken: () => ((1 - refill().tokens) / limits.refillPerSecond) * 1000,
    };
  };
  const key = certificate.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  const server: Server = createServer({ cert: certificate.cert, key }, (request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const record: RequestRecord = {
      method: request.method ?? 'GET', path: url.pathname, url: `${url.pathname}${url.search}`, authorization: request.headers.authorization !== undefined,
      status: 0, startedAt: performance.now(), endedAt: 0,
    };
    requests.push(record);
    closed.set(record, new Promise((resolve) => {
      response.once('close', () => {
        if (!response.writableFinished) record.abandoned = true;
        resolve(record.abandoned === true);
      });
    }));
    for (const waiter of [...waiters]) {
      if (!waiter.match(record)) continue;
      waiters.delete(waiter);
      waiter.resolve(record);
    }
    const target = decodeURIComponent(record.url).toLowerCase();
    const fault = options.faults?.find((candidate) => target.includes(candidate.path.toLowerCase())
      && (candidate.times === undefined || (faultUses.get(candidate) ?? 0) < candidate.times));
    if (fault) faultUses.set(fault, (faultUses.get(fault) ?? 0) + 1);
    const delay = (options.latencyMs ?? 0) + (fault?.latencyMs ?? 0);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (fault?.hang) return; // left open until the client gives up or the server stops

    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      (record as { status: number }).status = status;
      record.endedAt = performance.now();
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ms-request-id': `emulator-${requests.length}`, ...headers });
      response.end(JSON.stringify(body));
    };
    const error = (status: number, message: string, headers?: Record<string, string>) =>
      send(status, { error: { code: ERROR_CODES[status] ?? 'Error', message } }, headers);

    if (request.headers.authorization !== `Bearer ${options.token}`) return error(401, 'The access token is missing or invalid.');
    const reads = record.method === 'GET' ? readBucket(url.pathname) : undefined;
    if (reads && !reads.take()) {
      const waitMs = reads.msToNextToken();
      return error(429, 'Number of read requests for subscription exceeded the limit.', {
        'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))), 'retry-after-ms': String(Math.ceil(waitMs)), 'x-ms-ratelimit-remaining-subscription-reads': '0',
      });
    }
    const sendWithReads = (status: number, body: unknown) => send(status, body, reads ? { 'x-ms-ratelimit-remaining-subscription-reads': String(reads.left()) } : {});
    const settingsList = record.method === 'POST' ? listAppSettings(options.scenario, url.pathname) : undefined;
    if (record.method !== 'GET' && !settingsList && !graph.matches(record.method, url.pathname)) return error(405 as 500, `The emulator answers GET only, not ${record.method}.`);
    if (fault?.echoAuthorization) return error(403, `The client with authorization '${request.headers.authorization}' has no access to ${url.pathname}.`);
    if (fault?.status) {
      const headers: Record<string, string> = {};
      if (fault.retryAfterMs !== undefined) {
        headers['retry-after-ms'] = String(fault.retryAfterMs);
        headers['retry-after'] = String(Math.ceil(fault.retryAfterMs / 1000));
      }
      return error(fault.status, `Injected ${fault.status} ${STATUS_CODES[fault.status]} for ${url.pathname}.`, headers);
    }
    if (fault?.redirectTo) return send(302, {}, { location: fault.redirectTo.replace('{origin}', origin) });
    if (fault?.rawBody) {
      (record as { status: number }).status = fault.rawBody.status ?? 200;
      record.endedAt = performance.now();
      response.writeHead(record.status, { 'content-type': fault.rawBody.contentType });
      return void response.end(fault.rawBody.text);
    }
    if (graph.matches(record.method, url.pathname)) {
      const answer = await graph.answer(request);
      return send(answer.status, answer.body, answer.headers);
    }
    const result = settingsList ?? route(options.scenario, url.pathname, hidden);
    if (reads && !fault?.nextLink && !fault?.paddingBytes) return sendWithReads(result.status, result.body);
    let body = result.body;
    if (fault?.nextLink && body && typeof body === 'object' && !Array.isArray(body)) {
      body = { ...body, nextLink: nextLinkFor(fault.nextLink, origin, url) };
    }
    if (fault?.paddingBytes) return sendPadded(response, record, result.status, body, fault.paddingBytes);
    send(result.status, body);
  }

  // Every socket, including ones still in the TLS handshake, so stop() never waits on a client.
  const sockets = new Set<import('node:stream').Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `https://${host}:${port}`;
  return {
    url: origin,
    ca: certificate.cert,
    requests,
    waitForRequest: (match) => {
      const logged = requests.find(match);
      return logged ? Promise.resolve(logged) : new Promise((resolve) => { waiters.add({ match, resolve }); });
    },
    whenClosed: (request) => closed.get(request) ?? Promise.resolve(false),
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}

function nextLinkFor(nextLink: string, origin: string, url: URL): string {
  if (nextLink === 'self') return `${origin}${url.pathname}${url.search}`;
  if (nextLink !== 'endless') return nextLink.replace('{origin}', origin);
  const next = new URL(`${origin}${url.pathname}${url.search}`);
  next.searchParams.set('$skiptoken', String(Number(url.searchParams.get('$skiptoken') ?? 0) + 1));
  return next.href;
}

const PADDING_CHUNK = 'x'.repeat(64 * 1024);

/** A JSON object answer with a huge `padding` string, written in chunks so the emulator itself stays small. */
function sendPadded(response: ServerResponse, record: RequestRecord, status: number, body: unknown, bytes: number): void {
  (record as { status: number }).status = status;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  const json = JSON.stringify(body);
  response.write(`${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"padding":"`);
  let left = bytes;
  const writeMore = (): void => {
    while (left > 0) {
      const chunk = left >= PADDING_CHUNK.length ? PADDING_CHUNK : PADDING_CHUNK.slice(0, left);
      left -= chunk.length;
      if (!response.write(chunk)) { response.once('drain', writeMore); return; }
    }
    record.endedAt = performance.now();
    response.end('"}');
  };
  response.on('close', () => { left = 0; });
  writeMore();
}
