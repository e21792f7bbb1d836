/**
 * Where Kudu lives for an app: the host name ARM lists with hostType "Repository". That name is
 * data from ARM and decides where the bearer token goes, so only the app's own SCM host is
 * accepted, never merely a host in an App Service domain (another tenant's app, or another App
 * Service Environment, lives there too):
 *
 *   <app>.scm.azurewebsites.net                          (also .azurewebsites.us, .chinacloudsites.cn)
 *   <app>-<slot>.scm.azurewebsites.net                   a deployment slot
 *   <app>.scm.<ase>.appserviceenvironment.net            the App Service Environment the site names
 *   <app>-<hash>.scm.<region>-01.azurewebsites.net       the unique default host name of apps created
 *                                                        since June 2024 (hash: 16 letters and digits)
 *
 * Learn: the App Service quickstarts' regionalization note (MicrosoftDocs/azure-docs
 * articles/app-service/includes/regionalization-note.md: `<app-name>-<random-hash>.<region>.azurewebsites.net`,
 * e.g. myapp-ds27dh7271aah175.westus-01.azurewebsites.net; its SCM host adds `.scm` after the
 * first label), app-service/environment/networking (ASE v3 apps: <app>.<ase>.appserviceenvironment.net,
 * SCM <app>.scm.<ase>.appserviceenvironment.net). A name longer than a DNS label allows (the
 * platform shortens it) is not recognised: such an app is not probed, and the reason says so.
 */
import { isHostName } from './kudu-commands.ts';

/** App Service's domains in the public and sovereign clouds. */
const APP_DOMAINS = ['azurewebsites.net', 'azurewebsites.us', 'chinacloudsites.cn'];
/** The domain of App Service Environment v3, per cloud. */
const ASE_DOMAINS = ['appserviceenvironment.net', 'appserviceenvironment.us', 'appserviceenvironment.cn'];
/** The random part of a unique default host name, e.g. myapp-ds27dh7271aah175.westus-01.azurewebsites.net. */
const UNIQUE_HASH = /^[a-z0-9]{16}$/;
/** The regional label of a unique default host name, e.g. westus-01. */
const REGION_LABEL = /^[a-z0-9]+-\d{2}$/;

export interface HostNameSslState {
  readonly name?: string;
  readonly hostType?: string;
}

/** What ARM says about the site that decides which SCM host is its own. */
export interface ScmSite {
  readonly hostNameSslStates?: readonly HostNameSslState[];
  /** The App Service Environment the site runs in, if any ({id, name} as ARM sends it). */
  readonly hostingEnvironmentProfile?: { readonly id?: string; readonly name?: string };
}

/** The app whose SCM host it must be: its name (from the resource id asked for) and slot, if any. */
export interface ScmApp {
  readonly name: string;
  readonly slot?: string;
}

/** True when `host` is the SCM host of exactly this app (see the forms above). */
export function isOwnScmHost(host: string, app: ScmApp, aseName?: string): boolean {
  const lower = host.toLowerCase();
  if (!isHostName(lower) || lower.endsWith('.')) return false;
  const label = (app.slot === undefined ? app.name : `${app.name}-${app.slot}`).toLowerCase();
  const [first, scm, ...domain] = lower.split('.');
  if (scm !== 'scm' || first === undefined) return false;
  const rest = domain.join('.');
  if (first === label) {
    if (APP_DOMAINS.includes(rest)) return true;
    const ase = aseName?.toLowerCase();
    return ase !== undefined && ASE_DOMAINS.some((suffix) => rest === `${ase}.${suffix}`);
  }
  // The unique default host name: <app>-<hash>.scm.<region>-01.<domain>.
  if (!first.startsWith(`${label}-`) || !UNIQUE_HASH.test(first.slice(label.length + 1))) return false;
  const [region, ...cloud] = domain;
  return region !== undefined && REGION_LABEL.test(region) && APP_DOMAINS.includes(cloud.join('.'));
}

/** The ASE's name: from the profile, else the last segment of its id. */
function aseNameOf(site: ScmSite): string | undefined {
  const profile = site.hostingEnvironmentProfile;
  const name = profile?.name ?? profile?.id?.split('/').at(-1);
  return name && /^[A-Za-z0-9-]{1,60}$/.test(name) ? name : undefined;
}

/** https://<the app's own SCM host>, or why there is none. */
export function scmOrigin(site: ScmSite, app: ScmApp): { origin: string } | { reason: string } {
  const repository = (site.hostNameSslStates ?? []).find((state) => (state.hostType ?? '').toLowerCase() === 'repository' && state.name);
  if (!repository) return { reason: 'ARM lists no SCM (Kudu) host name for the app' };
  if (!isOwnScmHost(repository.name!, app, aseNameOf(site))) {
    return { reason: `the SCM host name "${repository.name!.slice(0, 100)}" is not the SCM host of app ${app.name}; no token is sent there` };
  }
  return { origin: `https://${repository.name!.toLowerCase()}` };
}

/** --scm-endpoint: an https origin (tests point it at the local Kudu emulator). */
export function scmEndpointOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--scm-endpoint must be an https URL, not "${value}"`);
  }
  if (url.protocol !== 'https:') throw new Error(`--scm-endpoint must use https, not "${url.protocol}"`);
  return url.origin;
}
