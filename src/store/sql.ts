// The store's logic written once over a small SQL adapter; SQLite and PostgreSQL differ only
// in the adapter (placeholders, transactions) and in their migrations and full-text search.

import type { DocumentResult, EventRecord } from "../types.js";
import { dayNumber, mergeReason, type MergeCandidate } from "./merge.js";
import type { Counts, DocumentMeta, DyadRow, EventFilter, EventRow, IngestOutcome, ReportRow, SearchHit, Store, TimelineRow } from "./types.js";

export type Row = Record<string, unknown>;

/** What a database must offer. SQL is written with `?` placeholders. */
export interface SqlAdapter {
  readonly kind: "sqlite" | "postgres";
  all(sql: string, params?: unknown[]): Promise<Row[]>;
  run(sql: string, params?: unknown[]): Promise<{ changes: number; lastId?: number }>;
  /** Insert and return the new row's id. */
  insertId(sql: string, params?: unknown[]): Promise<number>;
  /** Run fn in one transaction (everything or nothing). */
  transaction<T>(fn: (tx: SqlAdapter) => Promise<T>): Promise<T>;
  migrations(): { version: number; sql: string[] }[];
  /** Full-text search over documents; returns document ids with a snippet. */
  searchDocuments(query: string, limit: number): Promise<{ id: number; snippet: string }[]>;
  /** Keep the full-text index in step with a stored or removed document. */
  indexDocument(tx: SqlAdapter, id: number, title: string | null, body: string | null, remove?: boolean): Promise<void>;
  close(): Promise<void>;
}

const ROLE_ORDER = ["head_of_state", "head_of_government", "legislature_head", "foreign_minister", "org_head", "minister", "ambassador", "military", "official", "legislator", "governor_mayor", "delegation"];
const senior = (r: string | null) => (r ? ROLE_ORDER.length - ROLE_ORDER.indexOf(r) : 0);

const countriesKey = (e: EventRecord) => [...new Set(e.actors.map((a) => a.country))].sort().join("-");

export class SqlStore implements Store {
  constructor(private readonly db: SqlAdapter) {}

  get kind() {
    return this.db.kind;
  }

  async migrate(): Promise<void> {
    if (this.db.kind !== "postgres") return applyMigrations(this.db);
    // Several processes may open one PostgreSQL database at once (collectors, ingest workers):
    // CREATE ... IF NOT EXISTS alone races, so one migrates under a lock and the others then
    // find the migrations done.
    await this.db.transaction(async (tx) => {
      await tx.all("SELECT pg_advisory_xact_lock(hashtext('parley_schema_migrations'))");
      await applyMigrations(tx);
    });
  }

  async documentHash(origin: string): Promise<string | null> {
    const r = await this.db.all("SELECT hash FROM documents WHERE origin = ?", [origin]);
    return r.length ? String(r[0].hash) : null;
  }

  async ingest(meta: DocumentMeta, result: DocumentResult, lexiconVersion: string): Promise<IngestOutcome> {
    return this.db.transaction(async (tx) => {
      const old = await tx.all("SELECT id, hash FROM documents WHERE origin = ?", [meta.origin]);
      if (old.length && old[0].hash === meta.hash) return "unchanged";
      if (old.length) await this.detachDocument(tx, Number(old[0].id));
      const docId = await tx.insertId(
        "INSERT INTO documents (origin, name, hash, source, lang, published, title, body, encoding, lexicon_version, ingested_at, orgs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [meta.origin, result.id, meta.hash, result.source, result.lang, result.published, result.title, result.body, result.encoding, lexiconVersion, new Date().toISOString(), result.orgs.join(",")],
      );
      await this.db.indexDocument(tx, docId, result.title, result.body);
      let idx = 0;
      const ownEvents = new Set<number>();
      for (const e of result.events) {
        if (e.status) continue; // planned, denied, hypothetical: mentions, not events
        const countries = countriesKey(e);
        // Merging is across documents: two events the extractor kept apart in one document
        // (two agreements signed the same day) stay apart.
        const cands = (await this.candidates(tx, e, countries)).filter((c) => !ownEvents.has(c.id));
        let eventId: number | null = null;
        let why = "first report of this event";
        for (const c of cands) {
          const r = mergeReason(c, { type: e.type, mode: e.mode, countries, date: e.date, location: e.location, actors: e.actors });
          if (r) {
            eventId = c.id;
            why = `merged: ${r}`;
            break;
          }
        }
        if (eventId === null) {
          eventId = await tx.insertId(
            "INSERT INTO events (type, mode, cameo, goldstein, date, day, countries, location_city, location_country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [e.type, e.mode, e.cameo, e.goldstein, e.date, dayNumber(e.date), countries, e.location?.city ?? null, e.location?.country ?? null],
          );
        }
        await tx.run(
          "INSERT INTO reports (event_id, document_id, idx, date, actors, topics, location, sentence, start_offset, end_offset, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          [eventId, docId, idx++, e.date, JSON.stringify(e.actors.map((a) => ({ country: a.country, name: a.name, role: a.role }))), JSON.stringify(e.topics), JSON.stringify(e.location ? { city: e.location.city, country: e.location.country } : null), e.evidence.sentence, e.evidence.start, e.evidence.end, why],
        );
        ownEvents.add(eventId);
        await this.recompute(tx, eventId);
      }
      return old.length ? "replaced" : "inserted";
    });
  }

