/**
 * The session's screen as keys see it (screen-state.ts): the question on show as a list or a text
 * box, or the findings as a pager. Pure: the wizard's machine passes the live session in and gets
 * the view back, with the answer each row of a list gives.
 */
import type { Engine, EngineState } from '../engine/engine.ts';
import { validateAnswer } from '../engine/answer-types.ts';
import type { AnswerValue } from '../engine/types.ts';
import { choiceIndex, choiceItems, isChoiceQuestion } from './choice-items.ts';
import { findingsPage } from './findings-lines.ts';
import { formatAnswer } from './format.ts';
import { hasOverridableFacts } from './menu-items.ts';
import type { Command, ScreenView } from './screen-state.ts';

/** The session's screen on show: what keys act on, and the answer each row of a list gives. */
export interface SessionScreen {
  readonly view: ScreenView;
  readonly answers?: readonly AnswerValue[];
}

const SESSION_COMMANDS: readonly Command[] = ['back', 'restart', 'save', 'quit', 'override', 'dont-know', 'findings'];

/** An earlier answer as text in its box again (after going back); "don't know" leaves the box empty. */
const draftOf = (value: AnswerValue | undefined): string => (value === undefined || value === null ? '' : formatAnswer(value));

export interface SessionScreenInput {
  readonly state: EngineState;
  /** The same state with every finding the facts prove (what the findings pager shows). */
  readonly diagnosis?: EngineState;
  readonly engine: Engine;
  /** Answers taken back (b, r), offered again when their question returns. */
  readonly earlier: ReadonlyMap<string, AnswerValue>;
  readonly width: number;
  /** Rows the findings pager gets for the pager view given. */
  readonly pageRows: (view: ScreenView) => number;
}

export function sessionScreen({ state, diagnosis, engine, earlier, width, pageRows }: SessionScreenInput): SessionScreen {
  const commands = hasOverridableFacts(state.path) ? SESSION_COMMANDS : SESSION_COMMANDS.filter((command) => command !== 'override');
  const question = engine.currentQuestion(state);
  if (!question) {
    const page = findingsPage(diagnosis ?? state, width);
    const view: ScreenView = { kind: 'pager', id: `findings:${state.inputs.length}`, lines: page.lines.length, page: 0, steps: page.steps.length, commands: commands.filter((command) => command !== 'dont-know' && command !== 'findings') };
    return { view: { ...view, page: pageRows(view) } };
  }
  const id = `q:${question.id}:${state.inputs.length}`;
  const before = earlier.get(question.id);
  if (isChoiceQuestion(question.node.answer)) {
    const items = choiceItems(question.node);
    return {
      view: { kind: 'list', id, count: items.length, initial: Math.max(0, choiceIndex(question.node, before)), commands: commands.filter((command) => command !== 'dont-know') },
      answers: items.map((item) => item.value),
    };
  }
  const { node } = question;
  return { view: { kind: 'text', id, initialDraft: draftOf(before), commands, validate: (text) => validateAnswer(node.answer, text, node.options) } };
}
