// CPU time per thread of this process, read from Linux's /proc (null elsewhere). Why: over a
// short batch V8's background threads (its optimising compiler, and concurrent GC) use about as
// much CPU as extraction itself, and in `ingest` they share the cores with the extraction worker
// and the storing thread; the benchmarks report that split beside their rates.
import fs from "node:fs";

const TASKS = "/proc/self/task";
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU milliseconds by thread id, or null where /proc is not there. */
export function threadTimes() {
  if (!fs.existsSync(TASKS)) return null;
  const out = new Map();
  for (const tid of fs.readdirSync(TASKS)) {
    try {
      const stat = fs.readFileSync(`${TASKS}/${tid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th
      // field of the line and stime the 15th, 11 and 12 after the state field.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return out;
}

/**
 * CPU seconds used since `before` (a threadTimes() reading), split into this (main) thread, the
 * threads not in `existing` (a threadTimes() reading taken before worker threads were started:
 * the threads created since are the workers) and the rest (V8's compiler and GC threads, libuv's
 * pool). Null where /proc is not there.
 */
export function cpuSince(before, existing = null) {
  const now = threadTimes();
  if (!before || !now) return null;
  const split = { main: 0, workers: 0, background: 0 };
  for (const [tid, ms] of now) {
    const used = (ms - (before.get(tid) ?? 0)) / 1000;
    if (tid === process.pid) split.main += used;
    else if (existing && !existing.has(tid)) split.workers += used;
    else split.background += used;
  }
  return split;
}

/** "main 1.2 s, workers 2.0 s, V8 background 1.9 s" (only the parts measured). */
export function cpuLine(split) {
  if (!split) return "thread CPU not measured (no /proc)";
  const parts = [`main thread ${split.main.toFixed(1)} s`];
  if (split.workers) parts.push(`extraction workers ${split.workers.toFixed(1)} s`);
  parts.push(`V8 background threads (compiler, GC) ${split.background.toFixed(1)} s`);
  return parts.join(", ");
}
