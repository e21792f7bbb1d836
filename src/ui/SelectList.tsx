import React from 'react';
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { colour } from './theme.ts';

export interface SelectListItem<V> {
  readonly key: string;
  readonly label: string;
  readonly value: V;
}

export interface SelectListProps<V> {
  readonly items: readonly SelectListItem<V>[];
  readonly isFocused: boolean;
  readonly onSelect: (value: V) => void;
  /** Rows shown at once; longer lists scroll. */
  readonly limit?: number;
}

/** The pointer marks the highlighted row even without colour (NO_COLOR, monochrome screens). */
function Indicator({ isSelected = false }: { readonly isSelected?: boolean }): React.JSX.Element {
  return <Box width={2} flexShrink={0}><Text color={isSelected ? colour('blue') : undefined}>{isSelected ? '❯' : ''}</Text></Box>;
}

function Item({ isSelected = false, label }: { readonly isSelected?: boolean; readonly label: string }): React.JSX.Element {
  return <Text color={isSelected ? colour('blue') : undefined} bold={isSelected}>{label}</Text>;
}

/** ink-select-input with the wizard's look: Up/Down or j/k, digits 1-9 pick directly, Enter selects. */
export function SelectList<V>({ items, isFocused, onSelect, limit }: SelectListProps<V>): React.JSX.Element {
  return (
    <SelectInput
      items={items.map((item) => ({ ...item }))}
      isFocused={isFocused}
      limit={limit}
      indicatorComponent={Indicator}
      itemComponent={Item}
      onSelect={(item) => onSelect(item.value)}
    />
  );
}
