/**
 * Facts follow the answers (issue 19 item 1): what was read because of an answer (the NSG, route
 * table and NIC of the target's subnet) goes when that answer changes, by back, restart,
 * override or a resumed session, and is read again for the new answer.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionController } from '../../src/session/controller.ts';
import type { FactSources } from '../../src/facts/sources-interface.ts';
import { SessionStore } from '../../src/session/session-store.ts';
import type { Facts } from '../../src/engine/types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();
const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-follow-'));
after(() => rmSync(work, { recursive: true, force: true }));
let dirs = 0;

/** Two subnets: 10.1.1.0/24 behind nsg-deny, 10.1.2.0/24 without an NSG. */
const readNsg: FactSources['readNsg'] = async (_target, _facts, nsg) => ({
  facts: (nsg.ip.startsWith('10.1.1.')
    ? { 'nsg.blocksP2s': { value: true, source: 'arm', detail: 'NSG nsg-deny on subnet snet-data' }, 'nsg.name': { value: 'nsg-deny', source: 'arm' } }
    : { 'nsg.blocksP2s': { value: false, source: 'arm', detail: 'subnet snet-integration has no network security group' } }) as Facts,
  errors: [],
});

function controllerWith(store: SessionStore, preset: Facts = {}) {
  return new SessionController({
    flowSet, derivations: {}, store,
    ...(Object.keys(preset).length > 0 ? { preset: { facts: preset, answers: {}, answerDetails: {} } } : {}),
    sources: { gather: async () => ({ facts: { 'vnet.addressSpace': { value: ['10.1.0.0/16'], source: 'arm' } }, errors: [], target: { mode: 'demo', scenario: 'nsg-blocks-p2s' } }), readNsg },
  });
}

function fresh(preset: Facts = {}) {
  const store = new SessionStore(join(work, `d${(dirs += 1)}`, 'state'));
  return { store, controller: controllerWith(store, preset) };
}

const fact = (controller: SessionController, key: string) => controller.session?.state.facts[key];

async function answerTarget(controller: SessionController, host: string) {
  controller.answer({ host, port: 1433 });
  await controller.settled();
}

for (const [first, second, expected] of [
  ['10.1.2.4', '10.1.1.20', { blocks: true, name: 'nsg-deny' }],
  ['10.1.1.20', '10.1.2.4', { blocks: false, name: undefined }],
] as const) {
  test(`back and a new target (${first} then ${second}): the first target's NSG facts go and the second's are read`, async () => {
    const { controller } = fresh();
    await controller.load({ mode: 'demo', scenario: 'nsg-blocks-p2s' });
    controller.answer(false);
    controller.answer('Basic');
    await answerTarget(controller, first);
    assert.equal(fact(controller, 'nsg.blocksP2s')?.follows, `target ${first}:1433`);
    controller.back();
    assert.equal(fact(controller, 'nsg.blocksP2s'), undefined, 'back to the target question: nothing read for the old target is left');
    await answerTarget(controller, second);
    assert.equal(fact(controller, 'nsg.blocksP2s')?.value, expected.blocks);
    assert.equal(fact(controller, 'nsg.name')?.value, expected.name);
    assert.equal(fact(controller, 'nsg.blocksP2s')?.follows, `target ${second}:1433`);
  });
}

test('restart drops the facts read for the target; answering another target reads its own', async () => {
  const { controller } = fresh();
  await controller.load({ mode: 'demo', scenario: 'nsg-blocks-p2s' });
  controller.answer(false);
  controller.answer('Basic');
  await answerTarget(controller, '10.1.1.20');
  controller.restart();
  assert.equal(fact(controller, 'nsg.name'), undefined);
  controller.answer(false);
  controller.answer('Basic');
  await answerTarget(controller, '10.1.2.4');
  assert.equal(fact(controller, 'nsg.blocksP2s')?.value, false);
  assert.equal(fact(controller, 'nsg.name'), undefined, 'no NSG name of the other subnet');
});

test('override: a target from the answers file, then the engineer names another; the NSG is read for the new one', async () => {
  const preset: Facts = { 'target.host': { value: '10.1.2.4', source: 'answer', detail: 'answers file line 2' }, 'target.port': { value: 1433, source: 'answer', detail: 'answers file line 3' } };
  const { controller } = fresh(preset);
  await controller.load({ mode: 'demo', scenario: 'nsg-blocks-p2s' });
  await controller.settled();
  controller.answer(false);
  controller.answer('Basic');
  await controller.settled();
  assert.equal(fact(controller, 'nsg.blocksP2s')?.value, false);
  controller.override('target');
  await answerTarget(controller, '10.1.1.20');
  assert.equal(fact(controller, 'nsg.blocksP2s')?.value, true);
  assert.equal(fact(controller, 'nsg.name')?.value, 'nsg-deny');
});

test('resume: facts saved for the old target are dropped once the resumed session names another', async () => {
  const { controller, store } = fresh();
  await controller.load({ mode: 'demo', scenario: 'nsg-blocks-p2s' });
  controller.answer(false);
  controller.answer('Basic');
  await answerTarget(controller, '10.1.1.20');
  controller.answer(['172.16.0.0/24']);
  const saved = store.load();
  assert.ok(saved.kind === 'saved');
  assert.equal(saved.session.facts['nsg.name']?.follows, 'target 10.1.1.20:1433', 'the saved facts say which answer they follow');

  const resumed = controllerWith(store);
  resumed.resume(saved.session);
  assert.equal(fact(resumed, 'nsg.name')?.value, 'nsg-deny', 'resumed with the same target: the facts read for it stay');
  resumed.back();
  resumed.back();
  assert.equal(fact(resumed, 'nsg.name'), undefined);
  await answerTarget(resumed, '10.1.2.4');
  assert.equal(fact(resumed, 'nsg.blocksP2s')?.value, false);
  assert.equal(fact(resumed, 'nsg.name'), undefined);
});

test('a read that returns after the target changed is not applied to the new target', async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const store = new SessionStore(join(work, `d${(dirs += 1)}`, 'state'));
  const slow: FactSources['readNsg'] = async (target, facts, nsg, options) => {
    if (nsg.ip === '10.1.1.20') await gate;
    return readNsg!(target, facts, nsg, options);
  };
  const controller = new SessionController({
    flowSet, derivations: {}, store,
    sources: { gather: async () => ({ facts: { 'vnet.addressSpace': { value: ['10.1.0.0/16'], source: 'arm' } }, errors: [], target: { mode: 'demo', scenario: 'x' } }), readNsg: slow },
  });
  await controller.load({ mode: 'demo', scenario: 'x' });
  controller.answer(false);
  controller.answer('Basic');
  controller.answer({ host: '10.1.1.20', port: 1433 });
  controller.back();
  controller.answer({ host: '10.1.2.4', port: 1433 });
  release();
  await controller.settled();
  assert.equal(fact(controller, 'nsg.blocksP2s')?.value, false);
  assert.equal(fact(controller, 'nsg.name'), undefined);
});
