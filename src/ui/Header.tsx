import React from 'react';
import { Box, Text } from 'ink';
import { colour } from './theme.ts';

export interface HeaderProps {
  /** Title of the flow the session is in. */
  readonly flowTitle?: string;
  /** Questions the user has answered so far (auto-answered ones not counted). */
  readonly answered?: number;
  readonly findings?: number;
  /** Short description of the target, e.g. "demo: healthy" or "offline". */
  readonly target?: string;
  /** Terminal width; the header is one row, cut to fit. */
  readonly width?: number;
}

const NAME = 'vnet-doctor';

/** The header's text after the name: where the session is, what it has found, which target. */
export function headerText({ flowTitle, answered, findings, target }: HeaderProps): string {
  const parts = [
    flowTitle,
    answered === undefined ? undefined : `${answered} answered`,
    findings ? `${findings} finding${findings === 1 ? '' : 's'} so far` : undefined,
    target,
  ].filter(Boolean);
  return parts.length > 0 ? ` · ${parts.join(' · ')}` : '';
}

/** One row saying where the session is: the flow, progress and target. Too long, the flow title gives way first. */
export function Header(props: HeaderProps): React.JSX.Element {
  const width = props.width ?? 80;
  let rest = headerText(props);
  if (NAME.length + [...rest].length > width && props.flowTitle) {
    // Progress and target matter more on a call than the full flow title.
    const tail = headerText({ ...props, flowTitle: undefined });
    const room = width - NAME.length - [...tail].length - 4;
    rest = room >= 8 ? ` · ${[...props.flowTitle].slice(0, room - 1).join('')}…${tail}` : tail;
  }
  return (
    <Box marginBottom={1}>
      <Text wrap="truncate-end">
        <Text bold color={colour('cyan')}>{NAME}</Text>
        {rest}
      </Text>
    </Box>
  );
}

/** Rows the header takes (its row and the blank row below it). */
export const HEADER_HEIGHT = 2;
