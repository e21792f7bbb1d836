/**
 * Why the wizard draws its own lists and text boxes instead of the stock ink-select-input and
 * ink-text-input (docs/wizard-components.md): the evidence, held by tests, so the decision is
 * revisited if a new version of either package changes what is shown here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import React, { useState } from 'react';
import { render } from 'ink-testing-library';
import SelectInput from 'ink-select-input';
import TextInput from 'ink-text-input';

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('stock SelectInput answers the moment a digit is typed: text meant for a text box would choose rows (issue 19 item 4)', async () => {
  const chosen: string[] = [];
  const items = [{ label: 'reach a host in the VNet', value: 'reach-vnet' }, { label: 'reach on-premises', value: 'reach-onprem' }];
  const app = render(<SelectInput items={items} onSelect={(item) => chosen.push(item.value)} />);
  await flush();
  app.stdin.write('2');
  await flush();
  assert.deepEqual(chosen, ['reach-onprem'], 'a digit alone chose the second row, without Enter');
  app.unmount();
});

function Box({ onValue }: { onValue: (value: string) => void }): React.JSX.Element {
  const [value, setValue] = useState('10.50.1.4');
  return <TextInput value={value} onChange={(next) => { setValue(next); onValue(next); }} />;
}

test('stock TextInput: Delete removes the character before the cursor like Backspace, and Ctrl-U types a "u" instead of clearing the box (issue 19 item 8)', async () => {
  const values: string[] = [];
  const app = render(<Box onValue={(value) => values.push(value)} />);
  await flush();
  app.stdin.write('\u001b[D');      // Left: the cursor before the last character
  await flush();
  app.stdin.write('\u001b[3~');     // Delete
  await flush();
  assert.equal(values.at(-1), '10.50.14', 'Delete took the "." before the cursor, not the "4" after it');
  app.stdin.write('\u0015');        // Ctrl-U
  await flush();
  assert.equal(values.at(-1), '10.50.1u4', 'Ctrl-U typed a "u" into the address instead of clearing the box');
  app.unmount();
});
