/**
 * The result of `vnet-doctor scan`: one row per app x VNet of a gateway-required integration,
 * what could not be read (structured: which read, which resource, which status), and each
 * subscription's state. Exported for the commands built on a scan's rows (runbooks).
 */
import type { Severity } from '../engine/types.ts';

export const SCAN_SCHEMA_VERSION = 2;

/** ready: every fact the migration flow needs is known and nothing blocks; blocked: a finding blocks; unknown: a fact could not be read. */
export type Readiness = 'ready' | 'blocked' | 'unknown';

export interface ScanFinding {
  readonly id: string;
  readonly severity: Severity;
}

/** One app x VNet of a gateway-required integration, with its readiness to move to regional integration. */
export interface ScanRow {
  /** Resource ids (the VNet or gateway may be unknown: null). `app` is the production app's, also for a slot's row. */
  readonly app: string;
  /** The deployment slot this row is about (its own integration), or null for the production app. */
  readonly slot: string | null;
  readonly plan: string;
  readonly vnet: string | null;
  readonly gateway: string | null;
  readonly findings: readonly ScanFinding[];
  readonly readiness: Readiness;
  /** Blocking finding ids (readiness blocked), or what could not be read, in words (readiness unknown). */
  readonly blockers: readonly string[];
  /** Days from the scan's date until gateway-required integration retires. */
  readonly daysLeft: number;
}

export type ScanSubscriptionStatus = 'scanned' | 'partial' | 'failed' | 'cut-short';

export interface ScanSubscription {
  readonly id: string;
  /**
   * scanned: read; partial: some plans or apps could not be read; failed: nothing could be read;
   * cut-short: its time bound ran out (what was not read by then is counted as not read).
   */
  readonly status: ScanSubscriptionStatus;
  /** Windows plans whose VNet connections could not be read: their apps are not rows (they may or may not be integrated). */
  readonly plansNotRead: number;
  /** Apps on plans with a gateway-required connection whose own connections could not be read. */
  readonly appsNotRead: number;
  /** Why it was not fully read, in the tool's words (built from `errors`). */
  readonly error?: string;
}

/** Which read failed. */
export type ScanRead =
  | 'resource-graph' | 'plans' | 'apps' | 'vnets'
  | 'plan' | 'plan-connections' | 'app-connections' | 'slots' | 'app-network-config'
  | 'vnet' | 'peered-vnet' | 'gateways' | 'gateway' | 'connections' | 'local-gateways';

/**
 * How a read failed: ARM answered with an error status; no answer in time; the request guard
 * refused the answer (another host, too large, a list without end); the answer was not usable;
 * no connection; the subscription's time bound ran out first; Resource Graph's quota asked for a
 * longer wait than the scan makes; Resource Graph repeated a page or truncated the list.
 */
export type ScanProblem = 'status' | 'timeout' | 'refused' | 'unusable' | 'network' | 'cut-short' | 'quota' | 'paging' | 'truncated';

export interface ScanError {
  readonly read: ScanRead;
  /** The resource the read was about: an ARM id, a resource group id, or `/subscriptions/{id}`. */
  readonly resource: string;
  readonly problem: ScanProblem;
  /** ARM's HTTP status (problem status). */
  readonly status?: number;
  /** How long Resource Graph asked to wait (problem quota). */
  readonly waitMs?: number;
  /** What ARM said, as received (masked for tokens). Never in a redacted scan. */
  readonly detail?: string;
}

export interface ScanReport {
  readonly schemaVersion: number;
  readonly generatedAt: string;
  /** How the resources were listed. */
  readonly enumeration: 'resource-graph' | 'arm';
  readonly subscriptions: readonly ScanSubscription[];
  readonly rows: readonly ScanRow[];
  readonly errors: readonly ScanError[];
  readonly redacted?: boolean;
}
