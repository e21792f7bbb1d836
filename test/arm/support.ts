/** Shared set-up for the ARM tests: an emulator per test and a context that trusts it. */
import { startEmulator, type Fault, type RunningEmulator } from '../../src/emulator/server.ts';
import { loadScenario, type Scenario } from '../../src/emulator/scenarios.ts';
import { staticTokenCredential, type ArmContext } from '../../src/facts/arm/context.ts';
import { gatherFacts, type FactGathering, type GatherOptions } from '../../src/facts/gather-facts.ts';

export const TEST_TOKEN = 'test-token-not-a-secret';
export const TODAY = '2026-06-01';
/** Small retries and a short timeout keep the fault tests fast. */
export const FAST_RETRY = { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 40 };

export async function withEmulator<T>(
  scenario: Scenario | string,
  options: { faults?: Fault[]; latencyMs?: number },
  run: (emulator: RunningEmulator, scenario: Scenario) => Promise<T>,
): Promise<T> {
  const loaded = typeof scenario === 'string' ? loadScenario(scenario) : scenario;
  const emulator = await startEmulator({ scenario: loaded, token: TEST_TOKEN, ...options });
  try {
    return await run(emulator, loaded);
  } finally {
    await emulator.stop();
  }
}

export const contextFor = (emulator: RunningEmulator, overrides: Partial<ArmContext> = {}): ArmContext => ({
  endpoint: emulator.url, credential: staticTokenCredential(TEST_TOKEN), scope: `${emulator.url}/.default`, tlsCa: emulator.ca,
  timeoutMs: 60_000, retry: FAST_RETRY, ...overrides,
});

/** ARM mode (not demo) pointed at the emulator, as a user would with --arm-endpoint. */
export function gatherThrough(emulator: RunningEmulator, scenario: Scenario, gather: GatherOptions = {}): Promise<FactGathering> {
  return gatherFacts(
    { app: scenario.target.app, 'arm-endpoint': emulator.url, 'access-token': TEST_TOKEN },
    { tlsCa: emulator.ca, today: TODAY, timeoutMs: 60_000, retry: FAST_RETRY, ...gather },
  );
}

/** Fact values only (what the flows see), unknown facts as null. */
export const values = (gathering: FactGathering): Record<string, unknown> =>
  Object.fromEntries(Object.entries(gathering.facts).map(([key, fact]) => [key, fact.value]).sort(([a], [b]) => String(a).localeCompare(String(b))));
