/**
 * The published package keeps the licence terms of the code it bundles: a LICENSE of its own and
 * dist/THIRD-PARTY-NOTICES.txt naming every bundled package with its licence text (the bundle of
 * test/support/built-bundle.ts); the packages are found here independently of the generator, by
 * walking up from each bundled file to the nearest package.json that names a package, as Node does.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { builtBundle } from '../support/built-bundle.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let outdir: string;
let metafile: Metafile;
let notices: string;

before(async () => {
  ({ dist: outdir, metafile } = await builtBundle());
  notices = readFileSync(join(outdir, 'THIRD-PARTY-NOTICES.txt'), 'utf8');
});

/** name@version of the package a bundled file belongs to. */
function owningPackage(input: string): string {
  for (let dir = dirname(join(root, input)); dir.startsWith(join(root, 'node_modules')); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const { name, version } = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof name === 'string' && typeof version === 'string') return `${name}@${version}`;
  }
  throw new Error(`no package.json names the package of ${input}`);
}

test('every package the bundle was built from is named in the notices, with its licence text', () => {
  const packages = new Set(Object.keys(metafile.inputs).filter((input) => input.startsWith('node_modules/')).map(owningPackage));
  assert.ok(packages.size > 20, `React, Ink and the Azure SDKs are bundled (${packages.size} packages)`);
  const sections = new Map(notices.split(/^-{78}$/m).slice(1).map((section) => {
    const [heading, licence, ...text] = section.trim().split('\n');
    return [heading!, { licence: licence!, text: text.join('\n').trim() }];
  }));
  for (const pkg of packages) {
    const section = sections.get(pkg);
    assert.ok(section, `${pkg} is bundled but missing from THIRD-PARTY-NOTICES.txt`);
    assert.match(section.licence, /^Licence: \S/, pkg);
    assert.ok(section.text.length > 100, `${pkg}: licence text is missing`);
  }
  assert.match(sections.get(owningPackage('node_modules/react/index.js'))!.text, /MIT License[\s\S]*Copyright \(c\) Meta Platforms/);
});

test('the bundle keeps the licence comments of the code it contains', () => {
  const code = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? code(join(dir, entry.name)) : entry.name.endsWith('.js') ? [readFileSync(join(dir, entry.name), 'utf8')] : []);
  assert.ok(code(outdir).some((text) => /@license React/.test(text)), 'React\'s @license comment survives minification');
});

test('the package ships its MIT licence and the notices', () => {
  const licence = readFileSync(join(root, 'LICENSE'), 'utf8');
  assert.equal(manifest.license, 'MIT');
  assert.match(licence, /^MIT License\n\nCopyright \(c\) \d{4} vnet-doctor contributors\n/);
  assert.match(licence, /THE SOFTWARE IS PROVIDED "AS IS"/);
  const files = manifest.files as string[];
  assert.ok(files.includes('LICENSE'), 'files lists LICENSE');
  assert.ok(files.includes('dist'), 'files lists dist/, where THIRD-PARTY-NOTICES.txt is built');
});
