#!/usr/bin/env node
// Storage benchmark (issue 4): ingest throughput into SQLite and PostgreSQL (1 worker and every
// core) and query latency (p50/p95 of the CLI's queries on >= 100,000 events), each beside the
// extraction baseline measured in the same run on the same documents (readDocument + extractText,
// one thread). The ingest runs time a started extractor (its workers have loaded the lexicon, as
// the baseline loads it outside its timing); the start-up is reported beside, and the ratio with it.
// Run after `npx tsc -p tsconfig.json`. Skips with a message when ../shared is not
// there; PostgreSQL parts are skipped (with the reason) when no server can be had.
//   BENCH_INGEST_DOCS  documents per ingest run (default 600: the dev corpus copied round-robin)
//   BENCH_EVENTS       events in the query database (default 100000)
//   BENCH_QUERY_RUNS   timed runs per query (default 50, after 3 warm-up runs)
//   PARLEY_PG_URL      a PostgreSQL server; else .ci/pg-start is tried
//   BENCH_QUERY_DB     use this SQLite query database as it is (e.g. from bench/grow-db.mjs); the
//                      store migrates it on opening
//   BENCH_PG_QUERY_URL use this PostgreSQL query database as it is (not copied, not dropped)
//   BENCH_KEEP_DB      keep the query databases (SQLite file copied to this path; the PostgreSQL
//                      database parley_bench_query is then not dropped) for EXPLAIN by hand
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, sharedOrSkip } from "./lib/paths.mjs";
import { cliJit, ingestPriority } from "./lib/jit.mjs";
import { cpuLine, cpuSince, threadTimes } from "./lib/threads.mjs";
import { corpusFiles, replicate } from "./lib/corpus.mjs";
import { secondsSince } from "./lib/stats.mjs";

const corpus = sharedOrSkip("bench", "corpus/dev");
const INGEST_DOCS = Number(process.env.BENCH_INGEST_DOCS ?? 600);
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 100000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 50);
const AIM_RATIO = { sqlite: 1.1, postgres: 1.5 }, AIM_P95_MS = 50;
const cores = os.availableParallelism();
// BENCH_PARTS=ingest or =query runs one half (both by default).
const PARTS = new Set((process.env.BENCH_PARTS ?? "ingest,query").split(","));

const jitLine = await cliJit();
const { readDocument } = await import(`${root}/dist/input/index.js`);
const { extractText } = await import(`${root}/dist/pipeline/index.js`);
const { loadLexicon, lexiconVersion } = await import(`${root}/dist/lexicon/index.js`);
const { openStore } = await import(`${root}/dist/store/index.js`);
const { ingestPaths } = await import(`${root}/dist/ingest/index.js`);
const { openExtractor } = await import(`${root}/dist/pipeline/guard.js`);
const { cachedSqliteAdapter, growEvents, copySqliteToPostgres, rebuildPostgresDerived } = await import("./lib/build.mjs");
const { cliQueries, timeQueries, explainQuery } = await import("./lib/queries.mjs");
const { findPostgres, freshDatabase, dropDatabase } = await import("./lib/pg.mjs");

const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
const log = (m) => process.stderr.write(m + "\n");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "parley-bench-db-"));
const sources = corpusFiles(corpus);
const input = replicate(sources, INGEST_DOCS);
const report = { date: new Date().toISOString(), node: process.version, cores, input: { corpusDocs: sources.length, ingestDocs: input.files.length }, baseline: null, ingest: [], queryDb: {}, queries: {}, explain: {}, postgres: null };

