/**
 * The path the app's traffic takes through gateway-required integration, drawn from what the
 * session knows: app -> point-to-site tunnel (pool) -> gateway -> VNet -> peer or site-to-site ->
 * target, each hop marked where a finding of the session blocks it (the NSG rule, the missing
 * route, the missing certificate), and the way back where the flows checked it (the target
 * subnet's route table, the on-premises route back to the pool). Pure: the report's Markdown
 * draws it as a Mermaid diagram, the findings screen as one line of text.
 */
import type { FactValue, Severity } from '../engine/types.ts';
import { mermaidText } from '../graph/render-mermaid.ts';

/** The facts the path reads: the report lists them (with provenance) whenever the session knows them. */
export const PATH_FACTS: readonly string[] = [
  'app.name', 'app.integrationType', 'p2s.addressPool', 'gateway.name', 'vnet.name', 'peering.remoteVnetName', 's2s.connectionName',
  'target.host', 'target.ip', 'target.port', 'target.location', 'target.inOnprem', 'target.missingRoute', 'nsg.name', 'nsg.blockingRule',
  'route.divertsP2s', 'route.divertingRoute',
];

export type HopId = 'app' | 'tunnel' | 'gateway' | 'vnet' | 'peer' | 'site-to-site' | 'target';

export interface PathHop {
  readonly id: HopId;
  readonly label: string;
  /** What blocks traffic at this hop, in a few words each; empty: nothing found. */
  readonly blocked: readonly string[];
}

export interface ReturnPath {
  readonly label: string;
  readonly blocked: readonly string[];
}

export interface TrafficPath {
  readonly hops: readonly PathHop[];
  /** Only when the flows checked it. */
  readonly returnPath?: ReturnPath;
}

export interface PathInputs {
  readonly fact: (key: string) => FactValue | undefined;
  readonly findings: readonly { readonly id: string; readonly severity: Severity }[];
  /** The answer given to a question (`flow/node`), undefined when it was not asked. */
  readonly answer: (question: string) => unknown;
}

type Blocker = string | ((fact: PathInputs['fact']) => string);

/** Findings that block a hop (when of severity error or warning), with how the hop is marked. */
const BLOCKERS: Readonly<Record<HopId, Readonly<Record<string, Blocker>>>> = {
  app: {
    'app-is-linux': 'Linux app', 'app-is-windows-container': 'Windows container', 'plan-tier-unsupported': 'tier without integration',
    'no-vnet-integration': 'no integration',
  },
  tunnel: {
    'root-certificate-missing': 'root certificate missing on the gateway', 'certificate-expired': 'certificate expired',
    'certificates-out-of-sync': 'certificates out of sync', 'p2s-no-certificate-auth': 'no certificate authentication',
    'sstp-not-enabled': 'SSTP off', 'ikev2-enabled-non-basic': 'IKEv2 on', 'openvpn-blocks-sstp': 'OpenVPN instead of SSTP',
    'p2s-range-not-rfc1918': 'pool outside RFC 1918', 'p2s-pool-overlaps': 'pool overlaps', 'p2s-pool-missing': 'no pool',
    'p2s-not-configured': 'point-to-site not configured', 'sstp-connection-limit': 'SSTP at 128 connections', 'tunnel-down': 'no tunnel address',
  },
  gateway: {
    'gateway-missing': 'no gateway', 'gateway-policy-based': 'policy-based', 'gateway-not-running': 'not running',
    'gateway-failed-state': 'Failed state', 'gateway-provisioning': 'updating', 'expressroute-gateway': 'ExpressRoute gateway',
    'coexistence-gateway': 'coexistence gateway',
  },
  vnet: {
    'plan-route-missing': (fact) => `missing route${typeof fact('target.missingRoute') === 'string' ? ` ${String(fact('target.missingRoute'))}` : ''}`,
    'routes-changed-sync-required': 'routes changed since Sync Network',
  },
  peer: {
    'peering-missing': 'no peering', 'peering-disconnected': 'peering Disconnected', 'peering-gateway-transit-missing': 'no gateway transit',
    'peering-remote-gateways-missing': 'remote gateways off', 'peering-vnet-access-missing': 'VNet access off', 'peering-forwarded-traffic-missing': 'forwarded traffic off',
    'peering-remote-vnet-access-missing': 'remote VNet access off', 'peering-remote-forwarded-traffic-missing': 'remote forwarded traffic off',
    'peering-route-missing': 'missing route to the peer',
  },
  'site-to-site': {
    'onprem-connection-broken': 'site-to-site down', 'bgp-routes-not-propagated': 'BGP routes not sent to the app',
  },
  target: {
    'nsg-blocks-p2s-range': (fact) => `NSG ${String(fact('nsg.name') ?? '')} rule ${String(fact('nsg.blockingRule') ?? '')}`.replace(/ +/g, ' ').trim(),
    'host-firewall-blocks-p2s': 'host firewall', 'onprem-firewall-blocks-p2s': 'on-premises firewall', 'tcp-timeout-firewall': 'packets dropped (21 s timeout)',
    'target-host-down': 'host down', 'app-listening-elsewhere': 'nothing listens on the port', 'service-endpoint-resource': 'service endpoint',
  },
};

const RETURN_BLOCKERS: Readonly<Record<string, Blocker>> = {
  'onprem-routes-missing-p2s': 'no route back to the pool on-premises',
  'route-table-diverts-p2s': (fact) => `route ${String(fact('route.divertingRoute') ?? '')} sends replies elsewhere`.replace(/ +/g, ' '),
};

