/**
 * A session about a deployment slot (`check --slot NAME`, the wizard's `--slot`): each slot has
 * its own VNet integration, so a step written for "the app" must act on the slot. Without this a
 * webapp command naming the app would change the production app, the wrong one.
 *
 *   az webapp/functionapp commands that take --slot (SLOT_COMMANDS) -> `--slot {{app.slot}}` added
 *   az rest on .../sites/{{app.name}}/...                            -> .../sites/{{app.name}}/slots/{{app.slot}}/...
 *   any other az command naming the app                              -> its text says it has no slot form
 *   portal paths from the app (`App > ...`)                          -> App > Deployment slots > {{app.slot}} > ...
 *   Kudu console steps                                                -> its text names the slot's own Kudu console
 *
 * The slot goes in as a placeholder, so it is checked and quoted like every other value (render-step.ts).
 */
import type { Lookup } from './expression.ts';
import type { Step } from './types.ts';

export const SLOT_FACT = 'app.slot';

/**
 * App-scoped Azure CLI commands whose --slot acts on one deployment slot (each has `--slot` in the
 * Azure CLI command table: test/fixtures/azure-cli/command-table.json, held by test/commands/slot-commands.test.ts).
 */
export const SLOT_COMMANDS: readonly string[] = [
  'webapp show', 'webapp update', 'webapp restart', 'webapp start', 'webapp stop', 'webapp delete', 'webapp list-instances',
  'webapp config show', 'webapp config set', 'webapp config appsettings list', 'webapp config appsettings set', 'webapp config appsettings delete',
  'webapp vnet-integration add', 'webapp vnet-integration list', 'webapp vnet-integration remove',
  'functionapp show', 'functionapp config show', 'functionapp config set', 'functionapp config appsettings list', 'functionapp config appsettings set', 'functionapp config appsettings delete',
  'functionapp vnet-integration add', 'functionapp vnet-integration list', 'functionapp vnet-integration remove',
];

/** The app's command group as the flows write it, {{app.cliGroup}}: webapp, or functionapp for a function app. */
const CLI_GROUP = /\{\{\s*app\.cliGroup\s*\}\}/g;

const APP_NAME = /\{\{\s*app\.name\s*\}\}/;
/** `-n {{app.name}}` or `--name {{app.name}}`: where --slot goes (next to the app it narrows). */
const NAME_FLAG = /(?:^|\s)(?:-n|--name)\s+\{\{\s*app\.name\s*\}\}/;
/** An ARM path to the app in an `az rest` URL. */
const SITE_PATH = /(\/sites\/\{\{\s*app\.name\s*\}\})(?=[/?"'\s]|$)/;
const HAS_SLOT = /(?:^|\s)(?:--slot|-s)(?:\s|=|$)|\/slots\//;

/** The command path of an az command line: the words before its first flag or value. */
export function azCommandPath(command: string): string {
  const words = command.trim().split(/\s+/);
  const path: string[] = [];
  for (const word of words.slice(1)) {
    if (!/^[a-z][a-z0-9-]*$/.test(word)) break;
    path.push(word);
  }
  return path.join(' ');
}

/** The step as it applies to the session's slot; unchanged when the session is about the production app. */
export function stepForSlot(step: Step, lookup: Lookup): Step {
  const slot = lookup(SLOT_FACT);
  if (typeof slot !== 'string' || slot === '') return step;
  const command = step.command;
  if (command === undefined) return step;
  if (step.kind === 'az') return azForSlot(step, command, lookup);
  if (step.kind === 'portal' && /^App\s*>/.test(command)) {
    return { ...step, command: command.replace(/^App\s*>/, `App > Deployment slots > {{${SLOT_FACT}}} >`) };
  }
  if (step.kind === 'kudu') return { ...step, text: `${step.text} (In the Kudu console of slot {{${SLOT_FACT}}}: the slot's own Advanced Tools.)` };
  return step;
}

function azForSlot(step: Step, command: string, lookup: Lookup): Step {
  if (!APP_NAME.test(command) || HAS_SLOT.test(command)) return step;
  const group = lookup('app.cliGroup');
  const path = azCommandPath(command.replace(CLI_GROUP, typeof group === 'string' ? group : 'webapp'));
  if (path === 'rest' && SITE_PATH.test(command)) return { ...step, command: command.replace(SITE_PATH, `$1/slots/{{${SLOT_FACT}}}`) };
  if (SLOT_COMMANDS.includes(path) && NAME_FLAG.test(command)) {
    return { ...step, command: command.replace(NAME_FLAG, (flag) => `${flag} --slot {{${SLOT_FACT}}}`) };
  }
  // The command names the app but acts on something every slot shares (the plan, the VNet), or has
  // no slot form: say so, rather than let it pass for a command about the slot.
  return { ...step, text: `${step.text} (az ${path} has no --slot: it acts on {{app.name}} as a whole, not only on slot {{${SLOT_FACT}}}.)` };
}
