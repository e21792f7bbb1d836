import React from 'react';
import { Box, Text } from 'ink';
import { SelectList } from './SelectList.tsx';
import type { PathEntry } from '../engine/engine.ts';
import type { FlowSet } from '../engine/types.ts';
import { overrideItems } from './menu-items.ts';

export interface OverridePickerProps {
  readonly path: readonly PathEntry[];
  readonly flowSet: FlowSet;
  readonly highlight: number;
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