const text = (value: FactValue | undefined): string | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value.length > 0 ? value.join(', ') : undefined) : String(value);

/** A hop's kind and, when known, its name: "gateway gw-hub", or "gateway". */
const named = (kind: string, value: FactValue | undefined) => { const name = text(value); return name === undefined ? kind : `${kind} ${name}`; };

/** The path, or undefined when the app does not use gateway-required integration (nothing to draw). */
export function trafficPath(inputs: PathInputs): TrafficPath | undefined {
  const { fact } = inputs;
  const type = fact('app.integrationType');
  if (type === 'regional' || type === 'none') return undefined;
  const blocking = new Set(inputs.findings.filter((finding) => finding.severity !== 'info').map((finding) => finding.id));
  const reasons = (table: Readonly<Record<string, Blocker>>) => Object.entries(table).filter(([id]) => blocking.has(id))
    .map(([, blocker]) => (typeof blocker === 'string' ? blocker : blocker(fact)));
  const hop = (id: HopId, label: string): PathHop => ({ id, label, blocked: reasons(BLOCKERS[id]) });
  const pool = text(fact('p2s.addressPool'));
  const hops: PathHop[] = [
    hop('app', named('app', fact('app.name'))),
    hop('tunnel', `point-to-site tunnel${pool ? ` (pool ${pool})` : ''}`),
    hop('gateway', named('gateway', fact('gateway.name'))),
    hop('vnet', named('VNet', fact('vnet.name'))),
  ];
  const where = fact('target.location');
  const onPremises = where === 'on-premises' || fact('target.inOnprem') === true;
  const peered = where === 'peered-vnet';
  if (peered || reasons(BLOCKERS.peer).length > 0) hops.push(hop('peer', named('peered VNet', fact('peering.remoteVnetName'))));
  if (onPremises || reasons(BLOCKERS['site-to-site']).length > 0) hops.push(hop('site-to-site', `${named('site-to-site', fact('s2s.connectionName'))} to on-premises`));
  const host = text(fact('target.host')) ?? text(fact('target.ip'));
  const port = text(fact('target.port'));
  const target = hop('target', host === undefined ? 'target' : `target ${host}${port ? `:${port}` : ''}`);
  if (host !== undefined || target.blocked.length > 0) hops.push(target);
  return { hops, ...returnPath(inputs, onPremises, blocking) };
}

function returnPath(inputs: PathInputs, onPremises: boolean, blocking: ReadonlySet<string>): { returnPath?: ReturnPath } {
  const { fact } = inputs;
  const blocked = Object.entries(RETURN_BLOCKERS).filter(([id]) => blocking.has(id)).map(([, blocker]) => (typeof blocker === 'string' ? blocker : blocker(fact)));
  const pool = text(fact('p2s.addressPool')) ?? 'the pool';
  if (onPremises && (blocking.has('onprem-routes-missing-p2s') || inputs.answer('onprem-routes/ask-route-back') === true)) {
    return { returnPath: { label: `on-premises routes ${pool} back through the tunnel`, blocked } };
  }
  if (fact('route.divertsP2s') !== undefined || blocking.has('route-table-diverts-p2s')) {
    return { returnPath: { label: `replies to ${pool} go back through the gateway`, blocked } };
  }
  return blocked.length > 0 ? { returnPath: { label: `replies to ${pool}`, blocked } } : {};
}

/** One line for the findings screen: hops joined by arrows, a blocked hop marked with ✗ and why. */
export function pathLine(path: TrafficPath): string {
  const hops = path.hops.map((hop) => (hop.blocked.length > 0 ? `✗ ${hop.label} [${hop.blocked.join('; ')}]` : hop.label)).join(' → ');
  const back = path.returnPath ? ` ⇠ return: ${path.returnPath.blocked.length > 0 ? `✗ ${path.returnPath.label} [${path.returnPath.blocked.join('; ')}]` : `${path.returnPath.label} ✓`}` : '';
  return `Path: ${hops}${back}`;
}

/** A Mermaid flowchart (left to right) of the path, blocked hops in red, the way back dotted. */
export function pathMermaid(path: TrafficPath): string {
  const label = (hop: { label: string; blocked: readonly string[] }) => mermaidText(hop.blocked.length > 0 ? `✗ ${hop.label}: ${hop.blocked.join('; ')}` : hop.label);
  const lines = ['flowchart LR'];
  path.hops.forEach((hop, index) => lines.push(`  h${index}[${label(hop)}]`));
  for (let index = 1; index < path.hops.length; index += 1) lines.push(`  h${index - 1} --> h${index}`);
  const blocked = path.hops.flatMap((hop, index) => (hop.blocked.length > 0 ? [`h${index}`] : []));
  if (path.returnPath) {
    const last = path.hops.length - 1;
    const gateway = path.hops.findIndex((hop) => hop.id === 'gateway');
    lines.push(`  h${last} -.->|${label({ label: `return: ${path.returnPath.label}`, blocked: path.returnPath.blocked })}| h${gateway < 0 ? 0 : gateway}`);
  }
  lines.push('  classDef blocked fill:#f8d0d0,stroke:#c62828,color:#000');
  if (blocked.length > 0) lines.push(`  class ${blocked.join(',')} blocked`);
  return lines.join('\n');
}
