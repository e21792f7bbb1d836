/** What scan says when it cannot start, read as sentences. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scan } from '../scan/run-scan.ts';

test('subscriptions that cannot be listed: the reason once, then how to name them; exit 2', async () => {
  const run = await scan(['--format', 'json'], { faults: [{ path: '/subscriptions?', status: 403 }] });
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.equal(run.stderr, 'vnet-doctor: cannot list subscriptions: ARM 403 Forbidden: Injected 403 Forbidden for /subscriptions. Name the subscriptions with --subscription.');
});
