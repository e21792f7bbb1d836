/**
 * How many cases a fast-check property tries: a tenth of its full count in `npm test` (at least
 * 20), so the suite stays quick, and the full count under FUZZ=1 (`FUZZ=1 npm test`), for a
 * deeper search before a release or after changing a parser. fast-check's seed is random per run,
 * so the quick runs still explore new cases every time; a failure prints the seed to replay.
 */
export function propertyRuns(full: number): number {
  return process.env.FUZZ === '1' ? full : Math.max(20, Math.ceil(full / 10));
}
