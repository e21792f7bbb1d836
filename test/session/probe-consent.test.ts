/**
 * --probe's door (src/session/probe-consent.ts): the fact source awaits `ask`; whoever answers
 * (the wizard's runtime) gets the request and one reply. With no one to answer, nothing runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProbeConsent, type ProbeRequestShown } from '../../src/session/probe-consent.ts';

const APP = '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a';

test('with no one to answer, the probe is declined: nothing runs in the app without a yes', async () => {
  assert.equal(await new ProbeConsent().ask(APP, ['tcpping a:1']), false);
});

test('the answerer gets the app and a copy of the commands; its first reply is the answer, later ones change nothing; after it stops, questions are declined', async () => {
  const consent = new ProbeConsent();
  const asked: ProbeRequestShown[] = [];
  let reply: (yes: boolean) => void = () => {};
  const stop = consent.answerWith((request, answer) => { asked.push(request); reply = answer; });
  const commands = ['tcpping a:1', 'nameresolver b'];
  const answer = consent.ask(APP, commands);
  commands.push('changed later');
  assert.deepEqual(asked, [{ appId: APP, commands: ['tcpping a:1', 'nameresolver b'] }]);
  reply(true);
  reply(false);
  assert.equal(await answer, true);
  stop();
  assert.equal(await consent.ask(APP, ['tcpping a:1']), false);
  assert.equal(asked.length, 1, 'the stopped answerer is not asked');
});
