#!/usr/bin/env node
// Scores Parley on the team's development corpus and on the real-news set: extracts
// ../shared/corpus/dev and ../shared/corpus/real into out/eval/SET and runs the shared scorer on
// each. `--set dev` or `--set real` scores one; other flags (--verbose, --json) go to the scorer.
// Skips with a message when ../shared is not there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, "../shared");
const scorer = path.join(shared, "eval/score.mjs");
const args = process.argv.slice(2);
const setAt = args.indexOf("--set");
const only = setAt >= 0 ? args[setAt + 1] : null;
const extra = args.filter((a, i) => i !== setAt && i !== setAt + 1);
const sets = (only ? [only] : ["dev", "real"]).map((name) => ({ name, gold: path.join(shared, "corpus", name) }));
if (!fs.existsSync(scorer)) {
  console.log(`eval skipped: ${scorer} not found (set PARLEY_SHARED to the shared folder)`);
  process.exit(0);
}
const { runExtract } = await import(path.join(root, "dist/cli/index.js"));
for (const { name, gold } of sets) {
  if (!fs.existsSync(gold)) {
    console.log(`eval of ${name} skipped: ${gold} not found`);
    continue;
  }
  const out = path.join(process.env.PARLEY_EVAL_OUT ?? path.join(root, "out/eval"), name);
  fs.rmSync(out, { recursive: true, force: true });
  await runExtract([gold], { out, quiet: true });
  console.log(`\n== ${name}: ${gold}`);
  execFileSync(process.execPath, [scorer, gold, out, ...extra], { stdio: "inherit" });
}
