/** A problem found in a flow or catalogue file: where it is and what is wrong. */
export interface Diagnostic {
  readonly file: string;
  /** Flow node id (or catalogue entry) the problem is in, when there is one. */
  readonly node?: string;
  readonly line?: number;
  readonly message: string;
}

/** `flows/dns.yaml:12: node "ask-servers": next -> "nope" is not a node of this flow` */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}`;
  return d.node === undefined ? `${where}: ${d.message}` : `${where}: node "${d.node}": ${d.message}`;
}
