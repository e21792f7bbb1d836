/**
 * The fleet's waves file, as CSV (one row per app or slot, for a spreadsheet) and Markdown (for the
 * change plan): wave, plan, VNet, subnet and range, app and slot, days left, its runbook file, and
 * for blocked apps what unblocks them. Pure `(plan) => string`; every cell from ARM is defused
 * (CSV) or escaped (Markdown).
 */
import { csvCell } from '../scan/render-scan.ts';
import { code, inline } from '../report/markdown-text.ts';
import type { FleetPlan, FleetRow } from './waves.ts';

const name = (id: string | null) => (id ?? '').split('/').pop() ?? '';
const subscriptionOf = (id: string) => /^\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? '';
/** A VNet as people tell them apart: its name and resource group. */
const vnetWords = (id: string | null) => { const group = /\/resourceGroups\/([^/]+)/i.exec(id ?? '')?.[1]; return group ? `${name(id)} (${group})` : name(id); };

export interface WaveFiles {
  /** Runbook base name per row (app id + slot), for ready rows. */
  readonly runbookOf: (row: FleetRow) => string | undefined;
}

const HEADER = ['wave', 'subscription', 'plan', 'vnet', 'subnet', 'subnet_range', 'subnet_mode', 'shared_with', 'app', 'slot', 'readiness', 'days_left', 'runbook', 'unblock', 'vnet_id'];

export function wavesToCsv(plan: FleetPlan, files: WaveFiles): string {
  const lines = [HEADER.join(',')];
  for (const move of plan.moves) {
    const { row, subnet } = move;
    lines.push([String(move.wave), subscriptionOf(row.appId), name(row.planId), subnet.vnetName ?? name(row.vnetId), subnet.name ?? '', subnet.prefix ?? '', subnet.mode,
      move.sharedWith.join(' '), name(row.appId), row.slot ?? '', row.readiness, row.daysLeft, files.runbookOf(row) ?? '', '', row.vnetId ?? ''].map(csvCell).join(','));
  }
  for (const { row, unblock, subnet } of plan.blocked) {
    // A subnet proposed for a plan that only lacks one: mode "proposed" (create it, then scan again).
    lines.push(['', subscriptionOf(row.appId), name(row.planId), name(row.vnetId), subnet?.name ?? '', subnet?.prefix ?? '', subnet ? 'proposed' : '', '', name(row.appId), row.slot ?? '', row.readiness, row.daysLeft, '', unblock.join('; '), row.vnetId ?? ''].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function wavesToMarkdown(plan: FleetPlan, files: WaveFiles, generatedOn: string): string {
  const out = [
    `# Migration waves to regional VNet integration, ${inline(generatedOn)}`,
    '',
    `${plan.moves.length} app(s) or slot(s) ready to move, ${plan.blocked.length} not yet. Apps of one plan share the plan's integration subnet; plans moving into the same VNet get subnets that overlap neither each other nor the VNet's subnets. Wave 1 moves the deployment slots that have their own connection, to be tested first (integration is per slot and does not move with a swap); wave 2 the production apps. Each switch takes the app off the VNet for typically 2 to 5 minutes.`,
    '',
  ];
  for (const wave of [1, 2] as const) {
    const moves = plan.moves.filter((move) => move.wave === wave);
    if (moves.length === 0) continue;
    out.push(`## Wave ${wave}: ${wave === 1 ? 'slots first' : 'production apps'}`, '', '| Plan | VNet | Subnet | App | Slot | Days left | Runbook |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const { row, subnet, sharedWith } of moves) {
      const subnetText = `${subnet.name ?? '?'} ${subnet.prefix ?? ''} (${subnet.mode === 'existing' ? 'existing' : 'to create'}${sharedWith.length > 0 ? `, shared with ${sharedWith.join(', ')}` : ''})`;
      const runbook = files.runbookOf(row);
      out.push(`| ${inline(name(row.planId))} | ${inline(vnetWords(row.vnetId))} | ${inline(subnetText)} | ${inline(name(row.appId))} | ${inline(row.slot ?? '')} | ${row.daysLeft} | ${runbook ? code(`${runbook}.md`) : ''} |`);
    }
    out.push('');
  }
  if (plan.blocked.length > 0) {
    out.push('## Not ready: what unblocks them', '', '| Plan | VNet | App | Slot | Readiness | What unblocks it |', '| --- | --- | --- | --- | --- | --- |');
    for (const { row, unblock } of plan.blocked) {
      out.push(`| ${inline(name(row.planId))} | ${inline(vnetWords(row.vnetId))} | ${inline(name(row.appId))} | ${inline(row.slot ?? '')} | ${row.readiness} | ${inline(unblock.join('; '))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
