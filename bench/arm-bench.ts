/**
 * ARM critical path, run by bench/arm.mjs in its own process: every demo scenario is served by
 * the local emulator with a fixed latency on every response, and the facts are gathered as
 * `--demo` does. The request log gives the request count, duplicates and the number of
 * sequential round trips (the longest chain of requests each starting after the previous
 * one ended). Contacts 127.0.0.1 only. Prints one JSON line.
 *
 *   node --import tsx bench/arm-bench.ts LATENCY_MS
 */
import { startEmulator, type RequestRecord } from '../src/emulator/server.ts';
import { listScenarios, loadScenario } from '../src/emulator/scenarios.ts';
import { DEMO_ACCESS_TOKEN, gatherFacts } from '../src/facts/gather-facts.ts';
import { staticTokenCredential } from '../src/facts/arm/context.ts';

export function sequentialRoundTrips(requests: readonly RequestRecord[]): number {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const depth: number[] = [];
  sorted.forEach((request, index) => {
    let before = 0;
    for (let j = 0; j < index; j += 1) if (sorted[j]!.endedAt <= request.startedAt) before = Math.max(before, depth[j]!);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

export function duplicates(requests: readonly RequestRecord[]): string[] {
  const seen = new Map<string, number>();
  for (const request of requests) {
    const key = `${request.method} ${request.path.toLowerCase()}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([key, count]) => `${key} ×${count}`);
}

const latencyMs = Number(process.argv[2] ?? 200);
// The SDK load is measured in the bundle (bench/session.mjs); here only the network path counts.
await Promise.all([import('@azure/arm-appservice'), import('@azure/arm-network')]);
const results = [];
for (const { id } of listScenarios()) {
  const scenario = loadScenario(id);
  const emulator = await startEmulator({ scenario, token: DEMO_ACCESS_TOKEN, latencyMs });
  try {
    const started = performance.now();
    await gatherFacts({ app: scenario.target.app, 'arm-endpoint': emulator.url }, { credential: staticTokenCredential(DEMO_ACCESS_TOKEN), tlsCa: emulator.ca });
    const ms = performance.now() - started;
    results.push({ scenario: id, ms, requests: emulator.requests.length, rounds: sequentialRoundTrips(emulator.requests), duplicates: duplicates(emulator.requests) });
  } finally {
    await emulator.stop();
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
