#!/usr/bin/env node
// `parley article` as a whole process (start-up, reading, gunzip, decoding, extraction, JSON
// Lines out) over the multilingual benchmark pages, against Readability.js + linkedom run the
// same way (bench/adapters/readability-batch.mjs), alternating in the same run; prints pages/s,
// the ratio, start-up times and the segment F of both (the benchmark's own scorer).
// Build first (npx tsc -p tsconfig.json). Skips when ../shared is absent.
//   node bench/article.mjs [--runs N]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { root, sharedOrSkip } from "./lib/paths.mjs";

const multi = sharedOrSkip("article bench", "bench/extraction-multi");
const pages = path.join(multi, "pages");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 3;
const cli = path.join(root, "bin/parley.js");
const baseline = path.join(root, "bench/adapters/readability-batch.mjs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-article-bench-"));
const files = fs.readdirSync(pages).filter((f) => f.endsWith(".html.gz")).sort();

/** CPU seconds of this process's finished children (Linux: /proc/self/stat cutime + cstime), or null. */
function childCpu() {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) / 100; // fields 16 and 17, in clock ticks (100 per second)
  } catch {
    return null;
  }
}

/** Wall and CPU seconds of one process, its stdout into `out`. */
function timed(argv, out) {
  const fd = fs.openSync(out, "w");
  const c = childCpu();
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { stdio: ["ignore", fd, "pipe"], maxBuffer: 64 << 20 });
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  const cpu = c === null ? null : childCpu() - c;
  fs.closeSync(fd);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { secs, cpu };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = (runs) => median(runs.map((r) => r.secs));
const cpuOf = (runs) => (runs.every((r) => r.cpu !== null) ? median(runs.map((r) => r.cpu)) : null);

/** JSON Lines to NAME.txt (the article body, one paragraph a line), then the benchmark's F. */
function score(jsonl, text) {
  const dir = fs.mkdtempSync(path.join(tmp, "pred-"));
  for (const line of fs.readFileSync(jsonl, "utf8").split("\n")) {
    if (!line) continue;
    const o = JSON.parse(line);
    fs.writeFileSync(path.join(dir, `${o.name}.txt`), text(o));
  }
  const out = execFileSync(process.execPath, [path.join(multi, "score.mjs"), dir, "--json"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return JSON.parse(out).overall;
}

const parleyOut = path.join(tmp, "parley.jsonl"), readOut = path.join(tmp, "readability.jsonl");
const parleyArgs = [cli, "article", "-q", pages];
const readArgs = [baseline, pages, path.join(multi, "run-extractor.mjs")];
const parleySecs = [], readSecs = [];
for (let r = 0; r < runs; r++) {
  process.stderr.write(`article bench: run ${r + 1}/${runs}\n`);
  parleySecs.push(timed(parleyArgs, parleyOut));
  readSecs.push(timed(readArgs, readOut));
}
const one = path.join(pages, files[0]);
const helpSecs = [], oneSecs = [];
for (let r = 0; r < 5; r++) {
  helpSecs.push(timed([cli, "--help"], path.join(tmp, "help.txt")));
  oneSecs.push(timed([cli, "article", one], path.join(tmp, "one.txt")));
}
const fParley = score(parleyOut, (o) => o.paragraphs.join("\n"));
const fRead = score(readOut, (o) => o.text);
const p = files.length / wall(parleySecs), b = files.length / wall(readSecs);
const pc = cpuOf(parleySecs), bc = cpuOf(readSecs);
const f3 = (x) => x.toFixed(3);
const cpuCells = (c, ref) => (c === null ? "– | –" : `${c.toFixed(2)} | ${(ref / c).toFixed(2)}`);
console.log(`\n\`parley article\` vs Readability.js + linkedom, whole process over ${files.length} pages (median of ${runs} alternating runs)`);
console.log("| extractor | wall s | pages/s | × Readability | CPU s | × Readability (CPU) | F | P | R |");
console.log("|---|---|---|---|---|---|---|---|---|");
console.log(`| parley article | ${wall(parleySecs).toFixed(2)} | ${p.toFixed(1)} | ${(p / b).toFixed(2)} | ${cpuCells(pc, bc)} | ${f3(fParley.f1)} | ${f3(fParley.precision)} | ${f3(fParley.recall)} |`);
console.log(`| Readability.js + linkedom | ${wall(readSecs).toFixed(2)} | ${b.toFixed(1)} | 1.00 | ${cpuCells(bc, bc)} | ${f3(fRead.f1)} | ${f3(fRead.precision)} | ${f3(fRead.recall)} |`);
console.log(`\nstart-up (median of 5, wall): \`parley --help\` ${(wall(helpSecs) * 1000).toFixed(0)} ms, \`parley article\` on one page ${(wall(oneSecs) * 1000).toFixed(0)} ms` +
  (cpuOf(helpSecs) !== null ? ` (CPU ${(cpuOf(helpSecs) * 1000).toFixed(0)} ms and ${(cpuOf(oneSecs) * 1000).toFixed(0)} ms)` : ""));
fs.rmSync(tmp, { recursive: true, force: true });
