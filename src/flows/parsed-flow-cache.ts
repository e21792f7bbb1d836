/**
 * The shipped flows' parse, kept on disk across processes in a source checkout
 * (`node_modules/.cache/vnet-doctor/`). The test suite starts about 150 processes and most would
 * parse the same YAML again (about 0.25 s of CPU each); a developer's `node bin/vnet-doctor.js`
 * does too. The entry is keyed by the SHA-256 of the files as read (shown paths and texts), so an
 * edited flow is parsed afresh. The bundle never gets here: its flows are parsed at build time
 * (scripts/embed-shipped-data.mjs), the same JSON form as this cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomicSync } from '../fs/atomic-write.ts';
import type { FlowFiles } from '../engine/load.ts';
import type { ParsedFlowFiles, ParsedSourceFile } from '../engine/build-flow-set.ts';

type PlainFile = Omit<ParsedSourceFile, 'lines'> & { readonly lines: readonly (readonly [string, number])[] };
interface PlainFlowFiles { readonly flows: readonly PlainFile[]; readonly facts: PlainFile; readonly findings: PlainFile; readonly entry?: string }

const plain = (file: ParsedSourceFile): PlainFile => ({ ...file, lines: [...file.lines] });
const revived = (file: PlainFile): ParsedSourceFile => ({ ...file, lines: new Map(file.lines) });

/** `<checkout>/node_modules/.cache/vnet-doctor` for flows/ of a source checkout with its packages installed; else none. */
export function cacheDirFor(flowDir: string): string | undefined {
  const modules = join(dirname(flowDir), 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'vnet-doctor') : undefined;
}

/** `parse(files)`, read from the cache when these exact files were parsed before, else parsed and stored (best effort). */
export function parsedWithCache(files: FlowFiles, cacheDir: string | undefined, parse: (files: FlowFiles) => ParsedFlowFiles): ParsedFlowFiles {
  if (cacheDir === undefined) return parse(files);
  const key = createHash('sha256').update(JSON.stringify(files)).digest('hex');
  const path = join(cacheDir, `flows-${key}.json`);
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as PlainFlowFiles;
    return { ...data, flows: data.flows.map(revived), facts: revived(data.facts), findings: revived(data.findings) };
  } catch {
    // Not cached yet (or unreadable): parse, and keep it for the next process.
  }
  const parsed = parse(files);
  try {
    const data: PlainFlowFiles = { ...parsed, flows: parsed.flows.map(plain), facts: plain(parsed.facts), findings: plain(parsed.findings) };
    mkdirSync(cacheDir, { recursive: true });
    writeFileAtomicSync(path, JSON.stringify(data), { overwrite: true, mode: 0o600 });
    prune(cacheDir);
  } catch {
    // A read-only checkout parses each time; nothing else changes.
  }
  return parsed;
}

/** Entries kept: a few checkouts or branches side by side each find theirs; older edits go. */
export const KEPT_ENTRIES = 8;

function prune(cacheDir: string): void {
  const entries = readdirSync(cacheDir).filter((name) => /^flows-[0-9a-f]{64}\.json$/.test(name))
    .map((name) => ({ path: join(cacheDir, name), at: statSync(join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of entries.slice(KEPT_ENTRIES)) unlinkSync(old.path);
}
