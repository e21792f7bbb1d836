/**
 * The engineer's moves, as the wizard's runtime hands them to the session controller: questions
 * the facts answer are never asked, answers, back and restart are moves, an answer meant for a
 * question the session has left is dropped, and nothing moves once the session is finishing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SessionController } from '../../src/session/controller.ts';
import type { SessionMove } from '../../src/session/session-move.ts';
import type { AnswerValue, Facts } from '../../src/engine/types.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flowSet = miniFlowSet();

function controllerWith(facts: Facts = {}): SessionController {
  return new SessionController({ flowSet, derivations: {}, sources: { gather: async () => ({ facts, errors: [], target: { mode: 'offline' } }) } });
}

/** What the session waits on: the question on show, or the findings. */
function onShow(controller: SessionController): string {
  const state = controller.session!.state;
  return controller.engine.currentQuestion(state)?.id ?? `findings:${state.findings.map((finding) => finding.id).join(',')}`;
}

/** Applies moves in order and notes what was on show before each and after the last. */
function play(controller: SessionController, moves: readonly ((controller: SessionController) => SessionMove)[]): string[] {
  const shown: string[] = [];
  for (const move of moves) {
    shown.push(onShow(controller));
    controller.apply(move(controller));
  }
  return [...shown, onShow(controller)];
}

/** Answers whatever question is on show. */
const answer = (value: AnswerValue) => (controller: SessionController): SessionMove => ({ kind: 'answer', question: onShow(controller), value });

test('the session asks only what the facts leave open and applies each answer', async () => {
  const controller = controllerWith({ 'app.isLinux': { value: false, source: 'arm' } });
  await controller.load({ mode: 'offline' });
  const shown = play(controller, [answer('Standard'), answer({ host: 'sql01', port: 1433 }), answer(['10.1.0.0/24']), answer(true)]);
  assert.deepEqual(shown, ['eligible/ask-tier', 'triage/ask-target', 'triage/ask-pool', 'triage/ask-timeout', 'findings:tcp-timeout-firewall']);
  assert.equal(controller.session!.state.status, 'done');
});

test('back and restart are moves like answers; the findings take moves too', async () => {
  const controller = controllerWith();
  await controller.load({ mode: 'offline' });
  const shown = play(controller, [answer(false), answer('Free'), () => ({ kind: 'back' }), answer('Basic'), () => ({ kind: 'restart' })]);
  assert.deepEqual(shown, ['eligible/ask-linux', 'eligible/ask-tier', 'findings:plan-tier-unsupported', 'eligible/ask-tier', 'triage/ask-target', 'eligible/ask-linux']);
  assert.equal(controller.session!.state.inputs.length, 0);
});

test('an answer meant for another question (the session moved on meanwhile) is dropped, not applied to the wrong question', async () => {
  const controller = controllerWith();
  await controller.load({ mode: 'offline' });
  const shown = play(controller, [() => ({ kind: 'answer', question: 'triage/ask-timeout', value: true }), answer(true)]);
  assert.deepEqual(shown, ['eligible/ask-linux', 'eligible/ask-linux', 'findings:app-is-linux']);
  assert.deepEqual(controller.session!.state.findings.map((finding) => finding.id), ['app-is-linux']);
});

test('once the session is finishing, a late move changes nothing the report describes', async () => {
  const controller = controllerWith();
  await controller.load({ mode: 'offline' });
  const finishing = controller.finish('normal');
  controller.apply({ kind: 'answer', question: 'eligible/ask-linux', value: true });
  assert.equal(controller.session!.state.inputs.length, 0);
  assert.equal((await finishing).exitCode, 0);
});