  /** Stored events that could be the same interaction: same type and sides, dates near. */
  private async candidates(tx: SqlAdapter, e: EventRecord, countries: string): Promise<MergeCandidate[]> {
    const day = dayNumber(e.date);
    const rows = day !== null
      ? await tx.all("SELECT id, type, mode, countries, date, location_country FROM events WHERE type = ? AND countries = ? AND (day BETWEEN ? AND ? OR day IS NULL) ORDER BY id LIMIT 50", [e.type, countries, day - 1, day + 1])
      : await tx.all("SELECT id, type, mode, countries, date, location_country FROM events WHERE type = ? AND countries = ? ORDER BY id LIMIT 50", [e.type, countries]);
    if (!rows.length) return [];
    // The candidates' actors in one query.
    const ids = rows.map((r) => Number(r.id));
    const actorRows = await tx.all(`SELECT event_id, country, name FROM event_actors WHERE event_id IN (${ids.map(() => "?").join(", ")})`, ids);
    return rows.map((r) => ({
      id: Number(r.id), type: String(r.type), mode: (r.mode as string) ?? null, countries: String(r.countries), date: (r.date as string) ?? null,
      location_country: (r.location_country as string) ?? null,
      actors: actorRows.filter((a) => Number(a.event_id) === Number(r.id)).map((a) => ({ country: String(a.country), name: (a.name as string) ?? null })),
    }));
  }

  /** Rebuild an event's actors, topics, date and place from its reports (so merging is reversible). */
  private async recompute(tx: SqlAdapter, eventId: number): Promise<void> {
    const reps = await tx.all("SELECT date, actors, topics, location FROM reports WHERE event_id = ? ORDER BY id", [eventId]);
    await tx.run("DELETE FROM event_actors WHERE event_id = ?", [eventId]);
    await tx.run("DELETE FROM event_topics WHERE event_id = ?", [eventId]);
    if (!reps.length) {
      await tx.run("DELETE FROM events WHERE id = ?", [eventId]);
      return;
    }
    const actors = new Map<string, { country: string; name: string | null; role: string | null }>();
    const topics = new Set<string>();
    let date: string | null = null;
    let location: { city: string | null; country: string | null } | null = null;
    for (const r of reps) {
      for (const a of JSON.parse(String(r.actors)) as { country: string; name: string | null; role: string | null }[]) {
        const have = actors.get(a.country);
        if (!have || (!have.name && a.name) || (!!a.name === !!have.name && senior(a.role) > senior(have.role))) actors.set(a.country, a);
      }
      for (const t of JSON.parse(String(r.topics)) as string[]) topics.add(t);
      const d = (r.date as string) ?? null;
      if (d && (!date || d.length > date.length)) date = d; // the most precise date reported
      location ??= JSON.parse(String(r.location ?? "null"));
    }
    // One statement each for the actors and the topics (a round trip per row is what costs on
    // PostgreSQL).
    const as = [...actors.values()];
    if (as.length) await tx.run(`INSERT INTO event_actors (event_id, country, name, role) VALUES ${as.map(() => "(?, ?, ?, ?)").join(", ")}`, as.flatMap((a) => [eventId, a.country, a.name, a.role]));
    const ts = [...topics];
    if (ts.length) await tx.run(`INSERT INTO event_topics (event_id, topic) VALUES ${ts.map(() => "(?, ?)").join(", ")}`, ts.flatMap((t) => [eventId, t]));
    await tx.run("UPDATE events SET date = ?, day = ?, location_city = ?, location_country = ? WHERE id = ?", [date, dayNumber(date), location?.city ?? null, location?.country ?? null, eventId]);
  }

