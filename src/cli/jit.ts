// V8 settings for the command line. Why: a batch of a few hundred documents spends about as much
// CPU in V8's optimising compiler (on background threads) as in extraction itself, because the
// pipeline's large functions inline deeply and are compiled again after each deoptimisation.
// On a machine with few cores those threads compete with the extraction and storing threads.
// A smaller inlining budget cuts that compile work by about a third while the optimised code
// runs as fast (README, "Speed": how it was measured). The flag is process-wide, so it also
// holds for the extraction worker threads. PARLEY_V8_DEFAULTS=1 keeps V8's own settings.

import v8 from "node:v8";

/** Bytecode size a function may inline in all (V8's default is 920). */
export const INLINE_BUDGET = 300;

let applied = false;

/** Sets the CLI's V8 flags once per process; true when they were set by this call or before. */
export function tuneJit(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.PARLEY_V8_DEFAULTS === "1") return false;
  if (!applied) {
    v8.setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
    applied = true;
  }
  return true;
}
