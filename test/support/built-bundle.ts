/**
 * The bundle the tests inspect. `npm test` (scripts/test.mjs) builds dist/ once before any test
 * runs and names esbuild's metafile in VNET_DOCTOR_TEST_BUNDLE_META; the build tests read that
 * instead of each building their own. A test file run on its own builds a bundle of its own into
 * a temporary folder, once per process.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { buildBundle } from '../../scripts/build.mjs';

export interface BuiltBundle {
  /** The folder holding cli.js, its chunks and THIRD-PARTY-NOTICES.txt. */
  readonly dist: string;
  /** esbuild's metafile of that build (output paths relative to the checkout). */
  readonly metafile: Metafile;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
let built: Promise<BuiltBundle> | undefined;

export function builtBundle(): Promise<BuiltBundle> {
  built ??= (async () => {
    const meta = process.env.VNET_DOCTOR_TEST_BUNDLE_META;
    if (meta) return { dist: join(root, 'dist'), metafile: JSON.parse(readFileSync(meta, 'utf8')) as Metafile };
    const dist = mkdtempSync(join(tmpdir(), 'vnet-doctor-test-bundle-'));
    process.on('exit', () => rmSync(dist, { recursive: true, force: true }));
    const { metafile } = await buildBundle({ outdir: dist, quiet: true });
    return { dist, metafile };
  })();
  return built;
}
