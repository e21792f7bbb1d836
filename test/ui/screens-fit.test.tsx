/** Every screen fits the terminal: one header row, a footer packed to the width, findings in a pager. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import { miniFlowSet } from '../support/mini-flows.ts';
import { KEY, startWizard } from './harness.tsx';

const LONG_FLOWS = loadFlowDir(fileURLToPath(new URL('fixtures/long-flows', import.meta.url)));

const rowsOf = (frame: string) => frame.split('\n');
const widest = (frame: string) => Math.max(...rowsOf(frame).map((row) => [...row].length));

for (const columns of [100, 60]) {
  test(`at ${columns} columns the header is one row and no footer row wraps or starts with a space`, async () => {
    const base = miniFlowSet();
    const eligible = base.flows.eligible!;
    const title = 'Eligibility of the app for gateway-required virtual network integration, checked step by step against the plan';
    const flowSet = { ...base, flows: { ...base.flows, eligible: { ...eligible, title } } };
    const ui = startWizard({ flowSet, columns, facts: { 'app.isLinux': { value: false, source: 'arm', detail: 'site app1' }, 'plan.tier': { value: 'Basic', source: 'arm', detail: 'plan asp1' } } });
    const frame = await ui.waitFor((f) => f.includes('Which host and port?'), 'the text question');
    assert.ok(widest(frame) <= columns, `every row fits ${columns} columns:\n${frame}`);
    const header = rowsOf(frame)[0]!;
    assert.match(header, /^vnet-doctor · .*1 answered|^vnet-doctor · .*0 answered/);
    assert.match(header, /offline$/, 'progress and target stay when the title is cut');
    assert.equal(rowsOf(frame)[1], '', 'the row under the header is empty: the header did not wrap');
    const footer = rowsOf(frame).slice(rowsOf(frame).findIndex((row) => row.startsWith('Enter submit')));
    assert.ok(footer.length >= 1 && footer.every((row) => row === '' || !row.startsWith(' ')), `footer rows:\n${footer.join('\n')}`);
    assert.match(frame, /Esc \? help/, 'in a text box, help is Esc ?');
    assert.doesNotMatch(frame, /(^| {2})\? help/m, 'no bare "? help" where ? is typed as text');
    ui.unmount();
  });
}

test('findings taller than the terminal scroll between a fixed header and footer; a save confirmation shows in the footer', async () => {
  const ui = startWizard({ flowSet: LONG_FLOWS, columns: 100, rows: 35 });
  await ui.waitFor((f) => f.includes('Which host and port?'), 'the question');
  ui.type(`db.contoso.local:1433${KEY.enter}`);
  let frame = await ui.waitFor((f) => f.includes('Diagnosis:'), 'the findings');
  assert.ok(rowsOf(frame).length < 35, `the frame (${rowsOf(frame).length} rows) is shorter than the terminal:\n${frame}`);
  assert.match(frame, /^vnet-doctor · /);
  assert.match(frame, /rows 1-\d+ of \d+ · PgDn\/j more/);
  assert.doesNotMatch(frame, /Fourth and last finding/);
  ui.type('\u001b[6~');
  frame = await ui.waitFor((f) => f.includes('Fourth and last finding'), 'the last finding after PgDn');
  assert.match(frame, /^vnet-doctor · /, 'the header stays');
  assert.match(frame, /Diagnosis: 1 error, 2 warnings, 1 note/, 'the diagnosis stays');
  // s, then Enter for the usual format (Markdown), in one read.
  ui.type('s\r');
  frame = await ui.waitFor((f) => f.includes('Report saved to'), 'the confirmation');
  assert.ok(rowsOf(frame).length < 35, 'still shorter than the terminal with the confirmation');
  assert.match(frame, /Report saved to .*report\.md\n.*PgUp\/PgDn/, 'the confirmation sits just above the keys');
  // A long command is never broken onto a second row: cut with "…" on its one row, and c copies it whole.
  ui.type('g');
  frame = await ui.waitFor((f) => f.includes('rows 1-'), 'the top again');
  const command = 'az webapp vnet-integration add --resource-group rg-contoso-production-westeurope --name contoso-api-production --vnet vnet-hub-westeurope --subnet snet-integration-01';
  assert.ok(frame.split('\n').some((row) => row.startsWith('     az webapp vnet-integration add --resource-group') && row.endsWith('…')), `the command cut on its one row:\n${frame}`);
  assert.ok(!frame.split('\n').some((row) => row.includes('snet-integration-01')), 'no row holds the rest of the command');
  assert.doesNotMatch(frame, / \\$/m);
  ui.type('c1');
  await ui.waitFor((f) => f.includes("Step 1's command was sent"), 'the copy message');
  assert.deepEqual(ui.copied, [command]);
  ui.resize(100, 60);
  frame = await ui.waitFor((f) => f.includes('Fourth and last finding') && f.includes('First finding about'), 'everything at once on a taller terminal');
  assert.doesNotMatch(frame, /rows \d+-\d+ of/, 'no position row when everything fits');
  ui.unmount();
});
