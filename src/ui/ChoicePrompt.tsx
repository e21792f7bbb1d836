import React from 'react';
import { SelectList } from './SelectList.tsx';
import type { AnswerValue, QuestionNode } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';

export interface ChoicePromptProps {
  /** A choice or yes-no question. */
  readonly node: QuestionNode;
  readonly isFocused: boolean;
  readonly onAnswer: (value: AnswerValue) => void;
}

const DONT_KNOW = "Don't know";

/** A select list of the question's options plus "Don't know" (digits 1-9 pick directly). */
export function ChoicePrompt({ node, isFocused, onAnswer }: ChoicePromptProps): React.JSX.Element {
  const options: { key: string; label: string; value: AnswerValue }[] = node.answer === 'yes-no'
    ? [{ key: 'yes', label: 'Yes', value: true }, { key: 'no', label: 'No', value: false }]
    : (node.options ?? []).map((option) => ({ key: `o:${option.value}`, label: safeText(option.label), value: option.value }));
  const items = [...options, { key: 'unknown', label: DONT_KNOW, value: null }];
  return <SelectList items={items} isFocused={isFocused} onSelect={onAnswer} />;
}
