/**
 * A fleet's runbooks and waves (`scan --runbooks DIR`), pure: from the scan's rows (each with its
 * facts) to the files to write. Every ready app or slot gets its runbook (Markdown, bash and
 * PowerShell) with the subnet the fleet plan assigned its plan; waves.csv and waves.md list the
 * plans moving together, their subnets, the order, and what unblocks the others.
 */
import type { FactDefinition } from '../engine/types.ts';
import { buildRunbook } from './build-runbook.ts';
import { runbookToBash } from './render-bash.ts';
import { runbookToMarkdown } from './render-markdown.ts';
import { runbookToPowerShell } from './render-powershell.ts';
import { runbookBaseName } from './render-steps.ts';
import { wavesToCsv, wavesToMarkdown } from './render-waves.ts';
import type { PoolRule, Read, SlotInfo } from './runbook-types.ts';
import { planWaves, type FleetPlan, type FleetRow } from './waves.ts';

export interface FleetFile {
  readonly name: string;
  readonly text: string;
  /** 0o755 for the bash scripts. */
  readonly mode: number;
}

export interface FleetContext {
  readonly catalogue: Readonly<Record<string, FactDefinition>>;
  readonly today: string;
  readonly version: string;
  readonly origin: string;
  /** NSG rules naming the pool, per VNet id (lower case); absent: not read. */
  readonly poolRules: (vnetId: string) => Read<readonly PoolRule[]>;
}

const lower = (text: string | null) => (text ?? '').toLowerCase();
const nameOf = (id: string | null) => (id ?? '').split('/').pop() ?? '';
const groupOf = (id: string) => /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';

export function fleetFiles(rows: readonly FleetRow[], context: FleetContext): { readonly plan: FleetPlan; readonly files: readonly FleetFile[] } {
  const plan = planWaves(rows);
  // One base name per app or slot; an app name used in two resource groups gets the group added.
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const { row } of plan.moves) {
    let base = runbookBaseName({ appName: nameOf(row.appId), ...(row.slot === null ? {} : { slot: row.slot }) });
    if (taken.has(base.toLowerCase())) base = `${base}-${groupOf(row.appId).replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    for (let n = 2; taken.has(base.toLowerCase()); n += 1) base = `${base}-${n}`;
    taken.add(base.toLowerCase());
    names.set(`${lower(row.appId)}|${row.slot ?? ''}`, base);
  }
  const runbookOf = (row: FleetRow) => names.get(`${lower(row.appId)}|${row.slot ?? ''}`);
  // The slots of each app that have their own gateway-required connection (they are rows too).
  const slotsOf = new Map<string, SlotInfo[]>();
  for (const row of rows) {
    if (row.slot === null) continue;
    const key = lower(row.appId);
    if (!slotsOf.has(key)) slotsOf.set(key, []);
    slotsOf.get(key)!.push({ name: row.slot, ...(row.vnetId ? { gatewayVnet: nameOf(row.vnetId) } : {}) });
  }
  const files: FleetFile[] = [];
  for (const { row, subnet } of plan.moves) {
    const slot = row.slot === null ? undefined : { name: row.slot, ...(row.vnetId ? { gatewayVnet: nameOf(row.vnetId) } : {}) };
    const runbook = buildRunbook({
      appId: row.appId, ...(slot ? { slot: slot.name, slotConnection: { ok: true as const, value: slot } } : {}),
      facts: row.facts, catalogue: context.catalogue, findings: [], subnet,
      poolRules: row.vnetId ? context.poolRules(lower(row.vnetId)) : { ok: false, reason: 'the VNet is not known' },
      slots: { ok: true, value: slotsOf.get(lower(row.appId)) ?? [] },
      slotRunbooks: Object.fromEntries((slotsOf.get(lower(row.appId)) ?? []).flatMap((info) => {
        const written = names.get(`${lower(row.appId)}|${info.name}`);
        return written ? [[info.name, written]] : [];
      })),
      today: context.today, origin: context.origin, version: context.version,
    });
    const base = runbookOf(row)!;
    files.push({ name: `${base}.md`, text: runbookToMarkdown(runbook), mode: 0o644 },
      { name: `${base}.sh`, text: runbookToBash(runbook), mode: 0o755 },
      { name: `${base}.ps1`, text: runbookToPowerShell(runbook), mode: 0o644 });
  }
  files.push({ name: 'waves.csv', text: wavesToCsv(plan, { runbookOf }), mode: 0o644 },
    { name: 'waves.md', text: wavesToMarkdown(plan, { runbookOf }, context.today), mode: 0o644 });
  return { plan, files };
}
