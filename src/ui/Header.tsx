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
}

/** One line saying where the session is: the flow, progress and target. */
export function Header({ flowTitle, answered, findings, target }: HeaderProps): React.JSX.Element {
  const parts = [
    flowTitle,
    answered === undefined ? undefined : `${answered} answered`,
    findings ? `${findings} finding${findings === 1 ? '' : 's'} so far` : undefined,
    target,
  ].filter(Boolean);
  return (
    <Box marginBottom={1}>
      <Text>
        <Text bold color={colour('cyan')}>vnet-doctor</Text>
        {parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}
      </Text>
    </Box>
  );
}
