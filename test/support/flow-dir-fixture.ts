/** Writes a complete flow directory (mini flows + catalogues + extra files) to a temp dir. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINI_ELIGIBLE, MINI_FACTS, MINI_FINDINGS, MINI_TRIAGE } from './mini-flows.ts';

export function writeFlowDir(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-flows-'));
  mkdirSync(join(dir, 'catalog'));
  writeFileSync(join(dir, 'catalog', 'facts.yaml'), MINI_FACTS);
  writeFileSync(join(dir, 'catalog', 'findings.yaml'), MINI_FINDINGS);
  writeFileSync(join(dir, 'triage.yaml'), MINI_TRIAGE);
  writeFileSync(join(dir, 'eligible.yaml'), MINI_ELIGIBLE);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}
