/** Small helpers shared by the benchmarks: medians and formatting. */

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function repeat(times, measure) {
  const results = [];
  for (let i = 0; i < times; i += 1) results.push(await measure(i));
  return results;
}

export const ms = (value) => `${Math.round(value)} ms`;
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** "min 10 ms / median 12 ms / max 20 ms over 9 runs": the spread a figure's median hides. */
export function spread(values, format = ms) {
  const sorted = [...values].sort((a, b) => a - b);
  return `min ${format(sorted[0])} / median ${format(median(sorted))} / max ${format(sorted.at(-1))} over ${sorted.length} run(s)`;
}
