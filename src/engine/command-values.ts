/**
 * Which values may go into a command, judged by what the fact is: its catalogue type (ip, cidr,
 * hostname, port...) and, for Azure names, the naming rules of that resource type (Microsoft
 * Learn: azure-resource-manager/management/resource-name-rules). A value that breaks its rule
 * did not come from Azure as it claims (or was mistyped), so a step shows a blank instead of it.
 * Quoting for the shell (src/text/shell-quote.ts) comes on top: validation keeps nonsense out,
 * quoting keeps even valid but unusual names (`rg-net(prod).eu`) one argument.
 */
import type { FactDefinition } from './types.ts';
import { parseIPv4 } from './net.ts';

export type ValueRule =
  | 'resource-group' | 'resource-name' | 'app-name' | 'slot-name' | 'plan-name' | 'location' | 'guid' | 'resource-id'
  | 'ip' | 'cidr' | 'hostname' | 'port' | 'number' | 'date' | 'token' | 'target-arg' | 'text';

/** Line breaks, control characters and bidi controls: never part of a value a command may hold. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Resource group: 1-90 letters or digits (Unicode), underscores, hyphens, periods and
 * parentheses, not ending in a period. A leading hyphen is refused as well: the Azure CLI would
 * read `-g -x` as another option.
 */
const RESOURCE_GROUP = /^(?!-)[\p{L}\p{N}_.()-]{0,89}[\p{L}\p{N}_()-]$/u;
/** VNet, subnet, gateway, NSG, peering, connection: 1-80 of A-Z a-z 0-9 _ . -, starting alphanumeric, ending alphanumeric or _. */
const RESOURCE_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
/** Web app: 2-60 letters, digits and hyphens, not starting or ending with a hyphen. */
const APP_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,58}[A-Za-z0-9]$/;
/** Deployment slot: letters, digits and hyphens (App Service's rule for slot names), as --slot takes them. */
const SLOT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,58}$/;
/** App Service plan: 1-60 letters (Unicode), digits and hyphens. */
const PLAN_NAME = /^[\p{L}\p{N}-]{1,60}$/u;
/** Region as ARM or the portal writes it: "westeurope" or "West Europe". */
const LOCATION = /^[A-Za-z0-9][A-Za-z0-9 ()-]{0,49}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** ARM resource id: /subscriptions/{guid}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/{type}/{name}...]. */
const RESOURCE_ID = /^\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/resourceGroups\/(?!-)[\p{L}\p{N}_.()-]{0,89}[\p{L}\p{N}_()-]\/providers\/[A-Za-z0-9]+\.[A-Za-z0-9.]+(?:\/[A-Za-z0-9]+\/[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?)+$/iu;
/** DNS name: labels of letters, digits, hyphens (and _ as in SRV names), at most 253 characters. */
const HOST_LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;
/** A word of `session.targetArgs`: one of the target flags, or a demo scenario id. */
const TARGET_WORD = /^(?:--offline|--demo|--app|[a-z0-9][a-z0-9-]{0,62})$/;
/** Enum-like values (plan tier, VPN type, protocol): letters, digits, _ . - */
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;

/** The rule for a fact key: Azure naming by the key's last segment, else the catalogue type. */
export function ruleFor(key: string, definition: FactDefinition | undefined): ValueRule {
  const last = key.split('.').at(-1)!;
  if (/resourceGroup$/i.test(last)) return 'resource-group';
  if (/subscriptionId$|tenantId$/i.test(last)) return 'guid';
  if (last === 'id' || /[a-z]Ids?$/.test(last)) return 'resource-id';
  if (key === 'session.targetArgs') return 'target-arg';
  if (key === 'app.name') return 'app-name';
  if (key === 'app.slot') return 'slot-name';
  if (key === 'plan.name') return 'plan-name';
  if (/location$/i.test(last) && definition?.type !== 'choice') return 'location';
  if (/dnsServers?$/i.test(last)) return 'ip';
  switch (definition?.type) {
    case 'ip': return 'ip';
    case 'cidr': case 'cidr-list': return 'cidr';
    case 'hostname': return 'hostname';
    case 'port': return 'port';
    case 'number': return 'number';
    case 'date': return 'date';
    case 'choice': case 'yes-no': return 'token';
    default: break;
  }
  if (last === 'name' || /[a-z]Name$/.test(last)) return 'resource-name';
  return 'text';
}

function validHost(value: string): boolean {
  if (parseIPv4(value)) return true;
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => HOST_LABEL.test(label));
}

function validIPv4(value: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(value) && value.split('.').every((part) => Number(part) <= 255);
}

function validCidr(value: string): boolean {
  const [address, length, extra] = value.split('/');
  return extra === undefined && address !== undefined && validIPv4(address) && length !== undefined && /^\d{1,2}$/.test(length) && Number(length) <= 32;
}

/** True when the value may go into a command under the rule. */
export function validForRule(value: string, rule: ValueRule): boolean {
  if (UNPRINTABLE.test(value)) return false;
  switch (rule) {
    case 'resource-group': return RESOURCE_GROUP.test(value);
    case 'resource-name': return RESOURCE_NAME.test(value);
    case 'app-name': return APP_NAME.test(value);
    case 'slot-name': return SLOT_NAME.test(value);
    case 'plan-name': return PLAN_NAME.test(value);
    case 'location': return LOCATION.test(value);
    case 'guid': return GUID.test(value);
    case 'resource-id': return RESOURCE_ID.test(value);
    case 'ip': return validIPv4(value);
    case 'cidr': return validCidr(value);
    case 'hostname': return validHost(value);
    case 'port': return /^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65535;
    case 'number': return /^-?\d+(\.\d+)?$/.test(value);
    case 'date': return /^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$/.test(value);
    case 'token': return TOKEN.test(value);
    case 'target-arg': return TARGET_WORD.test(value) || RESOURCE_ID.test(value);
    case 'text': return value.length <= 400;
  }
}
