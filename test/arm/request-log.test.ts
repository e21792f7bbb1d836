/**
 * The emulator's request log shows how gathering uses ARM: no resource is read twice, and
 * calls run in parallel along the dependency graph (critical path of at most four sequential
 * round trips). Latency is injected so overlapping requests are visible.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequestRecord } from '../../src/emulator/server.ts';
import { gatherThrough, withEmulator } from './support.ts';
// Loaded up front: the emulator runs in this process, and loading a large module blocks it.
import '@azure/arm-appservice';
import '@azure/arm-network';

/** Well above the stalls of a busy machine (tens of ms), so only real dependencies order the requests. */
const LATENCY_MS = 300;

// One gathering first, so first-use costs (TLS set-up, SDK start-up) do not look like round trips.
before(() => withEmulator('healthy', {}, async (emulator, scenario) => { await gatherThrough(emulator, scenario); }));

/** Sequential depth of each request: 1 + the deepest request that ended before it started. */
export function criticalPath(requests: readonly RequestRecord[]): number {
  const depth = new Map<RequestRecord, number>();
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  for (const request of sorted) {
    const before = sorted.filter((other) => other.endedAt > 0 && other.endedAt <= request.startedAt);
    depth.set(request, 1 + Math.max(0, ...before.map((other) => depth.get(other) ?? 0)));
  }
  return Math.max(0, ...depth.values());
}

for (const id of ['healthy', 'peering-no-transit', 'cross-subscription-vnet']) {
  test(`${id}: no duplicate GET, critical path at most 4 round trips`, async () => {
    await withEmulator(id, { latencyMs: LATENCY_MS }, async (emulator, scenario) => {
      const gathering = await gatherThrough(emulator, scenario);
      const paths = emulator.requests.map((r) => `${r.method} ${r.path.toLowerCase()}`);
      assert.deepEqual(paths.filter((p, i) => paths.indexOf(p) !== i), [], 'duplicate requests');
      const depth = criticalPath(emulator.requests);
      console.log(`# ${id}: ${emulator.requests.length} requests, critical path ${depth} round trips, gathering reported ${gathering.stats?.rounds} rounds in ${gathering.stats?.ms} ms`);
      assert.ok(depth <= 4, `critical path ${depth}`);
      assert.equal(depth, gathering.stats?.rounds, 'the reported rounds match the request log');
      assert.equal(gathering.stats?.requests, emulator.requests.length);
      // Round trips, not requests, set the time: far less than the calls one after another.
      assert.ok(gathering.stats!.ms < emulator.requests.length * LATENCY_MS, `${gathering.stats!.ms} ms for ${emulator.requests.length} requests`);
    });
  });
}

test('the critical-path measure counts sequential dependencies, not requests', () => {
  const r = (startedAt: number, endedAt: number): RequestRecord => ({ method: 'GET', path: '/', url: '/', authorization: true, status: 200, startedAt, endedAt });
  assert.equal(criticalPath([r(0, 10), r(0, 10), r(11, 20), r(11, 20), r(21, 30)]), 3);
  assert.equal(criticalPath([r(0, 10), r(1, 12), r(2, 14)]), 1);
});
