import React from 'react';
import { Box, Text } from 'ink';
import { SelectList } from './SelectList.tsx';
import type { SavedSession } from '../session/session-schema.ts';
import { startItems } from './menu-items.ts';
import type { Scenario } from './wizard-types.ts';

export interface StartScreenProps {
  /** An interrupted session that can be continued. */
  readonly saved?: SavedSession;
  readonly scenarios: readonly Scenario[];
  /** Whether Azure can be browsed for an app. */
  readonly canPickApp: boolean;
  readonly highlight: number;
}

/** Where the facts come from: a saved session, an app in Azure, no Azure at all, or a demo. */
export function StartScreen({ saved, scenarios, canPickApp, highlight }: StartScreenProps): React.JSX.Element {
  return (
    <Box flexDirection="column">
      <Text bold>Which app are we looking at?</Text>
      <Text dimColor>Facts read from Azure answer many questions for you; without access, every question is asked.</Text>
      <Box marginTop={1}>
        <SelectList items={startItems(saved, scenarios, canPickApp)} highlight={highlight} limit={10} />
      </Box>
    </Box>
  );
}
