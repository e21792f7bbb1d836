/**
 * `scan --runbooks DIR`: after a scan, one migration runbook (Markdown, bash, PowerShell) per app
 * or slot that is ready, and the waves file (waves.csv, waves.md) for the whole fleet, written
 * into DIR. Built from the facts the scan already read for each row (nothing is read twice); the
 * NSG rules that name the point-to-site pool are read once per VNet of a ready row.
 */
import { chmod, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine } from '../engine/engine.ts';
import type { Facts, FlowSet } from '../engine/types.ts';
import { DERIVATIONS } from '../facts/derived.ts';
import type { ArmContext } from '../facts/arm/context.ts';
import { readPoolRules } from '../facts/arm/fetch-migration.ts';
import { parseResourceId } from '../facts/arm/resource-id.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { fleetFiles } from '../migrate/fleet-runbooks.ts';
import { resolvedFacts } from '../migrate/resolve-facts.ts';
import type { PoolRule, Read } from '../migrate/runbook-types.ts';
import type { FleetRow } from '../migrate/waves.ts';
import type { ScanRow } from '../scan/scan-types.ts';
import { mapBounded } from '../scan/pool.ts';
import { UsageError } from '../errors.ts';
import { VERSION } from '../version.ts';

/** VNets whose NSGs are read at once. */
const NSG_READS_IN_FLIGHT = 8;

/** What the scan hands over per row: the row's ids and verdict, and the facts it was judged on. */
export interface ScannedRow extends Pick<ScanRow, 'app' | 'plan' | 'vnet' | 'readiness' | 'blockers' | 'daysLeft'> {
  readonly slot?: ScanRow['slot'];
  readonly facts: Facts;
}

/** --runbooks DIR must be a directory before the scan starts (a typo should not cost a scan). */
export async function checkRunbookDir(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory()) throw new UsageError(`--runbooks ${dir}: no such directory`);
}

export interface RunbookWriteOptions {
  readonly dir: string;
  readonly flowSet: FlowSet;
  readonly today: string;
  readonly force: boolean;
  /** ARM access for the NSG reads; absent: not read (each runbook says so). */
  readonly ctx?: ArmContext;
  readonly warn: (text: string) => void;
}

/** Writes the fleet's runbooks and waves; returns the file names written. */
export async function writeFleetRunbooks(scanned: readonly ScannedRow[], options: RunbookWriteOptions): Promise<string[]> {
  const engine = createEngine(options.flowSet, DERIVATIONS);
  const rows: FleetRow[] = scanned.map((row) => ({
    appId: row.app, slot: row.slot ?? null, planId: row.plan, vnetId: row.vnet, readiness: row.readiness, blockers: row.blockers, daysLeft: row.daysLeft,
    facts: resolvedFacts(engine, row.facts, {}),
  }));
  const rules = new Map<string, Read<readonly PoolRule[]>>();
  const vnets = [...new Map(scanned.filter((row) => row.readiness === 'ready' && row.vnet).map((row) => [row.vnet!.toLowerCase(), row])).values()];
  await mapBounded(vnets, NSG_READS_IN_FLIGHT, async (row) => {
    const id = parseResourceId(row.vnet!);
    const pool = row.facts['p2s.addressPool']?.value;
    rules.set(row.vnet!.toLowerCase(), !options.ctx ? { ok: false, reason: 'not read' }
      : await readPoolRules(options.ctx, id ? { subscriptionId: id.subscriptionId, resourceGroup: id.resourceGroup, name: id.name } : undefined, Array.isArray(pool) ? pool as string[] : undefined));
  });
  const { files, plan } = fleetFiles(rows, {
    catalogue: options.flowSet.facts, today: options.today, version: VERSION, origin: 'a vnet-doctor scan of Azure Resource Manager',
    poolRules: (vnetId) => rules.get(vnetId) ?? { ok: false, reason: 'not read' },
  });
  const written: string[] = [];
  for (const file of files) {
    const path = join(options.dir, file.name);
    try {
      await writeFileAtomic(path, file.text, { overwrite: options.force, mode: file.mode });
      await chmod(path, file.mode);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'EEXIST' ? `${path} exists; use --force to replace the runbooks` : `cannot write ${path}: ${(error as Error).message}`);
    }
    written.push(file.name);
  }
  options.warn(`Runbooks: ${plan.moves.length} app(s) or slot(s) ready (${files.length - 2} files), ${plan.blocked.length} not yet; waves in ${join(options.dir, 'waves.md')} and waves.csv`);
  return written;
}
