#!/usr/bin/env node
// HTTP API latency (issue 10): `parley serve`'s server on loopback over a store of >= 100,000
// events (built as bench/store.mjs builds it), each endpoint loaded by autocannon at a bounded
// rate (BENCH_API_RATE requests/s for BENCH_API_SECONDS seconds, a few connections), p50/p95 of
// every response, beside the same store calls timed directly (what the route handler awaits).
// SQLite always; PostgreSQL too when a server can be had (PARLEY_PG_URL or .ci/pg-start).
//   BENCH_EVENTS       events in the database (default 100000)
//   BENCH_API_RATE     requests per second per endpoint (default 300)
//   BENCH_API_SECONDS  seconds per endpoint (default 3)
//   BENCH_API_DB       reuse (or keep) the SQLite database at this path
//   BENCH_API_PG_URL   use this PostgreSQL database as it is (not copied, not dropped)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { root, sharedOrSkip } from "./lib/paths.mjs";
import { percentile, timeRuns } from "./lib/stats.mjs";

const corpus = sharedOrSkip("bench api", "corpus/dev");
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 100000);
const RATE = Number(process.env.BENCH_API_RATE ?? 300);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 3);
const AIM_P95_MS = 50;

const { openStore } = await import(`${root}/dist/store/index.js`);
const { buildServer } = await import(`${root}/dist/api/server.js`);
const { copySqliteToPostgres, rebuildPostgresDerived } = await import("./lib/build.mjs");
const { buildEventsDb } = await import("./lib/events-db.mjs");
const { findPostgres, freshDatabase, dropDatabase } = await import("./lib/pg.mjs");

const log = (m) => process.stderr.write(m + "\n");
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "parley-bench-api-"));
const report = { date: new Date().toISOString(), node: process.version, cores: os.availableParallelism(), rate: RATE, seconds: SECONDS, db: {}, results: {} };

/** Each endpoint with the store calls its handler makes (for the direct timing). */
function endpoints(eventId, documentId) {
  const f1 = { country: "TJK", with: "RUS", type: "CONSULT", since: "2020-01-01", topic: "migration" };
  return [
    { path: "/api/events?country=TJK&with=RUS&type=CONSULT&since=2020-01-01&topic=migration", store: (s) => Promise.all([s.events({ ...f1, limit: 50, offset: 0 }), s.countEvents(f1)]) },
    { path: "/api/events?person=Lavrov", store: (s) => Promise.all([s.events({ person: "Lavrov", limit: 50, offset: 0 }), s.countEvents({ person: "Lavrov" })]) },
    { path: "/api/events?limit=50", store: (s) => Promise.all([s.events({ limit: 50, offset: 0 }), s.countEvents({})]) },
    { path: `/api/events/${eventId}`, store: (s) => s.event(eventId) },
    { path: `/api/documents/${documentId}`, store: (s) => s.document(documentId) },
    { path: "/api/dyads?country=TJK", store: (s) => s.dyads("TJK", {}) },
    { path: "/api/timeline?a=TJK&b=RUS&by=month", store: (s) => s.timeline("TJK", "RUS", "month") },
    { path: "/api/counts?by=type", store: (s) => s.breakdown("type", {}) },
    { path: "/api/actors?kind=person&limit=20", store: (s) => s.actors("person", { limit: 20, offset: 0 }) },
    { path: `/api/search?q=${encodeURIComponent("трудовая миграция")}`, store: (s) => s.search("трудовая миграция", 20) },
  ];
}

/** autocannon at a fixed rate; p50/p95 over every response's own latency. */
async function load(url) {
  const times = [];
  let non2xx = 0;
  const inst = autocannon({ url, connections: 4, overallRate: RATE, duration: SECONDS });
  inst.on("response", (_client, status, _bytes, ms) => {
    times.push(ms);
    if (status < 200 || status >= 300) non2xx++;
  });
  const r = await inst;
  return { requests: times.length, rps: r.requests.average, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), non2xx, errors: r.errors, timeouts: r.timeouts };
}

try {
  let sqliteFile = process.env.BENCH_API_DB;
  if (!sqliteFile || !fs.existsSync(sqliteFile)) {
    sqliteFile ??= path.join(work, "api.db");
    log(`database: growing to ${TARGET_EVENTS} events...`);
    report.db.sqlite = await buildEventsDb(root, corpus, sqliteFile, TARGET_EVENTS, log);
    log(`  ${report.db.sqlite.events} events from ${report.db.sqlite.documents} documents in ${fmt(report.db.sqlite.seconds)} s`);
  }
  const dbs = [["sqlite", sqliteFile]];
  const pgServer = await findPostgres(root);
  if (process.env.BENCH_API_PG_URL) {
    await (await openStore(process.env.BENCH_API_PG_URL)).close(); // migrates
    dbs.push(["postgres", process.env.BENCH_API_PG_URL]);
  } else if (!pgServer.skipped) {
    const url = await freshDatabase(pgServer.url, "parley_bench_api");
    await (await openStore(url)).close();
    const pg = (await import("pg")).default;
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    log("database: copying to PostgreSQL...");
    report.db.postgres = await copySqliteToPostgres(sqliteFile, pool);
    await pool.end();
    await rebuildPostgresDerived(root, url);
    dbs.push(["postgres", url]);
  } else report.db.postgres = { skipped: pgServer.skipped };

  for (const [kind, db] of dbs) {
    const store = await openStore(db);
    const counts = await store.counts();
    const eventId = Math.floor(counts.events / 2), documentId = Math.floor(counts.documents / 2);
    const app = await buildServer({ store, readOnly: true, logger: false });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    report.results[kind] = { events: counts.events, rows: [] };
    for (const ep of endpoints(eventId, documentId)) {
      const check = await fetch(base + ep.path);
      if (check.status !== 200) throw new Error(`${ep.path}: HTTP ${check.status} ${await check.text()}`);
      log(`${kind}: ${ep.path} (${RATE}/s for ${SECONDS} s)...`);
      const direct = await timeRuns(() => ep.store(store), { warmup: 3, runs: 50 });
      const api = await load(base + ep.path);
      report.results[kind].rows.push({ endpoint: ep.path, api, store: { p50: direct.p50, p95: direct.p95 } });
    }
    await app.close();
    await store.close();
  }
  if (!pgServer.skipped && !process.env.BENCH_API_PG_URL) await dropDatabase(pgServer.url, "parley_bench_api");
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const kinds = Object.keys(report.results);
console.log(`HTTP API latency, ${RATE} requests/s per endpoint for ${SECONDS} s over 4 loopback connections (autocannon), beside the same store calls made directly (50 runs)`);
for (const k of kinds) {
  console.log(`\n${k}: ${report.results[k].events} events`);
  console.log("| endpoint | API p50 ms | API p95 ms | store p50 ms | store p95 ms | requests | non-2xx |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of report.results[k].rows) {
    console.log(`| \`${decodeURIComponent(r.endpoint)}\` | ${fmt(r.api.p50)} | ${fmt(r.api.p95)}${r.api.p95 > AIM_P95_MS ? " (over aim)" : ""} | ${fmt(r.store.p50, 2)} | ${fmt(r.store.p95, 2)} | ${r.api.requests} | ${r.api.non2xx + r.api.errors} |`);
  }
}
console.log(`(aim: API p95 under ${AIM_P95_MS} ms)`);
fs.mkdirSync(path.join(root, "out"), { recursive: true });
fs.writeFileSync(path.join(root, "out/bench-api.json"), JSON.stringify(report, null, 2) + "\n");
console.log("\nwritten: out/bench-api.json");
