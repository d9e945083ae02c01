#!/usr/bin/env node
// HTML article-extraction benchmark: runs the shared benchmarks' own runner scripts for Parley,
// Readability (on linkedom) and, on the English set, @extractus/article-extractor, one process at
// a time, and prints one table (F1, pages/s, speed ratio to Readability) plus per-language F1 on
// the multilingual set. Build first (npx tsc -p tsconfig.json). Skips when ../shared is absent.
//   node bench/html.mjs [--runs N] [--no-article-extractor]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.PARLEY_SHARED ?? path.resolve(root, "../shared");
const xbench = path.join(shared, "bench/extraction");
const multi = path.join(shared, "bench/extraction-multi");
if (!fs.existsSync(path.join(xbench, "xbench-run.mjs")) || !fs.existsSync(path.join(multi, "run-extractor.mjs"))) {
  console.log(`html bench skipped: ${xbench} or ${multi} not found (set PARLEY_SHARED to the shared folder)`);
  process.exit(0);
}
if (!fs.existsSync(path.join(root, "dist/html/index.js"))) {
  console.log("html bench: dist/html/index.js missing; run `npx tsc -p tsconfig.json` first");
  process.exit(1);
}
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
const withArticleExtractor = !args.includes("--no-article-extractor");
const adapters = path.join(root, "bench/adapters");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-html-bench-"));

function runJson(script, argv) {
  const out = execFileSync(process.execPath, [script, ...argv], { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.slice(out.indexOf("{")));
}

/** English set (ScrapingHub): shingle F1 and pages/s. */
function english(adapter) {
  const r = runJson(path.join(xbench, "xbench-run.mjs"), [path.join(adapters, adapter), "--runs", String(runs), "--json"]);
  return { f1: r.f1, pagesPerS: r.pages_per_s, otherCpus: r.other_cpus };
}

/** Multilingual set (trafilatura's): segment F and pages/s, per-language F. */
function multilingual(adapter) {
  const out = path.join(tmp, adapter.replace(/\.mjs$/, ""));
  const r = runJson(path.join(multi, "run-extractor.mjs"), [path.join(adapters, adapter), "--out", out, "--passes", String(runs), "--json", "--all-langs"]);
  const langs = {};
  for (const [k, g] of Object.entries(r.score.languages ?? {})) langs[k] = g;
  return { f1: r.score.overall.f1, pagesPerS: r.timing.medianPagesPerSecond, langs };
}

const rows = [];
const systems = [
  { name: "parley", adapter: "parley.mjs", multi: true },
  { name: "readability+linkedom", adapter: "readability.mjs", multi: true },
  ...(withArticleExtractor ? [{ name: "article-extractor", adapter: "article-extractor.mjs", multi: false }] : []),
];
for (const s of systems) {
  process.stderr.write(`running ${s.name}…\n`);
  rows.push({ ...s, en: english(s.adapter), ml: s.multi ? multilingual(s.adapter) : null });
}
const ref = rows.find((r) => r.name === "readability+linkedom");
const fmt = (x, d = 3) => (x == null ? "–" : x.toFixed(d));
console.log(`\nHTML extraction (runs/passes: ${runs})`);
console.log("| extractor | ScrapingHub F1 | pages/s | × Readability | multilingual F | pages/s | × Readability |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.name} | ${fmt(r.en.f1)} | ${fmt(r.en.pagesPerS, 1)} | ${fmt(r.en.pagesPerS / ref.en.pagesPerS, 2)} | ${fmt(r.ml?.f1)} | ${fmt(r.ml?.pagesPerS, 1)} | ${r.ml ? fmt(r.ml.pagesPerS / ref.ml.pagesPerS, 2) : "–"} |`);
}
const parley = rows[0];
console.log("\nMultilingual F by language (languages with >= 10 pages):");
console.log("| lang | pages | parley | readability |");
console.log("|---|---|---|---|");
for (const [lang, g] of Object.entries(parley.ml.langs)) {
  if (g.pages < 10) continue;
  console.log(`| ${lang} | ${g.pages} | ${fmt(g.f1)} | ${fmt(ref.ml.langs[lang]?.f1)} |`);
}
const otherBusy = rows.map((r) => r.en.otherCpus ?? 0).reduce((a, b) => Math.max(a, b), 0);
if (otherBusy > 0.3) console.log(`\nnote: other processes kept up to ${otherBusy.toFixed(2)} CPUs busy; speeds are pessimistic.`);
fs.rmSync(tmp, { recursive: true, force: true });
