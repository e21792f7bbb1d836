/**
 * Builds a FlowSet from file texts: parse, validate structure, validate the catalogues, lint.
 * Pure (the caller reads the files), so start-up and `flows lint` run the same checks.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { FlowSet } from './types.ts';
import { parseYaml } from './parse-yaml.ts';
import { validateFlow } from './validate-flow.ts';
import { validateFactCatalogue, validateFindingCatalogue } from './catalogue.ts';
import { lintFlows, type FlowSource } from './lint.ts';

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

export const DEFAULT_ENTRY_FLOW = 'triage';

export function buildFlowSet(files: FlowFiles): { flowSet?: FlowSet; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];

  const factsFile = parseYaml(files.facts.path, files.facts.text);
  diagnostics.push(...factsFile.errors);
  const facts = validateFactCatalogue(files.facts.path, factsFile.value, factsFile.lines);
  if (factsFile.errors.length === 0) diagnostics.push(...facts.errors);

  const findingsFile = parseYaml(files.findings.path, files.findings.text);
  diagnostics.push(...findingsFile.errors);
  const findings = validateFindingCatalogue(files.findings.path, findingsFile.value, findingsFile.lines);
  if (findingsFile.errors.length === 0) diagnostics.push(...findings.errors);

  const sources: FlowSource[] = [];
  for (const file of files.flows) {
    const parsed = parseYaml(file.path, file.text);
    if (parsed.errors.length > 0) { diagnostics.push(...parsed.errors); continue; }
    const checked = validateFlow(file.path, parsed.value, parsed.lines);
    diagnostics.push(...checked.errors);
    if (checked.flow) sources.push({ file: file.path, flow: checked.flow, lines: parsed.lines });
  }

  const entry = files.entry ?? DEFAULT_ENTRY_FLOW;
  diagnostics.push(...lintFlows(sources, { facts: facts.facts, findings: findings.findings, entry }));
  if (diagnostics.length > 0) return { diagnostics };
  const flows = Object.fromEntries(sources.map((source) => [source.flow.id, source.flow]));
  return { flowSet: { flows, entry, facts: facts.facts, findings: findings.findings }, diagnostics };
}
