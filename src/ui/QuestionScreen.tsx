import React from 'react';
import { Box, Text } from 'ink';
import type { Engine, EngineState } from '../engine/engine.ts';
import { safeText } from '../text/safe-text.ts';
import { AutoAnswers } from './AutoAnswers.tsx';
import { ChoicePrompt } from './ChoicePrompt.tsx';
import { choiceItems, isChoiceQuestion } from './choice-items.ts';
import { wrap, wrapProse } from './findings-lines.ts';
import { formatAutoLine } from './format.ts';
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
  /** Terminal rows this screen may use (between the header and the footer). */
  readonly rows: number;
  /** Terminal columns, to count the rows wrapped text takes. */
  readonly width?: number;
}

/**
 * How the rows are shared: the question and its help always, then as many list rows as fit (the
 * list is what the engineer acts on), then the facts already known with what is left.
 */
export function questionLayout(input: { rows: number; width: number; textRows: number; items: number; autos: number; autoRows: (count: number) => number }): { known: number; listLimit: number } {
  const listSpace = input.rows - input.textRows - 1;
  const listNeed = (limit: number) => (limit >= input.items ? input.items : limit + 2);
  let known = Math.min(input.autos, input.rows >= 30 ? 6 : 3);
  const block = (count: number) => (count === 0 ? 0 : input.autoRows(count) + 2);
  while (known > 0 && listSpace - block(known) < listNeed(input.items)) known -= 1;
  const room = listSpace - block(known);
  const listLimit = room >= input.items ? input.items : Math.max(3, room - 2);
  return { known, listLimit };
}

/** Whether a question is answered by picking from a list (otherwise by typing). */
/** The pending question: what is already known, the question, and the right prompt for its answer type. */
export function QuestionScreen({ state, engine, highlight, draft, cursor, refused, rows, width = 80 }: QuestionScreenProps): React.JSX.Element | null {
  const question = engine.currentQuestion(state);
  if (!question) return null;
  const { node } = question;
  const columns = Math.max(20, width);
  const textLines = wrapProse(safeText(question.text), columns);
  const helpLines = question.help === undefined ? [] : wrapProse(safeText(question.help), columns);
  const textRows = textLines.length + helpLines.length;
  const autos = state.path.filter((entry) => entry.kind === 'question' && entry.auto);
  const items = isChoiceQuestion(node.answer) ? choiceItems(node).length : 3;
  const { known, listLimit } = questionLayout({
    rows, width: columns, textRows, items, autos: autos.length,
    autoRows: (count) => autos.slice(-count).reduce((sum, entry) => sum + wrap(formatAutoLine(entry, engine.flowSet), columns - 2).length, 0),
  });
  return (
    <Box flexDirection="column">
      {known > 0 && <AutoAnswers path={state.path} flowSet={engine.flowSet} limit={known} />}
      {textLines.map((row, index) => <Text key={`t${index}`} bold wrap="truncate-end">{row}</Text>)}
      {helpLines.map((row, index) => <Text key={`h${index}`} dimColor wrap="truncate-end">{row}</Text>)}
      <Box marginTop={1}>
        {isChoiceQuestion(node.answer)
          ? <ChoicePrompt node={node} highlight={highlight} limit={listLimit} />
          : <TextPrompt type={node.answer} draft={draft} cursor={cursor} {...(refused === undefined ? {} : { refused })} />}
      </Box>
    </Box>
  );
}
