/**
 * THIRD-PARTY-NOTICES.txt for dist/: the bundle carries code from React, Ink, the Azure SDKs and
 * their dependencies, and their licences (MIT, ISC, BSD, Apache-2.0) ask that the copyright and
 * licence text travel with that code. esbuild's metafile lists every file it bundled, so each
 * package under node_modules/ that it read gets an entry: name, version, declared licence and
 * the text of its licence (and NOTICE) files.
 *
 * A package that ships no licence file (yoga-layout) gets the copyright lines found in its
 * bundled sources and, for MIT, the standard MIT text, so the notice is never empty.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';
const LICENSE_FILE = /^(licen[cs]e|copying)([-.].*)?$/i;
const NOTICE_FILE = /^notice([-.].*)?$/i;
const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN
AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE
OR OTHER DEALINGS IN THE SOFTWARE.`;

/**
 * The package folder a bundled input belongs to: "node_modules/a/node_modules/@s/b/x.js" ->
 * "node_modules/a/node_modules/@s/b" (a nested copy is its own package, often another version).
 */
export function packageDirOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const [first, second] = input.slice(at + 'node_modules/'.length).split('/');
  return input.slice(0, at + 'node_modules/'.length) + (first.startsWith('@') ? `${first}/${second}` : first);
}

const declaredLicence = (manifest) => {
  const value = manifest.license ?? manifest.licenses;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((entry) => entry.type ?? entry).join(' OR ');
  return value?.type ?? 'not declared';
};

/** Copyright lines in the package's bundled files, without comment markers. */
function copyrightLines(root, inputs) {
  const lines = new Set();
  for (const input of inputs) {
    for (const line of readFileSync(join(root, input), 'utf8').split('\n')) {
      const text = line.replace(/^\s*(\/\*+|\*+\/?|\/\/+)?\s*/, '').replace(/\s*\*\/\s*$/, '').trim();
      if (/^copyright\b/i.test(text) && text.length < 200) lines.add(text);
    }
  }
  return [...lines];
}

/** Every package whose files esbuild read, with its licence texts; sorted by name and version. */
export function bundledPackages(metafile, root) {
  const inputsByDir = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input);
    if (!dir || !existsSync(join(root, dir, 'package.json'))) continue;
    if (!inputsByDir.has(dir)) inputsByDir.set(dir, []);
    inputsByDir.get(dir).push(input);
  }
  const packages = [...inputsByDir].map(([dir, inputs]) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const files = readdirSync(join(root, dir)).sort();
    const read = (pattern) => files.filter((file) => pattern.test(file)).map((file) => readFileSync(join(root, dir, file), 'utf8').trim());
    const licence = declaredLicence(manifest);
    let texts = read(LICENSE_FILE);
    if (texts.length === 0) {
      const copyrights = copyrightLines(root, inputs);
      texts = [[
        'The package ships no licence file. Copyright lines in its bundled sources:',
        ...(copyrights.length > 0 ? copyrights : ['(none found)']),
        ...(licence === 'MIT' ? ['', 'It declares the MIT licence, whose text is:', '', MIT_TEXT] : []),
      ].join('\n')];
    }
    return { name: manifest.name, version: manifest.version, licence, dir, texts: [...texts, ...read(NOTICE_FILE)] };
  });
  const unique = new Map(packages.map((pkg) => [`${pkg.name}@${pkg.version}`, pkg]));
  return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version, undefined, { numeric: true }));
}

export function noticesText(packages) {
  const rule = '-'.repeat(78);
  const head = [
    'vnet-doctor: third-party notices',
    '',
    'The files in dist/ bundle code from the packages below. Each is listed with its version, the',
    'licence it declares and the licence and notice texts it ships. vnet-doctor itself is under the',
    'MIT licence (LICENSE).',
    '',
    ...packages.map((pkg) => `  ${pkg.name}@${pkg.version} (${pkg.licence})`),
  ];
  const entries = packages.flatMap((pkg) => ['', rule, `${pkg.name}@${pkg.version}`, `Licence: ${pkg.licence}`, '', pkg.texts.join(`\n\n`)]);
  return `${[...head, ...entries].join('\n')}\n`;
}
