/**
 * A local Kudu (SCM site) for the probe tests: HTTPS on a loopback address with its own
 * certificate, POST /api/command only, bearer token checked, and each command's outcome
 * scripted: tcpping connects, times out or is refused; nameresolver resolves, finds nothing or
 * times out; WEBSITE_PRIVATE_IP has a value or none. The whole site can refuse the token (401,
 * 403), block by access restriction, or never answer. Every request is logged (command text and
 * whether a token came, never the token).
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate } from './x509.ts';

export type TcpScript = 'connects' | 'timeout' | 'refused' | 'no-name' | 'unreachable';
export type DnsScript = { readonly outcome: 'resolves'; readonly addresses: readonly string[]; readonly server?: string } | { readonly outcome: 'not-found' | 'timeout'; readonly server?: string };

export interface KuduScript {
  readonly token: string;
  /** By `host:port`; unlisted targets time out. */
  readonly tcpping?: Readonly<Record<string, TcpScript>>;
  /** By name; unlisted names are not found. */
  readonly nameresolver?: Readonly<Record<string, DnsScript>>;
  readonly privateIp?: string;
  /** WEBSITE_PRIVATE_IP per instance id, for requests that name one (`?instance=`); null: not set there. */
  readonly privateIpByInstance?: Readonly<Record<string, string | null>>;
  /**
   * Files the app deployed to site\\wwwroot, by name (tcpping.bat, nameresolver.exe), and what
   * each prints: cmd runs one of them instead of the real tool when a command is run in that
   * directory, as cmd looks in the current directory before PATH.
   */
  readonly appFiles?: Readonly<Record<string, string>>;
  /** The whole SCM site answers this instead of running commands. */
  readonly refuse?: 401 | 403 | 'ip-restricted' | 'hang';
}

export interface KuduRequest {
  readonly command: string;
  /** The working directory asked for (`dir`), as sent. */
  readonly dir: string;
  readonly authorization: boolean;
  readonly status: number;
}

export interface RunningKudu {
  readonly url: string;
  readonly ca: string;
  readonly requests: readonly KuduRequest[];
  stop(): Promise<void>;
}

const MAX_BODY = 16 * 1024;

function tcppingOutput(target: string, script: TcpScript): string {
  switch (script) {
    case 'connects': return `Connected to ${target}, time taken: 4ms\r\nConnected to ${target}, time taken: 3ms\r\nComplete: 2/2 successful attempts (100%). Average success time: 3.5ms\r\n`;
    case 'timeout': return `Connection attempt failed: Connection timed out\r\nComplete: 0/1 successful attempts (0%). Average success time: 0ms\r\n`;
    case 'refused': return `Connection attempt failed: No connection could be made because the target machine actively refused it\r\nComplete: 0/1 successful attempts (0%). Average success time: 0ms\r\n`;
    case 'no-name': return `Connection attempt failed: No such host is known\r\n`;
    case 'unreachable': return `Connection attempt failed: A socket operation was attempted to an unreachable network\r\nComplete: 0/1 successful attempts (0%). Average success time: 0ms\r\n`;
  }
}

function nameresolverOutput(name: string, script: DnsScript): string {
  const server = `Server: ${script.server ?? '168.63.129.16'}\r\n\r\n`;
  if (script.outcome === 'resolves') return `${server}Non-authoritative answer:\r\nName: ${name}\r\nAddresses: \r\n${script.addresses.map((ip) => `\t${ip}\r\n`).join('')}`;
  if (script.outcome === 'timeout') return `${server}DNS request timed out.\r\n`;
  return `${server}*** Can't find ${name}: Non-existent domain\r\n`;
}

/** Kudu's working directory for `dir`: relative to the home directory, D:\\home. */
function workingDirectory(dir: string): string {
  const path = dir.replaceAll('/', '\\').replace(/\\+$/, '');
  return (/^[A-Za-z]:\\/.test(path) ? path : `D:\\home\\${path}`).toLowerCase();
}

/** An app file cmd would run for the command's first word in that directory (name, or name with .exe/.bat/.cmd). */
function shadowing(script: KuduScript, command: string, dir: string): string | undefined {
  if (workingDirectory(dir) !== 'd:\\home\\site\\wwwroot') return undefined;
  const word = command.split(' ')[0]!.toLowerCase();
  const files = Object.entries(script.appFiles ?? {});
  return files.find(([name]) => [word, `${word}.exe`, `${word}.bat`, `${word}.cmd`].includes(name.toLowerCase()))?.[1];
}

