/**
 * Figure 8: the interactive wizard holds V8's young generation at its initial size (the bin sets
 * it, which keeps a --demo session's RSS small), while commands such as `check` keep V8's defaults.
 * A probe loaded with --require churns short-lived objects at exit and writes the young
 * generation's size to a file. This was a test until V8's heuristic resizing made its bound flaky
 * under load; as a figure it reports what it sees without failing the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startInPty } from './lib/pty.mjs';

const MIB = 1024 * 1024;

function churnProbe(dir, file) {
  const probe = join(dir, `churn-probe-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(probe, [
    "process.on('exit', () => {",
    '  let kept = [];',
    "  for (let i = 0; i < 2e6; i += 1) { kept.push({ i, text: 'x' + i }); if (kept.length > 1e5) kept = []; }",
    "  const young = require('node:v8').getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');",
    `  require('node:fs').writeFileSync(${JSON.stringify(file)}, String(young.space_size));`,
    '});',
  ].join('\n'));
  return probe;
}

/** Young generation after the churn, for `args` run without a terminal. */
function withoutTerminal(dir, args) {
  const file = join(dir, `young-${Math.random().toString(36).slice(2)}`);
  const run = spawnSync(process.execPath, ['--require', churnProbe(dir, file), ...args], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, VNET_DOCTOR_SOURCE: '0', NODE_OPTIONS: '' }, timeout: 60_000,
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return Number(readFileSync(file, 'utf8'));
}

/** Young generation after the churn in the interactive wizard (a pseudo-terminal, Ctrl-C to leave). */
async function inWizard(dir, bin) {
  const file = join(dir, 'young-wizard');
  const state = mkdtempSync(join(tmpdir(), 'vnet-doctor-bench-young-state-'));
  const run = startInPty([process.execPath, '--require', churnProbe(dir, file), bin, '--offline'], {
    cwd: dirname(dirname(bin)), env: { ...process.env, VNET_DOCTOR_SOURCE: '0', VNET_DOCTOR_STATE_DIR: state, NODE_OPTIONS: '' },
  });
  try {
    await run.waitFor((text) => /vnet-doctor/.test(text), 30_000);
    run.write('\u0003');
    await run.exited;
  } finally {
    run.kill();
    rmSync(state, { recursive: true, force: true });
  }
  return Number(readFileSync(file, 'utf8'));
}

/** Sizes in bytes: the wizard's, check's and plain Node's young generation after the same churn; runs of each. */
export async function measureYoungGeneration(bin, { runs = 3 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vnet-doctor-bench-young-'));
  try {
    const wizard = []; const check = []; const plain = [];
    for (let run = 0; run < runs; run += 1) {
      wizard.push(await inWizard(dir, bin));
      check.push(withoutTerminal(dir, [bin, 'check', '--demo', 'healthy', '--format', 'json']));
      plain.push(withoutTerminal(dir, ['-e', '0']));
    }
    return { wizard, check, plain };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export { MIB };
