// The store's logic written once over a small SQL adapter; SQLite and PostgreSQL differ only
// in the adapter (placeholders, transactions) and in their migrations and full-text search.

import type { DocumentResult } from "../types.js";
import { dayNumber, type MergeCandidate } from "./merge.js";
import { Deltas, rebuildDerived, TOTAL_KEY, type Contribution } from "./derived.js";
import {
  allocateIds, CANDIDATES, decide, DOCUMENT_COLS, documentValues, EVENT_COLS, FIGURE_COLS, figureRows, foldReports, foldRow, foldText, insertRows, MENTION_COLS, mentionRows,
  probesOf, REPORT_COLS, reportFields, storeNewDocuments, updateEvents,
} from "./ingest.js";
import type {
  ActorCount, Breakdown, CountRow, Counts, DocumentDetail, DocumentFilter, DocumentMeta, DocumentSummary, DyadRow, EventFilter, EventRow,
  FigureFilter, FigureRow, IngestItem, IngestOutcome, OfficeSpan, ReportRow, SearchHit, Store, TimelineRow,
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
  /** Schema migrations; `rebuild` makes the derived tables (derived.ts) from the stored events. */
  migrations(): { version: number; sql: string[]; rebuild?: boolean }[];
  /** Full-text search over documents; returns document ids with a snippet. */
  searchDocuments(query: string, limit: number): Promise<{ id: number; snippet: string }[]>;
  /** Keep the full-text index in step with a stored or removed document. */
  indexDocument(tx: SqlAdapter, id: number, title: string | null, body: string | null, remove?: boolean): Promise<void>;
  /** Index stored documents (multi-row). */
  indexDocuments(tx: SqlAdapter, docs: { id: number; title: string | null; body: string | null }[]): Promise<void>;
  close(): Promise<void>;
}

/** Keys of which an event must hold one, and how many events hold them. */
interface Group {
  keys: string[];
  n: number;
}

/** LIMIT/OFFSET from numbers only (never from text), in each database's spelling. */
function pageSql(kind: SqlAdapter["kind"], limit: number | undefined, offset: number | undefined): string {
  const off = Math.max(0, Math.floor(offset ?? 0));
  if (limit != null) return ` LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${off}`;
  return off ? ` ${kind === "postgres" ? "LIMIT ALL" : "LIMIT -1"} OFFSET ${off}` : "";
}

export class SqlStore implements Store {
  /** Offset pages of all events from this offset on start at their month (deepPage). */
  deepOffset = 2000;

  constructor(private readonly db: SqlAdapter) {}

  /** Every row of the kept keys, counts and aggregates (derived.ts), sorted: for tests and checks. */
  async derivedRows(): Promise<Record<string, Row[]>> {
    const out: Record<string, Row[]> = {};
    for (const [t, order] of [["event_keys", "event_id, key"], ["key_counts", "key"], ["agg_month", "month, type"], ["agg_dyad", "country, month, countries, type"], ["agg_pair", "a, b, period"]]) {
      out[t] = await this.rowsOf(t, order);
    }
    return out;
  }

