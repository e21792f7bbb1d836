/** The rows of a choice or yes-no question as plain data (ChoicePrompt.tsx draws them; the wizard's keys choose them). */
import type { AnswerValue, QuestionNode } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';
import type { SelectListItem } from './select-item.ts';

/** Whether a question is answered from a list (else in a text box). */
export const isChoiceQuestion = (answer: string): boolean => answer === 'choice' || answer === 'yes-no';

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
