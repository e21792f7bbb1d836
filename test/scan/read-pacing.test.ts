/**
 * A subscription's reads paced by what ARM's answers report (x-ms-ratelimit-remaining-subscription-reads):
 * the estimate refills at the documented rate but never past the most the bucket has shown, so a
 * pause does not let a burst through that the real bucket would refuse (the flaky 429 in
 * readiness.test.ts under load: the estimate refilled to the documented 250 where the bucket held 4).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { SubscriptionReads } from '../../src/scan/scan-read.ts';

const answer = (left: number) => (name: string) => (name === 'x-ms-ratelimit-remaining-subscription-reads' ? String(left) : undefined);

/** How many reads `pace` lets through before the next would have to wait. */
async function burst(reads: SubscriptionReads, most: number): Promise<number> {
  let sent = 0;
  for (; sent < most; sent += 1) {
    const gate = new AbortController();
    const paced = reads.pace(gate.signal).then(() => true, () => false);
    const first = await Promise.race([paced, sleep(5).then(() => false)]);
    gate.abort();
    if (!first) break;
  }
  return sent;
}

test('after a pause, no more reads go at once than the bucket has ever shown it holds', async () => {
  const reads = new SubscriptionReads('s', 60_000);
  try {
    await reads.pace(new AbortController().signal);
    reads.observe(200, answer(3));
    reads.settled();
    // Long enough for the documented refill rate to fill a 250-read bucket many times over.
    await sleep(300);
    const sent = await burst(reads, 20);
    assert.ok(sent <= 4, `at most the 4 reads the bucket held (3 left after one), not ${sent}`);
    assert.ok(sent >= 1, 'reads still go');
  } finally {
    reads.dispose();
  }
});
