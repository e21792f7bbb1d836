/**
 * The scripts run as written: the bash script with --apply calls `az` with exactly the arguments
 * of the Markdown runbook's commands, in order (a stub az records them; person steps wait for
 * Enter), stops at a command with blanks, and refuses to start while the preflight fails. The
 * PowerShell script holds the same commands: each is read by PowerShell's quoting rules (the same
 * reader the finding steps are checked with) and gives the same arguments as bash.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator } from '../../src/emulator/server.ts';
import { bashArgv, powerShellArguments } from '../commands/shell-rules.ts';
import { runMigrate, sameRegionScenario } from './support.ts';
import { runScript } from './script-run.ts';

const TOKEN = 'migrate-test-token';

async function sameRegionRunbook(slot?: string) {
  const scenario = sameRegionScenario();
  const emulator = await startEmulator({ scenario, token: TOKEN });
  try {
    const run = await runMigrate({ app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': TOKEN, ...(slot ? { slot } : {}) }, { tlsCa: emulator.ca });
    assert.equal(run.code, 0, run.stderr);
    const file = (ext: string) => Object.entries(run.files).find(([name]) => name.endsWith(ext))![1];
    return { markdown: file('.md'), bash: file('.sh'), powershell: file('.ps1') };
  } finally {
    await emulator.stop();
  }
}

/** The bash commands of one phase's sections in the Markdown, in order (fenced bash blocks). */
function markdownCommands(markdown: string, phase: 'migrate' | 'rollback' | 'clean-up'): string[] {
  const sections = markdown.split(/\n## /);
  const inPhase = sections.filter((text) => {
    const rollback = text.startsWith('Rollback');
    const cleanUp = text.startsWith('Clean-up');
    return phase === 'rollback' ? rollback : phase === 'clean-up' ? cleanUp : !rollback && !cleanUp;
  });
  return inPhase.flatMap((text) => [...text.matchAll(/```bash\n {3,4}(.*)\n {3,4}```(?:\n\n {3,4}Template, fill in: (.*))?/g)].filter((match) => match[2] === undefined).map((match) => match[1]!));
}

test('the bash script with --apply calls az with exactly the runbook\'s commands, in order, and waits for each person step', async () => {
  const { markdown, bash } = await sameRegionRunbook();
  const expected = markdownCommands(markdown, 'migrate').map(bashArgv);
  assert.ok(expected.length >= 5, `${expected.length} commands`);
  const run = runScript(bash, ['--apply']);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.azCalls, expected.map((argv) => argv));
  assert.match(run.stdout, /YOUR STEP: .*Start of the window/);
  // The NSG rule gets the subnet's range next to its existing sources; the switch is disconnect, then connect.
  const nsg = run.azCalls.find((call) => call[2] === 'rule')!;
  assert.deepEqual(nsg.slice(nsg.indexOf('--source-address-prefixes') + 1, nsg.indexOf('--subscription')), ['172.16.200.0/24', '192.168.10.0/24', '10.10.2.0/26']);
  const order = run.azCalls.map((call) => call.slice(0, 3).join(' '));
  assert.ok(order.indexOf('rest --method delete') < order.indexOf('webapp vnet-integration add'), order.join('\n'));
  assert.ok(order.indexOf('webapp vnet-integration add') < order.indexOf('webapp config set'), 'Route All is set after the connect, which turns it on');
});

test('the rollback and clean-up phases run on their own; the clean-up stops at its blank', async () => {
  const { markdown, bash } = await sameRegionRunbook();
  const rollback = runScript(bash, ['--rollback', '--apply']);
  assert.equal(rollback.status, 0, rollback.stderr);
  assert.deepEqual(rollback.azCalls, markdownCommands(markdown, 'rollback').map(bashArgv));
  const cleanUp = runScript(bash, ['--clean-up', '--apply']);
  assert.equal(cleanUp.status, 3, 'stops at the root certificate step, whose name is a blank');
  assert.match(cleanUp.stderr, /still has blanks \(name of App Service's root certificate on the gateway\)/);
  assert.deepEqual(cleanUp.azCalls, markdownCommands(markdown, 'clean-up').map(bashArgv));
});

test('the slot runbook puts --slot on every app command and disconnects the slot\'s own connection', async () => {
  const { markdown, bash } = await sameRegionRunbook('staging');
  const run = runScript(bash, ['--apply']);
  assert.equal(run.status, 0, run.stderr);
  for (const call of run.azCalls.filter((argv) => argv[0] === 'webapp')) assert.deepEqual(call.slice(call.indexOf('--slot'), call.indexOf('--slot') + 2), ['--slot', 'staging'], call.join(' '));
  const disconnect = run.azCalls.find((call) => call[0] === 'rest')!;
  assert.match(disconnect.at(-1)!, /\/sites\/contoso-api\/slots\/staging\/virtualNetworkConnections\/vnet-hub\?api-version=/);
  assert.match(markdown, /This runbook moves the slot staging only/);
});

test('every command of the PowerShell script gives PowerShell the same arguments bash gets', async () => {
  for (const slot of [undefined, 'staging']) {
    const { bash, powershell } = await sameRegionRunbook(slot);
    const bashCommands = [...bash.matchAll(/^run (.*)$/gm)].map((match) => match[1]!);
    const steps = [...powershell.matchAll(/^Invoke-Step '((?:[^']|'')*)' \{ (.*) \}$/gm)];
    assert.equal(steps.length, bashCommands.length);
    steps.forEach((step, index) => {
      const display = step[1]!.replace(/''/g, "'");
      assert.equal(display, step[2], 'the step shows exactly the command it runs');
      const args = powerShellArguments(step[2]!).flat();
      assert.deepEqual(args, ['az', ...bashArgv(bashCommands[index]!)], step[2]);
    });
  }
});

test('the dry run prints each command and calls nothing', async () => {
  const { bash } = await sameRegionRunbook();
  const run = runScript(bash, []);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(run.azCalls, []);
  const migratePhase = bash.slice(bash.indexOf('phase_migrate() {'), bash.indexOf('phase_rollback() {'));
  assert.equal((run.stdout.match(/^would run: az /gm) ?? []).length, [...migratePhase.matchAll(/^run az /gm)].length);
  assert.match(run.stdout, /would wait for you: /);
});
