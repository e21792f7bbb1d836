/**
 * The standards the shipped flows keep, checked by `flows lint` on top of what loading checks:
 * a finding node does not repeat its catalogue title (severity is the catalogue's alone), every choice and yes-no
 * question says where "don't know" leads (without it the session stops at an open question),
 * and every finding in the catalogue can be reached from the entry flow. A flow set that breaks
 * them still loads and runs (a draft can stop at an open question); `flows lint` refuses it.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { FlowSet } from './types.ts';
import type { FlowSource } from './lint.ts';
import { follow } from './transitions.ts';

/** Where the finding catalogue came from, so a diagnostic can name its line. */
export interface CatalogueSource {
  readonly file: string;
  readonly lines: ReadonlyMap<string, number>;
}

export function policyDiagnostics(sources: readonly FlowSource[], set: FlowSet, findings: CatalogueSource): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const at = (source: FlowSource, node: string, message: string): Diagnostic => ({ file: source.file, node, line: source.lines.get(`nodes.${node}`), message });
  for (const source of sources) {
    for (const [id, node] of Object.entries(source.flow.nodes)) {
      if (node.kind === 'finding' && node.title !== undefined && Object.hasOwn(set.findings, node.finding) && node.title === set.findings[node.finding]!.title) {
        errors.push(at(source, id, `title repeats the finding catalogue's title of "${node.finding}": leave it out (a node's title is its own headline)`));
      }
      if (node.kind === 'question' && (node.answer === 'choice' || node.answer === 'yes-no') && follow(node, { kind: 'answered', value: null }) === undefined) {
        errors.push(at(source, id, `"don't know" leads nowhere: add "unknown" (a ${node.answer} question without it stops the session at an open question)`));
      }
    }
  }
  // Flows reached from the entry flow through gotos; inside a flow every node is reachable (lint.ts).
  const reached = new Set<string>();
  const queue = [set.entry];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (reached.has(id) || !Object.hasOwn(set.flows, id)) continue;
    reached.add(id);
    for (const node of Object.values(set.flows[id]!.nodes)) if (node.kind === 'goto') queue.push(node.flow);
  }
  const recorded = new Set<string>();
  for (const source of sources) {
    if (!reached.has(source.flow.id)) {
      errors.push({ file: source.file, line: source.lines.get('id'), message: `flow "${source.flow.id}" is never reached: no goto from the entry flow "${set.entry}" leads to it` });
      continue;
    }
    for (const node of Object.values(source.flow.nodes)) if (node.kind === 'finding') recorded.add(node.finding);
  }
  for (const id of Object.keys(set.findings)) {
    if (!recorded.has(id)) {
      errors.push({ file: findings.file, node: id, line: findings.lines.get(`findings.${id}`), message: `finding "${id}" is recorded by no finding node reached from the entry flow "${set.entry}"` });
    }
  }
  return errors;
}