  private async detachDocument(tx: SqlAdapter, docId: number): Promise<void> {
    const evs = await tx.all("SELECT DISTINCT event_id FROM reports WHERE document_id = ?", [docId]);
    await tx.run("DELETE FROM reports WHERE document_id = ?", [docId]);
    for (const r of evs) await this.recompute(tx, Number(r.event_id));
    const doc = await tx.all("SELECT title, body FROM documents WHERE id = ?", [docId]);
    if (doc.length) await this.db.indexDocument(tx, docId, (doc[0].title as string) ?? null, (doc[0].body as string) ?? null, true);
    await tx.run("DELETE FROM documents WHERE id = ?", [docId]);
  }

  async removeDocument(origin: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const r = await tx.all("SELECT id FROM documents WHERE origin = ?", [origin]);
      if (!r.length) return false;
      await this.detachDocument(tx, Number(r[0].id));
      return true;
    });
  }

  private where(f: EventFilter): { sql: string; params: unknown[] } {
    const w: string[] = [];
    const p: unknown[] = [];
    if (f.country) { w.push("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)"); p.push(f.country); }
    if (f.with) { w.push("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)"); p.push(f.with); }
    if (f.type) { w.push("e.type = ?"); p.push(f.type); }
    if (f.mode) { w.push("e.mode = ?"); p.push(f.mode); }
    if (f.person) { w.push("e.id IN (SELECT event_id FROM event_actors WHERE LOWER(name) LIKE ?)"); p.push(`%${f.person.toLowerCase()}%`); }
    if (f.topic) { w.push("e.id IN (SELECT event_id FROM event_topics WHERE topic = ?)"); p.push(f.topic); }
    if (f.since) { w.push("e.date >= ?"); p.push(f.since); }
    if (f.until) { w.push("e.date <= ?"); p.push(f.until + "\uffff"); }
    if (f.org) { w.push("(e.countries = ? OR e.countries LIKE ? OR e.countries LIKE ? OR e.id IN (SELECT r.event_id FROM reports r JOIN documents d ON d.id = r.document_id WHERE (',' || d.orgs || ',') LIKE ?))"); p.push(f.org, `${f.org}-%`, `%-${f.org}%`, `%,${f.org},%`); }
    if (f.lang) { w.push("e.id IN (SELECT r.event_id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.lang = ?)"); p.push(f.lang); }
    if (f.source) { w.push("e.id IN (SELECT r.event_id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.source = ?)"); p.push(f.source); }
    return { sql: w.length ? "WHERE " + w.join(" AND ") : "", params: p };
  }

  /** Rows of `events` with their actors, topics and reports: three queries for the whole page. */
  private async hydrate(rows: Row[]): Promise<EventRow[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => Number(r.id));
    const marks = ids.map(() => "?").join(", ");
    const group = <T>(list: Row[], map: (r: Row) => T) => {
      const by = new Map<number, T[]>();
      for (const r of list) {
        const k = Number(r.event_id);
        const arr = by.get(k) ?? [];
        arr.push(map(r));
        by.set(k, arr);
      }
      return by;
    };
    const actors = group(await this.db.all(`SELECT event_id, country, name, role FROM event_actors WHERE event_id IN (${marks}) ORDER BY event_id, country`, ids), (a) => ({ country: String(a.country), name: (a.name as string) ?? null, role: (a.role as string) ?? null }));
    const topics = group(await this.db.all(`SELECT event_id, topic FROM event_topics WHERE event_id IN (${marks}) ORDER BY event_id, topic`, ids), (t) => String(t.topic));
    const reports = group(
      await this.db.all(
        `SELECT r.event_id, d.name, d.origin, d.source, d.lang, r.sentence, r.start_offset, r.end_offset, r.date, r.why FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.event_id IN (${marks}) ORDER BY r.event_id, r.id`,
        ids,
      ),
      (x): ReportRow => ({ document: String(x.name), origin: String(x.origin), source: (x.source as string) ?? null, lang: String(x.lang), sentence: String(x.sentence), start: Number(x.start_offset), end: Number(x.end_offset), date: (x.date as string) ?? null, why: String(x.why) }),
    );
    return rows.map((r) => {
      const id = Number(r.id);
      return {
        id,
        type: String(r.type),
        mode: (r.mode as string) ?? null,
        cameo: String(r.cameo),
        goldstein: Number(r.goldstein),
        date: (r.date as string) ?? null,
        location: r.location_city || r.location_country ? { city: (r.location_city as string) ?? null, country: (r.location_country as string) ?? null } : null,
        actors: actors.get(id) ?? [],
        topics: topics.get(id) ?? [],
        reports: reports.get(id) ?? [],
      };
    });
  }

  async events(f: EventFilter): Promise<EventRow[]> {
    const { sql, params } = this.where(f);
    // Undated events last in both orders, the same on SQLite and PostgreSQL.
    const order = f.sort === "date" ? "e.date ASC NULLS LAST, e.id ASC" : "e.date DESC NULLS LAST, e.id DESC";
    const lim = f.limit != null ? ` LIMIT ${Math.max(0, Math.floor(f.limit))} OFFSET ${Math.max(0, Math.floor(f.offset ?? 0))}` : f.offset ? ` LIMIT -1 OFFSET ${Math.floor(f.offset)}` : "";
    const rows = await this.db.all(`SELECT e.* FROM events e ${sql} ORDER BY ${order}${this.db.kind === "postgres" ? lim.replace("LIMIT -1", "LIMIT ALL") : lim}`, params);
    return this.hydrate(rows);
  }

  async event(id: number): Promise<EventRow | null> {
    const rows = await this.db.all("SELECT * FROM events WHERE id = ?", [id]);
    return rows.length ? (await this.hydrate(rows))[0] : null;
  }

  async dyads(country: string, f: EventFilter = {}): Promise<DyadRow[]> {
    // Grouped by the events' sorted side list, then split into partners: one pass, no join.
    const { sql, params } = this.where({ ...f, country });
    const rows = await this.db.all(`SELECT e.countries AS countries, e.type AS type, COUNT(*) AS n, SUM(e.goldstein) AS g FROM events e ${sql} GROUP BY e.countries, e.type`, params);
    const by = new Map<string, DyadRow>();
    for (const r of rows) {
      for (const k of String(r.countries).split("-")) {
        if (k === country) continue;
        const d = by.get(k) ?? { partner: k, events: 0, types: {}, goldstein: 0 };
        d.events += Number(r.n);
        d.types[String(r.type)] = (d.types[String(r.type)] ?? 0) + Number(r.n);
        d.goldstein += Number(r.g);
        by.set(k, d);
      }
    }
    return [...by.values()].map((d) => ({ ...d, goldstein: d.events ? d.goldstein / d.events : 0 })).sort((a, b) => b.events - a.events || a.partner.localeCompare(b.partner));
  }

  async timeline(a: string, b: string, by: "day" | "month" | "year"): Promise<TimelineRow[]> {
    const len = by === "day" ? 10 : by === "month" ? 7 : 4;
    const rows = await this.db.all(
      `SELECT SUBSTR(e.date, 1, ${len}) AS period, COUNT(*) AS n, AVG(e.goldstein) AS g FROM events e
       WHERE e.date IS NOT NULL AND LENGTH(e.date) >= ${len}
         AND e.id IN (SELECT event_id FROM event_actors WHERE country = ? INTERSECT SELECT event_id FROM event_actors WHERE country = ?)
       GROUP BY SUBSTR(e.date, 1, ${len}) ORDER BY period`,
      [a, b],
    );
    return rows.map((r) => ({ period: String(r.period), events: Number(r.n), goldstein: Number(r.g) }));
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const hits = await this.db.searchDocuments(query, limit);
    const out: SearchHit[] = [];
    for (const h of hits) {
      const d = await this.db.all("SELECT name, origin, title FROM documents WHERE id = ?", [h.id]);
      if (!d.length) continue;
      const evs = await this.db.all("SELECT DISTINCT event_id FROM reports WHERE document_id = ? ORDER BY event_id", [h.id]);
      out.push({ document: String(d[0].name), origin: String(d[0].origin), title: (d[0].title as string) ?? null, snippet: h.snippet, events: evs.map((e) => Number(e.event_id)) });
    }
    return out;
  }

  async counts(): Promise<Counts> {
    const one = async (t: string) => Number((await this.db.all(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
    return { documents: await one("documents"), events: await one("events"), reports: await one("reports") };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** A short window of the body around the first query word (case-insensitive). */
export function snippetOf(body: string, words: string[]): string {
  const lower = body.toLowerCase();
  let at = -1;
  for (const w of words) {
    at = lower.indexOf(w.toLowerCase());
    if (at >= 0) break;
  }
  if (at < 0) return body.slice(0, 160);
  const s = Math.max(0, at - 70);
  return (s ? "…" : "") + body.slice(s, at + 90).replace(/\s+/g, " ") + "…";
}

/** Apply the migrations not yet recorded in schema_migrations, each in its own transaction. */
async function applyMigrations(db: SqlAdapter): Promise<void> {
  await db.run("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  const done = new Set((await db.all("SELECT version FROM schema_migrations")).map((r) => Number(r.version)));
  for (const m of db.migrations()) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const s of m.sql) await tx.run(s);
      await tx.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", [m.version, new Date().toISOString()]);
    });
  }
}
