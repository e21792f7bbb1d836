/**
 * The shipped flows, parsed (value + line map of every file). In a source checkout this module
 * reads flows/ on each call and parses it when its text changed (a process that runs many
 * sessions parses it once, and processes share the parse through parsed-flow-cache.ts); the bundle replaces it with the same data parsed at
 * build time (scripts/embed-shipped-data.mjs), so the published package parses no YAML at
 * start-up and ships no flow files. Either way the caller validates and lints what it gets.
 */
import { parseFlowFiles, type ParsedFlowFiles } from '../engine/load.ts';
import { readFlowFiles, shippedFlowDir } from './flow-dir.ts';
import { cacheDirFor, parsedWithCache } from './parsed-flow-cache.ts';

let parsed: { readonly text: string; readonly files: ParsedFlowFiles } | undefined;

/** Throws when flows/ cannot be read (source checkout only). */
export function shippedFlowFiles(): ParsedFlowFiles {
  const dir = shippedFlowDir();
  const files = readFlowFiles(dir);
  const text = JSON.stringify(files);
  if (parsed?.text !== text) parsed = { text, files: parsedWithCache(files, cacheDirFor(dir), parseFlowFiles) };
  return parsed.files;
}

/** Where the shipped flows come from, for messages. */
export function shippedFlowOrigin(): string {
  return shippedFlowDir();
}
