// The store's logic written once over a small SQL adapter; SQLite and PostgreSQL differ only
// in the adapter (placeholders, transactions) and in their migrations and full-text search.

import type { DocumentResult, EventRecord } from "../types.js";
import { dayNumber, mergeReason, type MergeCandidate } from "./merge.js";
import { documentMentions } from "./mentions.js";
import type {
  ActorCount, Breakdown, CountRow, Counts, DocumentDetail, DocumentFilter, DocumentMeta, DocumentSummary, DyadRow, EventFilter, EventRow,
  FigureFilter, FigureRow, IngestOutcome, OfficeSpan, ReportRow, SearchHit, Store, TimelineRow,
} from "./types.js";

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

/** Multi-row INSERT in chunks (SQLite and PostgreSQL cap the parameters of one statement). */
async function insertRows(tx: SqlAdapter, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  const per = 200;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const marks = `(${cols.map(() => "?").join(", ")})`;
    await tx.run(`INSERT INTO ${table} (${cols.join(", ")}) VALUES ${chunk.map(() => marks).join(", ")}`, chunk.flat());
  }
}

/**
 * The pair of countries a figure is between: as extracted, else the sides of the document's
 * events when they are all one pair (an article on the relations of two countries).
 */
function figurePair(f: DocumentResult["figures"][number], r: DocumentResult): string | null {
  if (f.between?.length) return [...new Set(f.between)].sort().join("-");
  const keys = new Set(r.events.filter((e) => !e.status).map(countriesKey));
  const [only] = keys;
  return keys.size === 1 && only.split("-").length === 2 ? only : null;
}

/**
 * The distinct person names, read by skipping through the name index (one lookup per name, not
 * one per row): a part-of-a-name filter tests the few names, then fetches their events by index.
 */
const PERSON_NAMES = "WITH RECURSIVE n(name) AS (SELECT MIN(name) FROM event_actors UNION ALL SELECT (SELECT MIN(a.name) FROM event_actors a WHERE a.name > n.name) FROM n WHERE n.name IS NOT NULL)";

