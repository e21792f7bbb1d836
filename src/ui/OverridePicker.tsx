import React from 'react';
import { Box, Text } from 'ink';
import { SelectList, type SelectListItem } from './SelectList.tsx';
import type { PathEntry } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import { formatAutoLine } from './format.ts';

export interface OverridePickerProps {
  readonly path: readonly PathEntry[];
  readonly flowSet: FlowSet;
  readonly highlight: number;
}

/** The facts that answered questions (value: the fact key), then Cancel (value: undefined). */
export function overrideItems(path: readonly PathEntry[], flowSet: FlowSet): readonly SelectListItem<string | undefined>[] {
  const seen = new Set<string>();
  const items: SelectListItem<string | undefined>[] = [];
  for (const entry of path) {
    const fact = entry.auto?.fact;
    if (entry.kind !== 'question' || fact === undefined || seen.has(fact)) continue;
    seen.add(fact);
    items.push({ key: fact, label: formatAutoLine(entry, flowSet), value: fact });
  }
  items.push({ key: 'cancel', label: 'Cancel', value: undefined });
  return items;
}

/** The facts that answered questions; picking one lets the user answer that question themselves. */
export function OverridePicker({ path, flowSet, highlight }: OverridePickerProps): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text bold>Which known fact do you want to answer yourself?</Text>
      <Text dimColor>The session goes back to where it was used; the report keeps both values.</Text>
      <Box marginTop={1}>
        <SelectList items={overrideItems(path, flowSet)} highlight={highlight} />
      </Box>
    </Box>
  );
}

/** Whether any question was answered from a fact (so `o` has something to offer). */
export const hasOverridableFacts = (path: readonly PathEntry[]): boolean => path.some((entry) => entry.kind === 'question' && entry.auto?.fact !== undefined);
