// The benchmarks run with the V8 settings the CLI sets (src/cli/jit.ts), so that their figures
// are those of `parley extract` and `parley ingest`; PARLEY_V8_DEFAULTS=1 measures V8's defaults.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root } from "./paths.mjs";

/** Applies the CLI's V8 settings; returns a line saying which settings the run used. */
export async function cliJit() {
  const { tuneJit, INLINE_BUDGET, INTERRUPT_BUDGET } = await import(path.join(root, "dist/cli/jit.js"));
  return tuneJit() ? `V8 settings: the CLI's (inlining budget ${INLINE_BUDGET}, interrupt budget ${INTERRUPT_BUDGET ?? "V8's"}; PARLEY_V8_DEFAULTS=1 for V8's defaults)` : "V8 settings: V8's defaults (PARLEY_V8_DEFAULTS=1)";
}

/**
 * The priority `parley ingest` gives V8's background threads (src/cli/jit.ts): lowered when the
 * run leaves a core to the storing thread, normal otherwise (raising it back needs privileges:
 * where that is refused, the line returned says so). Returns a line for the report.
 */
export async function ingestPriority(workers, cores) {
  const { lowerBackgroundThreads } = await import(path.join(root, "dist/cli/jit.js"));
  if (workers < cores) {
    const n = lowerBackgroundThreads();
    return n ? `background threads at lower priority (${n} threads, as \`parley ingest\` sets them)` : "background threads at normal priority";
  }
  let refused = 0;
  for (const tid of fs.existsSync("/proc/self/task") ? fs.readdirSync("/proc/self/task") : []) {
    if (Number(tid) === process.pid) continue;
    try {
      if (os.getPriority(Number(tid)) !== 0) os.setPriority(Number(tid), 0);
    } catch {
      refused++;
    }
  }
  return refused ? `background threads left at lower priority (raising it back was refused for ${refused})` : "background threads at normal priority";
}
