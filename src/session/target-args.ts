/**
 * The flags that name a session's target, for commands the findings suggest (`vnet-doctor --app
 * ID --flow migration` must not drop back to the app picker). A list of words, not a command
 * line: each word is checked (command-values.ts) and quoted for the step's shell when the step is
 * rendered, like every other value, so no text of a saved session can add a word of its own.
 */
import type { TargetChoice } from '../facts/sources-interface.ts';

export function targetArgs(choice: TargetChoice): string[] {
  if (choice.mode === 'offline') return ['--offline'];
  return choice.mode === 'demo' ? ['--demo', choice.scenario] : ['--app', choice.appId];
}
