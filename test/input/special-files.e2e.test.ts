/**
 * Input files are regular files of bounded size: /dev/zero, a FIFO, or a flow file linked to a
 * device claim 0 bytes, so a size check alone let `--answers /dev/zero` read gigabytes and a FIFO
 * hang. The end-to-end cases use special files that end (/dev/null, a FIFO with a writer), so a
 * regression fails an assertion instead of eating the machine; /dev/zero itself is only given to
 * the bounded reader, which stops at its limit whatever the file is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswers, readAnswersFile } from '../../src/answers/answers-file.ts';
import { readFlowFiles } from '../../src/flows/flow-dir.ts';
import { InputFileError, readRegularFile } from '../../src/fs/read-bounded.ts';
import { runCli } from '../support/run-cli.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';
import { miniFlowSet } from '../support/mini-flows.ts';

const flows = miniFlowSet();
const tempDir = () => mkdtempSync(join(tmpdir(), 'vnet-doctor-input-'));
const run = (args: readonly string[]) => runCli(args);

test('a device as the answers file is refused as not a regular file (exit 2), /dev/zero included', () => {
  const result = run(['check', '--offline', '--answers', '/dev/null']);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /^\/dev\/null: cannot read the answers file: it is a character device, not a regular file/m);
  assert.throws(() => readRegularFile('/dev/zero', 1_000_000), (error: unknown) => error instanceof InputFileError && error.code === 'not-regular'
    && error.message === '/dev/zero: it is a character device, not a regular file; only regular files are read');
});

test('an answers file that is a FIFO is refused without waiting for a writer, and nothing is read from it', async () => {
  const fifo = join(tempDir(), 'answers.yaml');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
  // A writer that would hand over a valid answers file: reading the FIFO would succeed with it.
  const writer = spawn('sh', ['-c', 'printf "answers: {}\\n" > "$0"', fifo], { stdio: 'ignore' });
  const writerEnded = new Promise((resolve) => writer.once('exit', resolve));
  try {
    const result = run(['check', '--offline', '--answers', fifo]);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /cannot read the answers file: it is a named pipe \(FIFO\), not a regular file/);
  } finally {
    writer.kill();
    await writerEnded;
  }
});

test('a flow directory with a *.yaml link to a device is refused naming that file', () => {
  const dir = writeFlowDir();
  symlinkSync('/dev/null', join(dir, 'zero.yaml'));
  const result = run(['flows', 'lint', dir]);
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /zero\.yaml: it is a character device, not a regular file/);
  assert.throws(() => readFlowFiles(dir), (error: unknown) => error instanceof InputFileError && error.code === 'not-regular' && error.path.endsWith('zero.yaml'));
});

test('a symbolic link to a regular answers file is followed and read', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'real.yaml'), 'facts:\n  target.port: 1433\n');
  symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
  assert.equal(readAnswersFile(join(dir, 'link.yaml'), flows).facts['target.port']!.value, 1433);
});

test('reading stops at the limit even when the file claims to be empty (/proc files report 0 bytes)', () => {
  const proc = '/proc/self/maps';
  assert.ok(existsSync(proc), 'a Linux /proc file');
  assert.throws(() => readRegularFile(proc, 100), (error: unknown) => error instanceof InputFileError && error.code === 'too-large'
    && error.message === `${proc}: file is more than 100 bytes; at most 100 are accepted`);
  assert.ok(readRegularFile(proc, 1_000_000).length > 100, 'under the limit the whole file is read');
});

test('a regular file exactly at the limit is read; one byte more is refused', () => {
  const path = join(tempDir(), 'a.yaml');
  writeFileSync(path, 'x'.repeat(64));
  assert.equal(readRegularFile(path, 64), 'x'.repeat(64));
  assert.throws(() => readRegularFile(path, 63), /file is 64 bytes; at most 63 are accepted/);
  assert.throws(() => readRegularFile(join(tempDir(), 'missing.yaml'), 64), (error: unknown) => error instanceof InputFileError && error.code === 'missing');
  assert.deepEqual(parseAnswers('a.yaml', readRegularFile(path, 64), flows).diagnostics.length, 1, 'the text read is what parseAnswers checks');
});