  private async rowsOf(table: string, order: string): Promise<Row[]> {
    return (await this.db.all(`SELECT * FROM ${table} ORDER BY ${order}`)).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v])));
  }

  /** Every stored row of every table but the full-text index, in key order: for tests and checks. */
  async storedRows(): Promise<Record<string, Row[]>> {
    const out: Record<string, Row[]> = {};
    for (const [t, order] of [["documents", "id"], ["events", "id"], ["reports", "id"], ["event_actors", "event_id, country"], ["event_topics", "event_id, topic"], ["event_folds", "event_id"], ["figures", "id"], ["mentions", "id"]]) {
      out[t] = await this.rowsOf(t, order);
    }
    return { ...out, ...(await this.derivedRows()) };
  }

  /** Build the kept keys, counts and aggregates again from the stored events (as migration 5 does). */
  async rebuildDerived(): Promise<void> {
    await this.db.transaction((tx) => rebuildDerived(tx));
  }

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

  async documentHashes(origins: string[]): Promise<Map<string, string>> {
    return this.storedHashes(this.db, origins);
  }

  private async storedHashes(tx: SqlAdapter, origins: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(origins)];
    for (let s = 0; s < unique.length; s += 500) {
      const chunk = unique.slice(s, s + 500);
      for (const r of await tx.all(`SELECT origin, hash FROM documents WHERE origin IN (${chunk.map(() => "?").join(", ")})`, chunk)) out.set(String(r.origin), String(r.hash));
    }
    return out;
  }

  async ingest(meta: DocumentMeta, result: DocumentResult, lexiconVersion: string): Promise<IngestOutcome> {
    // A new document takes the batch path (the same rows; joined events are extended by their
    // kept folds, not rebuilt from all their reports); a replacement takes ingestOne.
    return (await this.ingestBatch([{ meta, result, lexiconVersion }]))[0];
  }

  async ingestBatch(items: IngestItem[]): Promise<IngestOutcome[]> {
    if (!items.length) return [];
    return this.db.transaction(async (tx) => {
      const stored = await this.storedHashes(tx, items.map((i) => i.meta.origin));
      // New documents go in runs through the batch path; a replacement, or an origin met twice,
      // takes the one-document path after the run before it is written.
      const out: IngestOutcome[] = [];
      const seen = new Set<string>();
      let run: IngestItem[] = [];
      const flush = async () => {
        await storeNewDocuments(tx, this.db, run);
        run = [];
      };
      for (const item of items) {
        const { origin, hash } = item.meta;
        if (!seen.has(origin) && stored.get(origin) === hash) out.push("unchanged");
        else if (!seen.has(origin) && !stored.has(origin)) {
          run.push(item);
          out.push("inserted");
        } else {
          await flush();
          out.push(await this.ingestOne(tx, item));
        }
        seen.add(origin);
      }
      await flush();
      return out;
    });
  }

  /** One document, in the caller's transaction. */
  private async ingestOne(tx: SqlAdapter, item: IngestItem): Promise<IngestOutcome> {
    const { meta, result } = item;
    const old = await tx.all("SELECT id, hash FROM documents WHERE origin = ?", [meta.origin]);
    if (old.length && old[0].hash === meta.hash) return "unchanged";
    const deltas = new Deltas();
    if (old.length) await this.detachDocument(tx, Number(old[0].id), deltas);
    const docId = await tx.insertId(`INSERT INTO documents (${DOCUMENT_COLS.join(", ")}) VALUES (${DOCUMENT_COLS.map(() => "?").join(", ")})`, documentValues(item));
    await this.db.indexDocument(tx, docId, result.title, result.body);
    await insertRows(tx, "figures", FIGURE_COLS, figureRows(docId, result));
    await insertRows(tx, "mentions", MENTION_COLS, mentionRows(docId, result));
    // Every decision is made on the events stored before this document (merging is across
    // documents: an event this document created or joined is not a candidate for its other
    // reports), so the candidates of all its events are read at once and the rows written in
    // a few multi-row statements.
    const probes = probesOf(result);
    const cands = await this.candidates(tx, probes.map((p) => ({ type: p.e.type, countries: p.countries, day: p.day })));
    const { target, whys } = decide(probes, cands);
    const fresh = probes.map((_, i) => i).filter((i) => target[i] === null);
    const ids = await allocateIds(tx, { events: fresh.length, reports: probes.length });
    fresh.forEach((i, k) => (target[i] = ids.events[k]));
    await insertRows(tx, "events", EVENT_COLS,
      fresh.map((i) => {
        const { e, countries, day } = probes[i];
        return [target[i], e.type, e.mode, e.cameo, e.goldstein, e.date, day, countries, e.location?.city ?? null, e.location?.country ?? null];
      }));
    await insertRows(tx, "reports", REPORT_COLS,
      probes.map(({ e }, i) => {
        const f = reportFields(e);
        return [ids.reports[i], target[i], docId, i, f.date, f.actors, f.topics, f.location, e.evidence.sentence, e.evidence.start, e.evidence.end, whys[i]];
      }));
    await this.recompute(tx, [...new Set(target as number[])], new Set(fresh.map((i) => target[i] as number)), deltas);
    await deltas.flush(tx);
    return old.length ? "replaced" : "inserted";
  }

  /**
   * For each probe, the stored events that could be the same interaction (same type and sides,
   * dates near), oldest first, at most 50: one statement for all the probes of a document.
   */
  private async candidates(tx: SqlAdapter, probes: { type: string; countries: string; day: number | null }[]): Promise<MergeCandidate[][]> {
    const keyOf = (p: (typeof probes)[number]) => `${p.type}\u0000${p.countries}\u0000${p.day}`;
    const unique = [...new Map(probes.map((p) => [keyOf(p), p])).values()];
    const rows: Row[] = [];
    for (let s = 0; s < unique.length; s += 50) {
      const parts: string[] = [];
      const params: unknown[] = [];
      unique.slice(s, s + 50).forEach((p, j) => {
        const cols = `SELECT ${s + j} AS probe, id, type, mode, countries, date, location_country FROM events WHERE type = ? AND countries = ?`;
        if (p.day !== null) { parts.push(`SELECT * FROM (${cols} AND (day BETWEEN ? AND ? OR day IS NULL) ORDER BY id LIMIT ${CANDIDATES}) c${j}`); params.push(p.type, p.countries, p.day - 1, p.day + 1); }
        else { parts.push(`SELECT * FROM (${cols} ORDER BY id LIMIT ${CANDIDATES}) c${j}`); params.push(p.type, p.countries); }
      });
      if (parts.length) rows.push(...(await tx.all(parts.join(" UNION ALL "), params)));
    }
    // The candidates' actors in one query.
    const ids = [...new Set(rows.map((r) => Number(r.id)))];
    const actors = new Map<number, { country: string; name: string | null }[]>();
    for (let s = 0; s < ids.length; s += 500) {
      const chunk = ids.slice(s, s + 500);
      for (const a of await tx.all(`SELECT event_id, country, name FROM event_actors WHERE event_id IN (${chunk.map(() => "?").join(", ")})`, chunk)) {
        const list = actors.get(Number(a.event_id)) ?? [];
        list.push({ country: String(a.country), name: (a.name as string) ?? null });
        actors.set(Number(a.event_id), list);
      }
    }
    const byProbe = new Map<number, MergeCandidate[]>();
    for (const r of rows) {
      const list = byProbe.get(Number(r.probe)) ?? [];
      list.push({
        id: Number(r.id), type: String(r.type), mode: (r.mode as string) ?? null, countries: String(r.countries), date: (r.date as string) ?? null,
        location_country: (r.location_country as string) ?? null, actors: actors.get(Number(r.id)) ?? [],
      });
      byProbe.set(Number(r.probe), list);
    }
    const at = new Map(unique.map((p, j) => [keyOf(p), j]));
    return probes.map((p) => (byProbe.get(at.get(keyOf(p))!) ?? []).sort((a, b) => a.id - b.id));
  }

  /**
   * Rebuild events' actors, topics, keys, date and place from their reports (so merging is
   * reversible), delete events left without reports, and record the change of each event's
   * contribution to the aggregates. `fresh` are events inserted in this transaction.
   */
  private async recompute(tx: SqlAdapter, eventIds: number[], fresh: Set<number>, deltas: Deltas): Promise<void> {
    for (let s = 0; s < eventIds.length; s += 400) await this.recomputeChunk(tx, eventIds.slice(s, s + 400), fresh, deltas);
  }

  private async recomputeChunk(tx: SqlAdapter, ids: number[], fresh: Set<number>, deltas: Deltas): Promise<void> {
    if (!ids.length) return;
    const marks = ids.map(() => "?").join(", ");
    const evRows = await tx.all(`SELECT id, type, countries, date, goldstein FROM events WHERE id IN (${marks})`, ids);
    const ev = new Map(evRows.map((r) => [Number(r.id), r]));
    const oldKeys = new Map<number, string[]>();
    const olds = ids.filter((id) => !fresh.has(id));
    if (olds.length) {
      for (const k of await tx.all(`SELECT event_id, key FROM event_keys WHERE event_id IN (${olds.map(() => "?").join(", ")})`, olds)) {
        const list = oldKeys.get(Number(k.event_id)) ?? [];
        list.push(String(k.key));
        oldKeys.set(Number(k.event_id), list);
      }
    }
    const contribution = (r: Row, date: string | null, keys: string[]): Contribution => ({ type: String(r.type), countries: String(r.countries), date, goldstein: Number(r.goldstein ?? 0), keys });
    for (const id of olds) {
      const r = ev.get(id);
      if (r) deltas.add(contribution(r, (r.date as string) ?? null, oldKeys.get(id) ?? []), -1);
    }
    const reps = await tx.all(
      `SELECT r.event_id, r.date, r.actors, r.topics, r.location, d.lang, d.source, d.orgs FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.event_id IN (${marks}) ORDER BY r.event_id, r.id`,
      ids,
    );
    const byEvent = new Map<number, Row[]>();
    for (const r of reps) {
      const list = byEvent.get(Number(r.event_id)) ?? [];
      list.push(r);
      byEvent.set(Number(r.event_id), list);
    }
    await tx.run(`DELETE FROM event_actors WHERE event_id IN (${marks})`, ids);
    await tx.run(`DELETE FROM event_topics WHERE event_id IN (${marks})`, ids);
    await tx.run(`DELETE FROM event_keys WHERE event_id IN (${marks})`, ids);
    await tx.run(`DELETE FROM event_folds WHERE event_id IN (${marks})`, ids);
    const gone: number[] = [];
    const actorRows: unknown[][] = [], topicRows: unknown[][] = [], keyRows: unknown[][] = [], foldRows: unknown[][] = [], updates: unknown[][] = [];
    for (const id of ids) {
      const list = byEvent.get(id);
      const row = ev.get(id);
      if (!list?.length || !row) {
        gone.push(id);
        continue;
      }
      const { actors, topics, date, location, keys, state } = foldReports(list.map(foldRow));
      foldRows.push([id, foldText(state)]);
      for (const a of actors) actorRows.push([id, a.country, a.name, a.role]);
      for (const t of topics) topicRows.push([id, t]);
      for (const k of keys) keyRows.push([id, k, date]);
      updates.push([id, date, dayNumber(date), location?.city ?? null, location?.country ?? null]);
      deltas.add(contribution(row, date, keys), 1);
    }
    if (gone.length) await tx.run(`DELETE FROM events WHERE id IN (${gone.map(() => "?").join(", ")})`, gone);
    await insertRows(tx, "event_actors", ["event_id", "country", "name", "role"], actorRows);
    await insertRows(tx, "event_topics", ["event_id", "topic"], topicRows);
    await insertRows(tx, "event_keys", ["event_id", "key", "date"], keyRows);
    await insertRows(tx, "event_folds", ["event_id", "state"], foldRows);
    await updateEvents(tx, updates);
  }

  private async detachDocument(tx: SqlAdapter, docId: number, deltas: Deltas): Promise<void> {
    const evs = await tx.all("SELECT DISTINCT event_id FROM reports WHERE document_id = ?", [docId]);
    await tx.run("DELETE FROM reports WHERE document_id = ?", [docId]);
    await this.recompute(tx, evs.map((r) => Number(r.event_id)), new Set(), deltas);
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
      const deltas = new Deltas();
      await this.detachDocument(tx, Number(r[0].id), deltas);
      await deltas.flush(tx);
      return true;
    });
  }

  /**
   * The key groups a filter needs (an event must hold a key of every group): sides, topic,
   * language, source, organisation (a side or named in a report's document) and person (every
   * stored person whose name contains the text, found in the small persons list, not over all
   * actors). Each group carries how many events hold its keys; `total` is the number of events.
   * Null when some group matches no event (the answer is empty).
   */
  private async keyGroups(f: EventFilter): Promise<{ groups: Group[]; total: number } | null> {
    const lists: string[][] = [];
    if (f.country) lists.push([`c:${f.country}`]);
    if (f.with) lists.push([`c:${f.with}`]);
    if (f.topic) lists.push([`t:${f.topic}`]);
    if (f.lang) lists.push([`l:${f.lang}`]);
    if (f.source) lists.push([`s:${f.source}`]);
    if (f.org) lists.push([`c:${f.org}`, `o:${f.org}`]);
    if (f.person) {
      const names = await this.db.all("SELECT key FROM key_counts WHERE kind = 'p' AND n > 0 AND norm LIKE ?", [`%${f.person.toLowerCase()}%`]);
      if (!names.length) return null;
      lists.push(names.map((r) => String(r.key)));
    }
    const wanted = [TOTAL_KEY, ...new Set(lists.flat())];
    const n = new Map<string, number>();
    for (let s = 0; s < wanted.length; s += 500) {
      const chunk = wanted.slice(s, s + 500);
      for (const r of await this.db.all(`SELECT key, n FROM key_counts WHERE key IN (${chunk.map(() => "?").join(", ")})`, chunk)) n.set(String(r.key), Number(r.n));
    }
    const groups = lists.map((keys) => ({ keys, n: keys.reduce((s, k) => s + (n.get(k) ?? 0), 0) }));
    if (groups.some((g) => g.n === 0)) return null;
    return { groups, total: n.get(TOTAL_KEY) ?? 0 };
  }

  /**
   * How to read the events a filter selects. Either walk the whole date order of `events`
   * (driver null), or walk one key's events in date order through event_keys (a single-key
   * group), or collect a multi-key group's events and sort them; the other groups are probed per
   * event. The cheapest by a simple estimate: a walk in date order stops once `need` rows match.
   */
  private plan(groups: Group[], total: number, need: number): { driver: Group | null; probes: Group[] } {
    if (!groups.length) return { driver: null, probes: [] };
    const N = Math.max(total, 1);
    const joint = Math.max(N * groups.reduce((p, g) => p * Math.min(1, g.n / N), 1), 1e-9);
    const walk = (n: number) => Math.min(n, (need * n) / joint);
    let best: { driver: Group | null; cost: number } = { driver: null, cost: walk(N) };
    for (const g of groups) {
      const cost = g.keys.length === 1 ? walk(g.n) * 0.9 : g.n * 2;
      if (cost < best.cost) best = { driver: g, cost };
    }
    return { driver: best.driver, probes: groups.filter((g) => g !== best.driver) };
  }

  /**
   * FROM and WHERE over `events e` for a filter with a plan, with the date and id columns to order
   * and page by (the key row's when a single key drives, so its index gives the order).
   */
  private matchSql(f: EventFilter, plan: { driver: Group | null; probes: Group[] }): { from: string; where: string[]; params: unknown[]; date: string; id: string; keyed: boolean } {
    const w: string[] = [];
    const p: unknown[] = [];
    const d = plan.driver;
    const keyed = !!d && d.keys.length === 1;
    const date = keyed ? "k.date" : "e.date", id = keyed ? "k.event_id" : "e.id";
    let from: string;
    if (keyed) {
      // CROSS JOIN keeps SQLite's join order: the key's rows first, in index order.
      from = "event_keys k CROSS JOIN events e";
      w.push("k.key = ?", "e.id = k.event_id");
      p.push(d!.keys[0]);
    } else {
      from = "events e";
      if (d) {
        w.push(`e.id IN (SELECT x.event_id FROM event_keys x WHERE x.key IN (${d.keys.map(() => "?").join(", ")}))`);
        p.push(...d.keys);
      }
    }
    if (f.type) { w.push("e.type = ?"); p.push(f.type); }
    if (f.mode) { w.push("e.mode = ?"); p.push(f.mode); }
    if (f.since) { w.push(`${date} >= ?`); p.push(f.since); }
    if (f.until) { w.push(`${date} <= ?`); p.push(f.until + "\uffff"); }
    for (const g of plan.probes) {
      w.push(`EXISTS (SELECT 1 FROM event_keys x WHERE x.event_id = ${id} AND x.key ${g.keys.length === 1 ? "= ?" : `IN (${g.keys.map(() => "?").join(", ")})`})`);
      p.push(...g.keys);
    }
    return { from, where: w, params: p, date, id, keyed };
  }

  /** `FROM ... WHERE ...` of the events a filter selects (no order), or null when none match. */
  private async selection(f: EventFilter): Promise<{ sql: string; params: unknown[]; all: boolean } | null> {
    const kg = await this.keyGroups(f);
    if (!kg) return null;
    // Everything is read: the smallest group drives.
    const driver = kg.groups.length ? kg.groups.reduce((a, b) => (b.n < a.n ? b : a)) : null;
    const m = this.matchSql(f, { driver, probes: kg.groups.filter((g) => g !== driver) });
    return { sql: `FROM ${m.from}${m.where.length ? " WHERE " + m.where.join(" AND ") : ""}`, params: m.params, all: !m.where.length };
  }

  /** Month bounds of since/until when the monthly aggregates answer them exactly (YYYY or YYYY-MM). */
  private static monthBounds(f: EventFilter): { sql: string; params: unknown[] } | null {
    if ((f.since && f.since.length > 7) || (f.until && f.until.length > 7)) return null;
    const w: string[] = [];
    const p: unknown[] = [];
    // Months compare with dates like the dates they hold (month >= since iff date >= since, and
    // so for until), since both bounds are no longer than a month; '' (undated) and '*' (all time)
    // are left out.
    if (f.since) { w.push("month >= ?"); p.push(f.since); }
    if (f.until) { w.push("month <= ?"); p.push(f.until + "\uffff"); }
    if (w.length) w.push("month <> ''", "month <> '*'");
    return { sql: w.join(" AND "), params: p };
  }

  /** Only these filter keys are set (ignoring paging and order). */
  private static only(f: EventFilter, allowed: (keyof EventFilter)[]): boolean {
    const paging = new Set<keyof EventFilter>(["limit", "offset", "cursor", "sort"]);
    return (Object.keys(f) as (keyof EventFilter)[]).every((k) => f[k] === undefined || f[k] === "" || paging.has(k) || allowed.includes(k));
  }

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
    const asc = f.sort === "date";
    const offset = Math.max(0, Math.floor(f.offset ?? 0));
    if (offset >= this.deepOffset && !f.cursor && SqlStore.only(f, [])) return this.hydrate(await this.deepPage(asc, f.limit, offset));
    const kg = await this.keyGroups(f);
    if (!kg) return [];
    const need = (f.limit ?? kg.total) + offset;
    const m = this.matchSql(f, this.plan(kg.groups, kg.total, need));
    // Undated events last in both orders, the same on SQLite and PostgreSQL (where a key drives,
    // SQLite's backward index scan gives DESC with NULLs last when asked plainly).
    const order = (nulls: boolean) => (asc ? `${m.date} ASC${nulls ? " NULLS LAST" : ""}, ${m.id} ASC`
      : m.keyed && this.db.kind === "sqlite" ? `${m.date} DESC, ${m.id} DESC` : `${m.date} DESC NULLS LAST, ${m.id} DESC`);
    const select = (extra: string[], params: unknown[], ord: string, page: string) =>
      this.db.all(`SELECT e.* FROM ${m.from} ${[...m.where, ...extra].length ? "WHERE " + [...m.where, ...extra].join(" AND ") : ""} ORDER BY ${ord}${page}`, [...m.params, ...params]);
    const c = f.cursor;
    const cmp = asc ? ">" : "<";
    if (!c) return this.hydrate(await select([], [], order(true), pageSql(this.db.kind, f.limit, f.offset)));
    // Keyset paging: rows after (date, id) in the chosen order, undated events last. Each part
    // is a range of the index (an OR of the three cases would scan from the start).
    if (c.date === null) return this.hydrate(await select([`${m.date} IS NULL`, `${m.id} ${cmp} ?`], [c.id], `${m.id} ${asc ? "ASC" : "DESC"}`, pageSql(this.db.kind, f.limit, f.offset)));
    const dated = await select([`${m.date} ${cmp}= ?`, `NOT (${m.date} = ? AND ${m.id} ${asc ? "<=" : ">="} ?)`], [c.date, c.date, c.id], order(false), pageSql(this.db.kind, f.limit, f.offset));
    const left = f.limit == null ? undefined : f.limit - dated.length;
    if (left !== undefined && left <= 0) return this.hydrate(dated);
    // Past the dated rows: the undated ones (an offset counts the dated rows it skipped too).
    const skippedDated = f.offset ? (await select([`${m.date} ${cmp}= ?`, `NOT (${m.date} = ? AND ${m.id} ${asc ? "<=" : ">="} ?)`], [c.date, c.date, c.id], order(false), "")).length : 0;
    const undated = await select([`${m.date} IS NULL`], [], `${m.id} ${asc ? "ASC" : "DESC"}`, pageSql(this.db.kind, left, Math.max(0, (f.offset ?? 0) - skippedDated)));
    return this.hydrate([...dated, ...undated]);
  }

  /**
   * A deep page of all events by offset: the monthly counts tell how many events come before a
   * month, so the scan starts at the month the page is in instead of counting every row before it.
   */
  private async deepPage(asc: boolean, limit: number | undefined, offset: number): Promise<Row[]> {
    // Whole months are skipped from the page's end of the order while their events fit in the
    // offset: the last month skipped (its running total is the events skipped), and the month
    // after it in that order, worked out in the database (one row back, however many months).
    const dir = asc ? "ASC" : "DESC";
    const [m] = await this.db.all(
      `WITH m AS (SELECT month, SUM(n) AS n FROM agg_month WHERE month <> '' GROUP BY month),
       c AS (SELECT month, LEAD(month) OVER (ORDER BY month ${dir}) AS next, SUM(n) OVER (ORDER BY month ${dir} ROWS UNBOUNDED PRECEDING) AS upto FROM m)
       SELECT t.total, s.month, s.next, s.upto FROM (SELECT COALESCE(SUM(n), 0) AS total FROM m) t
       LEFT JOIN (SELECT month, next, upto FROM c WHERE upto <= ? ORDER BY upto DESC LIMIT 1) s ON 1 = 1`,
      [offset],
    );
    const datedTotal = Number(m.total);
    const params: unknown[] = [];
    if (offset >= datedTotal) {
      // Only undated events left (they come last, by id).
      return this.db.all(`SELECT e.* FROM events e WHERE e.date IS NULL ORDER BY e.id ${asc ? "ASC" : "DESC"}${pageSql(this.db.kind, limit, offset - datedTotal)}`);
    }
    // Oldest first, events before month X are those with date < X: the page starts at the month
    // after the last skipped. Newest first, events from month X on are those with date >= X: the
    // page ends before the last (oldest) month skipped.
    let skipped = m.upto == null ? 0 : Number(m.upto);
    let bound: string | null = m.upto == null ? null : String(asc ? m.next : m.month);
    // A page that reaches past the dated events into the undated ones (last) is read plainly.
    if (limit == null || offset + limit > datedTotal) bound = null;
    if (bound === null) skipped = 0;
    else params.push(bound);
    const cond = bound === null ? "" : `WHERE e.date ${asc ? ">=" : "<"} ?`;
    const order = asc ? "e.date ASC NULLS LAST, e.id ASC" : "e.date DESC NULLS LAST, e.id DESC";
    return this.db.all(`SELECT e.* FROM events e ${cond} ORDER BY ${order}${pageSql(this.db.kind, limit, offset - skipped)}`, params);
  }

  async countEvents(f: EventFilter): Promise<number> {
    const bounds = SqlStore.monthBounds(f);
    if (bounds && SqlStore.only(f, ["type", "since", "until"])) {
      const w = [bounds.sql, f.type ? "type = ?" : ""].filter(Boolean);
      const r = await this.db.all(`SELECT SUM(n) AS n FROM agg_month${w.length ? " WHERE " + w.join(" AND ") : ""}`, [...bounds.params, ...(f.type ? [f.type] : [])]);
      return Number(r[0]?.n ?? 0);
    }
    const kg = await this.keyGroups(f);
    if (!kg) return 0;
    if (kg.groups.length === 1 && kg.groups[0].keys.length === 1 && SqlStore.only(f, ["country", "with", "topic", "lang", "source", "person"])) return kg.groups[0].n;
    const s = await this.selection(f);
    if (!s) return 0;
    return Number((await this.db.all(`SELECT COUNT(*) AS n ${s.sql}`, s.params))[0].n);
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
    const off = Math.max(0, Math.floor(f.offset ?? 0));
    const toRow = (r: Row) => ({ country: String(r.country), name: kind === "person" ? String(r.name) : null, events: Number(r.n) });
    if (SqlStore.only(f, [])) {
      // Every event: the counts kept per person and per country.
      const k = kind === "person" ? "p" : "c";
      const total = Number((await this.db.all("SELECT COUNT(*) AS n FROM key_counts WHERE kind = ? AND n > 0", [k]))[0].n);
      const rows = await this.db.all(
        `SELECT name, country, n FROM key_counts WHERE kind = ? AND n > 0 ORDER BY n DESC, ${kind === "person" ? "name, country" : "country"}${pageSql(this.db.kind, f.limit, off)}`,
        [k],
      );
      return { total, rows: rows.map(toRow) };
    }
    const s = await this.selection(f);
    if (!s) return { total: 0, rows: [] };
    const w = [kind === "person" ? "a.name IS NOT NULL" : "", `a.event_id IN (SELECT e.id ${s.sql})`].filter(Boolean);
    const group = kind === "person" ? "a.name, a.country" : "a.country";
    // One aggregation gives the total and the page: the groups (countries, persons) are few
    // beside the rows they count.
    const all = await this.db.all(`SELECT ${group}, COUNT(*) AS n FROM event_actors a WHERE ${w.join(" AND ")} GROUP BY ${group} ORDER BY n DESC, ${group}`, s.params);
    const rows = all.slice(off, f.limit != null ? off + Math.max(0, Math.floor(f.limit)) : undefined);
    return { total: all.length, rows: rows.map(toRow) };
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
    const bounds = SqlStore.monthBounds(f);
    if ((by === "type" || by === "month") && bounds && SqlStore.only(f, ["type", "since", "until"])) {
      // The monthly aggregates by type.
      const w = [bounds.sql, f.type ? "type = ?" : "", by === "month" ? "LENGTH(month) >= 7" : ""].filter(Boolean);
      const key = by === "type" ? "type" : "month";
      rows = await this.db.all(`SELECT ${key} AS k, SUM(n) AS n FROM agg_month ${w.length ? "WHERE " + w.join(" AND ") : ""} GROUP BY ${key} ORDER BY ${by === "type" ? "n DESC, k" : "k"}`,
        [...bounds.params, ...(f.type ? [f.type] : [])]);
    } else if ((by === "language" || by === "source") && SqlStore.only(f, [])) {
      // Events per language or source: the counts kept per key ("l" alone: no language).
      const k = by === "language" ? "l" : "s";
      rows = await this.db.all(`SELECT CASE WHEN key = ? THEN NULL ELSE SUBSTR(key, 3) END AS k, n FROM key_counts WHERE kind = ? AND n > 0 ORDER BY n DESC, k`, [k, k]);
    } else if (by === "type" || by === "month") {
      const s = await this.selection(f);
      if (!s) return [];
      const key = by === "type" ? "e.type" : "SUBSTR(e.date, 1, 7)";
      const cond = by === "month" ? `${s.all ? "WHERE" : "AND"} LENGTH(e.date) >= 7` : "";
      rows = await this.db.all(`SELECT ${key} AS k, COUNT(*) AS n ${s.sql} ${cond} GROUP BY ${key} ORDER BY ${by === "type" ? "n DESC, k" : "k"}`, s.params);
    } else {
      // An event reported in two languages counts once in each.
      const s = await this.selection(f);
      if (!s) return [];
      const key = by === "language" ? "d.lang" : "d.source";
      rows = await this.db.all(
        `SELECT ${key} AS k, COUNT(DISTINCT r.event_id) AS n FROM reports r JOIN documents d ON d.id = r.document_id ${s.all ? "" : `WHERE r.event_id IN (SELECT e.id ${s.sql})`} GROUP BY ${key} ORDER BY n DESC, k`,
        s.all ? [] : s.params,
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
    // Grouped by the events' sorted side list, then split into partners.
    const bounds = SqlStore.monthBounds(f);
    let rows: Row[];
    if (bounds && SqlStore.only(f, ["country", "since", "until"])) {
      // The aggregates by country, month ('*': all time), side list and type.
      rows = await this.db.all(
        `SELECT countries, type, SUM(n) AS n, SUM(g) AS g FROM agg_dyad WHERE country = ? AND ${bounds.sql || "month = '*'"} GROUP BY countries, type`,
        [country, ...bounds.params],
      );
    } else {
      const s = await this.selection({ ...f, country });
      if (!s) return [];
      rows = await this.db.all(`SELECT e.countries AS countries, e.type AS type, COUNT(*) AS n, SUM(e.goldstein) AS g ${s.sql} GROUP BY e.countries, e.type`, s.params);
    }
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
    let rows: Row[];
    if (a !== b) {
      // The aggregates by pair of countries and period.
      const [x, y] = a < b ? [a, b] : [b, a];
      rows = await this.db.all(`SELECT period, n, g FROM agg_pair WHERE a = ? AND b = ? AND LENGTH(period) = ${len} AND n > 0 ORDER BY period`, [x, y]);
      return rows.map((r) => ({ period: String(r.period), events: Number(r.n), goldstein: Number(r.g) / Number(r.n) }));
    }
    rows = await this.db.all(
      `SELECT SUBSTR(e.date, 1, ${len}) AS period, COUNT(*) AS n, AVG(e.goldstein) AS g FROM events e
       WHERE e.date IS NOT NULL AND LENGTH(e.date) >= ${len} AND e.id IN (SELECT event_id FROM event_actors WHERE country = ?)
       GROUP BY SUBSTR(e.date, 1, ${len}) ORDER BY period`,
      [a],
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
      if (m.rebuild) await rebuildDerived(tx);
      await tx.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", [m.version, new Date().toISOString()]);
    });
  }
}
