/**
 * Scan figure: `vnet-doctor scan` (the given bin: the installed package in `npm run bench`, or
 * the checkout) over the synthetic tenant of bench/scan-tenant.ts, served by the emulator in a
 * separate process with 50 ms per response. Wall time and peak RSS (GNU time) of the scan
 * process alone; the emulator's certificate is trusted through NODE_EXTRA_CA_CERTS.
 * Growth: the same scan of the tenant at half size (plans, apps, connections and gateways halved
 * together), runs interleaved with the full-size ones so load on the machine hits both alike.
 * Contacts 127.0.0.1 only.
 *
 *   node bench/scan.mjs [BIN]
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { median } from './lib/stats.mjs';
import { benchEnv, root, tempDir } from './install.mjs';

export const SCAN_LATENCY_MS = 50;
/** The smaller tenant of the growth figure, as a fraction of the full one. */
export const GROWTH_SCALE = 0.5;
const node = join(root, 'node_modules', '.bin', 'node');
const SUBSCRIPTIONS = [1, 2, 3].map((index) => `0000000${index}-5ca1-4000-8000-00000000000${index}`);

async function startBenchEmulator(scale, throttled = false) {
  const child = spawn(node, ['--import', 'tsx', join(root, 'bench', 'scan-emulator.ts'), String(SCAN_LATENCY_MS), String(scale), ...(throttled ? ['throttled'] : [])], { cwd: root, env: benchEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the scan emulator exited with ${code}`)));
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const done = new Promise((resolve) => child.once('exit', () => resolve(log)));
  return { ...JSON.parse(line), stop: async () => { child.stdin.end(); return done; } };
}

async function oneScan(bin, source, scale, throttled = false) {
  const emulator = await startBenchEmulator(scale, throttled);
  const work = tempDir('scan');
  const caFile = join(work, 'ca.pem');
  writeFileSync(caFile, emulator.ca);
  const rssFile = join(work, 'rss');
  const args = ['scan', '--arm-endpoint', emulator.url, '--access-token', 'scan-bench-token', '--format', 'json', ...SUBSCRIPTIONS.flatMap((id) => ['--subscription', id])];
  const loadBefore = loadavg()[0];
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, node, bin, ...args], {
    cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    env: { ...benchEnv, NODE_EXTRA_CA_CERTS: caFile, ...(source ? { VNET_DOCTOR_SOURCE: '1' } : {}) },
  });
  const ms = performance.now() - started;
  const log = await emulator.stop();
  if (run.status !== 0 && run.status !== 1) throw new Error(`scan exited with ${run.status}: ${run.stderr.slice(0, 600)}`);
  const report = JSON.parse(run.stdout);
  const { requests, reads, byStatus, maxInFlight } = JSON.parse(log.trim().split('\n').at(-1) ?? '{}');
  return { ms, rssBytes: Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) * 1024, rows: report.rows.length, enumeration: report.enumeration, errors: report.errors.length, requests, reads, refused: byStatus?.['429'] ?? 0, maxInFlight, tenant: emulator.tenant, load: [loadBefore, loadavg()[0]] };
}

/** Median time, peak RSS and (from the first run) requests and tenant of several runs. */
function summary(all) {
  return { ms: median(all.map((run) => run.ms)), rssBytes: Math.max(...all.map((run) => run.rssBytes)), requests: all[0].requests, tenant: all[0].tenant, runs: all };
}

export async function measureScan(bin, { runs = 3, source = false, scale = 1 } = {}) {
  const all = [];
  for (let index = 0; index < runs; index += 1) all.push(await oneScan(bin, source, scale));
  return summary(all);
}

/** The full-size scan and the GROWTH_SCALE one, runs alternating. */
export async function measureScanGrowth(bin, { runs = 3, source = false } = {}) {
  const small = [];
  const full = [];
  for (let index = 0; index < runs; index += 1) {
    small.push(await oneScan(bin, source, GROWTH_SCALE));
    full.push(await oneScan(bin, source, 1));
  }
  return { small: summary(small), full: summary(full) };
}

/** Requests a scan keeps in flight (src/scan/inventory.ts CONCURRENCY): the floor divides by it. */
export const SCAN_IN_FLIGHT = 16;
/**
 * The sizes of the scan-at-size figure (issue 21 item 6): tenant scale (1 = 5,000 apps) and runs.
 * The 50,000-app scan takes a minute or more per run, so it runs once.
 */
export const SCAN_SIZES = [{ scale: 1, runs: 3 }, { scale: 5, runs: 3 }, { scale: 10, runs: 1 }];

/**
 * The floor of a scan's own requests: every request takes the latency and at most SCAN_IN_FLIGHT
 * are in flight, so no scheduling does better than requests x latency / in flight.
 */
export const floorMs = (requests) => (requests * SCAN_LATENCY_MS) / SCAN_IN_FLIGHT;

/** Each size's runs, with each run's ratio to its floor. */
export async function measureScanSizes(bin, { sizes = SCAN_SIZES, source = false, quick = false } = {}) {
  const results = [];
  for (const { scale, runs } of sizes) {
    const all = [];
    for (let index = 0; index < (quick ? 1 : runs); index += 1) {
      const run = await oneScan(bin, source, scale);
      all.push({ ...run, floorMs: floorMs(run.requests), ratio: run.ms / floorMs(run.requests) });
    }
    results.push({ scale, tenant: all[0].tenant, runs: all });
  }
  return results;
}

/**
 * One scan of the 5,000-app tenant with ARM's documented read throttling on: the floor there is
 * the bucket's (every subscription's full bucket at once, then its refill), not the latency's.
 */
export async function measureThrottledScan(bin, { source = false, subscriptions = 3, bucket = 250, perSecond = 25 } = {}) {
  const run = await oneScan(bin, source, 1, true);
  const throttleFloorMs = (Math.max(0, run.reads - subscriptions * bucket) / (subscriptions * perSecond)) * 1000;
  const floor = Math.max(floorMs(run.requests), throttleFloorMs);
  return { ...run, floorMs: floor, ratio: run.ms / floor };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bin = process.argv[2] ?? join(root, 'bin', 'vnet-doctor.js');
  const result = await measureScanGrowth(bin, { runs: 1, source: process.argv[2] === undefined });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
