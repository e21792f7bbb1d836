/** Runs `scanCommand` against the HTTPS emulator serving a tenant, through the real SDK clients. */
import { readFileSync } from 'node:fs';
import Ajv2020Module from 'ajv/dist/2020.js';
import { startEmulator, type Fault, type RunningEmulator } from '../../src/emulator/server.ts';
import type { ResourceGraphOptions } from '../../src/emulator/resource-graph.ts';
import type { Scenario } from '../../src/emulator/scenarios.ts';
import { staticTokenCredential } from '../../src/facts/arm/context.ts';
import { parseCommandLine } from '../../src/cli/args.ts';
import { scanCommand } from '../../src/cli/scan-command.ts';
import { tenant } from './tenant.ts';

export const TOKEN = 'scan-test-token';
export const NOW = new Date('2026-06-01T08:00:00Z');
/**
 * Resource Graph's quota window in these tests: 15 queries per 50 ms instead of per 5 s, so a scan
 * that pages through the tenant two rows at a time waits out windows in milliseconds. The quota
 * test sets its own, longer window.
 */
export const SHORT_QUOTA_WINDOW_MS = 50;

const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
export const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/);
export const validate = ajv.compile(JSON.parse(readFileSync(new URL('../../schema/scan.schema.json', import.meta.url), 'utf8')));

export interface Run { code: number; stdout: string; stderr: string; progress: string; emulator: RunningEmulator }

export interface ScanSetup {
  readonly scenario?: Scenario;
  readonly faults?: Fault[];
  readonly resourceGraph?: ResourceGraphOptions;
  readonly hiddenSubscriptions?: readonly string[];
  /** ARM's read token bucket per subscription, as the emulator models it. */
  readonly armReads?: { readonly bucket: number; readonly refillPerSecond: number };
  readonly timeoutMs?: number;
  readonly subscriptionBoundMs?: number;
  /** Added to every answer of the emulator, so overlapping requests show in its log. */
  readonly latencyMs?: number;
  /** Draw the progress line (captured in Run.progress). */
  readonly progress?: boolean;
}

export async function scan(args: string[], setup: ScanSetup = {}): Promise<Run> {
  const scenario = setup.scenario ?? tenant().scenario;
  const emulator = await startEmulator({ scenario, token: TOKEN, faults: setup.faults, hiddenSubscriptions: setup.hiddenSubscriptions, armReads: setup.armReads, latencyMs: setup.latencyMs, resourceGraph: setup.resourceGraph ?? { maxPageSize: 2, windowMs: SHORT_QUOTA_WINDOW_MS } });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const progress: string[] = [];
  try {
    const argv = ['scan', '--arm-endpoint', emulator.url, ...args];
    const { options } = parseCommandLine(argv);
    const code = await scanCommand(options, { print: (text) => stdout.push(text), error: (text) => stderr.push(text) }, {
      argv, now: () => NOW, tlsCa: emulator.ca, credential: staticTokenCredential(TOKEN), progress: setup.progress ?? false,
      progressStream: { write: (text: string) => progress.push(text) }, signal: new AbortController().signal,
      timeoutMs: setup.timeoutMs, subscriptionBoundMs: setup.subscriptionBoundMs,
    });
    return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), progress: progress.join(''), emulator };
  } finally {
    await emulator.stop();
  }
}
