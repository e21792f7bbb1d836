/**
 * Figure 10: migration runbooks for a fleet (issue 22 item 4): bench/runbooks-bench.ts builds and
 * renders the runbooks of 5,000 synthetic apps in a fresh process; medians of several runs.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './lib/stats.mjs';
import { benchEnv, root } from './install.mjs';

export const RUNBOOK_APPS = 5000;

export function measureRunbooks({ runs = 3 } = {}) {
  const node = join(root, 'node_modules', '.bin', 'node');
  const results = Array.from({ length: runs }, () => JSON.parse(execFileSync(node, ['--import', 'tsx', join(root, 'bench', 'runbooks-bench.ts'), String(RUNBOOK_APPS)],
    { cwd: root, env: benchEnv, encoding: 'utf8' }).trim().split('\n').at(-1)));
  return {
    ms: median(results.map((result) => result.ms)),
    perRunbookMs: median(results.map((result) => result.perRunbookMs)),
    bytes: results[0].bytes,
    heapGrowthBytes: Math.max(...results.map((result) => result.heapGrowthBytes)),
    rssBytes: Math.max(...results.map((result) => result.rssBytes)),
    runs: results.map((result) => result.ms),
  };
}
