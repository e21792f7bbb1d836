import React from 'react';
import { SelectList } from './SelectList.tsx';
import type { QuestionNode } from '../engine/types.ts';
import { choiceItems } from './choice-items.ts';

export interface ChoicePromptProps {
  /** A choice or yes-no question. */
  readonly node: QuestionNode;
  readonly highlight: number;
  readonly limit?: number;
}

/** A select list of the question's options plus "Don't know" (digits 1-9 move the highlight; Enter answers). */
export function ChoicePrompt({ node, highlight, limit }: ChoicePromptProps): React.JSX.Element {
  return <SelectList items={choiceItems(node)} highlight={highlight} {...(limit === undefined ? {} : { limit })} />;
}
