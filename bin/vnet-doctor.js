#!/usr/bin/env node
// Entry point. The published package runs the bundle in dist/; a source checkout runs the
// TypeScript in src/ through tsx. VNET_DOCTOR_SOURCE=1 forces the sources even when dist/ exists.
import { existsSync } from 'node:fs';
import module from 'node:module';
import v8 from 'node:v8';

// Memory of the interactive wizard only (peak RSS of a --demo session <= 100 MB,
// bench/README-performance.md; each flag measured about 6 MB): the young generation keeps its
// initial size instead of growing to 16 MB (a wizard's short bursts of garbage do not need a big
// nursery), and no optimizing compilers (a short interactive session spends its time in code that
// never gets hot). Set before anything else allocates and before the compile cache is enabled
// (its cache key includes the V8 flags). Commands (check, flows, scan, migrate) and --help/--version keep
// V8's optimizing compilers: their CPU-bound work (YAML, linting, scans) runs about a third slower
// without them. A scan bounds its heap instead (below).
const COMMANDS = new Set(['check', 'flows', 'scan', 'migrate']);
const args = process.argv.slice(2);
const wizard = process.stdin.isTTY === true && process.stdout.isTTY === true
  && !args.some((arg) => COMMANDS.has(arg) || ['--help', '-h', '--version', '-v'].includes(arg));
if (wizard) for (const flag of ['--semi-space-growth-factor=1', '--no-maglev', '--no-opt']) v8.setFlagsFromString(flag);
// A fleet scan turns over a lot of short-lived garbage (every page and answer parsed, a row
// judged per app): with V8's defaults its peak RSS follows that garbage, not what it holds (about
// 300 MB at 25,000 apps, of which about 50 MB live). The young generation kept at its initial
// size and the old one grown by half at each collection (not up to 4 x): 158 MB at 25,000 apps and
// 199 MB at 50,000, in the same time, for about half again the CPU (5.8 -> 8.4 s at 25,000).
// --optimize-for-size gave 135 MB for 10.2 s of CPU, slower at 50,000 on the shared machine.
// Measured with bench/scan.mjs's tenant (bench/README-performance.md, figure 11).
const SCAN_V8_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=50'];
if (args.find((arg) => COMMANDS.has(arg)) === 'scan') for (const flag of SCAN_V8_FLAGS) v8.setFlagsFromString(flag);

module.enableCompileCache?.();

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`vnet-doctor needs Node.js 22 or newer (this is ${process.version}).\nIn a checkout, "npm start" brings its own Node; elsewhere install Node 22+ and run "npx vnet-doctor".\n`);
  process.exit(2);
}

const bundle = new URL('../dist/cli.js', import.meta.url);
if (existsSync(bundle) && process.env.VNET_DOCTOR_SOURCE !== '1') {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/run.ts');
}
