#!/usr/bin/env node
/**
 * `npm test`, in this order:
 *
 * 1. the type check (`tsc --noEmit -p .`) and ESLint (eslint.config.js), side by side; an error
 *    in either stops the run here, before any test;
 * 2. builds the bundle and runs every test (child-process tests then exercise dist/, the code
 *    `npx vnet-doctor` runs);
 * 3. the end-to-end tests again on Node 22 (the oldest Node `engines` allows, from the `node22`
 *    devDependency), against the same bundle: the test runner runs on Node 22, and the tests
 *    start the CLI with `process.execPath`, so the CLI runs on it too;
 * 4. the end-to-end tests again against the TypeScript sources (VNET_DOCTOR_SOURCE=1), so both
 *    builds pass the same end-to-end tests.
 * End-to-end tests are the files named `*.e2e.test.ts(x)` anywhere under test/.
 *
 * The bundle is rebuilt fresh from src/ on every run and stays in dist/: `npm install` builds it
 * too (the prepare script), so `npm start` runs the same bundle as `npx vnet-doctor`.
 *
 *   node scripts/test.mjs [--source-only | --bundle-only] [--skip-checks | --checks-only]
 */
import { spawn, spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBundle } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ALL_TESTS = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
export const E2E_TESTS = ['test/**/*.e2e.test.ts', 'test/**/*.e2e.test.tsx'];
export const NODE_22 = `${root}node_modules/node22/bin/node`;

function runTests(title, patterns, env, node = process.execPath) {
  const files = patterns.flatMap((pattern) => globSync(pattern, { cwd: root })).sort();
  if (files.length === 0) {
    process.stdout.write(`\n# ${title}: no test files match ${patterns.join(' ')}\n`);
    return 0;
  }
  process.stdout.write(`\n# ${title}: ${files.length} file(s)\n`);
  const result = spawnSync(node, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: root, stdio: 'inherit', env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

/** Runs a tool with this Node; resolves with its exit status, its output printed in one piece. */
function check(title, script, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${root}${script}`, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => { output += `${error.message}\n`; });
    child.on('close', (status) => {
      process.stdout.write(`\n# ${title}: ${status === 0 ? 'no errors' : 'FAILED'}\n${output}`);
      resolve(status ?? 1);
    });
  });
}

/** The Node 22 binary, after checking it is one. */
function node22() {
  const version = spawnSync(NODE_22, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (!version?.startsWith('v22.')) throw new Error(`${NODE_22} is not Node 22 (it says ${version || 'nothing'}): run npm ci`);
  return version;
}

const sourceOnly = process.argv.includes('--source-only');
const bundleOnly = process.argv.includes('--bundle-only');
let failed = 0;
if (!process.argv.includes('--skip-checks')) {
  const statuses = await Promise.all([
    check('type check (tsc --noEmit -p .)', 'node_modules/typescript/bin/tsc', ['--noEmit', '-p', '.']),
    check('lint (eslint .)', 'node_modules/eslint/bin/eslint.js', ['.']),
  ]);
  if (statuses.some((status) => status !== 0)) {
    process.stdout.write('\n# type or lint errors: fix them first; no tests were run\n');
    process.exit(1);
  }
  if (process.argv.includes('--checks-only')) process.exit(0);
}
if (!sourceOnly) {
  await buildBundle();
  failed += runTests('all tests (end-to-end tests run the bundle in dist/)', ALL_TESTS, { VNET_DOCTOR_SOURCE: '0' });
  failed += runTests(`end-to-end tests on Node ${node22()} (the bundle in dist/)`, E2E_TESTS, { VNET_DOCTOR_SOURCE: '0' }, NODE_22);
}
if (!bundleOnly) {
  failed += runTests('end-to-end tests against the sources (VNET_DOCTOR_SOURCE=1)', E2E_TESTS, { VNET_DOCTOR_SOURCE: '1' });
}
process.exitCode = failed === 0 ? 0 : 1;
