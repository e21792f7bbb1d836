import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadFlowDir } from '../../src/flows/flow-dir.ts';
import type { Facts } from '../../src/engine/types.ts';
import type { NsgTarget } from '../../src/facts/nsg-facts.ts';
import { KEY, startWizard } from './harness.tsx';

const flowSet = loadFlowDir();
const arm = (value: Facts[string]['value']) => ({ value, source: 'arm' as const, detail: 'VNet vnet-hub' });

test('naming a target address inside the VNet reads its NSG from ARM in the background', async () => {
  const asked: NsgTarget[] = [];
  const ui = startWizard({
    flowSet,
    flow: 'firewall-timeout',
    sources: {
      gather: async () => ({ facts: { 'vnet.addressSpace': arm(['10.10.0.0/16']), 'p2s.addressPool': arm(['172.16.200.0/24']) }, errors: [], target: { mode: 'offline' } }),
      readNsg: async (_target, _facts, nsg) => {
        asked.push(nsg);
        return { facts: { 'nsg.blocksP2s': { value: true, source: 'arm', detail: 'NSG nsg-data, rule deny-sql' }, 'nsg.name': arm('nsg-data') }, errors: [] };
      },
    },
  });
  await ui.waitFor((f) => f.includes('Which host and port'), 'the target question');
  for (const char of '10.10.1.4:1433') await ui.press(char);
  await ui.press(KEY.enter);
  await ui.waitFor(() => {
    const saved = ui.store.load();
    return saved.kind === 'saved' && saved.session.facts['nsg.blocksP2s']?.value === true;
  }, 'the NSG facts to join the saved session');
  assert.deepEqual(asked, [{ ip: '10.10.1.4', port: 1433 }], 'asked once, for the named address and port');
  ui.unmount();
});
