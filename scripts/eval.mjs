#!/usr/bin/env node
// Scores Parley on the development corpus: extracts ../shared/corpus/dev into out/eval and runs
// the shared scorer on it. Skips with a message when ../shared is not there.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, "../shared");
const gold = path.join(shared, "corpus/dev");
const scorer = path.join(shared, "eval/score.mjs");
if (!fs.existsSync(gold) || !fs.existsSync(scorer)) {
  console.log(`eval skipped: ${gold} or ${scorer} not found (set PARLEY_SHARED to the shared folder)`);
  process.exit(0);
}
const out = process.env.PARLEY_EVAL_OUT ?? path.join(root, "out/eval");
fs.rmSync(out, { recursive: true, force: true });
const { runExtract } = await import(path.join(root, "dist/cli/index.js"));
await runExtract([gold], { out, quiet: true });
const extra = process.argv.slice(2);
execFileSync(process.execPath, [scorer, gold, out, ...extra], { stdio: "inherit" });
