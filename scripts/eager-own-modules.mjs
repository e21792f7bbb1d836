/**
 * Fewer, larger chunks for the bundle. The sources import many of their own small modules
 * lazily (`await import('./check-command.ts')`), which is right when running from source but
 * makes esbuild's code splitting emit one chunk per lazy module plus shared fragments (~35
 * files). Only the heavy libraries need to stay lazy: Ink/React and the Azure SDKs.
 *
 * So the build first analyses the module graph, then, while bundling, turns a dynamic import
 * of an own module into a static one when that module's static imports reach no package the
 * entry does not already load and no big own module (embedded data such as the demo scenarios,
 * which only the demo needs). (Built-in modules are cheap once they arrive through require:
 * see builtins-as-require.mjs.) Heavy boundaries (run-wizard.tsx, the SDK imports) stay lazy.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const isPackage = (input) => input.includes('node_modules/');
const isOwn = (input) => /^src\/.*\.tsx?$/.test(input);
/** An own module this big is data, not code: it stays in a lazy chunk unless start-up needs it anyway. */
export const BIG_MODULE_BYTES = 64 * 1024;

function staticClosure(inputs, from) {
  const seen = new Set();
  const queue = [from];
  while (queue.length > 0) {
    const input = queue.pop();
    if (seen.has(input) || !inputs[input]) continue;
    seen.add(input);
    for (const imported of inputs[input].imports) {
      if ((imported.kind === 'import-statement' || imported.kind === 'require-call') && !imported.external) queue.push(imported.path);
    }
  }
  return seen;
}

/** For each own module: the dynamic-import specifiers it may load eagerly. */
export function eagerImports(metafile, entry) {
  const { inputs } = metafile;
  const startup = staticClosure(inputs, entry);
  const light = (input) => [...staticClosure(inputs, input)].every((reached) => startup.has(reached) || (!isPackage(reached) && inputs[reached].bytes < BIG_MODULE_BYTES));
  const plan = new Map();
  for (const [input, { imports }] of Object.entries(inputs)) {
    if (!isOwn(input)) continue;
    const specifiers = imports
      .filter((imported) => imported.kind === 'dynamic-import' && isOwn(imported.path) && imported.original?.startsWith('.') && light(imported.path))
      .map((imported) => imported.original);
    if (specifiers.length > 0) plan.set(input, new Set(specifiers));
  }
  return plan;
}

/** esbuild plugin applying the plan: `import('./x.ts')` becomes a static namespace import. */
export function eagerImportsPlugin(plan, root) {
  return {
    name: 'eager-own-modules',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => {
        const specifiers = plan.get(relative(root, args.path).replaceAll('\\', '/'));
        if (!specifiers) return undefined;
        let source = readFileSync(args.path, 'utf8');
        const header = [];
        for (const specifier of specifiers) {
          const name = `__vdEager${header.length}`;
          // Only in expression position (after await, return, =, (, [ or ,) and not in a type
          // (`type T = import('./x.ts').T`, `x: import('./x.ts').T`). An import left as it is
          // simply stays lazy, so missing a case costs a chunk, never correctness.
          const quoted = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          const pattern = new RegExp(`(?<=(?:\\bawait|\\breturn|=>|[=(\\[,])\\s*)(?<!\\btype\\s+\\w+\\s*=\\s*)\\bimport\\(\\s*(['"])${quoted}\\1\\s*\\)(?!\\s*\\.\\s*[A-Z])`, 'g');
          if (!pattern.test(source)) continue;
          source = source.replace(pattern, `Promise.resolve(${name})`);
          header.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
        }
        return { contents: `${header.join('\n')}\n${source}`, loader: args.path.endsWith('x') ? 'tsx' : 'ts', resolveDir: resolve(args.path, '..') };
      });
    },
  };
}
