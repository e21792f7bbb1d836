import React from 'react';
import { Box, Text } from 'ink';
import type { ProbeRequestShown } from '../session/probe-consent.ts';
import { safeText } from '../text/safe-text.ts';
import { SelectList } from './SelectList.tsx';
import { PROBE_CONFIRM_ITEMS } from './menu-items.ts';
import { colour } from './theme.ts';

export interface ProbeConfirmScreenProps {
  readonly request: ProbeRequestShown;
  readonly highlight: number;
}

const appName = (appId: string): string => appId.split('/').filter(Boolean).pop() ?? appId;

/** --probe in the wizard: names the app and every command before anything runs in it. */
export function ProbeConfirmScreen({ request, highlight }: ProbeConfirmScreenProps): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text bold>Run diagnostic commands in the app {safeText(appName(request.appId))}?</Text>
      <Text dimColor>{safeText(request.appId)}</Text>
      <Box marginTop={1} flexDirection="column">
        <Text>These commands would run in the app&apos;s Kudu console (its SCM site), in this order:</Text>
        {request.commands.map((command, index) => (
          <Text key={`${index}:${command}`} color={colour('cyan')}>  {safeText(command)}</Text>
        ))}
        <Text dimColor>Their results answer the matching questions; nothing else runs and nothing is changed.</Text>
      </Box>
      <Box marginTop={1}>
        <SelectList items={PROBE_CONFIRM_ITEMS} highlight={highlight} />
      </Box>
    </Box>
  );
}
