import React from 'react';
import { Box, Text } from 'ink';
import { colour } from './theme.ts';

import type { SelectListItem } from './select-item.ts';

export type { SelectListItem };

export interface SelectListProps<V> {
  readonly items: readonly SelectListItem<V>[];
  /** The highlighted row (the keyboard lives in the wizard's screen state, not here). */
  readonly highlight: number;
  /** Rows shown at once; longer lists scroll with the highlight. */
  readonly limit?: number;
}

/** The first row shown so the highlighted one stays in view. */
export function listWindowStart(count: number, highlight: number, limit: number): number {
  if (count <= limit) return 0;
  return Math.min(Math.max(0, highlight - limit + 1), count - limit);
}

/**
 * A list with a pointer at the highlighted row; the pointer marks it even without colour
 * (NO_COLOR, monochrome screens).
 */
export function SelectList<V>({ items, highlight, limit = items.length }: SelectListProps<V>): React.JSX.Element {
  const start = listWindowStart(items.length, highlight, Math.max(1, limit));
  const shown = items.slice(start, start + Math.max(1, limit));
  return (
    <Box flexDirection="column">
      {start > 0 && <Text dimColor>  ({start} more above)</Text>}
      {shown.map((item, offset) => {
        const selected = start + offset === highlight;
        return (
          <Box key={item.key}>
            <Box width={2} flexShrink={0}><Text color={selected ? colour('blue') : undefined}>{selected ? '❯' : ''}</Text></Box>
            <Text color={selected ? colour('blue') : undefined} bold={selected}>{item.label}</Text>
          </Box>
        );
      })}
      {start + shown.length < items.length && <Text dimColor>  ({items.length - start - shown.length} more below)</Text>}
    </Box>
  );
}
