/**
 * The layers the architecture promises (issue 10 items 9 and 10): React and Ink live in src/ui
 * only, so the engine, the facts, the session controller and the command logic run and are
 * tested without a terminal; the session takes the engineer's moves as data (session-move.ts)
 * and the probe asks through a promise (probe-consent.ts), never through a screen. The one door into the UI is the lazy import of
 * ui/run-wizard.tsx (listed in lazy-boundaries.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []);

/** Static imports and re-exports of a file, type-only ones included. */
const imports = (text: string): string[] => [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((match) => match[1]!);

test('React and Ink are imported in src/ui only', () => {
  const outside = sources(join(root, 'src'))
    .filter((file) => !relative(root, file).replaceAll('\\', '/').startsWith('src/ui/'))
    .flatMap((file) => imports(readFileSync(file, 'utf8')).filter((from) => /^(react|ink)(\/|$)|^ink-/.test(from)).map((from) => `${relative(root, file)} imports ${from}`));
  assert.deepEqual(outside, []);
});

test('the engine, the facts and the session import nothing from the UI or the CLI', () => {
  const wrong: string[] = [];
  for (const layer of ['src/engine', 'src/facts', 'src/session']) {
    for (const file of sources(join(root, layer))) {
      for (const from of imports(readFileSync(file, 'utf8'))) {
        if (/^\.{1,2}\//.test(from) && /(^|\/)(ui|cli)\//.test(relative(root, join(file, '..', from)).replaceAll('\\', '/'))) wrong.push(`${relative(root, file)} imports ${from}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

/**
 * Folders of src/ from the bottom up: each imports only folders below it, so there is no circle
 * and no upward arrow (issue 23 item 6). Shared types live in the lower layer that produces them
 * (facts/read-outcome.ts, facts/sources-interface.ts, engine/owned-facts.ts). The emulator sits
 * below the facts because `--demo` serves its scenarios through it; it imports nothing of ours.
 */
const LAYERS = ['(root)', 'text', 'fs', 'engine', 'flows', 'graph', 'answers', 'emulator', 'facts', 'report', 'scan', 'migrate', 'probe', 'session', 'ui', 'cli', 'build'];

test('imports flow one way: every folder of src imports only the folders below it', () => {
  const layerOf = (path: string): string => { const parts = path.split('/'); return parts.length > 2 ? parts[1]! : '(root)'; };
  const upward: string[] = [];
  for (const file of sources(join(root, 'src'))) {
    const from = relative(root, file).replaceAll('\\', '/');
    const own = LAYERS.indexOf(layerOf(from));
    assert.ok(own >= 0, `${from}: its folder is missing from LAYERS`);
    const text = readFileSync(file, 'utf8');
    const targets = [...imports(text), ...[...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]!)];
    for (const target of targets.filter((spec) => /^\.{1,2}\//.test(spec))) {
      const to = relative(root, join(file, '..', target)).replaceAll('\\', '/');
      const layer = LAYERS.indexOf(layerOf(to));
      if (layerOf(to) !== layerOf(from) && layer > own) upward.push(`${from} imports ${to}`);
    }
  }
  assert.deepEqual(upward, []);
});
