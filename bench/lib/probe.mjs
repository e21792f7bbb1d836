/**
 * Loaded into a measured vnet-doctor process with `node --import` (via NODE_OPTIONS). Records,
 * on the process's own clock: when the first byte reached stdout (the first frame), when each
 * bundle chunk started loading (with the RSS then), the peak RSS and, at exit, where memory sits. Writes JSON to $VNET_DOCTOR_PROBE_FILE at exit.
 */
import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

const file = process.env.VNET_DOCTOR_PROBE_FILE;
const record = { firstWriteMs: undefined, modules: [], maxRssKb: 0 };

const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  if (record.firstWriteMs === undefined && String(chunk).replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').trim().length > 0) {
    record.firstWriteMs = performance.now();
  }
  return write(chunk, ...rest);
};

registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/dist/')) record.modules.push({ url, ms: performance.now(), rssMb: process.memoryUsage.rss() / 1048576 });
    return nextLoad(url, context);
  },
});

process.on('exit', () => {
  record.maxRssKb = process.resourceUsage().maxRSS;
  const { heapUsed, external } = process.memoryUsage();
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  record.atExitMb = { heapUsed: heapUsed / 1048576, external: external / 1048576, youngGeneration: (young?.space_size ?? 0) / 1048576 };
  if (file) writeFileSync(file, JSON.stringify(record));
});
