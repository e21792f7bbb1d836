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
}

export function buildBundle(options?: BuildOptions): Promise<{ metafile: Metafile }>;
