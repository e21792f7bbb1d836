#!/usr/bin/env node
/**
 * Bundles src/cli/run.ts into dist/ (ESM, code-split) so the published package needs no runtime
 * dependencies: `npx vnet-doctor` fetches one small tarball instead of ~170 MB of node_modules.
 * Heavy modules that src/ imports lazily (Ink + React, the Azure SDKs) become separate chunks
 * that load only when a command needs them.
 *
 *   node scripts/build.mjs                 build dist/
 *   node scripts/build.mjs --metafile      also write meta.json (inspect chunk sizes)
 *   node scripts/build.mjs --outdir DIR    build elsewhere (the benchmarks stage a package there)
 */
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { builtinsAsRequirePlugin } from './builtins-as-require.mjs';
import { lazyUndiciPlugin } from './lazy-undici-patches.mjs';
import { embedShippedDataPlugin } from './embed-shipped-data.mjs';
import { bundledPackages, noticesText, NOTICES_FILE } from './third-party-notices.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// CommonJS code inside ink's dependencies and the Azure SDKs calls require(), __filename and
// __dirname; an ESM bundle has none of them, so the banner defines them once per chunk.
const banner = [
  "import { createRequire as __vdCreateRequire } from 'node:module';",
  "import { fileURLToPath as __vdFileURLToPath } from 'node:url';",
  "import { dirname as __vdDirname } from 'node:path';",
  'const require = __vdCreateRequire(import.meta.url);',
  'const __filename = __vdFileURLToPath(import.meta.url);',
  'const __dirname = __vdDirname(__filename);',
].join('\n');

/** `strict: false` only while commands are still being written: keeps unresolved imports. */
/**
 * The start-up patches, by name: each saves time or memory before the first frame, and figure 9
 * of `npm run bench` measures what each is worth by building without it.
 */
export const STARTUP_PATCHES = {
  'builtins-as-require': builtinsAsRequirePlugin,
  'lazy-undici': lazyUndiciPlugin,
};

export async function buildBundle({ outdir = `${root}dist`, metafile = false, quiet = false, strict = true, entryPoints = { cli: 'src/cli/run.ts' }, without = [] } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const started = performance.now();
  const options = {
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    // ESM because ink's reconciler and yoga use top-level await.
    format: 'esm',
    platform: 'node',
    target: 'node22',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    // Licence comments (/*! */, @license) stay, at the end of each file; THIRD-PARTY-NOTICES.txt
    // carries every bundled package's licence text.
    legalComments: 'eof',
    // Without this React's development build is bundled next to the production one.
    // The version comes from package.json at build time (src/version.ts reads the file only in the sources).
    define: { 'process.env.NODE_ENV': '"production"', __VNET_DOCTOR_VERSION__: JSON.stringify(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version) },
    // ink imports the devtools only when DEV=true; marking it external crashes at start.
    alias: { 'react-devtools-core': './src/build/react-devtools-core-stub.js' },
    loader: { '.tsx': 'tsx', '.ts': 'ts' },
    banner: { js: banner },
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
  };
  const result = await build({ ...options, plugins: [...Object.entries(STARTUP_PATCHES).filter(([name]) => !without.includes(name)).map(([, plugin]) => plugin()), embedShippedDataPlugin(root)] });
  if (metafile) writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
  writeFileSync(`${outdir}/${NOTICES_FILE}`, noticesText(bundledPackages(result.metafile, root)));
  const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
  if (strict) assertNoSourceImports(outputs.map(([file]) => resolve(root, file)));
  const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  if (!quiet) {
    process.stdout.write(`built dist/: ${outputs.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms\n`);
  }
  return result;
}

/**
 * esbuild leaves a dynamic import() it cannot resolve (inside try) as it is, so a missing
 * source file would only fail when a user runs that command. Fail the build instead.
 */
function assertNoSourceImports(files) {
  const dangling = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/import\(\s*["'`]([^"'`]+\.tsx?)["'`]\s*\)/g)].map((match) => `${file}: import("${match[1]}")`));
  if (dangling.length > 0) {
    throw new Error(`the bundle still imports source files that esbuild could not resolve:\n  ${dangling.join('\n  ')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' }, metafile: { type: 'boolean' } } });
  try {
    await buildBundle({ ...(values.outdir ? { outdir: resolve(values.outdir) } : {}), metafile: values.metafile ?? false });
  } catch (error) {
    process.stderr.write(`build failed: ${error.message}\n`);
    process.exitCode = 1;
  }
}
