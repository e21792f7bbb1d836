/**
 * The emulator for the scan benchmark, in its own process so the scan's memory is measured
 * alone: serves the synthetic tenant with a fixed latency per response and prints its URL and
 * certificate as one JSON line; stops when stdin closes.
 *
 *   node --import tsx bench/scan-emulator.ts LATENCY_MS
 */
import { startEmulator } from '../src/emulator/server.ts';
import { syntheticTenant } from './scan-tenant.ts';

export const BENCH_TOKEN = 'scan-bench-token';
const emulator = await startEmulator({ scenario: syntheticTenant(), token: BENCH_TOKEN, latencyMs: Number(process.argv[2] ?? 50) });
process.stdout.write(`${JSON.stringify({ url: emulator.url, ca: emulator.ca })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  const byStatus: Record<string, number> = {};
  for (const request of emulator.requests) byStatus[request.status] = (byStatus[request.status] ?? 0) + 1;
  process.stderr.write(`${JSON.stringify({ requests: emulator.requests.length, byStatus })}\n`);
  void emulator.stop().then(() => process.exit(0));
});
