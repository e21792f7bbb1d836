import React from 'react';
import { Box, Text } from 'ink';
import type { EngineState } from '../engine/engine.ts';
import type { Severity } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';
import { FindingView } from './FindingView.tsx';
import { colour } from './theme.ts';

export interface FindingsScreenProps {
  /** A session whose status is `done`. */
  readonly state: EngineState;
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

const OUTCOME_WORDS: Readonly<Record<string, string>> = {
  resolved: 'Walked to the end of the flow.',
  'not-resolved': 'The flows could not pin the problem down.',
  pass: 'All checks passed.',
  finding: 'The session ended on a finding.',
  'open-question': 'The session stopped at a question answered "don\'t know".',
};

/** The diagnosis: every finding with its steps, how the session ended, and what stayed open. */
export function FindingsScreen({ state }: FindingsScreenProps): React.JSX.Element {
  const count = (severity: string) => state.findings.filter((finding) => finding.severity === severity).length;
  const outcome = state.outcome;
  // Errors first: on a call the blocking problem is what to talk about first.
  const ordered = [...state.findings].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return (
    <Box flexDirection="column">
      <Text bold color={colour('cyan')}>
        Diagnosis: {count('error')} error(s), {count('warning')} warning(s), {count('info')} note(s)
      </Text>
      <Box marginTop={1} flexDirection="column">
        {state.findings.length === 0 && <Text>No finding: nothing in the flows matched the answers given.</Text>}
        {ordered.map((finding, index) => <FindingView key={finding.id} finding={finding} index={index + 1} />)}
      </Box>
      {outcome && <Text dimColor>{OUTCOME_WORDS[outcome.kind] ?? ''}{outcome.text ? ` ${safeText(outcome.text)}` : ''}</Text>}
      {state.openQuestions.map((open) => <Text key={open.question}>Open question: {safeText(open.text)}</Text>)}
    </Box>
  );
}
