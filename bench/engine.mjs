/** Engine figures: each measured in a fresh process (cold, as at start-up); medians of several. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './lib/stats.mjs';
import { benchEnv, root } from './install.mjs';

const node = join(root, 'node_modules', '.bin', 'node');

function runOnce(args) {
  const out = execFileSync(node, ['--import', 'tsx', join(root, 'bench', 'engine-bench.ts'), ...args], { cwd: root, env: benchEnv, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1));
}

function medianOf(args, runs) {
  const results = Array.from({ length: runs }, () => runOnce(args));
  const pick = (key) => median(results.map((result) => result[key]));
  return { ...results[0], ms: pick('ms'), lintMs: pick('lintMs'), walkMs: pick('walkMs') };
}

export const SYNTHETIC_SIZES = [500, 5_000, 50_000];

export function measureEngine({ runs = 7 } = {}) {
  const shipped = medianOf(['shipped'], runs);
  const synthetic = SYNTHETIC_SIZES.map((size) => medianOf(['synthetic', String(size)], size > 5_000 ? 1 : runs));
  return { shipped, synthetic };
}
