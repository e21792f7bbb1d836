/**
 * Where Kudu lives for an app: the host name ARM lists with hostType "Repository" (for example
 * contoso-api.scm.azurewebsites.net). That name is data from ARM and decides where the bearer
 * token goes, so it must be an SCM host of an App Service domain; anything else is refused.
 */
import { isHostName } from './kudu-commands.ts';

/** App Service's SCM domains in the public and sovereign clouds, and App Service Environments. */
const SCM_SUFFIXES = [
  '.scm.azurewebsites.net', '.scm.azurewebsites.us', '.scm.chinacloudsites.cn',
  '.appserviceenvironment.net', '.appserviceenvironment.us', '.appserviceenvironment.cn',
];

export interface HostNameSslState {
  readonly name?: string;
  readonly hostType?: string;
}

export function isScmHost(host: string): boolean {
  const lower = host.toLowerCase();
  return isHostName(lower) && lower.includes('.scm.') && SCM_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

/** https://<scm host>, or why there is none. */
export function scmOrigin(states: readonly HostNameSslState[] | undefined): { origin: string } | { reason: string } {
  const repository = (states ?? []).find((state) => (state.hostType ?? '').toLowerCase() === 'repository' && state.name);
  if (!repository) return { reason: 'ARM lists no SCM (Kudu) host name for the app' };
  if (!isScmHost(repository.name!)) return { reason: `the SCM host name "${repository.name!.slice(0, 100)}" is not an App Service SCM domain; no token is sent there` };
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
