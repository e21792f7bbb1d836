/**
 * YAML parsing with the limits hostile files need (alias bombs, huge files) and with line
 * numbers for every top-level key and every key of `nodes`, so errors can point at a line.
 */
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';
import { bracketDepth, MAX_NESTING } from './yaml-nesting.ts';

/** Flow, catalogue and answers files are small; anything bigger is refused before parsing. */
export const MAX_FILE_BYTES = 1_000_000;
/** Aliases a file may use: enough for sharing a step list, far too few for a "billion laughs" bomb. */
export const MAX_ALIASES = 50;

export interface ParsedYaml {
  readonly value?: unknown;
  /** Line of each key path such as "nodes.ask-target" or "answers.dns/servers". */
  readonly lines: ReadonlyMap<string, number>;
  readonly errors: readonly Diagnostic[];
}

export function parseYaml(file: string, text: string): ParsedYaml {
  const lines = new Map<string, number>();
  if (text.length > MAX_FILE_BYTES) {
    return { lines, errors: [{ file, message: `file is ${text.length} bytes; at most ${MAX_FILE_BYTES} are accepted` }] };
  }
  const depth = bracketDepth(text);
  if (depth > MAX_NESTING) {
    return { lines, errors: [{ file, message: `lists and mappings are nested ${depth} deep; at most ${MAX_NESTING} are accepted` }] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  const errors: Diagnostic[] = doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line,
    message: `YAML: ${error.message.split('\n')[0]}`,
  }));
  if (errors.length > 0) return { lines, errors };
  collectLines(doc.contents, '', counter, lines, 0);
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return { value, lines, errors };
  } catch (error) {
    return { lines, errors: [{ file, message: `YAML: ${(error as Error).message}` }] };
  }
}

function collectLines(node: Node | null, prefix: string, counter: LineCounter, lines: Map<string, number>, depth: number): void {
  if (!isMap(node) || depth > 2) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const path = prefix === '' ? String(pair.key.value) : `${prefix}.${String(pair.key.value)}`;
    lines.set(path, counter.linePos(pair.key.range[0]).line);
    collectLines(pair.value as Node | null, path, counter, lines, depth + 1);
  }
}
