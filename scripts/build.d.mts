/** Types for scripts/build.mjs, so TypeScript tests and benchmarks can build a bundle. */
import type { Metafile } from 'esbuild';

export interface BuildOptions {
  /** Where to write the bundle (default: dist/ in the project). */
  outdir?: string;
  metafile?: boolean;
  quiet?: boolean;
  /** false keeps imports esbuild could not resolve instead of failing (work in progress only). */
  strict?: boolean;
  /** esbuild entry points (default: { cli: 'src/cli/run.ts' }); the benchmarks bundle their baseline too. */
  entryPoints?: Record<string, string>;
  /** Start-up patches to leave out (names of STARTUP_PATCHES); the benchmarks measure each patch's worth this way. */
  without?: string[];
}

export const STARTUP_PATCHES: Record<string, () => unknown>;

export function buildBundle(options?: BuildOptions): Promise<{ metafile: Metafile }>;
