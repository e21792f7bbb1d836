#!/usr/bin/env node
/**
 * `npm test`: builds the bundle, runs every test (child-process tests then exercise dist/, the
 * code `npx vnet-doctor` runs), then runs the end-to-end tests again against the TypeScript
 * sources (VNET_DOCTOR_SOURCE=1), so both builds pass the same end-to-end tests.
 * End-to-end tests are the files named `*.e2e.test.ts(x)` anywhere under test/.
 *
 * A dist/ that was not there before is removed afterwards: bin/vnet-doctor.js prefers dist/, and
 * a bundle left behind would go stale as soon as src/ changes (`npm start` would run old code).
 *
 *   node scripts/test.mjs [--source-only | --bundle-only]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBundle } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const ALL_TESTS = ['test/**/*.test.ts', 'test/**/*.test.tsx'];
export const E2E_TESTS = ['test/**/*.e2e.test.ts', 'test/**/*.e2e.test.tsx'];

function runTests(title, patterns, env) {
  const files = patterns.flatMap((pattern) => globSync(pattern, { cwd: root })).sort();
  if (files.length === 0) {
    process.stdout.write(`\n# ${title}: no test files match ${patterns.join(' ')}\n`);
    return 0;
  }
  process.stdout.write(`\n# ${title}: ${files.length} file(s)\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: root, stdio: 'inherit', env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

const sourceOnly = process.argv.includes('--source-only');
const bundleOnly = process.argv.includes('--bundle-only');
let failed = 0;
if (!sourceOnly) {
  const dist = `${root}dist`;
  const hadDist = existsSync(dist);
  await buildBundle();
  try {
    failed += runTests('all tests (end-to-end tests run the bundle in dist/)', ALL_TESTS, { VNET_DOCTOR_SOURCE: '0' });
  } finally {
    if (!hadDist) rmSync(dist, { recursive: true, force: true });
  }
}
if (!bundleOnly) {
  failed += runTests('end-to-end tests against the sources (VNET_DOCTOR_SOURCE=1)', E2E_TESTS, { VNET_DOCTOR_SOURCE: '1' });
}
process.exitCode = failed === 0 ? 0 : 1;
