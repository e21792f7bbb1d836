/** The wizard refuses a bad --report at start, before any screen, question or Azure call: nothing is lost at the end. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wizardCommand } from '../../src/cli/wizard-command.ts';
import { main } from '../../src/cli/main.ts';
import { UsageError } from '../../src/errors.ts';

const work = mkdtempSync(join(tmpdir(), 'vnet-doctor-wizard-report-'));
after(() => rmSync(work, { recursive: true, force: true }));
const quiet = { print: () => {}, error: () => {} };
const env = { VNET_DOCTOR_STATE_DIR: join(work, 'state') };

test('an existing --report file is refused when the wizard starts, and kept as it was', async () => {
  const path = join(work, 'earlier.md');
  writeFileSync(path, 'earlier report\n');
  await assert.rejects(wizardCommand({ offline: true, report: path }, quiet, { isTTY: true, env }), (error: Error) => error instanceof UsageError && /already exists; pass --force/.test(error.message));
  assert.equal(readFileSync(path, 'utf8'), 'earlier report\n');
});

test('a --report in a missing directory is exit 2 with the reason, before the terminal check', async () => {
  const lines: string[] = [];
  const code = await main(['--offline', '--report', join(work, 'missing', 'r.md')], { print: () => {}, error: (text) => lines.push(text) });
  assert.equal(code, 2);
  assert.match(lines.join('\n'), /--report .*r\.md: the directory .*missing does not exist/);
});
