/**
 * The demo tenant `scan --demo` runs on (and the scan tests' tenant): three subscriptions built
 * from shipped scenarios, each variant a real ARM payload shape with one thing changed, so every
 * readiness a fleet shows appears once: an app that is ready (its gateway in another resource
 * group, a staging slot with its own connection), one app per kind of blocker, an app whose VNet
 * cannot be read (unknown, with why), and a subscription whose plans are forbidden.
 */
import type { Scenario, ScenarioResource } from './scenarios.ts';
import type { Fault } from './server.ts';

const SHIPPED_SUBSCRIPTION = '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b';
export const DEMO_SUBSCRIPTIONS = {
  production: '5f0b1a2c-3d4e-4f60-8a7b-9c0d1e2f3a4b',
  platform: '6a1c2b3d-4e5f-4a71-9b8c-0d1e2f3a4b5c',
  forbidden: '7b2d3c4e-5f6a-4b82-8c9d-1e2f3a4b5c6d',
} as const;
/** A subscription the demo credential cannot see at all: it holds the VNet of the `hr` app. */
export const HIDDEN_SUBSCRIPTION = '8c3e4d5f-6a7b-4c93-9d0e-2f3a4b5c6d7e';

type Mutable = Record<string, unknown> & { id: string; properties?: Record<string, unknown> };

export interface DemoApp {
  /** What the variant shows. */
  readonly kind: string;
  readonly app: string;
  /** The migration flow's blocking finding, for blocked variants. */
  readonly blocker?: string;
  /** not-read: its plan cannot be read, so it is counted apart and is no row. */
  readonly readiness: 'ready' | 'blocked' | 'unknown' | 'not-read';
}

interface Variant {
  readonly kind: string;
  readonly scenario: string;
  readonly subscription: string;
  /** Prefix of every renamed thing: apps, plans, groups, VNets, gateways. */
  readonly tag: string;
  /** Move the network into the app's region (West Europe), so cross-region does not block. */
  readonly sameRegion: boolean;
  readonly blocker?: string;
  readonly readiness: DemoApp['readiness'];
  readonly change?: (resources: Mutable[], ids: Ids) => Mutable[];
}

interface Ids { app: string; plan: string; vnet: string; gateway: string; webGroup: string; networkGroup: string; subscription: string }

const subnets = (resources: Mutable[], ids: Ids) => (resources.find((item) => item.id === ids.vnet)!.properties!.subnets as Mutable[]);
const integrationSubnet = (resources: Mutable[], ids: Ids) => subnets(resources, ids).find((subnet) => subnet.name === 'snet-integration')!;

