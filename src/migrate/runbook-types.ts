/**
 * The data a migration runbook is built from and the runbook itself. Builders and renderers in
 * src/migrate are pure: this data in, text out (Markdown, bash, PowerShell).
 */
import type { FactDefinition, FactValue, StepKind } from '../engine/types.ts';

/** One fact as the runbook uses it: its value (null: unknown) and where it came from, or why it could not be read. */
export interface RunbookFact {
  readonly value: FactValue | null;
  /** arm, answer, derived, probe; 'unknown' when nothing gave a value. */
  readonly source: string;
  readonly detail?: string;
}

export type { PoolRule, Read, SlotInfo } from '../facts/migration-reads.ts';
import type { PoolRule, Read, SlotInfo } from '../facts/migration-reads.ts';

export interface RunbookInput {
  readonly appId: string;
  /** The slot this runbook migrates; undefined: the production slot. */
  readonly slot?: string;
  /** Facts by key (the session's facts, with derived ones resolved). */
  readonly facts: Readonly<Record<string, RunbookFact>>;
  /** The fact catalogue (labels and types decide how values are checked before they go into a command). */
  readonly catalogue: Readonly<Record<string, FactDefinition>>;
  /** Finding ids the session's flows reached, for the preflight. */
  readonly findings: readonly string[];
  readonly poolRules: Read<readonly PoolRule[]>;
  readonly slots: Read<readonly SlotInfo[]>;
  /** The slot's own VNet connection (only with `slot`): the VNet it uses through gateway-required integration. */
  readonly slotConnection?: Read<SlotInfo>;
  /** The subnet a fleet plan assigned (scan --runbooks: plans sharing a VNet get distinct ranges); default: chosen from the facts. */
  readonly subnet?: SubnetChoice;
  /** Runbooks already written for the app's slots (scan --runbooks), by slot name: the base file name. */
  readonly slotRunbooks?: Readonly<Record<string, string>>;
  /** YYYY-MM-DD the facts were read (the demo's day in a demo). */
  readonly today: string;
  /** Where the facts came from, in words: "ARM", "demo scenario healthy". */
  readonly origin: string;
  readonly version: string;
}

export type CheckStatus = 'pass' | 'fail' | 'action' | 'unknown';

/** One preflight line: what must hold, whether it does, and the fact that says so. */
export interface PreflightCheck {
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** What was found, in words. */
  readonly found: string;
  /** Where the fact came from ("ARM: VNet vnet-hub", "derived", "not read: ARM 403"). */
  readonly provenance: string;
}

/** A step of the runbook. Commands are templates with {{key}} placeholders, filled and quoted per shell when rendered. */
export interface RunbookStep {
  readonly kind: StepKind;
  readonly text: string;
  readonly command?: string;
}

/** When a section runs: the move itself, a rollback, or the clean-up weeks later (the scripts run one phase at a time). */
export type RunbookPhase = 'migrate' | 'rollback' | 'clean-up';

export interface RunbookSection {
  readonly id: string;
  readonly phase: RunbookPhase;
  readonly title: string;
  /** Paragraphs before the steps. */
  readonly notes: readonly string[];
  readonly steps: readonly RunbookStep[];
}

export type SubnetMode = 'existing' | 'new-subnet' | 'new-vnet' | 'unknown';

/** Where the app goes: a subnet of the VNet (free or to create), or a subnet of a new VNet in the app's region. */
export interface SubnetChoice {
  readonly mode: SubnetMode;
  readonly vnetName?: string;
  readonly vnetId?: string;
  readonly vnetResourceGroup?: string;
  readonly vnetSubscriptionId?: string;
  readonly name?: string;
  readonly prefix?: string;
  /** The subnet exists but is not delegated to Microsoft.Web/serverFarms yet. */
  readonly needsDelegation?: boolean;
  /** Why this subnet, in words. */
  readonly reason: string;
}

export interface Runbook {
  readonly appName: string;
  readonly slot?: string;
  readonly title: string;
  readonly origin: string;
  readonly today: string;
  readonly version: string;
  readonly preflight: readonly PreflightCheck[];
  /** Preflight checks that fail: the scripts refuse to apply while any is listed. */
  readonly blockers: readonly string[];
  readonly subnet: SubnetChoice;
  readonly sections: readonly RunbookSection[];
  /** Values the command templates use (facts and the runbook's own keys). */
  readonly values: Readonly<Record<string, FactValue>>;
  readonly catalogue: Readonly<Record<string, FactDefinition>>;
}
