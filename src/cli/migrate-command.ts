/**
 * `vnet-doctor migrate --app ID [--slot S]`: reads the app as `check` does (ARM, a demo, or an
 * answers file offline), walks the flows for the preflight, reads the slots and the NSG rules that
 * let the point-to-site pool in, and writes a migration runbook to regional integration: Markdown,
 * a bash script and a PowerShell script with the same steps (both dry runs unless --apply / -Apply).
 * Nothing in Azure is changed by this command.
 */
import { chmod, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DERIVATIONS } from '../facts/derived.ts';
import { EngineError } from '../engine/engine.ts';
import { SessionController } from '../session/controller.ts';
import { factSources } from '../session/fact-sources.ts';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { appTarget, withDemoEmulator, type ArmAccess, type GatherOptions } from '../facts/gather-facts.ts';
import { readFailureLines } from '../facts/read-failures.ts';
import { fetchMigrationReads, type MigrationReadQuery, type MigrationReads } from '../facts/arm/fetch-migration.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import { buildRunbook } from '../migrate/build-runbook.ts';
import { runbookToMarkdown } from '../migrate/render-markdown.ts';
import { runbookToBash } from '../migrate/render-bash.ts';
import { runbookToPowerShell } from '../migrate/render-powershell.ts';
import { runbookBaseName } from '../migrate/render-steps.ts';
import type { RunbookInput } from '../migrate/runbook-types.ts';
import { resolvedFacts } from '../migrate/resolve-facts.ts';
import type { TargetChoice } from '../facts/sources-interface.ts';
import type { CliOptions } from './args.ts';
import { checkFlagConflicts, sessionTarget } from './target-flags.ts';
import { loadInputs } from './load-inputs.ts';
import type { Output } from './output.ts';
import { MIGRATE } from './commands.ts';
import { runCommand, type CommandRun } from './command-run.ts';
import type { TokenCredential } from '@azure/identity';
import type { Facts } from '../engine/types.ts';

export interface MigrateContext {
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  readonly tlsCa?: string;
  readonly credential?: TokenCredential;
}

/** Slot names: letters, digits and hyphens (App Service's rule for slot names). */
const SLOT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,58}$/;

export async function migrateCommand(options: CliOptions, out: Output, context: MigrateContext = {}): Promise<number> {
  return runCommand(MIGRATE, options, out, context, { interrupted: 'interrupted; no runbook was written' }, (run) => migrate(options, context, run));
}

