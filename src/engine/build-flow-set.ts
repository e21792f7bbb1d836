/**
 * Builds a FlowSet from flow files that are already parsed: validate structure, validate the
 * catalogues, lint. No YAML here, so the bundle can check the flows it embeds pre-parsed (see
 * src/flows/shipped-flow-files.ts) with exactly the checks `flows lint` runs on YAML files.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { FlowSet } from './types.ts';
import { validateFlow } from './validate-flow.ts';
import { validateFactCatalogue, validateFindingCatalogue } from './catalogue.ts';
import { lintFlows, type FlowSource } from './lint.ts';
import type { CatalogueSource } from './policy.ts';

/** One file after parsing: what parseYaml returns, with the file's shown path. */
export interface ParsedSourceFile {
  readonly path: string;
  readonly value?: unknown;
  /** Line of each key path such as "nodes.ask-target". */
  readonly lines: ReadonlyMap<string, number>;
  readonly errors: readonly Diagnostic[];
}

export interface ParsedFlowFiles {
  readonly flows: readonly ParsedSourceFile[];
  readonly facts: ParsedSourceFile;
  readonly findings: ParsedSourceFile;
  /** The flow a session starts in. */
  readonly entry?: string;
}

export const DEFAULT_ENTRY_FLOW = 'triage';

/** A loaded flow set with where each part came from, for checks that name files and lines (policy.ts). */
export interface BuiltFlowSet {
  readonly flowSet?: FlowSet;
  readonly diagnostics: Diagnostic[];
  /** Set with flowSet: the flow files as read, and the finding catalogue's file and lines. */
  readonly sources?: { readonly flows: readonly FlowSource[]; readonly findings: CatalogueSource };
}

export function buildFlowSetFromParsed(files: ParsedFlowFiles): BuiltFlowSet {
  const diagnostics: Diagnostic[] = [];

  const factsFile = files.facts;
  diagnostics.push(...factsFile.errors);
  const facts = validateFactCatalogue(factsFile.path, factsFile.value, factsFile.lines);
  if (factsFile.errors.length === 0) diagnostics.push(...facts.errors);

  const findingsFile = files.findings;
  diagnostics.push(...findingsFile.errors);
  const findings = validateFindingCatalogue(findingsFile.path, findingsFile.value, findingsFile.lines);
  if (findingsFile.errors.length === 0) diagnostics.push(...findings.errors);

  const sources: FlowSource[] = [];
  for (const parsed of files.flows) {
    if (parsed.errors.length > 0) { diagnostics.push(...parsed.errors); continue; }
    const checked = validateFlow(parsed.path, parsed.value, parsed.lines);
    diagnostics.push(...checked.errors);
    if (checked.flow) sources.push({ file: parsed.path, flow: checked.flow, lines: parsed.lines });
  }

  const entry = files.entry ?? DEFAULT_ENTRY_FLOW;
  diagnostics.push(...lintFlows(sources, { facts: facts.facts, findings: findings.findings, entry }));
  if (diagnostics.length > 0) return { diagnostics };
  const flows = Object.fromEntries(sources.map((source) => [source.flow.id, source.flow]));
  return {
    flowSet: { flows, entry, facts: facts.facts, findings: findings.findings }, diagnostics,
    sources: { flows: sources, findings: { file: findingsFile.path, lines: findingsFile.lines } },
  };
}
