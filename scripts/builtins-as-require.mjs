/**
 * Built-in modules reach the bundle through `require` instead of ESM `import`. For an ESM import
 * of a built-in, Node builds a facade that reads every export once, and that wakes lazy getters:
 * `import { STATUS_CODES } from 'node:http'` loads undici (~50 ms on a 2-core machine) before
 * the first frame. A CommonJS shim only reads the properties the code actually uses.
 */
import { builtinModules, createRequire } from 'node:module';

const NAMES = new Set(builtinModules.filter((name) => !name.startsWith('_')));
// Only available as ESM or needing ESM semantics: keep their imports as they are.
const KEEP_ESM = new Set(['test', 'sqlite', 'sea', 'test/reporters']);
/**
 * Built-ins Node does not load while booting, and that cost milliseconds to load (https + tls +
 * crypto + http together ~8 ms on a 2-core machine). Their shims load them on the first property
 * read, not when the importing module initialises: the demo emulator, the ARM client and the
 * report writer sit in the entry, but none of them runs before the first frame. (util is loaded
 * at boot, but esbuild's interop touched its lazy TextDecoder getter, which loads worker_threads.)
 */
const LOAD_ON_FIRST_USE = new Set(['util', 'http', 'https', 'http2', 'tls', 'net', 'crypto', 'fs/promises', 'os', 'child_process', 'zlib', 'dns', 'stream', 'readline', 'worker_threads']);
const requireAtBuild = createRequire(import.meta.url);

function shim(name) {
  const specifier = JSON.stringify(`node:${name}`);
  if (!LOAD_ON_FIRST_USE.has(name)) return `module.exports = require(${specifier});`;
  // Export names as the building Node has them; esbuild's interop reads each through its getter.
  const names = JSON.stringify(Object.keys(requireAtBuild(`node:${name}`)).join(','));
  return [
    'let loaded;',
    `const load = () => loaded ??= require(${specifier});`,
    `for (const name of ${names}.split(',')) Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });`,
  ].join('\n');
}

export function builtinsAsRequirePlugin() {
  return {
    name: 'builtins-as-require',
    setup(build) {
      const importers = new Map();
      build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
        const name = args.path.replace(/^node:/, '');
        if (!NAMES.has(name) || KEEP_ESM.has(name) || args.kind !== 'import-statement') return undefined;
        // One shim per importing file, so shims never become tiny chunks shared between chunks.
        // (A number, not the importer's path: a path ending in .mjs would make esbuild read the shim as ESM.)
        if (!importers.has(args.importer)) importers.set(args.importer, importers.size);
        return { path: `${name}#${importers.get(args.importer)}`, namespace: 'builtin-require' };
      });
      build.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({ contents: shim(args.path.split('#')[0]), loader: 'js' }));
    },
  };
}
