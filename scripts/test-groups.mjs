#!/usr/bin/env node
/**
 * Runs the test files in groups side by side, for `npm test` (scripts/test.mjs), under c8:
 *
 * - unit test files in groups, each group's files one after another in ONE process
 *   (`--test-isolation=none`): the files share what they import, so src/, the flows and the SDKs
 *   load once per group instead of once per file (~0.3 s of CPU each, for ~140 files);
 * - end-to-end files (`*.e2e.test.ts(x)`) each in its own process, as before: they start the CLI
 *   and pseudo-terminals, and wait on them rather than on the CPU.
 *
 * The groups run a few at a time (the spec's `concurrency`), in the spec's order. Each group's
 * report is printed whole when the group ends, so groups do not interleave lines.
 * Exit status: 0 when every group passed.
 *
 *   node scripts/test-groups.mjs SPEC.json    (written by scripts/test.mjs)
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** @type {{ concurrency: number, groups: { title: string, files: string[], isolation: 'none' | 'process', concurrency: number }[] }} */
const { concurrency, groups } = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function runGroup(group) {
  return new Promise((resolve) => {
    const args = [
      '--import', 'tsx', '--import', `${root}scripts/coverage-stays-here.mjs`, '--test', `--test-isolation=${group.isolation}`,
      ...(group.isolation === 'process' ? [`--test-concurrency=${group.concurrency}`] : []), '--test-reporter=spec', ...group.files,
    ];
    // In a group that runs its files in its own process, that process is the one coverage is measured in.
    const env = { ...process.env, ...(group.isolation === 'none' ? { VNET_DOCTOR_TEST_PROCESS: '1' } : {}) };
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => { output += `${error.message}\n`; });
    child.on('close', (status) => {
      process.stdout.write(`\n## ${group.title}: ${group.files.length} file(s), ${status === 0 ? 'passed' : 'FAILED'}\n${output}`);
      resolve(status ?? 1);
    });
  });
}

// `concurrency` groups at a time, in the order given; each one that ends starts the next.
const statuses = [];
let next = 0;
async function worker() {
  while (next < groups.length) {
    const group = groups[next];
    next += 1;
    statuses.push(await runGroup(group));
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, groups.length) }, worker));
process.exitCode = statuses.every((status) => status === 0) ? 0 : 1;