const VARIANTS: readonly Variant[] = [
  {
    kind: 'ready, with its gateway in another resource group and a staging slot', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.production, tag: 'orders', sameRegion: true, readiness: 'ready',
    change: (resources, ids) => withSlot(gatewayElsewhere(resources, ids), ids),
  },
  { kind: 'VNet in another region', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.production, tag: 'billing', sameRegion: false, readiness: 'blocked', blocker: 'migration-blocked-cross-region' },
  { kind: 'classic VNet', scenario: 'classic-vnet', subscription: DEMO_SUBSCRIPTIONS.production, tag: 'legacy', sameRegion: true, readiness: 'blocked', blocker: 'migration-blocked-classic-vnet' },
  {
    kind: 'IPv6 address space', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.production, tag: 'catalog', sameRegion: true, readiness: 'blocked', blocker: 'migration-ipv6-address-space',
    change: (resources, ids) => {
      const vnet = resources.find((item) => item.id === ids.vnet)!;
      (vnet.properties!.addressSpace as { addressPrefixes: string[] }).addressPrefixes.push('fd00:db8:10::/48');
      return resources;
    },
  },
  {
    kind: 'no free subnet', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.platform, tag: 'search', sameRegion: true, readiness: 'blocked', blocker: 'migration-subnet-missing',
    change: (resources, ids) => {
      const vnet = resources.find((item) => item.id === ids.vnet)!;
      vnet.properties!.subnets = subnets(resources, ids).filter((subnet) => subnet.name !== 'snet-integration');
      return resources;
    },
  },
  {
    kind: 'free subnet too small', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.platform, tag: 'mail', sameRegion: true, readiness: 'blocked', blocker: 'migration-subnet-too-small',
    change: (resources, ids) => { integrationSubnet(resources, ids).properties!.addressPrefix = '10.10.2.0/29'; return resources; },
  },
  {
    kind: 'subnet used by another plan and too small to share', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.platform, tag: 'reports', sameRegion: true, readiness: 'blocked', blocker: 'migration-subnet-shared',
    change: (resources, ids) => {
      const subnet = integrationSubnet(resources, ids);
      subnet.properties!.addressPrefix = '10.10.2.0/27';
      subnet.properties!.serviceAssociationLinks = [{
        id: `${subnet.id}/serviceAssociationLinks/AppServiceLink`, name: 'AppServiceLink', type: 'Microsoft.Network/virtualNetworks/subnets/serviceAssociationLinks',
        properties: { linkedResourceType: 'Microsoft.Web/serverfarms', link: `/subscriptions/${ids.subscription}/resourceGroups/${ids.webGroup}/providers/Microsoft.Web/serverfarms/asp-reports-other`, allowDelete: false, provisioningState: 'Succeeded' },
      }];
      return resources;
    },
  },
  {
    kind: 'service endpoint policies on the subnet', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.platform, tag: 'files', sameRegion: true, readiness: 'blocked', blocker: 'migration-service-endpoint-policies',
    change: (resources, ids) => {
      integrationSubnet(resources, ids).properties!.serviceEndpointPolicies = [{ id: `/subscriptions/${ids.subscription}/resourceGroups/${ids.networkGroup}/providers/Microsoft.Network/serviceEndpointPolicies/sep-storage` }];
      return resources;
    },
  },
  {
    kind: 'plan cannot use regional integration', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.platform, tag: 'intranet', sameRegion: true, readiness: 'blocked', blocker: 'migration-plan-not-supported',
    change: (resources, ids) => {
      const config = resources.find((item) => item.id === `${ids.app}/networkConfig/virtualNetwork`)!;
      config.properties!.swiftSupported = false;
      return resources;
    },
  },
  { kind: 'plan reaching more VNets than regional integration allows', scenario: 'six-vnets-in-plan', subscription: DEMO_SUBSCRIPTIONS.platform, tag: 'partners', sameRegion: true, readiness: 'blocked', blocker: 'migration-plan-split-needed' },
  {
    kind: 'VNet in a subscription the credential cannot read', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.platform, tag: 'hr', sameRegion: true, readiness: 'unknown',
    change: (resources, ids) => {
      const network = `/subscriptions/${ids.subscription}/resourceGroups/${ids.networkGroup}/`;
      return JSON.parse(JSON.stringify(resources).replaceAll(network, `/subscriptions/${HIDDEN_SUBSCRIPTION}/resourceGroups/${ids.networkGroup}/`)) as Mutable[];
    },
  },
  { kind: 'subscription whose plans are forbidden', scenario: 'healthy', subscription: DEMO_SUBSCRIPTIONS.forbidden, tag: 'secret', sameRegion: true, readiness: 'not-read' },
];

function gatewayElsewhere(resources: Mutable[], ids: Ids): Mutable[] {
  // The gateway (and what names it) in its own resource group: only the GatewaySubnet says where it is.
  const gatewayGroup = ids.networkGroup.replace(/-network$/, '-gateways');
  const moved = ids.gateway.replace(`/resourceGroups/${ids.networkGroup}/`, `/resourceGroups/${gatewayGroup}/`);
  return JSON.parse(JSON.stringify(resources).replaceAll(ids.gateway, moved)) as Mutable[];
}

function withSlot(resources: Mutable[], ids: Ids): Mutable[] {
  const site = resources.find((item) => item.id === ids.app)!;
  const connection = resources.find((item) => item.id.startsWith(`${ids.app}/virtualNetworkConnections/`))!;
  const config = resources.find((item) => item.id === `${ids.app}/networkConfig/virtualNetwork`)!;
  const slot = `${ids.app}/slots/staging`;
  const name = String(site.name);
  return [
    ...resources,
    { ...site, id: slot, name: `${name}/staging`, type: 'Microsoft.Web/sites/slots' },
    { ...connection, id: `${slot}/virtualNetworkConnections/${String(connection.name)}` },
    { ...config, id: `${slot}/networkConfig/virtualNetwork` },
  ];
}

