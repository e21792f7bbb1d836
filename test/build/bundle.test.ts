/**
 * The published package: one bundle with no runtime dependencies. These tests copy the bundle
 * (test/support/built-bundle.ts) into a temporary folder, lay it out as npm would install it (no node_modules anywhere), and
 * run it, so a dependency that escaped bundling or a file missing from `files` fails here.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { builtBundle } from '../support/built-bundle.ts';
import { PseudoTerminal } from '../ui/pty.ts';
import { writeFlowDir } from '../support/flow-dir-fixture.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let installed: string;
let metafile: Metafile;

before(async () => {
  installed = mkdtempSync(join(tmpdir(), 'vnet-doctor-bundle-test-'));
  for (const entry of manifest.files as string[]) {
    const top = entry.split('/')[0]!;
    if (top !== 'dist' && existsSync(join(root, top))) cpSync(join(root, top), join(installed, top), { recursive: true });
  }
  writeFileSync(join(installed, 'package.json'), JSON.stringify(manifest));
  const bundle = await builtBundle();
  cpSync(bundle.dist, join(installed, 'dist'), { recursive: true });
  metafile = bundle.metafile;
  return () => rmSync(installed, { recursive: true, force: true });
});

const runInstalled = (args: string[]) => spawnSync(process.execPath, [join(installed, 'bin', 'vnet-doctor.js'), ...args], {
  cwd: installed, encoding: 'utf8', env: { ...process.env, VNET_DOCTOR_SOURCE: '0', NO_COLOR: '1' }, timeout: 30_000,
});

test('the published package declares no runtime dependencies and ships the bundle and the schemas, no data files', () => {
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
    assert.deepEqual(Object.keys(manifest[field] ?? {}), [], `${field} must be empty: everything is bundled`);
  }
  const tops = (manifest.files as string[]).map((pattern) => pattern.split('/')[0]);
  for (const entry of ['bin', 'dist', 'schema']) assert.ok(tops.includes(entry), `files lists ${entry}`);
  // The flows and the demo scenarios are built into the bundle.
  for (const entry of ['flows', 'scenarios']) assert.ok(!tops.includes(entry), `files leaves out ${entry}`);
  assert.ok(!existsSync(join(installed, 'flows')) && !existsSync(join(installed, 'scenarios')));
});

test('the bundle runs without any node_modules: --help and flows lint from the installed layout', () => {
  const help = runInstalled(['--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage$/m);
  const lint = runInstalled(['flows', 'lint']);
  assert.equal(lint.status, 0, lint.stderr);
  assert.match(lint.stdout, /\d+ flows, \d+ nodes: no problems found/);
});

test('the built-in flows list with their titles, and the same number of flows as flows/ holds', () => {
  const list = runInstalled(['flows', 'list']);
  assert.equal(list.status, 0, list.stderr);
  assert.match(list.stdout, /^triage\s+.+\(entry\)$/m);
  const shipped = readdirSync(join(root, 'flows')).filter((name) => name.endsWith('.yaml') && !name.endsWith('.test.yaml')).length;
  assert.match(runInstalled(['flows', 'lint']).stdout, new RegExp(`^${shipped} flows, `));
});

test('the bundle still lints a flow directory from disk, naming file and line', () => {
  const broken = readFileSync(join(root, 'test', 'fixtures', 'broken', 'dangling-transition.yaml'), 'utf8');
  const lint = runInstalled(['flows', 'lint', writeFlowDir({ 'dangling-transition.yaml': broken })]);
  assert.equal(lint.status, 2);
  assert.match(lint.stderr, /dangling-transition\.yaml:7: node "a": yes -> "nowhere" is not a node of this flow/);
});

test('check runs a built-in demo scenario from the installed layout', () => {
  const check = runInstalled(['check', '--demo', 'healthy', '--format', 'json']);
  assert.ok(check.status === 0 || check.status === 1, check.stderr);
  const report = JSON.parse(check.stdout);
  assert.equal(report.target.mode, 'demo');
  const unknown = runInstalled(['check', '--demo', 'no-such-scenario']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown demo scenario "no-such-scenario"; choose one of: .*healthy/);
});

test('the wizard draws its first screen for --demo from the installed layout', async () => {
  const state = mkdtempSync(join(tmpdir(), 'vnet-doctor-bundle-state-'));
  const env: NodeJS.ProcessEnv = { ...process.env, VNET_DOCTOR_SOURCE: '0', VNET_DOCTOR_STATE_DIR: state, TERM: 'xterm-256color' };
  const term = new PseudoTerminal([process.execPath, join(installed, 'bin', 'vnet-doctor.js'), '--demo'], { cwd: state, env });
  try {
    await term.waitFor(/vnet-doctor[\s\S]*demo: healthy/, 'the wizard header with the demo target');
  } finally {
    term.close();
    rmSync(state, { recursive: true, force: true });
  }
});

/** Every input reachable from the entry through static imports: what `--help` has to load. */
function startupInputs(meta: Metafile): string[] {
  const entry = Object.keys(meta.outputs).find((file) => meta.outputs[file]!.entryPoint === 'src/cli/run.ts')!;
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of meta.outputs[file]!.imports) if (imported.kind === 'import-statement' && !imported.external) queue.push(imported.path);
  }
  return [...seen].flatMap((file) => Object.keys(meta.outputs[file]!.inputs));
}

