/**
 * The build's chunk consolidation: a lazily imported own module is bundled into the entry when
 * it brings no new package, and stays a lazy chunk when it would pull a library in at start-up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BIG_MODULE_BYTES, eagerImports, eagerImportsPlugin } from '../../scripts/eager-own-modules.mjs';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vnet-doctor-eager-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('light own modules join the entry; a module that pulls in a package stays a lazy chunk', async (t) => {
  const root = project({
    'src/main.ts': [
      "export async function run(kind: string): Promise<string> {",
      "  if (kind === 'light') return (await import('./light.ts')).light();",
      "  const [heavy] = await Promise.all([import('./heavy.ts')]);",
      "  return heavy.heavy();",
      "}",
      "type Light = import('./light.ts').Light;",
      "export const kinds: Light[] = [];",
    ].join('\n'),
    'src/light.ts': "export type Light = string;\nexport const light = (): string => 'LIGHT-MODULE';\n",
    'src/heavy.ts': "import { big } from 'big-library';\nexport const heavy = (): string => big();\n",
    'node_modules/big-library/package.json': '{"name":"big-library","type":"module","main":"index.js"}',
    'node_modules/big-library/index.js': "export const big = () => 'BIG-LIBRARY';\n",
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const options: BuildOptions = {
    absWorkingDir: root, entryPoints: { cli: 'src/main.ts' }, outdir: join(root, 'dist'), bundle: true,
    format: 'esm', platform: 'node', splitting: true, chunkNames: 'chunks/[name]-[hash]', metafile: true, logLevel: 'error',
  };
  const analysis = await build({ ...options, write: false });
  const plan = eagerImports(analysis.metafile!, 'src/main.ts');
  assert.deepEqual([...(plan.get('src/main.ts') ?? [])], ['./light.ts']);

  await build({ ...options, plugins: [eagerImportsPlugin(plan, root)] });
  const entry = readFileSync(join(root, 'dist', 'cli.js'), 'utf8');
  assert.match(entry, /LIGHT-MODULE/, 'the light module is bundled into the entry');
  assert.doesNotMatch(entry, /BIG-LIBRARY/, 'the library is not loaded at start-up');
  const chunks = readdirSync(join(root, 'dist', 'chunks')).map((name) => readFileSync(join(root, 'dist', 'chunks', name), 'utf8'));
  assert.ok(chunks.some((text) => text.includes('BIG-LIBRARY')), 'the heavy module is a lazy chunk');

  const { run } = await import(join(root, 'dist', 'cli.js'));
  assert.equal(await run('light'), 'LIGHT-MODULE');
  assert.equal(await run('heavy'), 'BIG-LIBRARY');
});

test('an own module carrying big data (the embedded demo scenarios) stays a lazy chunk', async (t) => {
  const root = project({
    'src/main.ts': "export async function run(): Promise<number> {\n  return (await import('./data.ts')).DATA.length;\n}\n",
    'src/data.ts': `export const DATA = ${JSON.stringify('BIG-DATA'.padEnd(BIG_MODULE_BYTES + 1, '.'))};\n`,
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const options: BuildOptions = {
    absWorkingDir: root, entryPoints: { cli: 'src/main.ts' }, outdir: join(root, 'dist'), bundle: true,
    format: 'esm', platform: 'node', splitting: true, chunkNames: 'chunks/[name]-[hash]', metafile: true, logLevel: 'error',
  };
  const plan = eagerImports((await build({ ...options, write: false })).metafile!, 'src/main.ts');
  assert.equal(plan.get('src/main.ts'), undefined, 'the data module is not made eager');
  await build({ ...options, plugins: [eagerImportsPlugin(plan, root)] });
  assert.doesNotMatch(readFileSync(join(root, 'dist', 'cli.js'), 'utf8'), /BIG-DATA/);
  const { run } = await import(join(root, 'dist', 'cli.js'));
  assert.equal(await run(), BIG_MODULE_BYTES + 1);
});
