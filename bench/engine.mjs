/**
 * Engine figures: each measured in a fresh process (cold, as at start-up); medians of several.
 * The shipped flows are timed in engine-bench.ts bundled like the package (embedded pre-parsed
 * flows, minified code), the synthetic flows from source.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { median } from './lib/stats.mjs';
import { benchEnv, root, tempDir } from './install.mjs';
import { buildBundle } from '../scripts/build.mjs';

const node = join(root, 'node_modules', '.bin', 'node');
const FROM_SOURCE = ['--import', 'tsx', join(root, 'bench', 'engine-bench.ts')];

async function bundledBench() {
  const outdir = tempDir('engine');
  await buildBundle({ outdir, quiet: true, entryPoints: { 'engine-bench': 'bench/engine-bench.ts' } });
  return [join(outdir, 'engine-bench.js')];
}

function runOnce(script, args) {
  const out = execFileSync(node, [...script, ...args], { cwd: root, env: benchEnv, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1));
}

function medianOf(script, args, runs) {
  const results = Array.from({ length: runs }, () => runOnce(script, args));
  const pick = (key) => median(results.map((result) => result[key]));
  return { ...results[0], ms: pick('ms'), lintMs: pick('lintMs'), walkMs: pick('walkMs') };
}

export const SYNTHETIC_SIZES = [500, 5_000, 50_000];

export async function measureEngine({ runs = 7 } = {}) {
  const bundled = await bundledBench();
  const shipped = medianOf(bundled, ['shipped'], runs);
  rmSync(dirname(bundled[0]), { recursive: true, force: true });
  if (isAbsolute(shipped.origin)) throw new Error(`the bundled bench read the flows from ${shipped.origin}, not the embedded data`);
  const synthetic = SYNTHETIC_SIZES.map((size) => medianOf(FROM_SOURCE, ['synthetic', String(size)], size > 5_000 ? 1 : runs));
  return { shipped, synthetic };
}
