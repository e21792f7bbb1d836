import React, { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { validateAnswer } from '../engine/answer-types.ts';
import type { AnswerType, AnswerValue } from '../engine/types.ts';
import { safeText } from '../text/safe-text.ts';
import { colour } from './theme.ts';

export interface TextPromptProps {
  readonly type: AnswerType;
  /** What is typed so far (kept by the parent so the keys know when it is empty). */
  readonly draft: string;
  readonly onDraft: (text: string) => void;
  readonly focus: boolean;
  /** Called with a validated value only. */
  readonly onAnswer: (value: AnswerValue) => void;
}

const EXAMPLES: Partial<Record<AnswerType, string>> = {
  ip: 'e.g. 10.1.2.3',
  cidr: 'e.g. 172.16.200.0/24',
  'cidr-list': 'e.g. 10.0.0.0/16, 10.1.0.0/24',
  'host-port': 'e.g. db.contoso.local:1433',
  hostname: 'e.g. db.contoso.local',
  port: 'e.g. 1433',
  number: 'a whole number',
};

/** A text box that checks the answer as it is typed and refuses an invalid one with the reason. */
export function TextPrompt({ type, draft, onDraft, focus, onAnswer }: TextPromptProps): React.JSX.Element {
  const [refused, setRefused] = useState<string>();
  // ink-text-input submits the value of its last render; when a paste and Enter arrive
  // together that value is stale, so submit what was typed last instead.
  const latest = useRef(draft);
  latest.current = draft;
  const check = draft.length === 0 ? undefined : validateAnswer(type, draft);
  const submit = () => {
    const text = latest.current;
    if (text.trim() === '') { setRefused('type an answer first, or press Esc then d for "don\'t know"'); return; }
    const result = validateAnswer(type, text);
    if (result.ok) { setRefused(undefined); onAnswer(result.value); } else setRefused(result.reason);
  };
  const change = (text: string) => { latest.current = text; setRefused(undefined); onDraft(text); };
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={colour('cyan')}>{'> '}</Text>
        <TextInput value={draft} onChange={change} onSubmit={submit} focus={focus} placeholder={EXAMPLES[type] ?? ''} />
      </Box>
      {refused !== undefined
        ? <Text color={colour('red')}>Not accepted: {safeText(refused)}</Text>
        : check && !check.ok ? <Text dimColor>{safeText(check.reason)}</Text>
          : check?.ok ? <Text dimColor color={colour('green')}>OK, press Enter</Text>
            : <Text dimColor>Don't know? Press Esc then d.</Text>}
    </Box>
  );
}
