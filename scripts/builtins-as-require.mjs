/**
 * Built-in modules reach the bundle through `require` instead of ESM `import`. For an ESM import
 * of a built-in, Node builds a facade that reads every export once, and that wakes lazy getters:
 * `import { STATUS_CODES } from 'node:http'` loads undici (~50 ms on a 2-core machine) before
 * the first frame. A CommonJS shim only reads the properties the code actually uses.
 */
import { builtinModules } from 'node:module';

const NAMES = new Set(builtinModules.filter((name) => !name.startsWith('_')));
// Only available as ESM or needing ESM semantics: keep their imports as they are.
const KEEP_ESM = new Set(['test', 'sqlite', 'sea', 'test/reporters']);

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
      build.onLoad({ filter: /.*/, namespace: 'builtin-require' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`node:${args.path.split('#')[0]}`)});`,
        loader: 'js',
      }));
    },
  };
}
