/**
 * A VPN gateway deployed in another resource group than its VNet is still found: the
 * GatewaySubnet's IP configurations name it, so the app is not told its VNet has no gateway.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScenario, type Scenario } from '../../src/emulator/scenarios.ts';
import { gatewaysOutsideList } from '../../src/facts/arm/gather-arm.ts';
import { gatherThrough, withEmulator } from '../arm/support.ts';

const NET = '/resourceGroups/rg-contoso-network/providers/Microsoft.Network/virtualNetworkGateways/gw-hub';
const ELSEWHERE = '/resourceGroups/rg-contoso-gateways/providers/Microsoft.Network/virtualNetworkGateways/gw-hub';

/** The healthy demo with its gateway moved to rg-contoso-gateways (every reference follows). */
function gatewayElsewhere(): Scenario {
  const healthy = loadScenario('healthy');
  return JSON.parse(JSON.stringify(healthy).replaceAll(NET, ELSEWHERE)) as Scenario;
}

test('a gateway in another resource group is read through the GatewaySubnet: no false "no gateway"', async () => {
  const scenario = gatewayElsewhere();
  await withEmulator(scenario, {}, async (emulator) => {
    const gathering = await gatherThrough(emulator, scenario);
    assert.deepEqual(gathering.errors, []);
    const value = (key: string) => gathering.facts[key]?.value;
    assert.deepEqual([value('gateway.exists'), value('gateway.name'), value('gateway.resourceGroup'), value('p2s.protocols')], [true, 'gw-hub', 'rg-contoso-gateways', ['SSTP']]);
  });
});

test('only gateways the list missed are read again', () => {
  const subnets = [{ name: 'GatewaySubnet', ipConfigurations: [{ id: `/subscriptions/s${ELSEWHERE}/ipConfigurations/default` }, { id: `/subscriptions/s${NET}/ipConfigurations/default` }] }];
  const missing = gatewaysOutsideList(subnets, [{ id: `/subscriptions/s${NET}` }]);
  assert.deepEqual(missing.map((id) => [id.resourceGroup, id.name]), [['rg-contoso-gateways', 'gw-hub']]);
  assert.deepEqual(gatewaysOutsideList([{ name: 'snet-data', ipConfigurations: [{ id: `/subscriptions/s${ELSEWHERE}/ipConfigurations/x` }] }], []), [], 'only the GatewaySubnet counts');
});
