#!/usr/bin/env node
// Extraction throughput and memory on the dev corpus repeated to at least 20 MB, beside a
// baseline measured in the same run on the same documents: decoding the bytes and splitting
// them into word tokens. Documents are produced one at a time (streaming), so memory should stay
// flat in the number of documents. Skips with a message when ../shared is not there.
import fs from "node:fs";
import path from "node:path";
import { root, sharedOrSkip } from "./lib/paths.mjs";
import { cliJit } from "./lib/jit.mjs";
import { cpuLine, cpuSince, threadTimes } from "./lib/threads.mjs";

const corpus = sharedOrSkip("bench", "corpus/dev");
const targetMB = Number(process.env.BENCH_MB ?? 20);
// BENCH_DOCS=N: exactly N documents instead of BENCH_MB. BENCH_VARY=1: every copy of a document
// gets a sentence of words made up for it, so the per-word caches keep meeting new words (a
// closed vocabulary would never fill them) and memory is seen at their caps. BENCH_HEAP_GC=1: see below.
const targetDocs = process.env.BENCH_DOCS ? Number(process.env.BENCH_DOCS) : null;
const vary = process.env.BENCH_VARY === "1";
const jitLine = await cliJit();
const { decode } = await import(path.join(root, "dist/decode/index.js"));
const { extractText } = await import(path.join(root, "dist/pipeline/index.js"));
const { loadLexicon } = await import(path.join(root, "dist/lexicon/index.js"));

const files = fs.readdirSync(corpus).filter((f) => f.endsWith(".txt")).sort();
const docs = files.map((f) => ({ name: f.slice(0, -4), bytes: fs.readFileSync(path.join(corpus, f)) }));
const corpusBytes = docs.reduce((s, d) => s + d.bytes.length, 0);
const rounds = targetDocs ? Math.ceil(targetDocs / docs.length) : Math.ceil((targetMB * 1024 * 1024) / corpusBytes);

const SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sha", "vo", "ne", "dri", "pa", "zu", "el", "qo", "fa", "bi", "ost", "ya", "gu", "hem", "ix"];
/** A made-up capitalised word for number n (distinct for distinct n). */
function madeUp(n) {
  let w = "";
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return w[0].toUpperCase() + w.slice(1) + "ar";
}

/** Documents of the repeated corpus, one at a time. */
function* stream() {
  let n = 0;
  for (let r = 0; r < rounds; r++)
    for (const d of docs) {
      if (targetDocs && n >= targetDocs) return;
      const bytes = vary ? Buffer.concat([d.bytes, Buffer.from(`\n\nThe delegates ${madeUp(5 * n)} ${madeUp(5 * n + 1)} and ${madeUp(5 * n + 2)} visited ${madeUp(5 * n + 3)} on ${1 + (n % 28)} May with ${madeUp(5 * n + 4)}.\n`)]) : d.bytes;
      n++;
      yield { name: `${d.name}-${r}`, origin: d.name, bytes };
    }
}

const totalDocs = targetDocs ?? rounds * docs.length;
/**
 * Heap sampled every 200 documents (at most 50 times a run). BENCH_HEAP_GC=1 (with --expose-gc)
 * collects before each sample, for the memory run: its time is not counted, but full collections
 * also throw away compiled code and slow the documents after them, so speed runs go without.
 */
const sampleEvery = Math.max(200, Math.ceil(totalDocs / 50));
const collectBeforeSample = process.env.BENCH_HEAP_GC === "1" && typeof global.gc === "function";

