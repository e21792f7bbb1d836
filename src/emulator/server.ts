/**
 * A local HTTPS server that answers ARM GETs from a scenario, for tests and `--demo`. It binds
 * 127.0.0.1 only, uses a certificate made at start (trusted by the client explicitly, never by
 * turning TLS checks off), checks the bearer token, can inject latency and faults per path, and
 * logs every request so tests can check parallelism and duplicates.
 */
import { createServer, type Server } from 'node:https';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate } from './x509.ts';
import { route } from './arm-routes.ts';
import { resourceGraphEndpoint, type ResourceGraphOptions } from './resource-graph.ts';
import type { Scenario } from './scenarios.ts';

export interface Fault {
  /** Case-insensitive substring of the request path, e.g. "/virtualnetworkgateways". */
  readonly path: string;
  readonly status?: 401 | 403 | 404 | 429 | 500 | 503;
  /** Never answer (the client's timeout must cut it). */
  readonly hang?: boolean;
  /** Sent as `retry-after-ms` and (rounded up) `Retry-After`, with 429/503. */
  readonly retryAfterMs?: number;
  /** Apply to the first N matching requests only (default: all). */
  readonly times?: number;
  readonly latencyMs?: number;
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly startedAt: number;
  endedAt: number;
}

export interface EmulatorOptions {
  readonly scenario: Scenario;
  /** The bearer token to accept. */
  readonly token: string;
  readonly faults?: readonly Fault[];
  /** Added to every response, so overlapping requests are visible in the log. */
  readonly latencyMs?: number;
  /** Page size and quota of the Resource Graph endpoint (resource-graph.ts). */
  readonly resourceGraph?: ResourceGraphOptions;
}

export interface RunningEmulator {
  readonly url: string;
  /** PEM certificate the client must trust. */
  readonly ca: string;
  readonly requests: readonly RequestRecord[];
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
    dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'],
  });
  const requests: RequestRecord[] = [];
  const faultUses = new Map<Fault, number>();
  const graph = resourceGraphEndpoint(options.scenario, options.resourceGraph);
  const key = certificate.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

  const server: Server = createServer({ cert: certificate.cert, key }, (request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const record: RequestRecord = { method: request.method ?? 'GET', path: url.pathname, status: 0, startedAt: performance.now(), endedAt: 0 };
    requests.push(record);
    const fault = options.faults?.find((candidate) => url.pathname.toLowerCase().includes(candidate.path.toLowerCase())
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
    if (record.method !== 'GET' && !graph.matches(record.method, url.pathname)) return error(405 as 500, `The emulator answers GET only, not ${record.method}.`);
    if (fault?.status) {
      const headers: Record<string, string> = {};
      if (fault.retryAfterMs !== undefined) {
        headers['retry-after-ms'] = String(fault.retryAfterMs);
        headers['retry-after'] = String(Math.ceil(fault.retryAfterMs / 1000));
      }
      return error(fault.status, `Injected ${fault.status} ${STATUS_CODES[fault.status]} for ${url.pathname}.`, headers);
    }
    if (graph.matches(record.method, url.pathname)) {
      const answer = await graph.answer(request);
      return send(answer.status, answer.body, answer.headers);
    }
    const result = route(options.scenario, url.pathname);
    send(result.status, result.body);
  }

  // Every socket, including ones still in the TLS handshake, so stop() never waits on a client.
  const sockets = new Set<import('node:stream').Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    ca: certificate.cert,
    requests,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}
