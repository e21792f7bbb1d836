import React from 'react';
import { Box, Text } from 'ink';
import type { Engine, EngineState } from '../engine/engine.ts';
import { safeText } from '../text/safe-text.ts';
import { AutoAnswers } from './AutoAnswers.tsx';
import { ChoicePrompt } from './ChoicePrompt.tsx';
import { TextPrompt } from './TextPrompt.tsx';

export interface QuestionScreenProps {
  /** A session whose status is `asking`. */
  readonly state: EngineState;
  /** The flows and derivations the session runs on. */
  readonly engine: Engine;
  /** Highlighted row of a choice question. */
  readonly highlight: number;
  /** Text typed into a free-form answer so far, and the cursor in it. */
  readonly draft: string;
  readonly cursor: number;
  readonly refused?: string;
  /** Terminal rows this screen may use: fewer known answers and list rows are shown on a short terminal. */
  readonly rows: number;
}

/** Whether a question is answered by picking from a list (otherwise by typing). */
export const isChoiceQuestion = (answer: string): boolean => answer === 'choice' || answer === 'yes-no';

/** The pending question: what is already known, the question, and the right prompt for its answer type. */
export function QuestionScreen({ state, engine, highlight, draft, cursor, refused, rows }: QuestionScreenProps): React.JSX.Element | null {
  const question = engine.currentQuestion(state);
  if (!question) return null;
  const { node } = question;
  const known = rows >= 30 ? 6 : rows >= 20 ? 3 : 1;
  return (
    <Box flexDirection="column">
      <AutoAnswers path={state.path} flowSet={engine.flowSet} limit={known} />
      <Text bold>{safeText(question.text)}</Text>
      {question.help !== undefined && <Text dimColor>{safeText(question.help)}</Text>}
      <Box marginTop={1}>
        {isChoiceQuestion(node.answer)
          ? <ChoicePrompt node={node} highlight={highlight} limit={Math.max(3, rows - 16)} />
          : <TextPrompt type={node.answer} draft={draft} cursor={cursor} {...(refused === undefined ? {} : { refused })} />}
      </Box>
    </Box>
  );
}
