import { test } from 'node:test';
import assert from 'node:assert/strict';
import { miniFlowSet } from '../support/mini-flows.ts';
import type { SavedSession } from '../../src/session/session-schema.ts';
import type { LoadedFacts, TargetChoice } from '../../src/facts/sources-interface.ts';
import { KEY, offlineFacts, startWizard } from './harness.tsx';

const flowSet = miniFlowSet();
const scenarios = [{ id: 'healthy', title: 'A healthy integration', summary: '' }, { id: 'nsg-blocks', title: 'An NSG blocks the pool', summary: '' }];

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

test('the start screen offers the saved session and continues it where it stopped', async () => {
  const saved: SavedSession = {
    format: 1, savedAt: '2026-11-25T12:01:00.000Z', target: { mode: 'offline' }, facts: {}, presetAnswers: {},
    inputs: [{ type: 'answer', question: 'eligible/ask-linux', value: false }],
  };
  const ui = startWizard({ flowSet, beginning: { kind: 'start-screen', saved }, scenarios });
  const screen = await ui.waitFor((f) => f.includes('Which app are we looking at?'), 'the start screen');
  assert.match(screen, /❯ Continue the interrupted session \(1 answer, offline, saved 2026-11-25 12:01 UTC\)/);
  assert.match(screen, /No Azure access: I will answer the questions myself/);
  assert.match(screen, /Demo: An NSG blocks the pool/);
  assert.doesNotMatch(screen, /b back/, 'the footer offers only keys that work here: nothing is before the start screen');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Tier?') && f.includes('1 answered'), 'the resumed question');
  ui.unmount();
});

test('a demo scenario shows a spinner with progress while facts load, then the first open question', async () => {
  const loading = deferred<LoadedFacts>();
  const asked: TargetChoice[] = [];
  let progress: ((message: string) => void) | undefined;
  const ui = startWizard({
    flowSet, beginning: { kind: 'start-screen' },
    scenarios, sources: { gather: (choice, { onProgress }) => { asked.push(choice); progress = onProgress; return loading.promise; } },
  });
  await ui.waitFor((f) => f.includes('Demo: A healthy integration'), 'the demo choice');
  await ui.press(KEY.down);
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Loading the demo scenario healthy'), 'the loading screen');
  progress!('Reading the VNet gateway gw-hub');
  await ui.waitFor((f) => f.includes('Reading the VNet gateway gw-hub'), 'the progress message');
  loading.resolve({ facts: { 'app.isLinux': { value: false, source: 'arm', detail: 'site demo-app' } }, errors: [], target: { mode: 'demo', scenario: 'healthy' } });
  const screen = await ui.waitFor((f) => f.includes('Tier?'), 'the first question facts do not answer');
  assert.match(screen, /demo: healthy/);
  assert.match(screen, /Whether the app runs on Linux: no \(from ARM: site demo-app\)/);
  assert.deepEqual(asked, [{ mode: 'demo', scenario: 'healthy' }]);
  ui.unmount();
});

test('when Azure cannot be read the wizard offers to go on without it', async () => {
  const ui = startWizard({
    flowSet, beginning: { kind: 'target', choice: { mode: 'arm', appId: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a' } },
    sources: { gather: async (choice) => { if (choice.mode === 'arm') throw new Error('no Azure credential available'); return offlineFacts(); } },
  });
  const screen = await ui.waitFor((f) => f.includes('Could not read the facts'), 'the failure screen');
  assert.match(screen, /no Azure credential available/);
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Is the app on Linux?') && f.includes('offline'), 'the offline session');
  ui.unmount();
});

test('the app picker lists subscriptions, then apps, and reads the chosen app', async () => {
  const asked: TargetChoice[] = [];
  const ui = startWizard({
    flowSet, beginning: { kind: 'start-screen' },
    browser: {
      listSubscriptions: async () => [{ id: 'sub-1', name: 'Contoso Prod' }],
      listWebApps: async (subscription) => [{ id: `/subscriptions/${subscription}/resourceGroups/rg/providers/Microsoft.Web/sites/web1`, name: 'web1', resourceGroup: 'rg' }],
    },
    sources: { gather: async (choice) => { asked.push(choice); return { facts: {}, errors: [], target: { mode: 'arm', appName: 'web1' } }; } },
  });
  await ui.waitFor((f) => f.includes('❯ Pick the app from my Azure subscriptions'), 'the picker choice');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Contoso Prod (sub-1)'), 'the subscription list');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('web1 (rg)'), 'the app list');
  await ui.press(KEY.enter);
  await ui.waitFor((f) => f.includes('Is the app on Linux?') && f.includes('app: web1'), 'the session for web1');
  assert.deepEqual(asked, [{ mode: 'arm', appId: '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Web/sites/web1' }]);
  ui.unmount();
});
