import React from 'react';
import { Box, Text } from 'ink';
import type { PathEntry } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import { formatAutoLine } from './format.ts';

export interface AutoAnswersProps {
  /** The session path; its auto-answered question entries are listed. */
  readonly path: readonly PathEntry[];
  readonly flowSet: FlowSet;
  /** How many of the most recent ones to show (the rest are counted). */
  readonly limit?: number;
}

/** Questions answered from facts, shown with where each answer came from, never hidden. */
export function AutoAnswers({ path, flowSet, limit = 6 }: AutoAnswersProps): React.JSX.Element | null {
  const autos = path.filter((entry) => entry.kind === 'question' && entry.auto);
  if (autos.length === 0) return null;
  const shown = autos.slice(-limit);
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text dimColor>Already known{autos.length > shown.length ? ` (latest ${shown.length} of ${autos.length})` : ''}:</Text>
      {shown.map((entry) => <Box key={entry.question} paddingLeft={2}><Text>{formatAutoLine(entry, flowSet)}</Text></Box>)}
    </Box>
  );
}
