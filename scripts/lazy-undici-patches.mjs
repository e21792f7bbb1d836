/**
 * Node loads undici (its fetch, FormData, WebSocket...) the first time code touches one of those
 * globals: about 40 ms and 16 MB on a 2-core machine. Two libraries touch them for nothing:
 *
 * - Ink's layout engine (yoga-layout) carries its WebAssembly inline as base64, but its
 *   Emscripten loader calls fetch() on that data: URL whenever fetch exists, before the first
 *   frame. The loader has a synchronous base64 path; the patch makes it always take it.
 * - The Azure SDK's HTTP pipeline checks `body instanceof FormData` on every request. The
 *   patch asks the body's toStringTag first, so the global is read only for a real FormData.
 *
 * Each patch is an exact text replacement; a library update that changes the text gets a
 * warning (the bundle still works, only slower), never a silently wrong rewrite.
 */
import { readFileSync } from 'node:fs';

export const PATCHES = [
  {
    file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    from: '"function"!=typeof fetch',
    to: 'true',
  },
  {
    file: /[\\/]@typespec[\\/]ts-http-runtime[\\/]dist[\\/]esm[\\/]formData\.js$/,
    from: 'typeof FormData !== "undefined" && body instanceof FormData',
    to: 'body?.[Symbol.toStringTag] === "FormData" && typeof FormData !== "undefined" && body instanceof FormData',
  },
];

export function lazyUndiciPlugin({ warn = (message) => process.stderr.write(`warning: ${message}\n`) } = {}) {
  return {
    name: 'lazy-undici',
    setup(build) {
      for (const patch of PATCHES) {
        build.onLoad({ filter: patch.file }, (args) => {
          const source = readFileSync(args.path, 'utf8');
          if (!source.includes(patch.from)) {
            warn(`${args.path} changed: "${patch.from}" not found, so this bundle may load undici early again`);
            return undefined;
          }
          return { contents: source.replaceAll(patch.from, patch.to), loader: 'js' };
        });
      }
    },
  };
}
