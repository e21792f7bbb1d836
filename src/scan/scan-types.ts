/** The result of `vnet-doctor scan`: one row per app x VNet of a gateway-required integration. */
import type { Severity } from '../engine/types.ts';

export const SCAN_SCHEMA_VERSION = 1;

export type Readiness = 'ready' | 'blocked' | 'unknown';

export interface ScanFinding {
  readonly id: string;
  readonly severity: Severity;
}

export interface ScanRow {
  /** Resource ids (the VNet or gateway may be unknown: null). */
  readonly app: string;
  readonly plan: string;
  readonly vnet: string | null;
  readonly gateway: string | null;
  readonly findings: readonly ScanFinding[];
  readonly readiness: Readiness;
  /** Blocking finding ids (readiness blocked), or what could not be read (readiness unknown). */
  readonly blockers: readonly string[];
  /** Days from the scan's date until gateway-required integration retires. */
  readonly daysLeft: number;
}

export interface ScanSubscription {
  readonly id: string;
  /** scanned: read; partial: some plans or apps could not be read; failed: nothing could be read. */
  readonly status: 'scanned' | 'partial' | 'failed';
  readonly error?: string;
}

export interface ScanError {
  /** What was attempted, e.g. "GET serverfarms/asp-1/virtualNetworkConnections". */
  readonly source: string;
  readonly reason: string;
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
