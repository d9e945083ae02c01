// The benchmarks run with the V8 settings the CLI sets (src/cli/jit.ts), so that their figures
// are those of `parley extract` and `parley ingest`; PARLEY_V8_DEFAULTS=1 measures V8's defaults.
import path from "node:path";
import { root } from "./paths.mjs";

/** Applies the CLI's V8 settings; returns a line saying which settings the run used. */
export async function cliJit() {
  const { tuneJit, INLINE_BUDGET, INTERRUPT_BUDGET } = await import(path.join(root, "dist/cli/jit.js"));
  return tuneJit() ? `V8 settings: the CLI's (inlining budget ${INLINE_BUDGET}, interrupt budget ${INTERRUPT_BUDGET ?? "V8's"}; PARLEY_V8_DEFAULTS=1 for V8's defaults)` : "V8 settings: V8's defaults (PARLEY_V8_DEFAULTS=1)";
}
