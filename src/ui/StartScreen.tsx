import React from 'react';
import { Box, Text } from 'ink';
import { SelectList, type SelectListItem } from './SelectList.tsx';
import { describeSaved } from '../session/resume.ts';
import type { SavedSession } from '../session/session-schema.ts';
import { safeText } from '../text/safe-text.ts';
import type { Scenario, TargetChoice } from './wizard-types.ts';

export type StartChoice = TargetChoice | { readonly mode: 'resume' } | { readonly mode: 'pick-app' };

export interface StartScreenProps {
  /** An interrupted session that can be continued. */
  readonly saved?: SavedSession;
  readonly scenarios: readonly Scenario[];
  /** Whether Azure can be browsed for an app. */
  readonly canPickApp: boolean;
  readonly highlight: number;
}

/** The start screen's rows: a saved session, an app in Azure, no Azure at all, or a demo. */
export function startItems(saved: SavedSession | undefined, scenarios: readonly Scenario[], canPickApp: boolean): readonly SelectListItem<StartChoice>[] {
  const items: SelectListItem<StartChoice>[] = [];
  if (saved) items.push({ key: 'resume', label: `Continue the interrupted session (${safeText(describeSaved(saved))})`, value: { mode: 'resume' } });
  if (canPickApp) items.push({ key: 'pick', label: 'Pick the app from my Azure subscriptions', value: { mode: 'pick-app' } });
  items.push({ key: 'offline', label: 'No Azure access: I will answer the questions myself', value: { mode: 'offline' } });
  for (const scenario of scenarios) {
    items.push({ key: `demo:${scenario.id}`, label: `Demo: ${safeText(scenario.title)}`, value: { mode: 'demo', scenario: scenario.id } });
  }
  return items;
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
