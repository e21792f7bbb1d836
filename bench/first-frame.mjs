/**
 * First frame: process start to the first visible output of `vnet-doctor --demo` (the
 * installed package, i.e. the bundle) against an unbundled Ink app rendering one <Text>, both
 * in a pseudo-terminal, alternating runs so load on the machine hits both alike.
 */
import { join } from 'node:path';
import { timeToFirstFrame } from './lib/pty.mjs';
import { median } from './lib/stats.mjs';
import { benchEnv, root, tempDir } from './install.mjs';
import { buildBundle } from '../scripts/build.mjs';

const node = join(root, 'node_modules', '.bin', 'node');

const BASELINE_FRAME = { expect: /first frame/ };
// The wizard's first screen carries its header; an error would say "vnet-doctor: ..." or "Error".
const DEMO_FRAME = { expect: /vnet-doctor(?![:/])/, reject: /Error\b|vnet-doctor:/ };

export function demoEnv() {
  return { ...benchEnv, VNET_DOCTOR_STATE_DIR: tempDir('state'), NODE_OPTIONS: '' };
}

/** The same one-<Text> app bundled like vnet-doctor: the floor any bundled first frame can reach. */
async function bundledBaseline() {
  const outdir = tempDir('baseline');
  await buildBundle({ outdir, quiet: true, entryPoints: { baseline: 'bench/baseline-ink.mjs' } });
  return join(outdir, 'baseline.js');
}

export async function measureFirstFrame(installedBin, { runs = 15 } = {}) {
  const env = demoEnv();
  const floorScript = await bundledBaseline();
  const baseline = [];
  const demo = [];
  const floor = [];
  // One untimed run of each warms the page cache and the compile cache.
  await timeToFirstFrame([node, join(root, 'bench', 'baseline-ink.mjs')], { cwd: root, env, ...BASELINE_FRAME });
  await timeToFirstFrame([node, installedBin, '--demo'], { cwd: env.VNET_DOCTOR_STATE_DIR, env, ...DEMO_FRAME });
  await timeToFirstFrame([node, floorScript], { cwd: root, env, ...BASELINE_FRAME });
  for (let i = 0; i < runs; i += 1) {
    baseline.push(await timeToFirstFrame([node, join(root, 'bench', 'baseline-ink.mjs')], { cwd: root, env, ...BASELINE_FRAME }));
    demo.push(await timeToFirstFrame([node, installedBin, '--demo'], { cwd: env.VNET_DOCTOR_STATE_DIR, env, ...DEMO_FRAME }));
    floor.push(await timeToFirstFrame([node, floorScript], { cwd: root, env, ...BASELINE_FRAME }));
  }
  const baselineMs = median(baseline);
  const demoMs = median(demo);
  return { baselineMs, demoMs, ratio: demoMs / baselineMs, bundledBaselineMs: median(floor), demoRuns: demo };
}
