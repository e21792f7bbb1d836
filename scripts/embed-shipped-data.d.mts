/** Types for scripts/embed-shipped-data.mjs (used by the build and its tests). */
import type { Plugin } from 'esbuild';

export const SHIPPED_FLOW_FILES: string;
export const SHIPPED_SCENARIOS: string;
export function embedShippedDataPlugin(root: string): Plugin;
