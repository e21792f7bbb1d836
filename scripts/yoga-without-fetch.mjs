/**
 * Ink's layout engine (yoga-layout) carries its WebAssembly inline as base64, but its Emscripten
 * loader still calls the global fetch() on that data: URL whenever fetch exists. In Node that
 * first call loads undici (~40 ms and several MB on a 2-core machine) before the first frame.
 * The loader already has a synchronous base64 path; this plugin makes it always take it.
 */
import { readFileSync } from 'node:fs';

const LOADER = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const FETCH_TEST = '"function"!=typeof fetch';

export function yogaWithoutFetchPlugin({ onMissing = (message) => process.stderr.write(`warning: ${message}\n`) } = {}) {
  return {
    name: 'yoga-without-fetch',
    setup(build) {
      build.onLoad({ filter: LOADER }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(FETCH_TEST)) {
          onMissing(`yoga-layout's loader changed (no ${FETCH_TEST} in ${args.path}); the first frame may load undici again`);
          return undefined;
        }
        return { contents: source.replaceAll(FETCH_TEST, 'true'), loader: 'js' };
      });
    },
  };
}
