// The CLI's queries as store calls, their latency, and — for one traced run — which SQL
// statements the time went to, with the database's plan for the slowest ones.
import { timeRuns } from "./stats.mjs";

/** The queries of issue 4, as the CLI issues them (table output pages 50 rows by default). */
export function cliQueries(eventIds, totalEvents) {
  return [
    { name: "events --country TJK --with RUS --type CONSULT --since 2020-01-01 --topic migration", run: (s) => s.events({ country: "TJK", with: "RUS", type: "CONSULT", since: "2020-01-01", topic: "migration", limit: 50 }) },
    { name: "events --person Lavrov", run: (s) => s.events({ person: "Lavrov", limit: 50 }) },
    { name: "dyads --country TJK", run: (s) => s.dyads("TJK") },
    { name: "timeline TJK RUS --by month", run: (s) => s.timeline("TJK", "RUS", "month") },
    { name: 'search "трудовая миграция"', run: (s) => s.search("трудовая миграция", 20) },
    // A word in about a quarter of the documents: ranking thousands of full-text matches.
    { name: 'search "президент" (many matches)', run: (s) => s.search("президент", 20) },
    { name: "show EVENT_ID (store.event, 50 ids)", run: (s, i) => s.event(eventIds[i % eventIds.length]) },
    { name: "events --limit 50 (first page)", run: (s) => s.events({ limit: 50 }) },
    { name: "events --limit 50 --offset N/2 (deep page)", run: (s) => s.events({ limit: 50, offset: Math.floor(totalEvents / 2) }) },
  ];
}

/** Every row count a query result carries, for the table (rows returned). */
export function resultSize(r) {
  if (Array.isArray(r)) return r.length;
  return r ? 1 : 0;
}

/** p50/p95 of each query over `runs` timed runs after a warm-up. */
export async function timeQueries(store, queries, opts) {
  const out = [];
  for (const q of queries) {
    const t = await timeRuns((i) => q.run(store, i), opts);
    out.push({ query: q.name, p50: t.p50, p95: t.p95, max: t.max, rows: resultSize(t.last) });
  }
  return out;
}

/** An adapter wrapper that records each statement's SQL, parameters and time. */
export function tracing(adapter) {
  const log = [];
  const timed = (kind) => async (sql, params = []) => {
    const t0 = process.hrtime.bigint();
    try {
      return await adapter[kind](sql, params);
    } finally {
      log.push({ sql, params, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    }
  };
  const wrapped = Object.create(adapter);
  Object.assign(wrapped, { all: timed("all"), run: timed("run"), insertId: timed("insertId") });
  wrapped.searchDocuments = async (q, limit) => {
    const t0 = process.hrtime.bigint();
    try {
      return await adapter.searchDocuments(q, limit);
    } finally {
      log.push({ sql: `[full-text search] ${q}`, params: [], ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    }
  };
  return { adapter: wrapped, log };
}

/**
 * For one run of a query: statements grouped by SQL text (count, total ms), slowest first, and
 * the plan of the slowest group's last statement.
 */
export async function explainQuery(root, kind, rawAdapter, query, runIndex = 0) {
  const { SqlStore } = await import(`${root}/dist/store/sql.js`);
  const { adapter, log } = tracing(rawAdapter);
  const store = new SqlStore(adapter);
  const t0 = process.hrtime.bigint();
  await query.run(store, runIndex);
  const totalMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const groups = new Map();
  for (const e of log) {
    const g = groups.get(e.sql) ?? { sql: e.sql.replace(/\s+/g, " ").trim(), count: 0, ms: 0, maxMs: 0, params: e.params };
    g.count++;
    g.ms += e.ms;
    if (e.ms > g.maxMs) [g.maxMs, g.params] = [e.ms, e.params];
    groups.set(e.sql, g);
  }
  const statements = [...groups.values()].sort((a, b) => b.ms - a.ms);
  // The plan shown is that of the slowest single statement (where an index can help); a group
  // run once per result row (count 50) points at round trips instead.
  const top = [...statements].sort((a, b) => b.maxMs - a.maxMs)[0];
  let plan = [];
  if (top && !top.sql.startsWith("[")) {
    if (kind === "sqlite") plan = (await rawAdapter.all(`EXPLAIN QUERY PLAN ${top.sql}`, top.params)).map((r) => `${"  ".repeat(depthOf(r))}${r.detail}`);
    else plan = (await rawAdapter.all(`EXPLAIN (ANALYZE, BUFFERS OFF) ${top.sql}`, top.params)).map((r) => String(r["QUERY PLAN"]));
  }
  return { query: query.name, totalMs, statements: statements.length, roundTrips: log.length, top: statements.slice(0, 3).map((s) => ({ sql: s.sql, count: s.count, ms: s.ms, maxMs: s.maxMs })), planOf: top?.sql ?? null, plan };
}

// EXPLAIN QUERY PLAN rows carry id/parent; indent children under their parents.
const depthOf = (r) => (r.parent ? 1 : 0);
