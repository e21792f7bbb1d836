/**
 * The session asks a person through a promise facade (issue 10 item 9): the controller awaits
 * `next`, any object that resolves moves can answer it (here a scripted one, in the wizard the
 * screens), questions the facts answer are never asked, and the conversation ends on leave.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EngineState } from '../../src/engine/engine.ts';
import { SessionController } from '../../src/session/controller.ts';
import { PendingPrompt } from '../../src/session/pending-prompt.ts';
import type { SessionMove, SessionPrompts } from '../../src/session/session-prompts.ts';
import type { AnswerValue, Facts } from '../../src/engine/types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();

function controllerWith(facts: Facts = {}): SessionController {
  return new SessionController({ flowSet, derivations: {}, sources: { gather: async () => ({ facts, errors: [], target: { mode: 'offline' } }) } });
}

/** Prompts that answer from a script, in order, and note what they were asked. */
function scripted(moves: readonly ((state: EngineState, controller: SessionController) => SessionMove)[], controller: SessionController) {
  const asked: string[] = [];
  let at = 0;
  const prompts: SessionPrompts = {
    next: async (state) => {
      asked.push(controller.engine.currentQuestion(state)?.id ?? `findings:${state.findings.map((finding) => finding.id).join(',')}`);
      const move = moves[at++];
      return move ? move(state, controller) : { kind: 'leave' };
    },
  };
  return { prompts, asked };
}

/** Answers whatever question is on show. */
const answer = (value: AnswerValue) => (state: EngineState, controller: SessionController): SessionMove => ({ kind: 'answer', question: controller.engine.currentQuestion(state)!.id, value });

test('the controller asks only what the facts leave open, applies each answer and ends on leave', async () => {
  const controller = controllerWith({ 'app.isLinux': { value: false, source: 'arm' } });
  await controller.load({ mode: 'offline' });
  const { prompts, asked } = scripted([answer('Standard'), answer({ host: 'sql01', port: 1433 }), answer(['10.1.0.0/24']), answer(true)], controller);
  await controller.converse(prompts);
  assert.deepEqual(asked, ['eligible/ask-tier', 'triage/ask-target', 'triage/ask-pool', 'triage/ask-timeout', 'findings:tcp-timeout-firewall']);
  assert.equal(controller.session!.state.status, 'done');
  assert.deepEqual(controller.session!.state.findings.map((finding) => finding.id), ['tcp-timeout-firewall']);
});

test('back and restart are moves like answers; the findings wait for a move too', async () => {
  const controller = controllerWith();
  await controller.load({ mode: 'offline' });
  const { prompts, asked } = scripted([answer(false), answer('Free'), () => ({ kind: 'back' }), answer('Basic'), () => ({ kind: 'restart' })], controller);
  await controller.converse(prompts);
  assert.deepEqual(asked, ['eligible/ask-linux', 'eligible/ask-tier', 'findings:plan-tier-unsupported', 'eligible/ask-tier', 'triage/ask-target', 'eligible/ask-linux']);
  assert.equal(controller.session!.state.inputs.length, 0);
});

test('an answer meant for another question (the session moved on meanwhile) is dropped, not applied to the wrong question', async () => {
  const controller = controllerWith();
  await controller.load({ mode: 'offline' });
  const { prompts, asked } = scripted([() => ({ kind: 'answer', question: 'triage/ask-timeout', value: true }), answer(true)], controller);
  await controller.converse(prompts);
  assert.deepEqual(asked, ['eligible/ask-linux', 'eligible/ask-linux', 'findings:app-is-linux']);
  assert.deepEqual(controller.session!.state.findings.map((finding) => finding.id), ['app-is-linux']);
});

test('finishing the session ends the conversation; a second conversation joins the running one', async () => {
  const controller = controllerWith();
  await controller.load({ mode: 'offline' });
  const prompt = new PendingPrompt<EngineState, SessionMove>({ kind: 'leave' });
  const prompts: SessionPrompts = { next: prompt.ask };
  const first = controller.converse(prompts);
  assert.equal(controller.converse(prompts), first);
  await Promise.resolve();
  assert.ok(prompt.pending, 'the session waits on the engineer');
  const result = controller.finish('normal');
  prompt.cancel();
  await first;
  assert.equal((await result).exitCode, 0);
});

test('a pending prompt resolves with the reply, declines an older question when a new one comes, and says when nothing waits', async () => {
  const prompt = new PendingPrompt<string, string>('declined');
  let changes = 0;
  prompt.subscribe(() => { changes += 1; });
  assert.equal(prompt.reply('early'), false, 'nothing waits yet');
  const first = prompt.ask('one');
  const second = prompt.ask('two');
  assert.equal(await first, 'declined');
  assert.equal(prompt.pending, 'two');
  assert.equal(prompt.reply('yes'), true);
  assert.equal(await second, 'yes');
  assert.equal(prompt.pending, undefined);
  const third = prompt.ask('three');
  prompt.cancel();
  assert.equal(await third, 'declined');
  assert.equal(changes, 6, 'every question that comes or goes is announced');
});