/**
 * Connections that say which routes they carry (DEFAULT and INHERITED, no STATIC ones), as ARM
 * reports them on a connection made or synced lately; the shipped scenarios carry `routes: null`,
 * which is unknown and would keep every row from a verdict.
 */
function withTypedRoutes(resources: Mutable[]): Mutable[] {
  const route = (start: string, end: string, routeType: string) => ({ name: `${start}_${end}`, properties: { startAddress: start, endAddress: end, routeType } });
  for (const resource of resources) {
    if (!/\/virtualNetworkConnections\/[^/]+$/i.test(resource.id) || !resource.properties || resource.properties.routes !== null) continue;
    resource.properties.routes = [
      route('10.0.0.0', '10.255.255.255', 'DEFAULT'), route('172.16.0.0', '172.31.255.255', 'DEFAULT'), route('192.168.0.0', '192.168.255.255', 'DEFAULT'),
      route('10.10.0.0', '10.10.255.255', 'INHERITED'),
    ];
  }
  return resources;
}

function place(variant: Variant, loadScenario: (id: string) => Scenario): { resources: Mutable[]; app: DemoApp } {
  const shipped = loadScenario(variant.scenario);
  let text = JSON.stringify(shipped.resources)
    .replaceAll(SHIPPED_SUBSCRIPTION, variant.subscription)
    .replaceAll('rg-contoso-', `rg-${variant.tag}-`)
    .replaceAll('contoso-api', `${variant.tag}-api`)
    .replaceAll('asp-contoso', `asp-${variant.tag}`);
  if (variant.sameRegion) text = text.replaceAll('"northeurope"', '"westeurope"');
  const resources = JSON.parse(text) as Mutable[];
  const app = resources.find((item) => /\/providers\/Microsoft\.Web\/sites\/[^/]+$/i.test(item.id))!.id;
  const vnet = resources.find((item) => /\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+$/i.test(item.id))!.id;
  const gateway = resources.find((item) => /\/virtualNetworkGateways\/[^/]+$/i.test(item.id))?.id ?? '';
  const ids: Ids = {
    app, vnet, gateway, subscription: variant.subscription, plan: resources.find((item) => /\/serverfarms\/[^/]+$/i.test(item.id))!.id,
    webGroup: `rg-${variant.tag}-web`, networkGroup: `rg-${variant.tag}-network`,
  };
  const changed = withTypedRoutes(variant.change ? variant.change(resources, ids) : resources);
  return { resources: changed, app: { kind: variant.kind, app, readiness: variant.readiness, ...(variant.blocker ? { blocker: variant.blocker } : {}) } };
}

export interface DemoTenant {
  readonly scenario: Scenario;
  readonly apps: readonly DemoApp[];
  /** What the demo tenant refuses: every read in the hidden subscription, every plan of the forbidden one. */
  readonly faults: readonly Fault[];
  /** Subscriptions neither listed nor in Resource Graph's answers. */
  readonly hiddenSubscriptions: readonly string[];
}

/** Built from the shipped scenarios, which load only here (embedded data only a demo reads). */
export async function demoTenant(): Promise<DemoTenant> {
  const { loadScenario } = await import('./scenarios.ts');
  const parts = VARIANTS.map((variant) => place(variant, loadScenario));
  const apps = parts.map((part) => part.app);
  const forbidden = DEMO_SUBSCRIPTIONS.forbidden;
  return {
    scenario: {
      id: 'fleet', title: 'A fleet of gateway-required integrations', summary: 'Three subscriptions: a ready app with a slot, one app per blocker, an unreadable VNet and a forbidden subscription.',
      target: { app: apps[0]!.app }, today: '2026-06-01', resources: parts.flatMap((part) => part.resources) as ScenarioResource[], expect: { findings: [] },
    },
    apps,
    hiddenSubscriptions: [HIDDEN_SUBSCRIPTION],
    faults: [
      { path: `/subscriptions/${HIDDEN_SUBSCRIPTION}/`, status: 403 },
      { path: `/subscriptions/${forbidden}/resourcegroups/rg-secret-web/providers/microsoft.web/serverfarms/`, status: 403 },
      { path: `/subscriptions/${forbidden}/providers/microsoft.web/serverfarms`, status: 403 },
    ],
  };
}
