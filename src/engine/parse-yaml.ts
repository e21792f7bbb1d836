/**
 * YAML parsing with the limits hostile files need (alias bombs, huge files) and with line
 * numbers for every top-level key and every key of `nodes`, so errors can point at a line.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic } from './diagnostic.ts';
import { blockDepth, MAX_ENTRIES, MAX_NESTING, textShape } from './yaml-nesting.ts';

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

export interface ParseLimits {
  /** Keys and list items the file may hold (an answers file needs far fewer than a flow file). */
  readonly maxEntries?: number;
  /** What the entries are, for the message: "keys and list items" by default. */
  readonly entriesName?: string;
}

export function parseYaml(file: string, text: string, limits: ParseLimits = {}): ParsedYaml {
  const lines = new Map<string, number>();
  const refuse = (message: string): ParsedYaml => ({ lines, errors: [{ file, message }] });
  if (text.length > MAX_FILE_BYTES) return refuse(`file is ${text.length} bytes; at most ${MAX_FILE_BYTES} are accepted`);
  // Cheap linear checks first: what the parser would spend minutes or its stack on is refused here.
  const shape = textShape(text);
  if (shape.flowDepth > MAX_NESTING) return refuse(`lists and mappings are nested ${shape.flowDepth} deep; at most ${MAX_NESTING} are accepted`);
  const indented = blockDepth(text);
  if (indented > MAX_NESTING) return refuse(`lists and mappings are nested ${indented} levels deep (by indentation or "- - -"); at most ${MAX_NESTING} are accepted`);
  const maxEntries = limits.maxEntries ?? MAX_ENTRIES;
  if (shape.entries > maxEntries) return refuse(`file has about ${shape.entries} ${limits.entriesName ?? 'keys and list items'}; at most ${maxEntries} are accepted`);
  const counter = new LineCounter();
  // Duplicate keys are found below in linear time: the parser's own check compares every key
  // with every other key of its mapping (minutes for 60,000 keys).
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, prettyErrors: false, strict: true });
  const errors: Diagnostic[] = doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0]?.line ?? counter.linePos(error.pos[0]).line,
    message: `YAML: ${error.message.split('\n')[0]}`,
  }));
  if (errors.length === 0) findDuplicateKeys(doc.contents, counter, (line, message) => errors.push({ file, ...(line === undefined ? {} : { line }), message }));
  if (errors.length > 0) return { lines, errors };
  collectLines(doc.contents, '', counter, lines, 0);
  try {
    const value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    return { value, lines, errors };
  } catch (error) {
    return { lines, errors: [{ file, message: `YAML: ${(error as Error).message}` }] };
  }
}

/** Every key that repeats one of its mapping, with the line of the first; nesting is bounded by the checks above. */
function findDuplicateKeys(node: Node | null, counter: LineCounter, report: (line: number | undefined, message: string) => void): void {
  if (isSeq(node)) {
    for (const item of node.items) findDuplicateKeys(item as Node | null, counter, report);
    return;
  }
  if (!isMap(node)) return;
  const seen = new Map<string, number | undefined>();
  for (const pair of node.items) {
    const key = pair.key as Node | null;
    if (isScalar(key)) {
      const name = String(key.value);
      const line = key.range ? counter.linePos(key.range[0]).line : undefined;
      const first = seen.get(name);
      if (!seen.has(name)) seen.set(name, line);
      else report(line, `YAML: Map keys must be unique: ${JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}...` : name)} is ${first === undefined ? 'repeated' : `already on line ${first}`}`);
    } else {
      findDuplicateKeys(key, counter, report);
    }
    findDuplicateKeys(pair.value as Node | null, counter, report);
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
