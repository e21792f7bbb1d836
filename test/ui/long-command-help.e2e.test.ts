/**
 * Commands can be copied with the mouse from a question's help too (issue 19 item 7), in the real
 * wizard in a pseudo-terminal at 80x24 on a shipped demo: an az command wider than the screen is
 * split only between its arguments, each row but the last ending in a bash continuation (` \`), so
 * the rows a mouse copies run as the one command, with the demo's real names filled in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/emulator/scenarios.ts';
import { PseudoTerminal } from './pty.ts';

const BIN = fileURLToPath(new URL('../../bin/vnet-doctor.js', import.meta.url));
const WIDTH = 80;

function wizard(args: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-help-command-'));
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_STATE_DIR: join(dir, 'state'), TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  return new PseudoTerminal([process.execPath, BIN, ...args], { cwd: dir, env, columns: WIDTH, rows: 24 });
}

/** The whole frame that shows `pattern`, once its footer is drawn too. */
async function screenWith(term: PseudoTerminal, pattern: RegExp, what: string, since = 0): Promise<string> {
  await term.waitFor((text) => pattern.test(text) && /\? help/.test(text.slice(text.search(pattern))), what, since);
  return term.lastScreen();
}

/** The arguments of a command as bash reads them: split at spaces outside double quotes. */
function argumentsOf(command: string): string[] {
  return command.match(/(?:[^\s"]+|"[^"]*")+/g) ?? [];
}

/** The resource group, name and subscription of a resource id. */
function parts(id: string): { readonly subscription: string; readonly group: string; readonly name: string } {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/.exec(id);
  assert.ok(match, id);
  return { subscription: match[1]!, group: match[2]!, name: match[3]! };
}

/**
 * The rows of the screen holding the command that starts with `start`: that row and each row
 * after one ending in ` \`. Asserts that they are the whole command and split only between
 * arguments, and returns them.
 */
function commandRows(screen: string, start: string, command: string): string[] {
  const rows = screen.split('\n');
  const first = rows.findIndex((row) => row.startsWith(start));
  assert.ok(first >= 0, `a row starts with the command:\n${screen}`);
  let last = first;
  while (rows[last]!.endsWith(' \\') && last + 1 < rows.length) last += 1;
  const shown = rows.slice(first, last + 1);
  assert.ok(shown.length > 1, `the command is wider than ${WIDTH} columns, so it takes several rows:\n${shown.join('\n')}`);
  // What a mouse copies from those rows, as bash runs it: the continuations join the rows into the one command.
  assert.equal(shown.join('\n').replace(/ \\\n/g, ' '), command, `the rows are the whole command:\n${shown.join('\n')}`);
  // Each row holds whole arguments: cut out of the command's arguments in order, none split across rows.
  const expected = argumentsOf(command);
  let at = 0;
  for (const row of shown) {
    const own = argumentsOf(row.replace(/ \\$/, ''));
    assert.deepEqual(own, expected.slice(at, at + own.length), `the row "${row}" is whole arguments of the command`);
    at += own.length;
  }
  assert.equal(at, expected.length);
  assert.ok(shown.slice(1).every((row) => row.startsWith('-')), `each continued row starts at a flag, with its value beside it:\n${shown.join('\n')}`);
  assert.ok(shown.every((row) => [...row].length <= WIDTH), `every row fits ${WIDTH} columns:\n${shown.join('\n')}`);
  return rows.slice(last + 1);
}

test('80x24, --demo healthy --flow gateway-setup: the show-health command in the sessions question\'s help is the whole command, with the gateway\'s names, split only between arguments', async () => {
  const scenario = loadScenario('healthy');
  const gateway = scenario.resources.find((resource) => resource.type === 'Microsoft.Network/virtualNetworkGateways');
  assert.ok(gateway);
  const { subscription, group, name } = parts(gateway.id);
  const command = `az network vnet-gateway vpn-client show-health -g ${group} -n ${name} --subscription ${subscription} --query "length(value)"`;
  assert.ok([...command].length > WIDTH, 'the command does not fit one row');
  const term = wizard(['--demo', 'healthy', '--flow', 'gateway-setup']);
  try {
    const screen = await screenWith(term, /How many point-to-site sessions does the VPN gateway carry at peak\?/, 'the sessions question');
    const after = commandRows(screen, 'az network vnet-gateway vpn-client show-health', command);
    assert.match(after[0] ?? '', /^lists the sessions connected now/, 'the help goes on after the command, on a row of its own');
    assert.ok(screen.split('\n').every((row) => [...row].length <= WIDTH), 'the frame fits 80 columns');
  } finally {
    term.close();
  }
});

test('80x24, --demo healthy --flow dns: the app-settings command in the WEBSITE_DNS_SERVER question\'s help keeps its quoted query whole, with the app\'s names', async () => {
  const scenario = loadScenario('healthy');
  const { group, name } = parts(scenario.target.app);
  // The demo's app is a web app (az webapp); the query holds spaces inside its quotes.
  const command = `az webapp config appsettings list -g ${group} -n ${name} --query "[?name=='WEBSITE_DNS_SERVER' || name=='WEBSITE_DNS_ALT_SERVER']"`;
  assert.ok([...command].length > WIDTH, 'the command does not fit one row');
  const term = wizard(['--demo', 'healthy', '--flow', 'dns']);
  try {
    await screenWith(term, /Which host name fails to resolve from the app\?/, 'the host name question');
    let mark = term.send('api.contoso.local\r');
    await screenWith(term, /nameresolver api\.contoso\.local[\s\S]*No answer: it times out/, 'the nameresolver question', mark);
    // Enter on the first row: the lookup times out, and the app's own DNS settings are asked about.
    mark = term.send('\r');
    const screen = await screenWith(term, /Does the app have the app setting WEBSITE_DNS_SERVER\?/, 'the WEBSITE_DNS_SERVER question', mark);
    const after = commandRows(screen, 'az webapp config appsettings list', command);
    assert.match(after[0] ?? '', /^shows only those two/, 'the help goes on after the command, on a row of its own');
    assert.ok(screen.split('\n').every((row) => [...row].length <= WIDTH), 'the frame fits 80 columns');
  } finally {
    term.close();
  }
});
