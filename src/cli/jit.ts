// V8 settings for the command line. Why: a batch of a few hundred documents spends about as much
// CPU in V8's optimising compiler (on background threads) as in extraction itself, because the
// pipeline's large functions inline deeply and are compiled again after each deoptimisation.
// On a machine with few cores those threads compete with the extraction and storing threads.
// A smaller inlining budget cuts that compile work by about a third while the optimised code
// runs as fast; a larger interrupt budget (more bytecode run before V8 considers optimising a
// function) leaves lukewarm functions to the baseline tiers, which cut the compiler's CPU over
// 600 documents by a sixth to a third and made short batches faster, with long runs unchanged
// (docs/speed-log.md: how both were measured). The flags are process-wide, so they also hold for
// the extraction worker threads. PARLEY_V8_DEFAULTS=1 keeps V8's own settings.

import fs from "node:fs";
import os from "node:os";
import v8 from "node:v8";

/** Bytecode size a function may inline in all (V8's default is 920). */
export const INLINE_BUDGET = 300;

/** Bytecode run between V8's checks for whether to optimise a function (V8 11's default is 67,584). */
export const INTERRUPT_BUDGET = 150_000;

let applied = false;

/** Sets the CLI's V8 flags once per process; true when they were set by this call or before. */
export function tuneJit(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PARLEY_V8_DEFAULTS === "1") return false;
  if (!applied) {
    v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
    v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    applied = true;
  }
  return true;
}

/** Niceness given to V8's background threads during `ingest` (0 is the normal priority, 19 the lowest). */
export const BACKGROUND_NICE = 19;

/**
 * Lowers the scheduling priority of every thread of this process but the main one: at start-up
 * those are V8's platform threads (its optimising compiler, concurrent GC) and libuv's pool.
 * Why: `ingest` keeps one extraction worker per core but one, and the storing thread and the
 * compiler share the spare core; at normal priority the compiler also takes turns on the
 * worker's core, and the worker is the batch's critical path. At lower priority the compiler
 * runs where a core is free: SQLite ingest went from 1.29-1.47x extraction alone to 1.08-1.19x
 * at niceness 10 and 0.97-1.04x at 19 (600 documents, alternating runs, docs/speed-log.md). Call before any worker starts: threads made later by the main thread
 * (the workers) keep its priority. Not where workers fill every core: the compiler would starve.
 * Linux only (there each thread has its own priority); PARLEY_BACKGROUND_NICE=N sets another
 * niceness, 0 or PARLEY_V8_DEFAULTS=1 turns it off. Returns how many threads were lowered.
 */
export function lowerBackgroundThreads(env: NodeJS.ProcessEnv = process.env): number {
  const nice = Math.min(19, Math.max(0, Math.trunc(Number(env.PARLEY_BACKGROUND_NICE ?? BACKGROUND_NICE)) || 0));
  if (env.PARLEY_V8_DEFAULTS === "1" || nice === 0 || process.platform !== "linux") return 0;
  let lowered = 0;
  let tids: string[];
  try {
    tids = fs.readdirSync("/proc/self/task");
  } catch {
    return 0;
  }
  for (const tid of tids) {
    const id = Number(tid);
    if (id === process.pid) continue;
    try {
      // On Linux setpriority() with a thread id sets that thread's niceness alone.
      os.setPriority(id, Math.max(os.getPriority(id), nice));
      lowered++;
    } catch {
      // the thread ended, or the system refused: priorities are a hint
    }
  }
  return lowered;
}
