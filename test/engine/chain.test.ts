import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Chain } from '../../src/engine/chain.ts';

test('appending shares storage but every list keeps exactly its own items', () => {
  const a = Chain.empty<number>().append(1).append(2);
  const b = a.append(3);
  const c = a.append(4); // a branch from an older list
  assert.deepEqual(a.toArray(), [1, 2]);
  assert.deepEqual(b.toArray(), [1, 2, 3]);
  assert.deepEqual(c.toArray(), [1, 2, 4]);
  assert.deepEqual(b.append(5).toArray(), [1, 2, 3, 5]);
  assert.deepEqual(Chain.from([7, 8]).append(9).toArray(), [7, 8, 9]);
});
