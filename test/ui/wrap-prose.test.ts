/** Question text that names a command (issue 19 item 7): a command that fits on a row is never broken inside. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrapProse } from '../../src/ui/findings-lines.ts';

test('a short command in prose moves to the next row whole; rows never start with a space', () => {
  const text = "In the app's Kudu console (Debug console > CMD), run: tcpping 10.10.1.20:1433. What happens? From a VM, does Test-NetConnection 10.10.1.20 -Port 1433 connect?";
  for (const width of [40, 50, 60, 80]) {
    const rows = wrapProse(text, width);
    assert.ok(rows.some((row) => row.includes('tcpping 10.10.1.20:1433.')), `${width}: tcpping whole on one row:\n${rows.join('\n')}`);
    assert.ok(rows.some((row) => row.includes('Test-NetConnection 10.10.1.20 -Port 1433')), `${width}: Test-NetConnection whole on one row`);
    assert.ok(rows.every((row) => [...row].length <= width && !row.startsWith(' ')), `${width}: rows fit and never start with a space`);
    assert.equal(rows.join(' '), text, 'nothing lost or changed');
  }
});
