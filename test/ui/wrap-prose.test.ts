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

test('a command wider than the row gets rows of its own, broken between arguments with a bash continuation, never inside a quoted argument', () => {
  const command = 'az network vnet-gateway vpn-client show-health -g rg-hub-network -n vgw-hub --subscription 00000000-1111-2222-3333-444444444444 --query "[?name==\'WEBSITE_DNS_SERVER\' || name==\'WEBSITE_DNS_ALT_SERVER\']"';
  const text = `Count the sessions. ${command} lists them (Gateway > Point-to-site sessions in the portal).`;
  for (const width of [60, 80, 120]) {
    const rows = wrapProse(text, width);
    const first = rows.findIndex((row) => row.startsWith('az network'));
    assert.ok(first > 0, `${width}: the command starts a row of its own:\n${rows.join('\n')}`);
    let last = first;
    while (rows[last]!.endsWith(' \\')) last += 1;
    const commandRows = rows.slice(first, last + 1);
    assert.ok(commandRows.length > 1, `${width}: the command needs several rows`);
    // What a mouse copies from those rows, run by bash: the continuations join into the one command.
    assert.equal(commandRows.join('\n').replace(/ \\\n/g, ' '), command, `${width}: the rows are the command, whole`);
    assert.ok(commandRows.slice(1).every((row) => row.startsWith('-')), `${width}: continued rows start at an argument`);
    // The quoted query alone is 72 columns: at 60 its row is wider than the screen (cut there with "…"), never split.
    assert.ok(commandRows.every((row) => [...row].length <= width || !row.includes(' -')), `${width}: every command row fits, but one holding a single argument wider than the row`);
    assert.ok(commandRows.some((row) => row.includes('--query "[?name==\'WEBSITE_DNS_SERVER\' || name==\'WEBSITE_DNS_ALT_SERVER\']"')), `${width}: the quoted query whole on one row`);
    assert.ok(rows[last + 1]!.startsWith('lists them'), `${width}: the prose goes on after the command`);
    assert.ok(rows.every((row) => !row.startsWith(' ')), `${width}: rows never start with a space`);
  }
});
