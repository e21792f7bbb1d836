import React from 'react';
import { Box, Text } from 'ink';
import type { PagerLine } from './findings-lines.ts';
import { colour, SEVERITY_COLOUR } from './theme.ts';

export interface FindingsScreenProps {
  /** "Diagnosis: 1 error(s), ...": stays in view whatever the scroll position. */
  readonly diagnosis: string;
  readonly lines: readonly PagerLine[];
  /** First row shown, and how many rows fit. */
  readonly offset: number;
  readonly page: number;
}

/** The diagnosis as a pager: the findings scroll between a fixed header and footer. */
export function FindingsScreen({ diagnosis, lines, offset, page }: FindingsScreenProps): React.JSX.Element {
  const shown = lines.slice(offset, offset + page);
  const more = lines.length > page;
  return (
    <Box flexDirection="column">
      <Text bold color={colour('cyan')} wrap="truncate-end">{diagnosis}</Text>
      {shown.map((line, index) => <Line key={offset + index} line={line} />)}
      {more && (
        <Text dimColor wrap="truncate-end">
          {`rows ${offset + 1}-${Math.min(lines.length, offset + page)} of ${lines.length}`}
          {offset + page < lines.length ? ' · PgDn/j more' : ' · end'}
          {offset > 0 ? ' · PgUp/k back up' : ''}
        </Text>
      )}
    </Box>
  );
}

function Line({ line }: { readonly line: PagerLine }): React.JSX.Element {
  // Rows are wrapped already: the layout must cut, never wrap again.
  if (line.label !== undefined && (line.tone === 'error' || line.tone === 'warning' || line.tone === 'info')) {
    return (
      <Text wrap="truncate-end">
        <Text bold color={colour(SEVERITY_COLOUR[line.tone])}>{line.label}</Text>
        <Text bold>{line.text}</Text>
      </Text>
    );
  }
  return <Text wrap="truncate-end" bold={line.tone === 'title'} dimColor={line.tone === 'dim'}>{line.text === '' ? ' ' : line.text}</Text>;
}
