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
