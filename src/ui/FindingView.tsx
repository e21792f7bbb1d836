import React from 'react';
import { Box, Text } from 'ink';
import type { FindingInstance } from '../engine/engine.ts';
import { safeText } from '../text/safe-text.ts';
import { colour, SEVERITY_COLOUR, SEVERITY_LABEL } from './theme.ts';

export interface FindingViewProps {
  readonly finding: FindingInstance;
  /** Position in the list, shown as "1." etc. */
  readonly index: number;
}

const STEP_PLACE: Readonly<Record<string, string>> = { kudu: 'Kudu console', powershell: 'PowerShell', az: 'Azure CLI', portal: 'Azure portal', manual: '' };

/**
 * One finding: severity in words, explanation, numbered steps. Commands sit alone on their line,
 * indented with spaces and nothing else, so a triple-click copies exactly the command.
 */
export function FindingView({ finding, index }: FindingViewProps): React.JSX.Element {
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text>
        <Text bold color={colour(SEVERITY_COLOUR[finding.severity])}>{SEVERITY_LABEL[finding.severity]}</Text>
        <Text bold> {index}. {safeText(finding.title)}</Text>
      </Text>
      <Text>{safeText(finding.explanation)}</Text>
      {finding.steps.map((step, number) => (
        <Box key={number} flexDirection="column" marginTop={number === 0 ? 1 : 0}>
          <Text>  {number + 1}. {safeText(step.text)}{STEP_PLACE[step.kind] ? ` (${STEP_PLACE[step.kind]})` : ''}</Text>
          {step.command !== undefined && <Text wrap="wrap">{'     '}{safeText(step.command)}</Text>}
        </Box>
      ))}
    </Box>
  );
}
