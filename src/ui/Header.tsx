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

const cut = (text: string, room: number): string => ([...text].length <= room ? text : `${[...text].slice(0, Math.max(1, room - 1)).join('')}…`);

/**
 * The header's text cut to `width` columns: the target (the app's name) gives way first, down to
 * a few characters, so the flow's name stays readable; only then is the flow title cut.
 */
export function fitHeader(props: HeaderProps, width: number): string {
  const full = headerText(props);
  if (NAME.length + [...full].length <= width) return full;
  let target = props.target;
  if (target !== undefined) {
    // " · " and the target's first characters, or no target at all.
    const room = width - NAME.length - [...headerText({ ...props, target: undefined })].length - 3;
    target = room >= 8 ? cut(target, room) : undefined;
    const rest = headerText({ ...props, target });
    if (NAME.length + [...rest].length <= width) return rest;
  }
  const tail = headerText({ ...props, flowTitle: undefined, target });
  const room = width - NAME.length - [...tail].length - 3;
  return props.flowTitle && room >= 8 ? ` · ${cut(props.flowTitle, room)}${tail}` : tail;
}

/** One row saying where the session is: the flow, progress and target. */
export function Header(props: HeaderProps): React.JSX.Element {
  const rest = fitHeader(props, props.width ?? 80);
  return (
    <Box marginBottom={1}>
      <Text wrap="truncate-end">
        <Text bold color={colour('cyan')}>{NAME}</Text>
        {rest}
      </Text>
    </Box>
  );
}
