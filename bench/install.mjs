/**
 * Install figures for the published package: stage the package (package.json, the `files`
 * list, a fresh bundle), `npm pack` it, install the tarball into an empty folder with an empty
 * npm cache, and time a cold `npx <tarball> --help`. Everything stays on this machine: the
 * tarball has no dependencies, so npm fetches nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle } from '../scripts/build.mjs';
import { median } from './lib/stats.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));
/** The project's Node (24) first on PATH, as npm scripts have it. */
export const benchEnv = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}`, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };

export const tempDir = (name) => mkdtempSync(join(tmpdir(), `vnet-doctor-bench-${name}-`));

/** Builds and packs the package from a staging copy, leaving the working tree's dist/ alone. */
export async function packPackage({ strict = true } = {}) {
  const stage = tempDir('stage');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const entry of manifest.files ?? []) {
    // npm pack applies the patterns (e.g. scenarios/*.json); staging copies whole top-level entries.
    const top = entry.split('/')[0];
    if (top !== 'dist' && existsSync(join(root, top))) cpSync(join(root, top), join(stage, top), { recursive: true });
  }
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2));
  await buildBundle({ outdir: join(stage, 'dist'), quiet: true, strict });
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', stage], { cwd: stage, env: benchEnv, encoding: 'utf8' });
  const [packed] = JSON.parse(out);
  return { stage, tarball: join(stage, packed.filename), packed, manifest };
}

function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files += 1;
  }
  return { bytes, files };
}

/** `npm install <tarball>` into an empty folder with an empty cache; returns the folder. */
export function installTarball(tarball) {
  const folder = tempDir('install');
  const cache = tempDir('cache');
  writeFileSync(join(folder, 'package.json'), '{"name":"bench-install","private":true}');
  execFileSync('npm', ['install', '--no-package-lock', '--ignore-scripts', '--offline', tarball], { cwd: folder, env: { ...benchEnv, npm_config_cache: cache }, stdio: 'pipe' });
  rmSync(cache, { recursive: true, force: true });
  return { folder, bin: join(folder, 'node_modules', 'vnet-doctor', 'bin', 'vnet-doctor.js') };
}

/** A cold `npx --yes <tarball> --help`: a new empty npm cache every run. */
function coldNpx(tarball) {
  const cache = tempDir('npx-cache');
  const cwd = tempDir('npx-cwd');
  // As a user would type it: `npx ./file.tgz` from an otherwise empty folder.
  cpSync(tarball, join(cwd, basename(tarball)));
  const started = performance.now();
  const result = spawnSync('npx', ['--yes', `./${basename(tarball)}`, '--help'], { cwd, env: { ...benchEnv, npm_config_cache: cache }, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  rmSync(cache, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
  if (result.status !== 0 || !result.stdout.includes('Usage')) throw new Error(`npx ${tarball} --help failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

function countByFolder(paths) {
  const counts = {};
  for (const path of paths) {
    const folder = path.includes('/') ? path.split('/')[0] : '(top level)';
    counts[folder] = (counts[folder] ?? 0) + 1;
  }
  return counts;
}

export async function measureInstall({ runs = 5, strict = true } = {}) {
  const pack = await packPackage({ strict });
  const installed = installTarball(pack.tarball);
  const size = folderSize(join(installed.folder, 'node_modules'));
  const npx = [];
  for (let i = 0; i < runs; i += 1) npx.push(coldNpx(pack.tarball));
  return {
    pack,
    installed,
    runtimeDependencies: Object.keys(pack.manifest.dependencies ?? {}).length,
    tarballBytes: pack.packed.size,
    packedFiles: pack.packed.entryCount,
    unpackedBytes: pack.packed.unpackedSize,
    installBytes: size.bytes,
    installFiles: size.files,
    filesByFolder: countByFolder(pack.packed.files.map((file) => file.path)),
    npxMs: median(npx),
    npxRuns: npx,
  };
}
