// V8 settings for the command line. Why: a batch of a few hundred documents spends about as much
// CPU in V8's optimising compiler (on background threads) as in extraction itself, because the
// pipeline's large functions inline deeply and are compiled again after each deoptimisation.
// On a machine with few cores those threads compete with the extraction and storing threads.
// A smaller inlining budget cuts that compile work by about a third while the optimised code
// runs as fast; a larger interrupt budget (more bytecode run before V8 considers optimising a
// function) leaves lukewarm functions to the baseline tiers, which cut the compiler's CPU over
// 600 documents by a sixth to a third and made short batches faster, with long runs unchanged
// (README, "Speed": how both were measured). The flags are process-wide, so they also hold for
// the extraction worker threads. PARLEY_V8_DEFAULTS=1 keeps V8's own settings.

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
