// Timing helpers for the benches: wall-clock seconds and nearest-rank percentiles.

/** Seconds elapsed since a process.hrtime.bigint() mark. */
export const secondsSince = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

/** Nearest-rank percentile (p in 0..100) of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Run fn `warmup` times untimed, then `runs` times timed (ms each); fn gets the run index. */
export async function timeRuns(fn, { warmup = 3, runs = 50 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const ms = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    last = await fn(i);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms), runs, last };
}
