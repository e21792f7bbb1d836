/**
 * The bundle embeds the shipped flows parsed at build time and validates and lints them at
 * start-up. Its diagnostics must be the ones `flows lint` gives for the same YAML files, file and
 * line included, and the flow set it builds must be the one a checkout reads from flows/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { embedShippedDataPlugin } from '../../scripts/embed-shipped-data.mjs';
import { buildFlowSet, buildFlowSetFromParsed, type ParsedFlowFiles } from '../../src/engine/load.ts';
import { loadFlowDir, readFlowFiles } from '../../src/flows/flow-dir.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const broken = (name: string) => readFileSync(join(repo, 'test', 'fixtures', 'broken', name), 'utf8');

/** Bundles shipped-flow-files.ts with `root`/flows embedded (into a temporary folder) and imports it. */
async function embeddedFlowFiles(root: string): Promise<ParsedFlowFiles> {
  const out = mkdtempSync(join(tmpdir(), 'vnet-doctor-embed-out-'));
  try {
    const outfile = join(out, 'embedded.mjs');
    await build({ entryPoints: [join(root, 'src', 'flows', 'shipped-flow-files.ts')], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'error', plugins: [embedShippedDataPlugin(root)] });
    const { shippedFlowFiles } = await import(pathToFileURL(outfile).href);
    return shippedFlowFiles();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test('embedded flows give the same diagnostics, file and line included, as the YAML files they came from', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'vnet-doctor-embed-test-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const flows = writeFlowDir({ 'dangling-transition.yaml': broken('dangling-transition.yaml'), 'yaml-syntax.yaml': broken('yaml-syntax.yaml') });
  cpSync(flows, join(root, 'flows'), { recursive: true });
  // The plugin replaces this module; its source text never runs.
  mkdirSync(join(root, 'src', 'flows'), { recursive: true });
  writeFileSync(join(root, 'src', 'flows', 'shipped-flow-files.ts'), 'export function shippedFlowFiles() { throw new Error("not embedded"); }\n');

  const embedded = buildFlowSetFromParsed(await embeddedFlowFiles(root));
  const fromYaml = buildFlowSet(readFlowFiles(join(root, 'flows'), (path) => relative(root, path).replaceAll('\\', '/')));
  assert.equal(embedded.flowSet, undefined);
  assert.deepEqual(embedded.diagnostics, fromYaml.diagnostics);
  assert.ok(embedded.diagnostics.some((d) => d.file === 'flows/dangling-transition.yaml' && d.line === 7 && /"nowhere" is not a node/.test(d.message)));
  assert.ok(embedded.diagnostics.some((d) => d.file === 'flows/yaml-syntax.yaml' && /^YAML: /.test(d.message)));
});

test('the shipped flows, embedded, build the same flow set as flows/ read from disk', async () => {
  const embedded = buildFlowSetFromParsed(await embeddedFlowFiles(repo));
  assert.deepEqual(embedded.diagnostics, []);
  assert.deepEqual(embedded.flowSet, loadFlowDir());
});
