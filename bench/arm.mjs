/**
 * ARM critical path figure: bench/arm-bench.ts in a fresh process per run; the slowest
 * scenario counts (median over runs).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median, ms } from './lib/stats.mjs';
import { benchEnv, root } from './install.mjs';

export const ARM_LATENCY_MS = 200;
const node = join(root, 'node_modules', '.bin', 'node');

export function measureArm({ runs = 3 } = {}) {
  const runsOut = Array.from({ length: runs }, () => JSON.parse(execFileSync(node, ['--import', 'tsx', join(root, 'bench', 'arm-bench.ts'), String(ARM_LATENCY_MS)], { cwd: root, env: benchEnv, encoding: 'utf8' }).trim().split('\n').at(-1)));
  const scenarios = runsOut[0].map((first) => {
    const all = runsOut.map((run) => run.find((entry) => entry.scenario === first.scenario));
    return { ...first, ms: median(all.map((entry) => entry.ms)) };
  });
  if (scenarios.length === 0) throw new Error('no demo scenarios found in scenarios/');
  const slowest = scenarios.reduce((a, b) => (b.ms > a.ms ? b : a));
  const duplicateList = scenarios.flatMap((entry) => entry.duplicates.map((text) => `${entry.scenario}: ${text}`));
  return {
    ms: slowest.ms,
    requests: slowest.requests,
    rounds: slowest.rounds,
    duplicates: duplicateList.length,
    details: [
      `slowest scenario: ${slowest.scenario}`,
      ...scenarios.map((entry) => `${entry.scenario}: ${ms(entry.ms)}, ${entry.requests} requests, ${entry.rounds} sequential round trips`),
      ...duplicateList.map((text) => `duplicate: ${text}`),
    ],
  };
}
