/**
 * Figure 9: what each start-up patch of the build (scripts/build.mjs STARTUP_PATCHES) is worth.
 * The package is staged once as built and once without each patch; the first frame of
 * `vnet-doctor --demo` is timed for each, runs alternating so load on the machine hits all alike.
 * A patch that saves less than it costs to keep (its lines, a warning to maintain when a library
 * changes) should go.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle, STARTUP_PATCHES } from '../scripts/build.mjs';
import { timeToFirstFrame } from './lib/pty.mjs';
import { median } from './lib/stats.mjs';
import { demoEnv } from './first-frame.mjs';
import { root, tempDir } from './install.mjs';

const node = join(root, 'node_modules', '.bin', 'node');
const DEMO_FRAME = { expect: /vnet-doctor(?![:/])/, reject: /Error\b|vnet-doctor:/ };

/** bin/ + dist/ + package.json: what npm installs, built without the named patches. */
async function stage(without) {
  const folder = tempDir(`patches-${without.join('-') || 'all'}`);
  cpSync(join(root, 'bin'), join(folder, 'bin'), { recursive: true });
  writeFileSync(join(folder, 'package.json'), readFileSync(join(root, 'package.json')));
  await buildBundle({ outdir: join(folder, 'dist'), quiet: true, without });
  return { folder, bin: join(folder, 'bin', 'vnet-doctor.js') };
}

/** Per patch: median first frame with all patches, without this one, the difference, and the patch's lines. */
export async function measureStartupPatches({ runs = 9 } = {}) {
  const names = Object.keys(STARTUP_PATCHES);
  const variants = [{ name: 'all patches', ...(await stage([])) }];
  for (const name of names) variants.push({ name, ...(await stage([name])) });
  const env = demoEnv();
  const times = new Map(variants.map((variant) => [variant.name, []]));
  try {
    for (const variant of variants) await timeToFirstFrame([node, variant.bin, '--demo'], { cwd: env.VNET_DOCTOR_STATE_DIR, env, ...DEMO_FRAME });
    for (let run = 0; run < runs; run += 1) {
      for (const variant of variants) times.get(variant.name).push(await timeToFirstFrame([node, variant.bin, '--demo'], { cwd: env.VNET_DOCTOR_STATE_DIR, env, ...DEMO_FRAME }));
    }
  } finally {
    for (const variant of variants) rmSync(variant.folder, { recursive: true, force: true });
  }
  const all = median(times.get('all patches'));
  const file = { 'builtins-as-require': 'builtins-as-require.mjs', 'lazy-undici': 'lazy-undici-patches.mjs' };
  return {
    allMs: all,
    allRuns: times.get('all patches'),
    patches: names.map((name) => {
      const withoutMs = median(times.get(name));
      const lines = file[name] ? readFileSync(join(root, 'scripts', file[name]), 'utf8').split('\n').length : undefined;
      return { name, withoutMs, savedMs: withoutMs - all, lines, runs: times.get(name) };
    }),
  };
}