async function migrate(options: CliOptions, context: MigrateContext, { signal, warn }: CommandRun): Promise<number> {
  if (options.slot !== undefined && !SLOT_NAME.test(options.slot)) throw new UsageError(`--slot "${options.slot}" is not a slot name (letters, digits and hyphens)`);
  // The runbook reads the app as check does and moves --slot first: the slot is not the target here
  // (check and the wizard take --slot as the target).
  const appOptions: CliOptions = { ...options, slot: undefined };
  checkFlagConflicts(appOptions);
  const dir = options.out ?? '.';
  const directory = await stat(dir).catch(() => undefined);
  if (!directory?.isDirectory()) throw new UsageError(`--out ${dir}: no such directory`);
  const { choice, access } = await sessionTarget(appOptions, { credential: context.credential, tlsCa: context.tlsCa });
  if (!choice) throw new UsageError('migrate needs a target: --app ID, --demo [scenario] or --offline --answers FILE');
  const inputs = await loadInputs(options, warn);
  if (typeof inputs === 'number') return inputs;
  const { flowSet, answers: preset } = inputs;

  const now = context.now ?? (() => new Date());
  const controller = new SessionController({
    flowSet, derivations: DERIVATIONS, preset,
    sources: factSources({ ...(access === undefined ? {} : { access }), now, readDnsSettings: options['read-dns-settings'] === true }),
  });
  // No credential and Ctrl-C end it as every command (command-run.ts): exit 2, or 130/129 with no runbook written.
  try {
    await controller.load(choice, { signal, onProgress: warn });
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
  }
  await controller.settled();
  const failures = readFailureLines(controller.gathered!);
  for (const line of failures.lines) warn(line);
  if (failures.fatal) return EXIT_USAGE;
  warn('Reading deployment slots and the NSG rules that let the point-to-site pool in');
  const reads: MigrationReads = await migrationReads(choice, access, controller.gathered!.facts, options.slot, { signal });
  if (options.slot !== undefined && reads.slotConnection && !reads.slotConnection.ok && reads.slotConnection.status === 404) {
    throw new UsageError(`unknown slot: the app has no deployment slot "${options.slot}" (ARM 404)`);
  }

  const gathered = controller.gathered!;
  const { sessions } = controller.walkAll();
  const findings = [...new Set(sessions.flatMap((session) => session.findings.map((finding) => finding.id)))];
  const facts = resolvedFacts(controller.engine, gathered.facts, preset.answers);
  const today = typeof facts['session.today']?.value === 'string' ? facts['session.today'].value : now().toISOString().slice(0, 10);
  const appId = gathered.target.appId ?? (choice.mode === 'arm' ? choice.appId : 'offline');
  const input: RunbookInput = {
    appId, ...(options.slot === undefined ? {} : { slot: options.slot }), facts, catalogue: flowSet.facts, findings,
    poolRules: reads.poolRules, slots: reads.slots, ...(reads.slotConnection ? { slotConnection: reads.slotConnection } : {}),
    today, origin: originWords(choice), version: VERSION,
  };
  const runbook = buildRunbook(input);
  const base = join(dir, runbookBaseName(runbook));
  const files = [
    { path: `${base}.md`, text: runbookToMarkdown(runbook), mode: 0o644 },
    { path: `${base}.sh`, text: runbookToBash(runbook), mode: 0o755 },
    { path: `${base}.ps1`, text: runbookToPowerShell(runbook), mode: 0o644 },
  ];
  for (const file of files) {
    try {
      await writeFileAtomic(file.path, file.text, { overwrite: options.force === true, mode: file.mode });
      await chmod(file.path, file.mode);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      warn(code === 'EEXIST' ? `vnet-doctor: ${file.path} exists; use --force to replace it` : `vnet-doctor: cannot write ${file.path}: ${(error as Error).message}`);
      return EXIT_USAGE;
    }
  }
  warn(`Runbook written: ${files.map((file) => file.path).join(', ')}`);
  warn(runbook.blockers.length > 0 ? `Not ready: ${runbook.blockers.join('; ')}` : 'No preflight check fails; the scripts print what they would do until run with --apply / -Apply.');
  return runbook.blockers.length > 0 ? 1 : EXIT_OK;
}

function originWords(choice: TargetChoice): string {
  return choice.mode === 'demo' ? `the demo scenario ${choice.scenario}` : choice.mode === 'offline' ? 'an answers file (offline)' : 'Azure Resource Manager';
}

/** The runbook's own reads, through the session's ARM access or the demo's emulator; offline: none. */
async function migrationReads(choice: TargetChoice, access: ArmAccess | undefined, facts: Facts, slot: string | undefined, gather: GatherOptions): Promise<MigrationReads> {
  const text = (key: string) => (typeof facts[key]?.value === 'string' ? (facts[key]!.value as string) : undefined);
  const pool = Array.isArray(facts['p2s.addressPool']?.value) ? (facts['p2s.addressPool']!.value as string[]) : undefined;
  const vnet = text('app.vnetSubscriptionId') && text('app.vnetResourceGroup') && text('app.vnetName')
    ? { subscriptionId: text('app.vnetSubscriptionId')!, resourceGroup: text('app.vnetResourceGroup')!, name: text('app.vnetName')! } : undefined;
  const query = (app: MigrationReadQuery['app']): MigrationReadQuery => ({ app, ...(slot === undefined ? {} : { slot }), ...(vnet ? { vnet } : {}), ...(pool ? { pool } : {}) });
  if (choice.mode === 'offline') {
    const reason = { ok: false as const, reason: 'offline: not read from Azure' };
    return { slots: reason, poolRules: reason, ...(slot === undefined ? {} : { slotConnection: reason }) };
  }
  if (choice.mode === 'demo') return withDemoEmulator(choice.scenario, async (app, demo) => fetchMigrationReads(await demo.context(gather), query(app)));
  if (!access) throw new UsageError('reading from Azure needs an ARM endpoint and credential');
  return fetchMigrationReads(await access.context(gather), query(appTarget({ app: choice.appId })));
}
