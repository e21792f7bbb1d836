/**
 * The shipped flows, parsed (value + line map of every file). In a source checkout this module
 * reads flows/ and parses it on each call; the bundle replaces it with the same data parsed at
 * build time (scripts/embed-shipped-data.mjs), so the published package parses no YAML at
 * start-up and ships no flow files. Either way the caller validates and lints what it gets.
 */
import { parseFlowFiles, type ParsedFlowFiles } from '../engine/load.ts';
import { readFlowFiles, shippedFlowDir } from './flow-dir.ts';

/** Throws when flows/ cannot be read (source checkout only). */
export function shippedFlowFiles(): ParsedFlowFiles {
  return parseFlowFiles(readFlowFiles(shippedFlowDir()));
}

/** Where the shipped flows come from, for messages. */
export function shippedFlowOrigin(): string {
  return shippedFlowDir();
}
