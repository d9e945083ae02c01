#!/usr/bin/env node
// Extraction throughput and memory on the dev corpus repeated to at least 20 MB, beside a
// baseline measured in the same run on the same documents: decoding the bytes and splitting
// them into word tokens. Documents are produced one at a time (streaming), so memory should stay
// flat in the number of documents. Skips with a message when ../shared is not there.
import fs from "node:fs";
import path from "node:path";
import { root, sharedOrSkip } from "./lib/paths.mjs";

const corpus = sharedOrSkip("bench", "corpus/dev");
const targetMB = Number(process.env.BENCH_MB ?? 20);
const { decode } = await import(path.join(root, "dist/decode/index.js"));
const { extractText } = await import(path.join(root, "dist/pipeline/index.js"));
const { loadLexicon } = await import(path.join(root, "dist/lexicon/index.js"));

const files = fs.readdirSync(corpus).filter((f) => f.endsWith(".txt")).sort();
const docs = files.map((f) => ({ name: f.slice(0, -4), bytes: fs.readFileSync(path.join(corpus, f)) }));
const corpusBytes = docs.reduce((s, d) => s + d.bytes.length, 0);
const rounds = Math.ceil((targetMB * 1024 * 1024) / corpusBytes);

/** Documents of the repeated corpus, one at a time. */
function* stream() {
  for (let r = 0; r < rounds; r++) for (const d of docs) yield { name: `${d.name}-${r}`, origin: d.name, bytes: d.bytes };
}

function run(label, work) {
  global.gc?.();
  let n = 0, bytes = 0, peakRss = 0;
  const heapAt = [];
  const t0 = process.hrtime.bigint();
  for (const raw of stream()) {
    work(raw);
    n++;
    bytes += raw.bytes.length;
    if (n % 200 === 0) {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      heapAt.push(m.heapUsed);
    }
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { label, docs: n, mb: bytes / 1048576, secs, docsPerSec: n / secs, mbPerSec: bytes / 1048576 / secs, peakRssMB: peakRss / 1048576, heapFirstMB: (heapAt[0] ?? 0) / 1048576, heapLastMB: (heapAt.at(-1) ?? 0) / 1048576 };
}

const t = process.hrtime.bigint();
loadLexicon(); // built once per process, outside the timed runs (reported separately)
const lexMs = Number(process.hrtime.bigint() - t) / 1e6;
const WORD = /[\p{L}\p{N}]+/gu;
let sink = 0;
const baseline = run("baseline: decode + tokenise", (raw) => {
  const doc = decode(raw);
  for (const _ of doc.text.matchAll(WORD)) sink++;
});
const extract = run("parley extract", (raw) => {
  const r = extractText(decode(raw));
  sink += r.events.length;
});

const fmt = (x, d = 1) => x.toFixed(d);
console.log(`input: ${docs.length} dev documents (${fmt(corpusBytes / 1024)} KB) repeated ${rounds}x = ${fmt(extract.mb)} MB, ${extract.docs} documents, one core`);
console.log(`| run | documents/s | MB/s | peak RSS MB | heap at start / end MB |`);
console.log(`|---|---:|---:|---:|---:|`);
for (const r of [baseline, extract]) console.log(`| ${r.label} | ${fmt(r.docsPerSec, 0)} | ${fmt(r.mbPerSec, 2)} | ${fmt(r.peakRssMB, 0)} | ${fmt(r.heapFirstMB)} / ${fmt(r.heapLastMB)} |`);
console.log(`extract is ${fmt(baseline.docsPerSec / extract.docsPerSec)}x slower than the baseline (aim: within 10x); lexicon load ${fmt(lexMs, 0)} ms (cached)`);
if (sink < 0) console.log(sink);
