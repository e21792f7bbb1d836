/**
 * What a migration runbook reads from ARM on top of a session's facts (arm/fetch-migration.ts
 * reads them; src/migrate builds the runbook from them).
 */

/** An inbound NSG rule read from ARM that names the point-to-site pool by its address (not by a tag). */
export interface PoolRule {
  readonly access: 'Allow' | 'Deny';
  readonly nsg: string;
  readonly resourceGroup: string;
  readonly subscriptionId: string;
  readonly rule: string;
  /** The rule's resource id (`.../networkSecurityGroups/{nsg}/securityRules/{rule}`), for `az network nsg rule update --ids`. */
  readonly id: string;
  readonly priority: number;
  /** Inbound: the app's traffic enters the NSG's subnets (replies pass outbound rules statefully). */
  readonly direction: 'Inbound';
  /** The rule's source prefixes as ARM returns them (sourceAddressPrefix and sourceAddressPrefixes). */
  readonly sourcePrefixes: readonly string[];
  /** Subnets the NSG is attached to (names), for the reader. */
  readonly subnets: readonly string[];
}

/** A deployment slot of the app and its integration, read from ARM. */
export interface SlotInfo {
  readonly name: string;
  /** The slot's gateway-required connection (VNet name), when it has one. */
  readonly gatewayVnet?: string;
  /** The slot already uses regional integration. */
  readonly regional?: boolean;
}

/** Something read for the runbook on top of the session's facts: its value, or why it could not be read. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string; readonly status?: number };
