/**
 * What keeps a --demo session under 100 MB of peak RSS (bench/README-performance.md, figure 5):
 * the bin's V8 settings hold the young generation at its initial size, and the bundle carries
 * only the App Service operations vnet-doctor calls, not the SDK's whole client.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { buildBundle } from '../../scripts/build.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
let installed: string;
let metafile: Metafile;

before(async () => {
  installed = mkdtempSync(join(tmpdir(), 'vnet-doctor-memory-test-'));
  cpSync(join(root, 'bin'), join(installed, 'bin'), { recursive: true });
  writeFileSync(join(installed, 'package.json'), JSON.stringify({ name: 'vnet-doctor', type: 'module' }));
  ({ metafile } = await buildBundle({ outdir: join(installed, 'dist'), quiet: true }));
  return () => rmSync(installed, { recursive: true, force: true });
});

/** Runs the bin with `--version` and, at exit, churns short-lived objects; returns the young generation's size. */
function youngGenerationAfterChurn(binArgs: string[]): number {
  const probe = join(installed, 'churn-probe.cjs');
  writeFileSync(probe, [
    "process.on('exit', () => {",
    '  let kept = [];',
    "  for (let i = 0; i < 2e6; i += 1) { kept.push({ i, text: 'x' + i }); if (kept.length > 1e5) kept = []; }",
    "  const young = require('node:v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');",
    '  process.stderr.write(`young=${young.space_size}`);',
    '});',
  ].join('\n'));
  const run = spawnSync(process.execPath, ['--require', probe, ...binArgs], {
    cwd: installed, encoding: 'utf8', env: { ...process.env, VNET_DOCTOR_SOURCE: '0', NODE_OPTIONS: '' }, timeout: 30_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const match = /young=(\d+)/.exec(run.stderr);
  assert.ok(match, `the probe reported: ${run.stderr}`);
  return Number(match[1]);
}

test('the bin keeps the young generation at its initial size however much short-lived garbage a session makes', () => {
  const withBin = youngGenerationAfterChurn([join(installed, 'bin', 'vnet-doctor.js'), '--version']);
  // The same churn without the bin's settings: V8 grows the young generation (the probe must be able to tell).
  const plain = youngGenerationAfterChurn(['-e', '0']);
  assert.ok(plain > 4 * 1024 * 1024, `without the bin's settings the young generation grows (${plain} bytes)`);
  assert.ok(withBin <= 2 * 1024 * 1024, `young generation ${withBin} bytes with the bin's settings`);
});

test('the bundle carries only the App Service operations vnet-doctor calls, not the SDK client with all of them', () => {
  const appService = Object.entries(metafile.inputs).filter(([input]) => input.includes('node_modules/@azure/arm-appservice/'));
  assert.ok(appService.length > 0, 'the App Service SDK is bundled');
  assert.deepEqual(appService.map(([input]) => input).filter((input) => /webSiteManagementClient\.js$|\/classic\//.test(input)), []);
  const bytes = Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs))
    .filter(([input]) => input.includes('node_modules/@azure/arm-appservice/'))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  assert.ok(bytes < 100 * 1024, `App Service SDK code in the bundle: ${bytes} bytes`);
});
