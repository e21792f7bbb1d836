/** Types for scripts/eager-own-modules.mjs (used by the build and its tests). */
import type { Metafile, Plugin } from 'esbuild';

export function eagerImports(metafile: Metafile, entry: string): Map<string, Set<string>>;
export function eagerImportsPlugin(plan: Map<string, Set<string>>, root: string): Plugin;
export const BIG_MODULE_BYTES: number;
