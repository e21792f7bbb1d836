/**
 * How the emulator answers a GET: a resource by id, a child collection of a resource or
 * resource group, a subscription-wide list, or the subscription list. Pure, over the scenario.
 */
import type { Scenario, ScenarioResource } from './scenarios.ts';

export interface RouteResult {
  readonly status: number;
  readonly body: unknown;
}

const lower = (text: string) => text.toLowerCase();

const armError = (status: number, code: string, message: string): RouteResult => ({ status, body: { error: { code, message } } });

/** App Service returns these collections as a bare JSON array (no `value` wrapper). */
const BARE_ARRAY_COLLECTIONS = ['virtualnetworkconnections'];

/** Resources by lower-case id and by parent id, built once per scenario (big synthetic tenants answer in O(1)). */
const indexes = new WeakMap<Scenario, { byId: Map<string, ScenarioResource>; byParent: Map<string, ScenarioResource[]> }>();
function indexOf(scenario: Scenario) {
  let index = indexes.get(scenario);
  if (!index) {
    index = { byId: new Map(), byParent: new Map() };
    for (const resource of scenario.resources) {
      const id = lower(resource.id);
      if (!index.byId.has(id)) index.byId.set(id, resource);
      const parent = parentOf(resource.id);
      if (!index.byParent.has(parent)) index.byParent.set(parent, []);
      index.byParent.get(parent)!.push(resource);
    }
    indexes.set(scenario, index);
  }
  return index;
}

export function route(scenario: Scenario, rawPath: string, hiddenSubscriptions: ReadonlySet<string> = new Set()): RouteResult {
  const path = lower(decodeURIComponent(rawPath)).replace(/\/+$/, '');
  const resources = scenario.resources;
  const index = indexOf(scenario);
  // App settings are read with POST .../appsettings/list only (listAppSettings), as in ARM.
  if (path.endsWith('/config/appsettings')) return armError(405, 'MethodNotAllowed', `Use POST ${rawPath}/list to read app settings.`);
  const byId = index.byId.get(path);
  if (byId) return { status: 200, body: byId };
  // ARM answers networkConfig/virtualNetwork for every app and slot: 200, subnetResourceId null when
  // there is no regional integration. A scenario that does not state it gets that answer.
  const networkConfig = /^(.*\/providers\/microsoft\.web\/sites\/[^/]+(?:\/slots\/[^/]+)?)\/networkconfig\/virtualnetwork$/.exec(path);
  const site = networkConfig ? index.byId.get(networkConfig[1]!) : undefined;
  if (site) {
    return { status: 200, body: { id: `${site.id}/networkConfig/virtualNetwork`, name: 'virtualNetwork', type: 'Microsoft.Web/sites/networkConfig', properties: { subnetResourceId: null, swiftSupported: true } } };
  }

  const segments = path.split('/').filter(Boolean);
  if (path === '/subscriptions') return { status: 200, body: { value: subscriptions(scenario).filter((item) => !hiddenSubscriptions.has(item.subscriptionId.toLowerCase())) } };
  if (segments[0] !== 'subscriptions' || segments.length < 2) return armError(404, 'NotFound', `No route for ${rawPath}`);

  const providers = segments.indexOf('providers');
  if (providers < 0 || segments.length < providers + 3) return armError(404, 'NotFound', `No route for ${rawPath}`);
  const afterProvider = segments.length - providers - 2;
  if (afterProvider % 2 === 0) {
    return armError(404, 'ResourceNotFound', `The Resource '${segments.slice(providers + 1).join('/')}' under resource group '${segments[3] ?? ''}' was not found.`);
  }

  const parentPath = segments.slice(0, -1).join('/');
  const childOfResource = segments.length - providers - 2 > 1;
  if (childOfResource && !index.byId.has(`/${parentPath}`)) {
    return armError(404, 'ResourceNotFound', `The parent resource of '${rawPath}' was not found.`);
  }
  const inResourceGroup = segments[2] === 'resourcegroups';
  const items: ScenarioResource[] = inResourceGroup || providers > 2
    ? index.byParent.get(path) ?? []
    : subscriptionWide(resources, segments[1]!, segments.slice(providers + 1).join('/'));
  const last = segments[segments.length - 1]!;
  return { status: 200, body: BARE_ARRAY_COLLECTIONS.includes(last) ? items : { value: items } };
}

const parentOf = (id: string) => lower(id).replace(/\/[^/]+$/, '');

/** `/subscriptions/{s}/providers/{ns}/{type}`: every resource of that type in the subscription. */
function subscriptionWide(resources: readonly ScenarioResource[], subscription: string, type: string): ScenarioResource[] {
  const pattern = new RegExp(`^/subscriptions/${subscription}/resourcegroups/[^/]+/providers/${type.replace(/[.]/g, '\\.')}/[^/]+$`);
  return resources.filter((resource) => pattern.test(lower(resource.id)));
}

function subscriptions(scenario: Scenario) {
  const ids = [...new Set(scenario.resources.map((resource) => /^\/subscriptions\/([^/]+)/i.exec(resource.id)?.[1]).filter((id): id is string => !!id))];
  return ids.map((id, index) => ({ id: `/subscriptions/${id}`, subscriptionId: id, displayName: `Demo subscription ${index + 1}`, state: 'Enabled' }));
}

const APP_SETTINGS_LIST = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.web\/sites\/[^/]+)\/config\/appsettings\/list$/;

/**
 * POST `sites/{app}/config/appsettings/list`, the one POST the emulator answers as ARM does: every
 * setting of the app. A scenario gives them as a resource `{app id}/config/appsettings` with
 * `properties` (secrets included, to show they never leave the read); an app without one has none.
 */
export function listAppSettings(scenario: Scenario, rawPath: string): RouteResult | undefined {
  const path = lower(decodeURIComponent(rawPath)).replace(/\/+$/, '');
  const site = APP_SETTINGS_LIST.exec(path)?.[1];
  if (!site) return undefined;
  const index = indexOf(scenario);
  const app = index.byId.get(site);
  if (!app) return armError(404, 'ResourceNotFound', `The Resource 'Microsoft.Web/sites/${site.split('/').pop()}' was not found.`);
  const settings = index.byId.get(`${site}/config/appsettings`);
  return { status: 200, body: settings ?? { id: `${app.id}/config/appsettings`, name: 'appsettings', type: 'Microsoft.Web/sites/config', properties: {} } };
}
