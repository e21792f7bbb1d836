/** The copy message says what was done (sent through OSC 52), and under tmux how to let it through. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyMessage, osc52 } from '../../src/ui/clipboard.ts';

test('the copy message never claims the text was copied; under tmux it names set-clipboard', () => {
  const plain = copyMessage(3, {});
  assert.equal(plain, "Step 3's command was sent to your terminal's clipboard (OSC 52); paste to check it arrived.");
  assert.doesNotMatch(plain, /copied/);
  assert.match(copyMessage(3, { TMUX: '/tmp/tmux-1000/default,123,0' }), /Under tmux it arrives only with: set -g set-clipboard on$/);
});

test('OSC 52 carries the text base64-encoded', () => {
  assert.equal(osc52('tcpping db:1433'), `\u001b]52;c;${Buffer.from('tcpping db:1433').toString('base64')}\u0007`);
});
