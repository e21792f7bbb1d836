/**
 * What a scan keeps of a listed resource is the same whether it is cut from Resource Graph's REST
 * shape directly (pickFlattened: only the shape's fields copied) or lifted whole first and then
 * cut (flattenArmResource + pickShape), for every resource of the demo tenant.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoTenant } from '../../src/emulator/demo-tenant.ts';
import { flattenArmResource } from '../../src/scan/flatten.ts';
import { CONNECTION_SHAPE, GATEWAY_SHAPE, LOCAL_GATEWAY_SHAPE, pickFlattened, pickShape, PLAN_SHAPE, SITE_SHAPE, VNET_SHAPE, type Shape } from '../../src/scan/slim.ts';

const SHAPES: Record<string, Shape> = {
  'microsoft.web/serverfarms': PLAN_SHAPE, 'microsoft.web/sites': SITE_SHAPE, 'microsoft.web/sites/slots': SITE_SHAPE,
  'microsoft.network/virtualnetworks': VNET_SHAPE, 'microsoft.network/virtualnetworkgateways': GATEWAY_SHAPE,
  'microsoft.network/connections': CONNECTION_SHAPE, 'microsoft.network/localnetworkgateways': LOCAL_GATEWAY_SHAPE,
};

test('a resource cut to its shape from the REST shape equals the lifted resource cut to it', async () => {
  const { scenario } = await demoTenant();
  let compared = 0;
  for (const resource of scenario.resources) {
    const shape = SHAPES[String(resource.type).toLowerCase()];
    if (!shape) continue;
    assert.deepEqual(pickFlattened(resource, shape), pickShape(flattenArmResource(resource), shape), resource.id);
    compared += 1;
  }
  assert.ok(compared > 20, `resources compared: ${compared}`);
  // The envelope wins over a property of the same name; fields outside the shape are not copied.
  assert.deepEqual(pickFlattened({ id: 'a', name: 'x', properties: { name: 'y', serverFarmId: 'p', siteConfig: { big: true } } }, SITE_SHAPE), { id: 'a', name: 'x', serverFarmId: 'p' });
});
