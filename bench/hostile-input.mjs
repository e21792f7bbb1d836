/**
 * Hostile-input figures (10 MB of control characters through safeText and the answer validators,
 * alias bombs, a 10 MB answers file), each run in a fresh process; medians of several.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './lib/stats.mjs';
import { benchEnv, root } from './install.mjs';

const node = join(root, 'node_modules', '.bin', 'node');
const script = ['--import', 'tsx', join(root, 'bench', 'hostile-input-bench.ts')];

export async function measureHostileInput({ runs = 5 } = {}) {
  const results = Array.from({ length: runs }, () => JSON.parse(execFileSync(node, script, { cwd: root, env: benchEnv, encoding: 'utf8' }).trim().split('\n').at(-1)));
  return Object.fromEntries(Object.keys(results[0]).map((key) => [key, median(results.map((result) => result[key]))]));
}
