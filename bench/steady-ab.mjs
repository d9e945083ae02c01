#!/usr/bin/env node
// Steady-state CPU of two builds of the pipeline in ONE process: `node bench/steady-ab.mjs OLD_ROOT
// [NEW_ROOT] [ROUNDS] [PASSES] [ab|ba]`, each ROOT a checkout with its `dist` built (NEW_ROOT
// defaults to this one). Why one process: on a shared machine the host's speed swings by a third
// between runs, so separate runs cannot show a 10% change; rounds that alternate in one process
// meet the same swings. Both builds are warmed up (2,000 documents each), then each round runs
// PASSES passes over the dev corpus with each build and reads the main thread's CPU time (Linux:
// /proc schedstat). Prints ms per document and the median of the rounds' new/old ratios; run it
// in both orders (the build run first in a round can be favoured). Skips when ../shared is absent.
import fs from "node:fs";
import path from "node:path";
import { root, sharedOrSkip } from "./lib/paths.mjs";

const [oldRoot, newRoot = root, roundsArg = "16", passesArg = "5", orderArg = "ab"] = process.argv.slice(2);
if (!oldRoot) {
  console.error("usage: node bench/steady-ab.mjs OLD_ROOT [NEW_ROOT] [ROUNDS] [PASSES] [ab|ba]");
  process.exit(2);
}
const corpus = sharedOrSkip("steady-state A/B", "corpus/dev");
const schedstat = `/proc/self/task/${process.pid}/schedstat`;
if (!fs.existsSync(schedstat)) {
  console.log(`steady-state A/B skipped: ${schedstat} not found (Linux only)`);
  process.exit(0);
}
const files = fs.readdirSync(corpus).filter((f) => f.endsWith(".txt")).sort();
const docs = files.map((f) => ({ name: f.slice(0, -4), bytes: fs.readFileSync(path.join(corpus, f)) }));

const builds = { old: path.resolve(oldRoot), new: path.resolve(newRoot) };
const passOf = {};
for (const [side, dir] of Object.entries(builds)) {
  // The CLI's V8 settings, set once (the flags are process-wide).
  if (side === "old") (await import(path.join(dir, "dist/cli/jit.js"))).tuneJit();
  const { decode } = await import(path.join(dir, "dist/decode/index.js"));
  const { extractText } = await import(path.join(dir, "dist/pipeline/index.js"));
  const { loadLexicon } = await import(path.join(dir, "dist/lexicon/index.js"));
  // Each build its own lexicon snapshot: one build's must not be read as the other's.
  process.env.PARLEY_LEXICON_CACHE = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "parley-ab-")), side);
  const lexicon = loadLexicon();
  passOf[side] = () => {
    for (const d of docs) extractText(decode({ name: d.name, origin: d.name, bytes: d.bytes }), { lexicon });
  };
}

const cpuMs = () => Number(fs.readFileSync(schedstat, "utf8").split(" ")[0]) / 1e6;
const rounds = Number(roundsArg), passes = Number(passesArg);
const order = orderArg === "ba" ? ["new", "old"] : ["old", "new"];
for (let i = 0; i < Math.ceil(2000 / docs.length); i++) for (const side of order) passOf[side]();
const perDoc = { old: [], new: [] };
const ratios = [];
for (let r = 0; r < rounds; r++) {
  for (const side of order) {
    const c0 = cpuMs();
    for (let i = 0; i < passes; i++) passOf[side]();
    perDoc[side].push((cpuMs() - c0) / (passes * docs.length));
  }
  ratios.push(perDoc.new[r] / perDoc.old[r]);
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const load = fs.existsSync("/proc/loadavg") ? fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ") : "?";
console.log(`order ${order.join(",")}: old ${median(perDoc.old).toFixed(3)} ms/doc, new ${median(perDoc.new).toFixed(3)} ms/doc, median ratio new/old ${median(ratios).toFixed(3)} (${rounds} rounds of ${passes} passes over ${docs.length} dev documents; load ${load})`);
