/**
 * Libraries the entry bundles but rarely runs are initialised on first use instead of when the
 * entry starts. The `yaml` package is CommonJS, and esbuild runs a CommonJS library's whole
 * module body as soon as an importing module initialises: ~5 ms of class set-up before the first
 * frame, although the shipped flows arrive pre-parsed and YAML is read only for --flows DIR or
 * an answers file. (A lazily loaded chunk would do the same but split the engine into many
 * small shared chunks: more files in the package.)
 *
 * An `import { parseDocument } from 'yaml'` gets a shim whose exports are getters; the first
 * read runs the library (a bundled require, so it stays in the same chunk).
 */
import { createRequire } from 'node:module';

export const LAZY_PACKAGES = ['yaml', 'ip-address'];
const requireAtBuild = createRequire(import.meta.url);

export function lazyPackagesPlugin(packages = LAZY_PACKAGES) {
  const filter = new RegExp(`^(${packages.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(build) {
      build.onResolve({ filter }, (args) => (args.kind === 'import-statement' && args.namespace === 'file'
        ? { path: args.path, namespace: 'lazy-package', pluginData: { resolveDir: args.resolveDir } }
        : undefined));
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
        // Export names as the installed version has them; esbuild's interop reads each through its getter.
        const names = JSON.stringify(Object.keys(requireAtBuild(args.path)).join(','));
        return {
          contents: [
            'let loaded;',
            `const load = () => loaded ??= require(${JSON.stringify(args.path)});`,
            `for (const name of ${names}.split(',')) Object.defineProperty(module.exports, name, { enumerable: true, get: () => load()[name] });`,
          ].join('\n'),
          loader: 'js',
          resolveDir: args.pluginData.resolveDir,
        };
      });
    },
  };
}
