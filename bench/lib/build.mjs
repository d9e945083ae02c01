// Building the >= 100,000-event query database fast. The store's own ingest (merging and all,
// in its batches) is used, but many documents share one transaction (a SqlStore over the open transaction, whose
// nested transaction() calls then join it) and SQLite statements are prepared once and cached.
// PostgreSQL gets the very same rows copied from the SQLite file in bulk (json_populate_recordset),
// which is far faster than a million single-row round trips and makes both stores hold equal data.
import Database from "better-sqlite3";
import { shiftResult } from "./shift.mjs";

/** SqliteAdapter with a prepared-statement cache (the store prepares on every call). */
export async function cachedSqliteAdapter(root, file) {
  const { SqliteAdapter } = await import(`${root}/dist/store/sqlite.js`);
  class CachedSqliteAdapter extends SqliteAdapter {
    #cache = new Map();
    #stmt(sql) {
      let s = this.#cache.get(sql);
      if (!s) this.#cache.set(sql, (s = this.db.prepare(sql)));
      return s;
    }
    async all(sql, params = []) {
      return this.#stmt(sql).all(...params);
    }
    async run(sql, params = []) {
      const r = this.#stmt(sql).run(...params);
      return { changes: r.changes, lastId: Number(r.lastInsertRowid) };
    }
    async insertId(sql, params = []) {
      return Number(this.#stmt(sql).run(...params).lastInsertRowid);
    }
  }
  const a = new CachedSqliteAdapter(file);
  a.db.pragma("synchronous = OFF"); // a throwaway bench file: no fsync while building
  return a;
}

/**
 * Ingest time-shifted copies of `results` (copy k moves dates back k*stepDays) until the store
 * holds at least `target` events. Returns counts and timings.
 */
export async function growEvents(root, adapter, results, { target, stepDays = 7, batchDocs = 250, lexiconVersion = "bench", onProgress } = {}) {
  const { SqlStore } = await import(`${root}/dist/store/sql.js`);
  const store = new SqlStore(adapter);
  await store.migrate();
  const t0 = Date.now();
  let copies = 0, docs = 0, events = (await store.counts()).events;
  const queue = [];
  const flush = async () => {
    if (!queue.length) return;
    await adapter.transaction(async (tx) => {
      const inTx = new SqlStore(tx);
      // The store's batches: the rows of ingesting one by one, in a few statements per batch.
      for (let i = 0; i < queue.length; i += 64) await inTx.ingestBatch(queue.slice(i, i + 64).map(([meta, result]) => ({ meta, result, lexiconVersion })));
    });
    docs += queue.length;
    queue.length = 0;
  };
  while (events < target) {
    const days = -copies * stepDays;
    for (const r of results) queue.push([{ origin: `${r.origin}#week${copies}`, hash: `bench-${copies}` }, shiftResult(r, days, `${r.origin}#week${copies}`)]);
    copies++;
    if (queue.length >= batchDocs) {
      await flush();
      const before = events;
      events = (await store.counts()).events;
      if (docs % (batchDocs * 20) < batchDocs) onProgress?.(events, docs);
      if (events === before) throw new Error(`the store holds ${events} events and copies add none: the extractor found no events in the corpus`);
    }
  }
  await flush();
  const counts = await store.counts();
  return { copies, documents: counts.documents, events: counts.events, reports: counts.reports, seconds: (Date.now() - t0) / 1000 };
}

const TABLES = [
  ["documents", 500],
  ["events", 10000],
  ["event_actors", 20000],
  ["event_topics", 20000],
  ["reports", 5000],
  ["figures", 5000],
  ["mentions", 5000],
];

/** Copy every stored row of a SQLite store file into a migrated, empty PostgreSQL store. */
export async function copySqliteToPostgres(file, pool) {
  const t0 = Date.now();
  const src = new Database(file, { readonly: true });
  try {
    for (const [table, chunk] of TABLES) {
      const cols = src.prepare(`SELECT * FROM ${table} LIMIT 0`).columns().map((c) => c.name);
      const order = cols.includes("id") ? "id" : "rowid";
      let batch = [];
      const send = async () => {
        if (!batch.length) return;
        await pool.query(`INSERT INTO ${table} (${cols.join(", ")}) SELECT ${cols.join(", ")} FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(batch)]);
        batch = [];
      };
      for (const row of src.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate()) {
        batch.push(row);
        if (batch.length >= chunk) await send();
      }
      await send();
      if (cols.includes("id")) await pool.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 1))`);
    }
    // The full-text index is built server-side the way PgSession.indexDocument builds it.
    await pool.query("INSERT INTO documents_fts (id, tsv) SELECT id, to_tsvector('simple', COALESCE(title, '') || E'\\n' || COALESCE(body, '')) FROM documents");
    // What autovacuum does after such a load: statistics, visibility map, and the GIN pending
    // list flushed into the index (searches otherwise scan the pending list linearly).
    await pool.query("VACUUM (ANALYZE)");
  } finally {
    src.close();
  }
  return { seconds: (Date.now() - t0) / 1000 };
}

/**
 * After a copy into PostgreSQL: the kept keys, counts and aggregates (store migration 5) built
 * from the copied rows, as the migration builds them for a store that had none.
 */
export async function rebuildPostgresDerived(root, url) {
  let derived;
  try {
    derived = await import(`${root}/dist/store/derived.js`);
  } catch {
    return; // a store without derived tables
  }
  const { PostgresAdapter } = await import(`${root}/dist/store/postgres.js`);
  const a = await PostgresAdapter.connect(url);
  try {
    await a.transaction((tx) => derived.rebuildDerived(tx));
    await a.pool.query("VACUUM (ANALYZE)");
  } finally {
    await a.close();
  }
}
