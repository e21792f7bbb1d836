/** Azure resource ids: parsing the parts vnet-doctor needs, case-insensitively as ARM does. */

export interface ResourceId {
  readonly id: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  /** Provider namespace, e.g. "Microsoft.Network". */
  readonly provider: string;
  /** Resource type below the provider, e.g. "virtualNetworks". */
  readonly type: string;
  readonly name: string;
}

const PATTERN = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+)\/([^/]+)\/([^/]+)/i;

/** Parses `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/...]`, or undefined. */
export function parseResourceId(id: string | undefined): ResourceId | undefined {
  if (!id) return undefined;
  const match = PATTERN.exec(id.trim());
  if (!match) return undefined;
  const [, subscriptionId, resourceGroup, provider, type, name] = match;
  return { id: id.trim(), subscriptionId: subscriptionId!, resourceGroup: resourceGroup!, provider: provider!, type: type!, name: name! };
}

export const sameId = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The VNet id a subnet id belongs to (`.../virtualNetworks/{vnet}/subnets/{subnet}`). */
export const vnetIdOfSubnet = (subnetId: string): string => subnetId.replace(/\/subnets\/[^/]+$/i, '');