function run(label, work) {
  global.gc?.();
  let n = 0, bytes = 0, peakRss = 0, gcNs = 0n, firstPassNs = null, lastTenthNs = null;
  // V8 keeps compiling hot code for thousands of documents: the last tenth of a long run is the
  // closest to the converged rate a long batch reaches.
  const lastTenthFrom = Math.floor(totalDocs * 0.9);
  const heapAt = [];
  const cpuBefore = threadTimes();
  const t0 = process.hrtime.bigint();
  for (const raw of stream()) {
    work(raw);
    n++;
    bytes += raw.bytes.length;
    // The first pass over the distinct documents compiles the code and builds the lexicon
    // entries they use: the rest of the run is the steady state, reported beside the whole.
    if (n === docs.length) firstPassNs = process.hrtime.bigint() - t0 - gcNs;
    if (n === lastTenthFrom) lastTenthNs = process.hrtime.bigint() - t0 - gcNs;
    if (n % sampleEvery === 0) {
      if (collectBeforeSample) {
        const g = process.hrtime.bigint();
        global.gc();
        gcNs += process.hrtime.bigint() - g;
      }
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      heapAt.push(m.heapUsed);
    }
  }
  const secs = Number(process.hrtime.bigint() - t0 - gcNs) / 1e9;
  const steadySecs = firstPassNs === null ? null : secs - Number(firstPassNs) / 1e9;
  const steadyDocsPerSec = steadySecs ? (n - docs.length) / steadySecs : null;
  const lastTenthSecs = lastTenthNs === null ? null : secs - Number(lastTenthNs) / 1e9;
  const lastTenthDocsPerSec = lastTenthSecs ? (n - lastTenthFrom) / lastTenthSecs : null;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const cpu = cpuSince(cpuBefore);
  return { label, cpu, heapAt, steadyDocsPerSec, lastTenthDocsPerSec, docs: n, mb: bytes / 1048576, secs, docsPerSec: n / secs, mbPerSec: bytes / 1048576 / secs, peakRssMB: peakRss / 1048576, heapFirstMB: (heapAt[0] ?? 0) / 1048576, heapLastMB: (heapAt.at(-1) ?? 0) / 1048576 };
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
console.log(jitLine);
console.log(`| run | documents/s | MB/s | after the first pass, documents/s | last tenth of the run, documents/s | peak RSS MB | heap at start / end MB |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|`);
const rate = (x) => (x ? fmt(x, 0) : "-");
for (const r of [baseline, extract]) console.log(`| ${r.label} | ${fmt(r.docsPerSec, 0)} | ${fmt(r.mbPerSec, 2)} | ${rate(r.steadyDocsPerSec)} | ${rate(r.lastTenthDocsPerSec)} | ${fmt(r.peakRssMB, 0)} | ${fmt(r.heapFirstMB)} / ${fmt(r.heapLastMB)} |`);
for (const r of [baseline, extract]) console.log(`CPU, ${r.label}: ${cpuLine(r.cpu)}`);
// Heap after every tenth of the run: flat means the caches are capped.
const tenths = Array.from({ length: 10 }, (_, k) => extract.heapAt[Math.max(0, Math.round(((k + 1) * extract.heapAt.length) / 10) - 1)] ?? 0);
const bars = "▁▂▃▄▅▆▇█", top = Math.max(...tenths);
console.log(`heap used${collectBeforeSample ? " after a full collection" : ""} by tenths of the run (MB): ${tenths.map((b) => fmt(b / 1048576, 0)).join(" ")}  ${tenths.map((b) => bars[Math.min(7, Math.floor((b / top) * 8))]).join("")}${vary ? " (every document with made-up words)" : ""}`);
const steadyRatio = (baseline.steadyDocsPerSec && extract.steadyDocsPerSec ? `; after the first pass ${fmt(baseline.steadyDocsPerSec / extract.steadyDocsPerSec)}x` : "")
  + (baseline.lastTenthDocsPerSec && extract.lastTenthDocsPerSec ? `; over the last tenth ${fmt(baseline.lastTenthDocsPerSec / extract.lastTenthDocsPerSec)}x` : "");
console.log(`extract is ${fmt(baseline.docsPerSec / extract.docsPerSec)}x slower than the baseline over the whole run (aim: within 10x)${steadyRatio}; lexicon load ${fmt(lexMs, 0)} ms (cached)`);
if (sink < 0) console.log(sink);
