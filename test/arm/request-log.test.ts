/**
 * The emulator's request log shows how gathering uses ARM: no resource is read twice, and
 * calls follow the dependency graph (at most four dependent rounds). How much they overlap in
 * time is a benchmark figure (bench/arm), not a test.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { gatherThrough, withEmulator } from './support.ts';
// Loaded up front: the emulator runs in this process, and loading a large module blocks it.
import '@azure/arm-appservice';
import '@azure/arm-network';

// One gathering first, so first-use costs (TLS set-up, SDK start-up) are out of the way.
before(() => withEmulator('healthy', {}, async (emulator, scenario) => { await gatherThrough(emulator, scenario); }));

for (const id of ['healthy', 'peering-no-transit', 'cross-subscription-vnet']) {
  test(`${id}: no duplicate GET, every request counted, at most 4 dependent rounds`, async () => {
    await withEmulator(id, {}, async (emulator, scenario) => {
      const gathering = await gatherThrough(emulator, scenario);
      const paths = emulator.requests.map((r) => `${r.method} ${r.path.toLowerCase()}`);
      assert.deepEqual(paths.filter((p, i) => paths.indexOf(p) !== i), [], 'duplicate requests');
      assert.equal(gathering.stats?.requests, emulator.requests.length, 'the gatherer counts every request the emulator saw');
      assert.ok(gathering.stats!.rounds >= 1 && gathering.stats!.rounds <= 4, `dependent rounds: ${gathering.stats!.rounds}`);
    });
  });
}
