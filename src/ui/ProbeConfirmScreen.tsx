import React from 'react';
import { Box, Text } from 'ink';
import type { ProbeRequestShown } from '../session/probe-consent.ts';
import { safeText } from '../text/safe-text.ts';
import { SelectList, type SelectListItem } from './SelectList.tsx';
import { colour } from './theme.ts';

export interface ProbeConfirmScreenProps {
  readonly request: ProbeRequestShown;
  readonly highlight: number;
}

export const PROBE_CONFIRM_ITEMS: readonly SelectListItem<boolean>[] = [
  { key: 'run', label: 'Yes, run these commands in the app', value: true },
  { key: 'skip', label: 'No, run nothing: I will answer the questions myself', value: false },
];

/** "No" is highlighted first: running commands in a customer's app takes a deliberate choice. */
export const PROBE_CONFIRM_INITIAL = 1;

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
