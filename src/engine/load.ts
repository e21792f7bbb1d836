/**
 * Builds a FlowSet from file texts: parse, then validate structure, validate the catalogues,
 * lint (build-flow-set.ts). Pure (the caller reads the files), so start-up and `flows lint` run
 * the same checks; the bundle runs the same checks on flows it parsed at build time.
 */
import { parseYaml } from './parse-yaml.ts';
import { buildFlowSetFromParsed, type BuiltFlowSet, type ParsedFlowFiles, type ParsedSourceFile } from './build-flow-set.ts';

export { buildFlowSetFromParsed, DEFAULT_ENTRY_FLOW, type BuiltFlowSet, type ParsedFlowFiles, type ParsedSourceFile } from './build-flow-set.ts';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface FlowFiles {
  readonly flows: readonly SourceFile[];
  readonly facts: SourceFile;
  readonly findings: SourceFile;
  /** The flow a session starts in. */
  readonly entry?: string;
}

const parseFile = (file: SourceFile): ParsedSourceFile => ({ path: file.path, ...parseYaml(file.path, file.text) });

/** Parses every file; YAML errors stay with their file, to be reported by buildFlowSetFromParsed. */
export function parseFlowFiles(files: FlowFiles): ParsedFlowFiles {
  return {
    flows: files.flows.map(parseFile),
    facts: parseFile(files.facts),
    findings: parseFile(files.findings),
    ...(files.entry === undefined ? {} : { entry: files.entry }),
  };
}

export function buildFlowSet(files: FlowFiles): BuiltFlowSet {
  return buildFlowSetFromParsed(parseFlowFiles(files));
}
