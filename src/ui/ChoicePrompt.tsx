import React from 'react';
import { SelectList, type SelectListItem } from './SelectList.tsx';
import type { AnswerValue, QuestionNode } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';

export interface ChoicePromptProps {
  /** A choice or yes-no question. */
  readonly node: QuestionNode;
  readonly highlight: number;
  readonly limit?: number;
}

const DONT_KNOW = "Don't know";

/** The rows of a choice or yes-no question: its options, then "Don't know". */
export function choiceItems(node: QuestionNode): readonly SelectListItem<AnswerValue>[] {
  const options: SelectListItem<AnswerValue>[] = node.answer === 'yes-no'
    ? [{ key: 'yes', label: 'Yes', value: true }, { key: 'no', label: 'No', value: false }]
    : (node.options ?? []).map((option) => ({ key: `o:${option.value}`, label: safeText(option.label), value: option.value }));
  return [...options, { key: 'unknown', label: DONT_KNOW, value: null }];
}

/** The row holding a given answer (to highlight an earlier answer), or -1. */
export function choiceIndex(node: QuestionNode, value: AnswerValue | undefined): number {
  return value === undefined ? -1 : choiceItems(node).findIndex((item) => item.value === value);
}

/** A select list of the question's options plus "Don't know" (digits 1-9 move the highlight; Enter answers). */
export function ChoicePrompt({ node, highlight, limit }: ChoicePromptProps): React.JSX.Element {
  return <SelectList items={choiceItems(node)} highlight={highlight} {...(limit === undefined ? {} : { limit })} />;
}
