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

/** Diagnostics printed at most; a file with thousands of problems gets the first ones and a count. */
export const MAX_PRINTED_DIAGNOSTICS = 50;

/** The lines to print for a list of diagnostics: the first `limit`, then "... and N more problems". */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], limit: number = MAX_PRINTED_DIAGNOSTICS): string[] {
  const shown = diagnostics.slice(0, limit).map(formatDiagnostic);
  const more = diagnostics.length - shown.length;
  if (more > 0) shown.push(`... and ${more} more problem${more === 1 ? '' : 's'} (fix the ones above first)`);
  return shown;
}
