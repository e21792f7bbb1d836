/**
 * The emulator for the scan benchmark, in its own process so the scan's memory is measured
 * alone: serves the synthetic tenant (at SCALE, 1 = full size) with a fixed latency per response
 * and prints its URL, certificate and what the tenant holds (counted from the served resources)
 * as one JSON line; stops when stdin closes.
 *
 *   node --import tsx bench/scan-emulator.ts LATENCY_MS [SCALE] [throttled]
 *
 * `throttled`: ARM's read throttling as documented (limits.ts: a bucket per subscription).
 */
import type { ScenarioResource } from '../src/emulator/scenarios.ts';
import { startEmulator } from '../src/emulator/server.ts';
import { SUBSCRIPTIONS, syntheticTenant } from './scan-tenant.ts';
import { ARM_SUBSCRIPTION_READ_BUCKET, ARM_SUBSCRIPTION_READS_PER_SECOND } from '../src/facts/limits.ts';

export const BENCH_TOKEN = 'scan-bench-token';
const scenario = syntheticTenant(Number(process.argv[3] ?? 1));
const count = (test: (resource: ScenarioResource) => boolean) => scenario.resources.filter(test).length;
const tenant = {
  subscriptions: SUBSCRIPTIONS.length,
  plans: count((resource) => resource.type === 'Microsoft.Web/serverfarms'),
  apps: count((resource) => resource.type === 'Microsoft.Web/sites'),
  connections: count((resource) => resource.id.includes('/sites/') && resource.id.includes('/virtualNetworkConnections/')),
  gateways: count((resource) => resource.type === 'Microsoft.Network/virtualNetworkGateways'),
};
const throttled = process.argv[4] === 'throttled';
const emulator = await startEmulator({
  scenario, token: BENCH_TOKEN, latencyMs: Number(process.argv[2] ?? 50),
  ...(throttled ? { armReads: { bucket: ARM_SUBSCRIPTION_READ_BUCKET, refillPerSecond: ARM_SUBSCRIPTION_READS_PER_SECOND } } : {}),
});
process.stdout.write(`${JSON.stringify({ url: emulator.url, ca: emulator.ca, tenant })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  const byStatus: Record<string, number> = {};
  for (const request of emulator.requests) byStatus[request.status] = (byStatus[request.status] ?? 0) + 1;
  // The reads ARM's throttling counts: GETs under /subscriptions/ (Resource Graph's queries are POSTs).
  const reads = emulator.requests.filter((request) => request.method === 'GET' && /^\/subscriptions\//i.test(request.path)).length;
  // The most requests in flight at once (a sweep over the log): what the scan's floor divides by.
  const edges = emulator.requests.flatMap((request) => [[request.startedAt, 1], [request.endedAt || Infinity, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inFlight = 0;
  let maxInFlight = 0;
  for (const [, step] of edges) maxInFlight = Math.max(maxInFlight, (inFlight += step));
  process.stderr.write(`${JSON.stringify({ requests: emulator.requests.length, reads, byStatus, maxInFlight })}\n`);
  void emulator.stop().then(() => process.exit(0));
});
