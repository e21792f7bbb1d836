/**
 * A full `--demo` session of the installed package in a pseudo-terminal: first frame, demo ARM
 * facts, every question answered (first option, or "don't know" for free text) to the
 * findings, then quit. Measures peak RSS (GNU time) and, through bench/lib/probe.mjs, whether
 * the Azure SDK chunk started loading only after the first frame was on screen.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startInPty } from './lib/pty.mjs';
import { settled } from './lib/settle.mjs';
import { median } from './lib/stats.mjs';
import { root, tempDir } from './install.mjs';
import { demoEnv } from './first-frame.mjs';

const node = join(root, 'node_modules', '.bin', 'node');
const MAX_STEPS = 80;

/** Bundle files holding the Azure SDK (its user-agent prefix survives minification). */
export function azureChunks(distDir) {
  return readdirSync(distDir, { recursive: true })
    .filter((file) => String(file).endsWith('.js'))
    .map((file) => join(distDir, String(file)))
    .filter((file) => readFileSync(file, 'utf8').includes('azsdk-js-arm-'));
}

async function oneSession(installedBin) {
  const env = demoEnv();
  const work = tempDir('session');
  const rssFile = join(work, 'rss');
  const probeFile = join(work, 'probe.json');
  const probe = pathToFileURL(join(root, 'bench', 'lib', 'probe.mjs')).href;
  const run = startInPty(['/usr/bin/time', '-f', '%M', '-o', rssFile, node, '--import', probe, installedBin, '--demo'], {
    cwd: work, env: { ...env, VNET_DOCTOR_PROBE_FILE: probeFile },
  });
  let steps = 0;
  try {
    await run.waitFor((text) => text.trim().length > 0);
    // The flows are checked and the demo's facts read behind the first frame; keys typed before the
    // first question is on screen would be lost, so wait for its key help ("Enter") first.
    await run.waitFor((text) => /Enter/.test(text.slice(-600)), 60_000);
    await settled(run, { quietMs: 400, timeoutMs: 15_000 });
    for (; steps < MAX_STEPS && run.isRunning(); steps += 1) {
      const before = run.rawOutput().length;
      run.write('\r');
      await settled(run, { quietMs: 200 });
      if (run.rawOutput().length === before && run.isRunning()) {
        run.write('\x1bd'); // Esc d: "don't know" in a free-text question
        await settled(run, { quietMs: 200 });
        if (run.rawOutput().length === before) break; // nothing more to answer: the findings screen
      }
    }
    if (run.isRunning()) { run.write('q'); await settled(run, { quietMs: 300 }); }
    if (run.isRunning()) run.write('\x03');
    await Promise.race([run.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  } finally {
    run.kill();
    await run.exited;
  }
  const maxRssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
  const probed = existsSync(probeFile) ? JSON.parse(readFileSync(probeFile, 'utf8')) : undefined;
  return { maxRssKb, probed, steps, screen: run.output().slice(-400) };
}

export async function measureSession(installedBin, { runs = 3 } = {}) {
  const sessions = [];
  for (let i = 0; i < runs; i += 1) sessions.push(await oneSession(installedBin));
  const chunks = new Set(azureChunks(join(dirname(dirname(installedBin)), 'dist')).map((file) => pathToFileURL(file).href));
  const sdk = sessions.map((session) => {
    if (!session.probed) return undefined;
    const loads = session.probed.modules.filter((module) => chunks.has(module.url)).map((module) => module.ms);
    const ui = session.probed.modules.find((module) => /run-wizard/.test(module.url));
    return loads.length === 0 ? undefined : { firstFrameMs: session.probed.firstWriteMs, sdkMs: Math.min(...loads), uiMs: ui?.ms };
  });
  const measured = sdk.filter(Boolean);
  return {
    maxRssMb: median(sessions.map((session) => session.maxRssKb)) / 1024,
    sdkAfterFirstFrame: measured.length === 0 ? undefined : measured.every((entry) => entry.sdkMs >= entry.firstFrameMs),
    details: [
      `answered ${sessions.map((session) => session.steps).join(', ')} prompts; peak RSS per run: ${sessions.map((session) => `${(session.maxRssKb / 1024).toFixed(1)} MB`).join(', ')}`,
      measured.length === 0
        ? 'Azure SDK chunk: not seen loading (probe found no chunk load)'
        : `Azure SDK chunk starts loading at ${measured.map((entry) => `${Math.round(entry.sdkMs)} ms`).join(', ')}; first frame at ${measured.map((entry) => `${Math.round(entry.firstFrameMs)} ms`).join(', ')}`,
      ...sessions.filter((session) => session.probed?.atExitMb).slice(0, 1).map(({ probed: { atExitMb: at } }) =>
        `at exit: V8 heap used ${at.heapUsed.toFixed(1)} MB, young generation reserved ${at.youngGeneration.toFixed(1)} MB, external ${at.external.toFixed(1)} MB (mostly Ink's yoga WebAssembly memory)`),
      measured.length === 0 ? 'UI chunk: not seen loading'
        : `UI (Ink) chunk starts loading at ${measured.map((entry) => `${Math.round(entry.uiMs)} ms`).join(', ')} (what runs before it delays the first frame)`,
    ],
  };
}
