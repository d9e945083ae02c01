#!/usr/bin/env node
// A large query database in minutes: copies of a SQLite store built by bench/store.mjs
// (BENCH_KEEP_DB), each moved back in time by the span of the source (whole weeks), written
// with INSERT ... SELECT instead of re-ingesting every document. The stored rows (documents,
// events, sides, topics, reports, figures; mentions of the first copy only) are those an ingest
// of the time-shifted documents would store, without merging across the copies (they do not
// overlap in time). Then `BENCH_QUERY_DB=DST BENCH_PARTS=query node bench/store.mjs`.
//   node bench/grow-db.mjs SRC.db DST.db COPIES
import fs from "node:fs";
import Database from "better-sqlite3";
import { shiftDate } from "./lib/shift.mjs";

const [src, dst, copiesArg] = process.argv.slice(2);
if (!src || !dst) {
  console.error("usage: node bench/grow-db.mjs SRC.db DST.db COPIES");
  process.exit(2);
}
const copies = Number(copiesArg ?? 10);
fs.copyFileSync(src, dst);
const db = new Database(dst);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = OFF");
db.function("shift", { deterministic: true }, (d, days) => shiftDate(d, days));
const max = (t) => Number(db.prepare(`SELECT COALESCE(MAX(id), 0) AS m FROM ${t}`).get().m);
const ids = { documents: max("documents"), events: max("events"), reports: max("reports"), figures: max("figures") };
const span = db.prepare("SELECT MIN(day) AS lo, MAX(day) AS hi FROM events").get();
const weeks = Math.ceil((span.hi - span.lo + 1) / 7);
const t0 = Date.now();
const fts = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'documents_fts'").get();
for (let j = 1; j < copies; j++) {
  const days = -weeks * 7 * j;
  const o = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v * j]));
  db.transaction(() => {
    db.prepare(`INSERT INTO documents (id, origin, name, hash, source, lang, published, title, body, encoding, orgs, lexicon_version, ingested_at)
      SELECT id + ${o.documents}, origin || '#copy${j}', name || '~copy${j}', hash, source, lang, shift(published, ${days}), title, body, encoding, orgs, lexicon_version, ingested_at
      FROM documents WHERE id <= ${ids.documents}`).run();
    if (fts) db.prepare(`INSERT INTO documents_fts (rowid, title, body) SELECT id, COALESCE(title, ''), COALESCE(body, '') FROM documents WHERE id > ${o.documents} AND id <= ${o.documents + ids.documents}`).run();
    db.prepare(`INSERT INTO events (id, type, mode, cameo, goldstein, date, day, countries, location_city, location_country)
      SELECT id + ${o.events}, type, mode, cameo, goldstein, shift(date, ${days}), day + ${days}, countries, location_city, location_country FROM events WHERE id <= ${ids.events}`).run();
    db.prepare(`INSERT INTO event_actors (event_id, country, name, role) SELECT event_id + ${o.events}, country, name, role FROM event_actors WHERE event_id <= ${ids.events}`).run();
    db.prepare(`INSERT INTO event_topics (event_id, topic) SELECT event_id + ${o.events}, topic FROM event_topics WHERE event_id <= ${ids.events}`).run();
    db.prepare(`INSERT INTO reports (id, event_id, document_id, idx, date, actors, topics, location, sentence, start_offset, end_offset, why)
      SELECT id + ${o.reports}, event_id + ${o.events}, document_id + ${o.documents}, idx, shift(date, ${days}), actors, topics, location, sentence, start_offset, end_offset, why
      FROM reports WHERE id <= ${ids.reports}`).run();
    db.prepare(`INSERT INTO figures (id, document_id, what, value, unit, year, pair, sentence, start_offset, end_offset)
      SELECT id + ${o.figures}, document_id + ${o.documents}, what, value, unit, year, pair, sentence, start_offset, end_offset FROM figures WHERE id <= ${ids.figures}`).run();
  })();
  process.stderr.write(`  copy ${j}: ${Number(db.prepare("SELECT COUNT(*) AS n FROM events").get().n)} events, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
}
// Kept aggregates (store migration 5) no longer match the rows: dropped, so that opening the
// store builds them again.
if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'").get()) {
  for (const t of ["event_keys", "key_counts", "agg_month", "agg_dyad", "agg_pair"]) db.exec(`DROP TABLE IF EXISTS ${t}`);
  db.exec("DELETE FROM schema_migrations WHERE version = 5");
}
db.pragma("wal_checkpoint(TRUNCATE)");
db.close();