try {
  // 1. Baseline: extraction alone, one thread, same files; the lexicon is built outside the timing.
  loadLexicon();
  log(`baseline: extracting ${input.files.length} documents on one thread...`);
  let cpuBefore = threadTimes();
  let t0 = process.hrtime.bigint();
  let baselineEvents = 0, baselineFailed = 0;
  for (const f of input.files) {
    try {
      baselineEvents += extractText(readDocument(f)).events.filter((e) => !e.status).length;
    } catch {
      baselineFailed++; // counted, as ingest counts its failures; both rates are over all documents
    }
  }
  const baseSecs = secondsSince(t0);
  report.baseline = { docs: input.files.length, failed: baselineFailed, secs: baseSecs, docsPerSec: input.files.length / baseSecs, events: baselineEvents, cpu: cpuSince(cpuBefore) };

  // 2. Ingest throughput: fresh store per run; 1 worker and every core.
  const pgServer = await findPostgres(root);
  report.postgres = pgServer.skipped ? { skipped: pgServer.skipped } : { how: pgServer.how, version: pgServer.version };
  const targets = [["sqlite", async (tag) => path.join(work, `ingest-${tag}.db`)]];
  if (!pgServer.skipped) targets.push(["postgres", (tag) => freshDatabase(pgServer.url, `parley_bench_ingest_${tag}`)]);
  for (const [kind, dbFor] of PARTS.has("ingest") ? targets : []) {
    for (const workers of [...new Set([1, cores])]) {
      const tag = `w${workers}`;
      const db = await dbFor(tag);
      const store = await openStore(db);
      log(`ingest: ${kind}, ${workers} worker(s)...`);
      // The extraction workers are started (each loads the lexicon) outside the timing, as the
      // baseline loads the lexicon outside its own; the start-up is reported beside.
      const priority = await ingestPriority(workers, cores);
      t0 = process.hrtime.bigint();
      const threadsBefore = threadTimes();
      const extractor = openExtractor({ threads: workers });
      await extractor.ready();
      const startup = secondsSince(t0);
      cpuBefore = threadTimes();
      t0 = process.hrtime.bigint();
      const s = await ingestPaths(store, [input.dir], { workers, extractor });
      const secs = secondsSince(t0);
      const cpu = cpuSince(cpuBefore, threadsBefore);
      await extractor.close();
      const counts = await store.counts();
      await store.close();
      if (kind === "postgres") await dropDatabase(pgServer.url, `parley_bench_ingest_${tag}`);
      const docsPerSec = (s.inserted + s.failed) / secs;
      report.ingest.push({ store: kind, workers, docs: s.inserted, failed: s.failed, secs, startup, docsPerSec, cpu, priority, events: counts.events, reports: counts.reports,
        timeVsExtraction: report.baseline.docsPerSec / docsPerSec, withStartup: (secs + startup) / report.baseline.secs });
    }
  }

  // 3. Query database: each dev document extracted once, then ingested in time-shifted copies.
  if (PARTS.has("query")) {
  log(`query database: growing to ${TARGET_EVENTS} events...`);
  const results = [];
  for (const f of sources) {
    try {
      results.push(extractText(readDocument(f)));
    } catch (e) {
      log(`  ${path.basename(f)}: extraction failed (${e.message}); left out of the query database`);
    }
  }
  let qdbFile = process.env.BENCH_QUERY_DB;
  if (qdbFile && fs.existsSync(qdbFile)) {
    const t = process.hrtime.bigint();
    const s = await openStore(qdbFile); // applies pending migrations (and builds what they add)
    report.queryDb.sqlite = { ...(await s.counts()), given: qdbFile, openSeconds: secondsSince(t) };
    await s.close();
    log(`  ${qdbFile}: ${report.queryDb.sqlite.events} events (opened and migrated in ${fmt(report.queryDb.sqlite.openSeconds)} s)`);
  } else {
    qdbFile = path.join(work, "query.db");
    const adapter = await cachedSqliteAdapter(root, qdbFile);
    const grown = await growEvents(root, adapter, results, { target: TARGET_EVENTS, lexiconVersion: lexiconVersion(), onProgress: (e, d) => log(`  ${d} documents, ${e} events`) });
    await adapter.close();
    report.queryDb.sqlite = grown;
    log(`  built ${grown.events} events from ${grown.documents} documents in ${fmt(grown.seconds)} s`);
  }

  const dbs = [["sqlite", qdbFile]];
  const givenPg = process.env.BENCH_PG_QUERY_URL;
  if (givenPg) {
    const t = process.hrtime.bigint();
    await (await openStore(givenPg)).close();
    report.queryDb.postgres = { given: true, openSeconds: secondsSince(t), seconds: 0 };
    dbs.push(["postgres", givenPg]);
  } else if (!pgServer.skipped) {
    const url = await freshDatabase(pgServer.url, "parley_bench_query");
    const pgStore = await openStore(url); // migrations create the schema
    await pgStore.close();
    const pg = (await import("pg")).default;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    log("query database: copying to PostgreSQL...");
    report.queryDb.postgres = await copySqliteToPostgres(qdbFile, pool);
    await pool.end();
    await rebuildPostgresDerived(root, url);
    dbs.push(["postgres", url]);
  }

  // 4. Latency of each CLI query on each store, and a traced run of any query over the aim.
  for (const [kind, db] of dbs) {
    const store = await openStore(db);
    const n = (await store.counts()).events;
    const ids = Array.from({ length: QUERY_RUNS }, (_, i) => 1 + Math.floor(((i * 7919) % QUERY_RUNS) * (n / QUERY_RUNS)));
    const queries = cliQueries(ids, n);
    log(`queries: ${kind} (${n} events), ${QUERY_RUNS} runs each...`);
    report.queries[kind] = await timeQueries(store, queries, { warmup: 3, runs: QUERY_RUNS });
    await store.close();
    const slow = queries.filter((q, i) => report.queries[kind][i].p95 > AIM_P95_MS);
    if (slow.length) {
      const raw = kind === "sqlite" ? new (await import(`${root}/dist/store/sqlite.js`)).SqliteAdapter(db) : await (await import(`${root}/dist/store/postgres.js`)).PostgresAdapter.connect(db);
      report.explain[kind] = [];
      for (const q of slow) report.explain[kind].push(await explainQuery(root, kind, raw, q));
      await raw.close();
    }
  }
  if (process.env.BENCH_KEEP_DB) {
    if (qdbFile !== process.env.BENCH_QUERY_DB) fs.copyFileSync(qdbFile, process.env.BENCH_KEEP_DB); // a given file stays where it is
  }
  else if (!pgServer.skipped && !givenPg) await dropDatabase(pgServer.url, "parley_bench_query");
  }
} finally {
  fs.rmSync(input.dir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}

// 5. Output: markdown tables and out/bench-store.json.
const b = report.baseline;
console.log(`input: ${sources.length} dev documents copied to ${b.docs} documents; ${cores} cores; node ${process.version}`);
console.log(jitLine);
console.log(`PostgreSQL: ${report.postgres.skipped ? `skipped (${report.postgres.skipped})` : `${report.postgres.version} via ${report.postgres.how}`}`);
console.log("");
console.log("| ingest run | documents/s | seconds | events | time vs extraction alone (aim: SQLite <= 1.1x, PostgreSQL <= 1.5x) | workers' start-up, s (not timed) | with start-up |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
console.log(`| baseline: extraction alone (readDocument + extractText, 1 thread) | ${fmt(b.docsPerSec)} | ${fmt(b.secs)} | ${b.events} | 1.0x | - | - |`);
for (const r of report.ingest) {
  console.log(`| ingest into ${r.store}, ${r.workers} worker${r.workers > 1 ? "s" : ""} | ${fmt(r.docsPerSec)} | ${fmt(r.secs)} | ${r.events} | ${fmt(r.timeVsExtraction, 2)}x${r.timeVsExtraction <= AIM_RATIO[r.store] ? "" : " (over aim)"} | ${fmt(r.startup)} | ${fmt(r.withStartup, 2)}x |`);
}
console.log("(copies of one document report the same events, so ingest also exercises cross-document merging)");
console.log(`CPU by thread (Linux /proc; ${cores} cores give at most ${cores} s of CPU per second):`);
console.log(`- baseline: ${cpuLine(b.cpu)}`);
for (const r of report.ingest) console.log(`- ingest into ${r.store}, ${r.workers} worker${r.workers > 1 ? "s" : ""}: ${cpuLine(r.cpu)}; ${r.priority}`);
console.log("");
const q = report.queryDb.sqlite;
if (q?.given) console.log(`query database: ${q.events} events, ${q.reports} reports, ${q.documents} documents from ${q.given} (opened and migrated in ${fmt(q.openSeconds)} s)${report.queryDb.postgres?.given ? `; PostgreSQL database given (opened and migrated in ${fmt(report.queryDb.postgres.openSeconds)} s)` : ""}`);
else if (q) console.log(`query database: ${q.events} events, ${q.reports} reports, ${q.documents} documents (${q.copies} weekly copies of the corpus), built in ${fmt(q.seconds)} s${report.queryDb.postgres ? `; copied to PostgreSQL in ${fmt(report.queryDb.postgres.seconds)} s` : ""}`);
const kinds = Object.keys(report.queries);
if (kinds.length) console.log(`| query | ${kinds.map((k) => `${k} p50 ms | ${k} p95 ms`).join(" | ")} | rows |`);
if (kinds.length) console.log(`|---|${kinds.map(() => "---:|---:").join("|")}|---:|`);
for (let i = 0; i < (report.queries.sqlite ?? []).length; i++) {
  const cells = kinds.map((k) => { const r = report.queries[k][i]; return `${fmt(r.p50, 2)} | ${fmt(r.p95, 2)}${r.p95 > AIM_P95_MS ? " (over aim)" : ""}`; });
  console.log(`| ${report.queries.sqlite[i].query} | ${cells.join(" | ")} | ${report.queries.sqlite[i].rows} |`);
}
console.log(`(aim: p95 under ${AIM_P95_MS} ms; extraction baseline in the same run: ${fmt(b.docsPerSec)} documents/s = ${fmt(1000 / b.docsPerSec)} ms per document)`);
for (const [kind, list] of Object.entries(report.explain)) {
  for (const e of list) {
    console.log(`\n${kind}: "${e.query}" took ${fmt(e.totalMs)} ms in ${e.roundTrips} statements; slowest:`);
    for (const s of e.top) console.log(`  ${fmt(s.ms)} ms in ${s.count} call${s.count > 1 ? "s" : ""}: ${s.sql.slice(0, 240)}`);
    if (e.plan.length) console.log(`  plan of the slowest single statement (${e.planOf.slice(0, 120)}...):`);
    for (const l of e.plan) console.log(`    ${l}`);
  }
}
fs.mkdirSync(path.join(root, "out"), { recursive: true });
fs.writeFileSync(path.join(root, "out/bench-store.json"), JSON.stringify(report, null, 2) + "\n");
console.log(`\nwritten: out/bench-store.json`);