/** What the scripted instance prints for one of the fixed probe commands; anything else is refused. */
function run(script: KuduScript, command: string, dir: string, instance?: string): { output: string; exitCode: number } | undefined {
  if (instance !== undefined && script.privateIpByInstance && command === 'cmd /c echo %WEBSITE_PRIVATE_IP%') {
    return { output: `${script.privateIpByInstance[instance] ?? '%WEBSITE_PRIVATE_IP%'}\r\n`, exitCode: 0 };
  }
  const planted = shadowing(script, command, dir);
  if (planted !== undefined) return { output: planted, exitCode: 0 };
  let match = /^tcpping ([A-Za-z0-9.-]+:\d{1,5})$/.exec(command);
  if (match) return { output: tcppingOutput(match[1]!, script.tcpping?.[match[1]!] ?? 'timeout'), exitCode: 0 };
  match = /^nameresolver ([A-Za-z0-9.-]+)(?: (\d{1,3}(?:\.\d{1,3}){3}))?$/.exec(command);
  if (match) {
    const scripted = script.nameresolver?.[match[1]!] ?? { outcome: 'not-found' as const };
    return { output: nameresolverOutput(match[1]!, match[2] ? { ...scripted, server: match[2] } : scripted), exitCode: 0 };
  }
  if (command === 'cmd /c echo %WEBSITE_PRIVATE_IP%') return { output: `${script.privateIp ?? '%WEBSITE_PRIVATE_IP%'}\r\n`, exitCode: 0 };
  return undefined;
}

export async function startKudu(script: KuduScript, host: '127.0.0.1' | '127.0.0.2' = '127.0.0.1'): Promise<RunningKudu> {
  const now = Date.now();
  const certificate = createSelfSignedCertificate({
    // Its own subject name: a client may trust this and the ARM emulator's certificate side by side.
    commonName: 'kudu-emulator.localhost', notBefore: new Date(now - 3_600_000), notAfter: new Date(now + 86_400_000), dnsNames: ['localhost'], ipAddresses: [host],
  });
  const key = certificate.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const requests: KuduRequest[] = [];
  const server: Server = createServer({ cert: certificate.cert, key }, (request, response) => { void handle(request, response); });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const record = { command: '', dir: '', authorization: request.headers.authorization !== undefined, status: 0 };
    requests.push(record);
    const send = (status: number, body: string, type = 'application/json') => {
      record.status = status;
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    let text = '';
    for await (const chunk of request) {
      text += String(chunk);
      if (text.length > MAX_BODY) return send(413, '{"Message":"too large"}');
    }
    try {
      const body = JSON.parse(text) as { command?: unknown; dir?: unknown };
      record.command = String(body.command ?? '');
      record.dir = String(body.dir ?? '');
    } catch {
      return send(400, '{"Message":"not JSON"}');
    }
    if (script.refuse === 'hang') return; // left open until the client gives up or the server stops
    if (request.headers.authorization !== `Bearer ${script.token}`) return send(401, '{"Message":"Unauthorized"}');
    if (script.refuse === 401 || script.refuse === 403) return send(script.refuse, '{"Message":"The caller has no permission on this SCM site."}');
    if (script.refuse === 'ip-restricted') return send(403, '<html><head><title>403 - Ip Forbidden</title></head><body>Ip Forbidden</body></html>', 'text/html');
    if (request.method !== 'POST' || new URL(request.url ?? '/', 'https://kudu').pathname.toLowerCase() !== '/api/command') return send(404, '{"Message":"Not found"}');
    const result = run(script, record.command, record.dir, new URL(request.url ?? '/', 'https://kudu').searchParams.get('instance') ?? undefined);
    if (!result) return send(400, '{"Message":"The Kudu emulator runs the probe commands only."}');
    send(200, JSON.stringify({ Output: result.output, Error: '', ExitCode: result.exitCode }));
  }

  const sockets = new Set<import('node:stream').Duplex>();
  server.on('connection', (socket) => { sockets.add(socket); socket.once('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, host, () => resolve()); });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://${host}:${port}`, ca: certificate.cert, requests,
    stop: () => new Promise<void>((resolve) => { server.close(() => resolve()); for (const socket of sockets) socket.destroy(); }),
  };
}
