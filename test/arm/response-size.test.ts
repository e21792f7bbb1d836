/**
 * Answers are read up to MAX_ARM_RESPONSE_BYTES: a bigger one is dropped as soon as it passes
 * the limit, recorded as an error, and the facts it would have given stay unknown. The real SDK
 * clients read a padded list streamed by the emulator.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ARM_RESPONSE_BYTES } from '../../src/facts/limits.ts';
import { gatherThrough, withEmulator } from './support.ts';

test('a list answer beyond the limit is refused: an error naming the limit, the list facts unknown, the connection dropped', async () => {
  const faults = [{ path: '/virtualNetworkGateways', paddingBytes: MAX_ARM_RESPONSE_BYTES + 1024 * 1024 }];
  await withEmulator('healthy', { faults }, async (emulator, scenario) => {
    // Streaming 20 MB through TLS in one process can take seconds on a busy machine: only the size may end this read.
    const g = await gatherThrough(emulator, scenario, { timeoutMs: 600_000 });
    const reason = g.facts['gateway.exists']?.reason ?? '';
    assert.equal(g.facts['gateway.exists']?.value, null);
    assert.match(reason, new RegExp(`larger than ${MAX_ARM_RESPONSE_BYTES / (1024 * 1024)} MB`));
    assert.ok(g.errors.some((error) => error.source === 'LIST virtualNetworkGateways in rg-contoso-network' && error.reason === reason));
    assert.equal(g.facts['vnet.name']?.value, 'vnet-hub', 'the other reads are kept');
    const list = emulator.requests.find((r) => r.path.toLowerCase().endsWith('/virtualnetworkgateways'));
    assert.ok(list);
    assert.equal(await emulator.whenClosed(list), true, 'the rest of the answer was not downloaded');
  });
});

test('a big answer within the limit is read as usual', async () => {
  await withEmulator('healthy', { faults: [{ path: '/virtualNetworkGateways', paddingBytes: 2 * 1024 * 1024 }] }, async (emulator, scenario) => {
    const g = await gatherThrough(emulator, scenario, { timeoutMs: 600_000 });
    assert.equal(g.facts['gateway.exists']?.value, true);
    assert.deepEqual(g.errors, []);
  });
});
