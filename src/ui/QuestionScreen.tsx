import React from 'react';
import { Box, Text } from 'ink';
import { currentQuestion, type EngineState } from '../engine/engine.ts';
import type { AnswerValue } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';
import { AutoAnswers } from './AutoAnswers.tsx';
import { ChoicePrompt } from './ChoicePrompt.tsx';
import { TextPrompt } from './TextPrompt.tsx';

export interface QuestionScreenProps {
  /** A session whose status is `asking`. */
  readonly state: EngineState;
  /** Text typed into a free-form answer so far. */
  readonly draft: string;
  readonly onDraft: (text: string) => void;
  /** False while an Esc command or another screen has the keyboard. */
  readonly focus: boolean;
  readonly onAnswer: (value: AnswerValue) => void;
}

/** The pending question: what is already known, the question, and the right prompt for its answer type. */
export function QuestionScreen({ state, draft, onDraft, focus, onAnswer }: QuestionScreenProps): React.JSX.Element | null {
  const question = currentQuestion(state);
  if (!question) return null;
  const { node } = question;
  const isChoice = node.answer === 'choice' || node.answer === 'yes-no';
  return (
    <Box flexDirection="column">
      <AutoAnswers path={state.path} flowSet={state.flowSet} />
      <Text bold>{safeText(question.text)}</Text>
      {question.help !== undefined && <Text dimColor>{safeText(question.help)}</Text>}
      <Box marginTop={1}>
        {isChoice
          ? <ChoicePrompt key={question.id} node={node} isFocused={focus} onAnswer={onAnswer} />
          : <TextPrompt key={question.id} type={node.answer} draft={draft} onDraft={onDraft} focus={focus} onAnswer={onAnswer} />}
      </Box>
    </Box>
  );
}
