/**
 * Where the shipped flows live and how a flow directory is read from disk. The only I/O of
 * flow loading; everything after reading is the engine's pure `buildFlowSet`.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFlowSet, buildFlowSetFromParsed, parseFlowFiles, type FlowFiles } from '../engine/load.ts';
import { cacheDirFor, parsedWithCache } from './parsed-flow-cache.ts';
import { MAX_FILE_BYTES } from '../engine/parse-yaml.ts';
import { InputFileError, readRegularFile } from '../fs/read-bounded.ts';
import type { FlowSet } from '../engine/types.ts';
import { FlowLoadError } from './flow-load-error.ts';

export { FlowLoadError } from './flow-load-error.ts';

/** flows/ beside src/ (source checkout) or beside dist/ (bundled package): both are one level up. */
export function shippedFlowDir(): string {
  const candidates = [new URL('../../flows', import.meta.url), new URL('../flows', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((dir) => existsSync(join(dir, 'catalog', 'facts.yaml'))) ?? candidates[0]!;
}

/** Paths inside the working directory are shown relative (shorter, clickable); others absolute. */
function shownFromWorkingDir(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** More flow files than anyone writes; a directory of thousands is refused before any is read. */
export const MAX_FLOW_FILES = 200;

/**
 * Reads the YAML files of a flow directory: regular files only (a link to /dev/zero or a FIFO
 * named *.yaml is refused, not read for ever), each at most MAX_FILE_BYTES.
 * Throws InputFileError naming the file (shown path) and the reason.
 */
export function readFlowFiles(dir: string, shown: (path: string) => string = shownFromWorkingDir): FlowFiles {
  const read = (path: string) => {
    try {
      return { path: shown(path), text: readRegularFile(path, MAX_FILE_BYTES) };
    } catch (error) {
      if (error instanceof InputFileError) throw new InputFileError(shown(path), error.reason, error.code);
      throw error;
    }
  };
  // *.test.yaml beside the flows are flow tests (`flows test`), not flows.
  const names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name) && !name.endsWith('.test.yaml')).sort();
  if (names.length > MAX_FLOW_FILES) {
    throw new InputFileError(shown(dir), `holds ${names.length} YAML files; at most ${MAX_FLOW_FILES} flow files are read`, 'too-large');
  }
  return {
    flows: names.map((name) => read(join(dir, name))),
    facts: read(join(dir, 'catalog', 'facts.yaml')),
    findings: read(join(dir, 'catalog', 'findings.yaml')),
  };
}

/** Reads and checks a flow directory; throws FlowLoadError listing every problem. */
export function loadFlowDir(dir: string = shippedFlowDir()): FlowSet {
  let files: FlowFiles;
  try {
    files = readFlowFiles(dir);
  } catch (error) {
    throw new FlowLoadError([{ file: dir, message: `cannot read the flow directory: ${(error as Error).message}` }]);
  }
  // The shipped flows of a source checkout: their parse is shared between processes (parsed-flow-cache.ts).
  const { flowSet, diagnostics } = dir === shippedFlowDir() ? buildFlowSetFromParsed(parsedWithCache(files, cacheDirFor(dir), parseFlowFiles)) : buildFlowSet(files);
  if (!flowSet) throw new FlowLoadError(diagnostics);
  return flowSet;
}
