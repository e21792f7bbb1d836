import React from 'react';
import { Box, Text, useWindowSize } from 'ink';
import type { FindingInstance } from '../engine/engine.ts';
import { safeText } from '../text/safe-text.ts';
import { commandLines } from './command-lines.ts';
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
const COMMAND_INDENT = '     ';

export function FindingView({ finding, index }: FindingViewProps): React.JSX.Element {
  const { columns } = useWindowSize();
  const room = Math.max(20, columns - COMMAND_INDENT.length - 1);
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text>
        <Text bold color={colour(SEVERITY_COLOUR[finding.severity])}>{SEVERITY_LABEL[finding.severity]}</Text>
        <Text bold> {index}. {safeText(finding.title)}</Text>
      </Text>
      <Text>{safeText(finding.explanation)}</Text>
      {finding.steps.map((step, number) => (
        <Box key={number} flexDirection="column" marginTop={number === 0 ? 1 : 0}>
          <Box>
            <Box width={5} flexShrink={0} paddingLeft={2}><Text>{number + 1}.</Text></Box>
            <Text>{safeText(step.text)}{STEP_PLACE[step.kind] ? ` (${STEP_PLACE[step.kind]})` : ''}</Text>
          </Box>
          {step.command !== undefined && commandLines(safeText(step.command), step.kind, room).map((line, part) => (
            // truncate, never wrap: the layout engine must not break a command where a shell would not expect it
            <Text key={part} wrap="truncate-end">{COMMAND_INDENT}{line}</Text>
          ))}
        </Box>
      ))}
    </Box>
  );
}
