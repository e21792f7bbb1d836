/**
 * What fact gathering says about itself besides the facts: whose facts they are and which reads
 * failed. Defined here, in the facts layer that produces them; reports, sessions and scans carry
 * them on (src/report/report-model.ts re-exports both).
 */

export interface ReportTarget {
  /** How facts were obtained. */
  readonly mode: 'arm' | 'offline' | 'demo';
  /** App resource id, when an app was targeted. */
  readonly appId?: string;
  readonly appName?: string;
  readonly scenario?: string;
}

/** A fact or call that could not be read, and why (the question was asked instead). */
export interface ReportError {
  readonly facts: readonly string[];
  readonly reason: string;
  /** What was attempted, e.g. "GET virtualNetworkGateways/gw-hub". */
  readonly source?: string;
}
