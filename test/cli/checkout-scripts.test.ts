/** A checkout runs what users run: installing builds the bundle, npm start runs it, npm test tests it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };

test('npm install builds the bundle (prepare), so npm start runs dist/ like npx does', () => {
  assert.match(pkg.scripts.prepare ?? '', /scripts\/build\.mjs/);
  assert.match(pkg.scripts.start ?? '', /bin\/vnet-doctor\.js/);
  const bin = readFileSync(new URL('bin/vnet-doctor.js', root), 'utf8');
  assert.match(bin, /dist\/cli\.js/, 'the bin prefers the bundle');
});

test('npm test rebuilds the bundle fresh and never deletes it afterwards (npm start would fall back to the slow sources)', () => {
  const script = readFileSync(new URL('scripts/test.mjs', root), 'utf8');
  assert.match(script, /buildBundle\(\)/, 'built into dist/, where npm start and the end-to-end tests find it');
  assert.doesNotMatch(script, /rmSync\([^)]*dist/);
  assert.match(script, /VNET_DOCTOR_SOURCE: '0'/, 'the end-to-end tests run the bundle');
});

test('the published package runs no install script (npx installs it without scripts/ or devDependencies)', () => {
  for (const hook of ['preinstall', 'install', 'postinstall']) assert.equal(pkg.scripts[hook], undefined, `${hook} would run on every user's install`);
  assert.match(pkg.scripts.prepare ?? '', /pin-node-bin\.mjs/, 'a checkout keeps npm scripts on Node 24');
});
