/**
 * `vnet-doctor migrate` on every demo scenario through the local ARM emulator: a golden Markdown
 * runbook for each demo that can migrate (and the scripts of one), blockers refused with exit 1,
 * and every bash script valid for `bash -n` and harmless in its dry run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listScenarios } from '../../src/emulator/scenarios.ts';
import { assertGolden, runMigrate } from './support.ts';
import { bashSyntaxError, runScript } from './script-run.ts';

const BLOCKED: Readonly<Record<string, RegExp>> = {
  'classic-vnet': /classic VNet/,
  'linux-app': /no VNet integration/,
  'windows-container': /no VNet integration/,
  'regional-integration': /already on regional integration/,
  'six-vnets-in-plan': /6 VNet\(s\): split the plan first/,
};

for (const { id } of listScenarios()) {
  test(`demo ${id}: the runbook ${Object.hasOwn(BLOCKED, id) ? 'lists what blocks the move' : 'matches its golden file'}, its bash script parses and its dry run calls nothing`, async () => {
    const run = await runMigrate({ demo: id });
    const base = 'runbook-contoso-api';
    const names = Object.keys(run.files).sort();
    assert.ok(names.length === 3 && names.every((name) => name.startsWith('runbook-')), names.join(', '));
    const markdown = Object.entries(run.files).find(([name]) => name.endsWith('.md'))![1];
    const script = Object.entries(run.files).find(([name]) => name.endsWith('.sh'))![1];
    if (Object.hasOwn(BLOCKED, id)) {
      assert.equal(run.code, 1, run.stderr);
      assert.match(markdown, /\*\*Not ready:\*\*/);
      assert.match(run.stderr, BLOCKED[id]!);
      // --apply refuses before any command.
      const applied = runScript(script, ['--apply']);
      assert.equal(applied.status, 3, applied.stderr);
      assert.deepEqual(applied.azCalls, []);
    } else {
      assert.equal(run.code, 0, run.stderr);
      assertGolden(`${id}.md`, markdown);
      if (id === 'healthy') {
        assertGolden('healthy.sh', run.files[`${base}.sh`]!);
        assertGolden('healthy.ps1', run.files[`${base}.ps1`]!);
      }
    }
    assert.equal(bashSyntaxError(script), undefined);
    for (const phase of [[], ['--rollback'], ['--clean-up']]) {
      const dry = runScript(script, phase);
      assert.equal(dry.status, 0, `${id} ${phase.join(' ')}: ${dry.stderr}`);
      assert.deepEqual(dry.azCalls, [], 'a dry run calls nothing');
      assert.match(dry.stdout, /dry run: nothing was changed/);
    }
  });
}