test('start-up loads neither Ink nor the Azure SDKs: they sit in lazily imported chunks', () => {
  const inputs = startupInputs(metafile);
  assert.ok(inputs.some((input) => input.startsWith('src/cli/')), 'the entry holds the CLI');
  const heavy = inputs.filter((input) => /node_modules\/(@azure|ink|react|yoga)/.test(input));
  assert.deepEqual(heavy, []);
  const bundled = Object.keys(metafile.inputs);
  assert.ok(bundled.some((input) => input.includes('node_modules/@azure/arm-network/')), 'the Azure network SDK is bundled');
  assert.ok(bundled.some((input) => input.includes('node_modules/ink/')), 'Ink is bundled');
});

test('start-up loads no network or crypto built-ins: they load when facts are read, after the first frame', () => {
  const probe = join(installed, 'probe-builtins.cjs');
  writeFileSync(probe, "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));\n");
  const run = spawnSync(process.execPath, ['--require', probe, join(installed, 'bin', 'vnet-doctor.js'), '--version'], {
    cwd: installed, encoding: 'utf8', env: { ...process.env, VNET_DOCTOR_SOURCE: '0', NODE_OPTIONS: '' }, timeout: 30_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const loaded = JSON.parse(run.stderr) as string[];
  for (const name of ['https', 'tls', 'crypto', 'http', 'worker_threads']) assert.ok(!loaded.includes(`NativeModule ${name}`), `${name} is loaded at start-up`);
});

test('React is bundled once, in its production build, and the devtools stub replaces react-devtools-core', () => {
  const bundled = Object.keys(metafile.inputs);
  assert.deepEqual(bundled.filter((input) => /\.development\.js$/.test(input)), []);
  assert.ok(bundled.some((input) => /react\.production\.js$/.test(input)), 'React production build is bundled');
  assert.ok(!bundled.some((input) => input.includes('node_modules/react-devtools-core')));
  assert.ok(bundled.includes('src/build/react-devtools-core-stub.js'), 'the stub is bundled in its place');
});

const outputHolding = (meta: Metafile, inputPart: string): string => {
  const file = Object.keys(meta.outputs).find((output) => Object.keys(meta.outputs[output]!.inputs).some((input) => input.includes(inputPart)));
  assert.ok(file, `some chunk holds ${inputPart}`);
  return readFileSync(join(root, file), 'utf8');
};

test("Ink's layout engine instantiates its inline WebAssembly without fetch (which would load undici before the first frame)", () => {
  const chunk = outputHolding(metafile, 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
  assert.doesNotMatch(chunk, /typeof fetch/);
});

test('the Azure SDK pipeline reads the FormData global only for a body tagged FormData (reading it loads undici)', () => {
  const chunk = outputHolding(metafile, '@typespec/ts-http-runtime/dist/esm/formData.js');
  assert.match(chunk, /\[Symbol\.toStringTag\]==="FormData"&&typeof FormData/);
});

test('built-in modules arrive through require, never as ESM imports that wake lazy getters (node:http would load undici)', () => {
  for (const output of Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'))) {
    const esmBuiltins = [...readFileSync(join(root, output), 'utf8').matchAll(/\bfrom\s*["'](node:[a-z_/]+)["']/g)].map((match) => match[1]);
    // Only the banner's own three imports remain.
    assert.deepEqual(esmBuiltins.filter((name) => !['node:module', 'node:url', 'node:path'].includes(name!)), [], output);
  }
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
