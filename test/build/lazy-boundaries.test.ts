/**
 * The sources import their own modules statically; a dynamic import() marks a boundary where
 * something heavy loads only when a command needs it: Ink and React (the wizard's UI), the
 * Azure SDKs, and the demo scenarios (big embedded data). Each dynamic import of an own module
 * becomes a separate chunk in dist/ (more files in the package, and a later first use), so a new
 * one has to be a deliberate boundary, listed here with its reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Own modules that stay lazy, and why. */
const BOUNDARIES: Record<string, string> = {
  'src/ui/run-wizard.tsx': 'Ink and React, loaded only for the interactive wizard',
  'src/facts/arm/web-client.ts': "the App Service SDK's operations, loaded with the first ARM read",
  'src/scan/arm-lists.ts': "the App Service SDK's plan and site lists, loaded when a fleet scan runs",
  'src/emulator/scenarios.ts': 'the demo scenarios, embedded data that only --demo reads',
};

const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
  entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []);

test('own modules are imported statically, except at the listed boundaries', () => {
  const lazy: string[] = [];
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    // A dynamic import in code: not `typeof import('./x.ts')` or `import('./x.ts').Type` in a type position.
    for (const match of text.matchAll(/(?<!typeof\s+)\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)(?!\s*\.\s*[A-Z])/g)) {
      const target = relative(root, join(file, '..', match[1]!)).replaceAll('\\', '/');
      if (!Object.hasOwn(BOUNDARIES, target)) lazy.push(`${relative(root, file)} imports ${match[1]} dynamically`);
    }
  }
  assert.deepEqual(lazy, [], 'import these statically, or add the module to BOUNDARIES with its reason');
});