/** LIMIT/OFFSET from numbers only (never from text), in each database's spelling. */
function pageSql(kind: SqlAdapter["kind"], limit: number | undefined, offset: number | undefined): string {
  const off = Math.max(0, Math.floor(offset ?? 0));
  if (limit != null) return ` LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${off}`;
  return off ? ` ${kind === "postgres" ? "LIMIT ALL" : "LIMIT -1"} OFFSET ${off}` : "";
}

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
      await insertRows(tx, "figures", ["document_id", "what", "value", "unit", "year", "pair", "sentence", "start_offset", "end_offset"],
        result.figures.map((f) => [docId, f.what, f.value, f.unit, f.year, figurePair(f, result), f.evidence.sentence, f.evidence.start, f.evidence.end]));
      await insertRows(tx, "mentions", ["document_id", "kind", "value", "start_offset", "end_offset", "body_start", "body_end", "event_idx"],
        documentMentions(result).map((m) => [docId, m.kind, m.value, m.start, m.end, m.body_start, m.body_end, m.event]));
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
    await tx.run("DELETE FROM figures WHERE document_id = ?", [docId]);
    await tx.run("DELETE FROM mentions WHERE document_id = ?", [docId]);
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
    if (f.person) { w.push(`e.id IN (SELECT event_id FROM event_actors WHERE name IN (${PERSON_NAMES} SELECT name FROM n WHERE LOWER(name) LIKE ?))`); p.push(`%${f.person.toLowerCase()}%`); }
    if (f.topic) { w.push("e.id IN (SELECT event_id FROM event_topics WHERE topic = ?)"); p.push(f.topic); }
    if (f.since) { w.push("e.date >= ?"); p.push(f.since); }
    if (f.until) { w.push("e.date <= ?"); p.push(f.until + "\uffff"); }
    if (f.org) { w.push("(e.countries = ? OR e.countries LIKE ? OR e.countries LIKE ? OR e.id IN (SELECT r.event_id FROM reports r JOIN documents d ON d.id = r.document_id WHERE (',' || d.orgs || ',') LIKE ?))"); p.push(f.org, `${f.org}-%`, `%-${f.org}%`, `%,${f.org},%`); }
    if (f.lang) { w.push("e.id IN (SELECT r.event_id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.lang = ?)"); p.push(f.lang); }
    if (f.source) { w.push("e.id IN (SELECT r.event_id FROM reports r JOIN documents d ON d.id = r.document_id WHERE d.source = ?)"); p.push(f.source); }
    if (f.cursor) {
      // Rows after (date, id) in the chosen order, undated events last in both orders.
      const asc = f.sort === "date";
      const cmp = asc ? ">" : "<";
      if (f.cursor.date === null) { w.push(`(e.date IS NULL AND e.id ${cmp} ?)`); p.push(f.cursor.id); }
      else { w.push(`(e.date ${cmp} ? OR (e.date = ? AND e.id ${cmp} ?) OR e.date IS NULL)`); p.push(f.cursor.date, f.cursor.date, f.cursor.id); }
    }
    return { sql: w.length ? "WHERE " + w.join(" AND ") : "", params: p };
  }

  /** `e.id IN (...)` for the events a filter selects, or nothing when it selects all. */
  private eventSubset(f: EventFilter, column: string): { sql: string; params: unknown[] } {
    const { sql, params } = this.where({ ...f, limit: undefined, offset: undefined, cursor: undefined });
    return sql ? { sql: `${column} IN (SELECT e.id FROM events e ${sql})`, params } : { sql: "", params: [] };
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
    const rows = await this.db.all(`SELECT e.* FROM events e ${sql} ORDER BY ${order}${pageSql(this.db.kind, f.limit, f.offset)}`, params);
    return this.hydrate(rows);
  }

  async countEvents(f: EventFilter): Promise<number> {
    const { sql, params } = this.where({ ...f, cursor: undefined });
    return Number((await this.db.all(`SELECT COUNT(*) AS n FROM events e ${sql}`, params))[0].n);
  }

  private documentWhere(f: DocumentFilter): { sql: string; params: unknown[] } {
    const w: string[] = [];
    const p: unknown[] = [];
    if (f.lang) { w.push("d.lang = ?"); p.push(f.lang); }
    if (f.source) { w.push("d.source = ?"); p.push(f.source); }
    if (f.since) { w.push("d.published >= ?"); p.push(f.since); }
    if (f.until) { w.push("d.published <= ?"); p.push(f.until + "\uffff"); }
    return { sql: w.length ? "WHERE " + w.join(" AND ") : "", params: p };
  }

  async documents(f: DocumentFilter): Promise<{ total: number; rows: DocumentSummary[] }> {
    const { sql, params } = this.documentWhere(f);
    const order = { published: "d.published ASC NULLS LAST, d.id ASC", "-published": "d.published DESC NULLS LAST, d.id DESC", id: "d.id ASC", "-id": "d.id DESC" }[f.sort ?? "-published"];
    const total = Number((await this.db.all(`SELECT COUNT(*) AS n FROM documents d ${sql}`, params))[0].n);
    const rows = await this.db.all(
      `SELECT d.id, d.name, d.origin, d.source, d.lang, d.published, d.title, (SELECT COUNT(DISTINCT r.event_id) FROM reports r WHERE r.document_id = d.id) AS events
       FROM documents d ${sql} ORDER BY ${order}${pageSql(this.db.kind, f.limit, f.offset)}`,
      params,
    );
    return { total, rows: rows.map(docSummary) };
  }

  async documentId(origin: string): Promise<number | null> {
    const r = await this.db.all("SELECT id FROM documents WHERE origin = ?", [origin]);
    return r.length ? Number(r[0].id) : null;
  }

  async document(id: number): Promise<DocumentDetail | null> {
    const d = await this.db.all(
      "SELECT d.*, (SELECT COUNT(DISTINCT r.event_id) FROM reports r WHERE r.document_id = d.id) AS events FROM documents d WHERE d.id = ?",
      [id],
    );
    if (!d.length) return null;
    const r = d[0];
    const mentions = await this.db.all("SELECT kind, value, start_offset, end_offset, body_start, body_end, event_idx FROM mentions WHERE document_id = ? ORDER BY start_offset, end_offset, id", [id]);
    const figures = await this.db.all("SELECT f.*, d.name, d.published FROM figures f JOIN documents d ON d.id = f.document_id WHERE f.document_id = ? ORDER BY f.start_offset, f.id", [id]);
    const evs = await this.db.all("SELECT DISTINCT event_id FROM reports WHERE document_id = ? ORDER BY event_id", [id]);
    return {
      ...docSummary(r),
      body: (r.body as string) ?? null,
      encoding: (r.encoding as string) ?? null,
      orgs: r.orgs ? String(r.orgs).split(",").filter(Boolean) : [],
      ingested_at: (r.ingested_at as string) ?? null,
      mentions: mentions.map((m) => ({
        kind: String(m.kind) as DocumentDetail["mentions"][number]["kind"], value: (m.value as string) ?? null, start: Number(m.start_offset), end: Number(m.end_offset),
        body_start: m.body_start == null ? null : Number(m.body_start), body_end: m.body_end == null ? null : Number(m.body_end), event: m.event_idx == null ? null : Number(m.event_idx),
      })),
      figures: figures.map(figureRow),
      event_ids: evs.map((e) => Number(e.event_id)),
    };
  }

  async actors(kind: "country" | "person", f: EventFilter): Promise<{ total: number; rows: ActorCount[] }> {
    const sub = this.eventSubset(f, "a.event_id");
    const w = [kind === "person" ? "a.name IS NOT NULL" : "", sub.sql].filter(Boolean);
    const where = w.length ? "WHERE " + w.join(" AND ") : "";
    const group = kind === "person" ? "a.name, a.country" : "a.country";
    // One aggregation gives the total and the page: the groups (countries, persons) are few
    // beside the rows they count.
    const all = await this.db.all(`SELECT ${group}, COUNT(*) AS n FROM event_actors a ${where} GROUP BY ${group} ORDER BY n DESC, ${group}`, sub.params);
    const off = Math.max(0, Math.floor(f.offset ?? 0));
    const rows = all.slice(off, f.limit != null ? off + Math.max(0, Math.floor(f.limit)) : undefined);
    return { total: all.length, rows: rows.map((r) => ({ country: String(r.country), name: kind === "person" ? String(r.name) : null, events: Number(r.n) })) };
  }

  async personOffices(name: string): Promise<OfficeSpan[]> {
    const rows = await this.db.all(
      `SELECT a.country, a.role, MIN(e.date) AS first, MAX(e.date) AS last, COUNT(*) AS n FROM event_actors a JOIN events e ON e.id = a.event_id
       WHERE a.name = ? GROUP BY a.country, a.role ORDER BY MIN(e.date), a.country, a.role`,
      [name],
    );
    return rows.map((r) => ({ country: String(r.country), role: (r.role as string) ?? null, first: (r.first as string) ?? null, last: (r.last as string) ?? null, events: Number(r.n) }));
  }

  async breakdown(by: Breakdown, f: EventFilter): Promise<CountRow[]> {
    let rows: Row[];
    if (by === "type" || by === "month") {
      const { sql, params } = this.where({ ...f, cursor: undefined });
      const key = by === "type" ? "e.type" : "SUBSTR(e.date, 1, 7)";
      const cond = by === "month" ? `${sql ? sql + " AND" : "WHERE"} LENGTH(e.date) >= 7` : sql;
      rows = await this.db.all(`SELECT ${key} AS k, COUNT(*) AS n FROM events e ${cond} GROUP BY ${key} ORDER BY ${by === "type" ? "n DESC, k" : "k"}`, params);
    } else {
      // An event reported in two languages counts once in each.
      const sub = this.eventSubset(f, "r.event_id");
      const key = by === "language" ? "d.lang" : "d.source";
      rows = await this.db.all(
        `SELECT ${key} AS k, COUNT(DISTINCT r.event_id) AS n FROM reports r JOIN documents d ON d.id = r.document_id ${sub.sql ? "WHERE " + sub.sql : ""} GROUP BY ${key} ORDER BY n DESC, k`,
        sub.params,
      );
    }
    return rows.map((r) => ({ key: (r.k as string) ?? null, events: Number(r.n) }));
  }

  async figures(f: FigureFilter): Promise<{ total: number; rows: FigureRow[] }> {
    const w: string[] = [];
    const p: unknown[] = [];
    for (const c of [f.country, f.with]) if (c) { w.push("('-' || f.pair || '-') LIKE ?"); p.push(`%-${c}-%`); }
    if (f.year != null) { w.push("f.year = ?"); p.push(f.year); }
    if (f.what) { w.push("f.what = ?"); p.push(f.what); }
    const where = w.length ? "WHERE " + w.join(" AND ") : "";
    const total = Number((await this.db.all(`SELECT COUNT(*) AS n FROM figures f ${where}`, p))[0].n);
    const rows = await this.db.all(
      `SELECT f.*, d.name, d.published FROM figures f JOIN documents d ON d.id = f.document_id ${where} ORDER BY f.pair, f.year, f.id${pageSql(this.db.kind, f.limit, f.offset)}`,
      p,
    );
    return { total, rows: rows.map(figureRow) };
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

function docSummary(r: Row): DocumentSummary {
  return {
    id: Number(r.id), name: String(r.name), origin: String(r.origin), source: (r.source as string) ?? null, lang: String(r.lang),
    published: (r.published as string) ?? null, title: (r.title as string) ?? null, events: Number(r.events ?? 0),
  };
}

function figureRow(r: Row): FigureRow {
  return {
    document: String(r.name), document_id: Number(r.document_id), published: (r.published as string) ?? null, what: (r.what as string) ?? null,
    value: Number(r.value), unit: String(r.unit ?? ""), year: r.year == null ? null : Number(r.year), between: r.pair ? String(r.pair).split("-") : [],
    sentence: String(r.sentence ?? ""), start: Number(r.start_offset), end: Number(r.end_offset),
  };
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
