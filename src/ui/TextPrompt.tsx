import React from 'react';
import { Box, Text } from 'ink';
import { validateAnswer } from '../engine/answer-types.ts';
import type { AnswerType, AnswerValue } from '../engine/types.ts';
import { formatAnswer } from './format.ts';
import { safeText } from '../text/safe-text.ts';
import { colour } from './theme.ts';

export interface TextPromptProps {
  readonly type: AnswerType;
  /** What is typed so far and where the cursor stands (kept in the wizard's screen state). */
  readonly draft: string;
  readonly cursor: number;
  /** Why the last Enter was refused. */
  readonly refused?: string;
}

const EXAMPLES: Partial<Record<AnswerType, string>> = {
  ip: 'e.g. 10.1.2.3',
  cidr: 'e.g. 172.16.200.0/24',
  'cidr-list': 'e.g. 10.0.0.0/16, 10.1.0.0/24',
  'ip-list': 'e.g. 10.0.0.4, 10.0.0.5 (in order)',
  'host-port': 'e.g. db.contoso.local:1433',
  hostname: 'e.g. db.contoso.local',
  port: 'e.g. 1433',
  number: 'a whole number',
  date: 'e.g. 2027-03-31',
};

/** When the answer taken differs from the text (a SQL-style host,port, a connection string), the value taken. */
function takenAs(draft: string, value: AnswerValue): string {
  const taken = formatAnswer(value);
  return taken === safeText(draft.trim()) ? '' : ` (taken as ${taken})`;
}

/** A text box that checks the answer as it is typed and shows why Enter refused it. */
export function TextPrompt({ type, draft, cursor, refused }: TextPromptProps): React.JSX.Element {
  const check = draft.length === 0 ? undefined : validateAnswer(type, draft);
  const chars = [...safeText(draft)];
  const at = Math.min(cursor, chars.length);
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={colour('cyan')}>{'> '}</Text>
        {draft.length === 0
          ? <Text><Text inverse> </Text><Text dimColor>{EXAMPLES[type] ?? ''}</Text></Text>
          : <Text>{chars.slice(0, at).join('')}<Text inverse>{chars[at] ?? ' '}</Text>{chars.slice(at + 1).join('')}</Text>}
      </Box>
      {refused !== undefined
        ? <Text color={colour('red')}>Not accepted: {safeText(refused)}</Text>
        : check && !check.ok ? <Text dimColor>{safeText(check.reason)}</Text>
          : check?.ok ? <Text dimColor color={colour('green')}>OK, press Enter{takenAs(draft, check.value)}</Text>
            : <Text dimColor>Don't know? Press Esc then d.</Text>}
    </Box>
  );
}
