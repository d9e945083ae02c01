// Aggregates the dashboard's pages need beyond the Store interface: events per period by type
// and mode, the most active pairs, events and mean Goldstein per country, topics per period, the
// persons who acted for a country, and the links between a document, its reports and its events.
// Kept apart from sql.ts (whose queries are tuned elsewhere) and written over the same SQL
// adapter, so they run on SQLite and PostgreSQL alike.

import { familyOf } from "./families.js";
import type { Row, SqlAdapter } from "./sql.js";
import type { Store } from "./types.js";

/** The filters the dashboard's aggregates take (a subset of the event filters). */
export interface DashFilter {
  country?: string;
  with?: string;
  type?: string;
  since?: string;
  until?: string;
}

export interface SeriesRow {
  period: string;
  type: string;
  mode: string | null;
  events: number;
  goldstein: number;
}

export interface PairRow {
  sides: string[];
  events: number;
  goldstein: number;
}

export interface CountryRow {
  country: string;
  events: number;
  goldstein: number;
}

export interface TopicPeriodRow {
  period: string;
  topic: string;
  events: number;
}

export interface PersonRow {
  name: string;
  country: string;
  role: string | null;
  events: number;
  first: string | null;
  last: string | null;
}

export interface EventDocumentRow {
  /** Position of the report among the event's reports (as in GET /api/events/:id). */
  report: number;
  document_id: number;
  origin: string;
  name: string;
}

export interface DocumentEventLink {
  /** Index of the event in the document's extraction (a mention's `event`). */
  event: number;
  /** The stored event it was merged into. */
  id: number;
}

/** The SQL adapter under a store opened by openStore (a SqlStore keeps it as `db`). */
function adapterOf(store: Store): SqlAdapter {
  const db = (store as unknown as { db?: SqlAdapter }).db;
  if (!db || typeof db.all !== "function") throw new Error("the dashboard's aggregates need a store opened by openStore");
  return db;
}

const num = (v: unknown) => Number(v ?? 0);
const PERIOD_LEN = { day: 10, month: 7, year: 4 } as const;
export type Period = keyof typeof PERIOD_LEN;

export class DashboardQueries {
  private readonly db: SqlAdapter;
  constructor(store: Store) {
    this.db = adapterOf(store);
  }

  private where(f: DashFilter, extra: string[] = []): { sql: string; params: unknown[] } {
    const w = [...extra];
    const p: unknown[] = [];
    for (const c of [f.country, f.with]) if (c) { w.push("e.id IN (SELECT event_id FROM event_actors WHERE country = ?)"); p.push(c); }
    if (f.type) { w.push("e.type = ?"); p.push(f.type); }
    if (f.since) { w.push("e.date >= ?"); p.push(f.since); }
    if (f.until) { w.push("e.date <= ?"); p.push(f.until + "\uffff"); }
    return { sql: w.length ? "WHERE " + w.join(" AND ") : "", params: p };
  }

  /**
   * Events per period with the sum of Goldstein scores: by type and mode, or by PLOVER family
   * (`type` then holds the family, `mode` is null). Dated events only.
   */
  async series(f: DashFilter, by: Period, group: "type" | "family" = "type"): Promise<SeriesRow[]> {
    const len = PERIOD_LEN[by];
    const { sql, params } = this.where(f, [`e.date IS NOT NULL AND LENGTH(e.date) >= ${len}`]);
    const mode = group === "type" ? ", e.mode" : "";
    const rows = await this.db.all(
      `SELECT SUBSTR(e.date, 1, ${len}) AS p, e.type AS t${mode ? ", e.mode AS m" : ""}, COUNT(*) AS n, SUM(e.goldstein) AS g FROM events e ${sql} GROUP BY SUBSTR(e.date, 1, ${len}), e.type${mode} ORDER BY p, t${mode ? ", m" : ""}`,
      params,
    );
    const out = rows.map((r) => ({ period: String(r.p), type: String(r.t), mode: (r.m as string) ?? null, events: num(r.n), goldstein: num(r.g) }));
    if (group === "type") return out;
    const fam = new Map<string, SeriesRow>();
    for (const r of out) {
      const k = r.period + "|" + familyOf(r.type);
      const x = fam.get(k) ?? { period: r.period, type: familyOf(r.type), mode: null, events: 0, goldstein: 0 };
      x.events += r.events;
      x.goldstein += r.goldstein;
      fam.set(k, x);
    }
    return [...fam.values()];
  }

  /** The side lists (pairs mostly) with the most events. */
  async pairs(f: DashFilter, limit: number): Promise<PairRow[]> {
    const { sql, params } = this.where(f, ["e.countries LIKE '%-%'"]);
    const rows = await this.db.all(
      `SELECT e.countries AS c, COUNT(*) AS n, AVG(e.goldstein) AS g FROM events e ${sql} GROUP BY e.countries ORDER BY n DESC, c LIMIT ${Math.max(1, Math.floor(limit))}`,
      params,
    );
    return rows.map((r) => ({ sides: String(r.c).split("-"), events: num(r.n), goldstein: num(r.g) }));
  }

  /** Every side with its events and mean Goldstein score (under the filter). */
  async countries(f: DashFilter): Promise<CountryRow[]> {
    const { sql, params } = this.where(f);
    const rows = await this.db.all(
      `SELECT a.country AS c, COUNT(*) AS n, AVG(e.goldstein) AS g FROM event_actors a JOIN events e ON e.id = a.event_id ${sql} GROUP BY a.country ORDER BY n DESC, c`,
      params,
    );
    return rows.map((r) => ({ country: String(r.c), events: num(r.n), goldstein: num(r.g) }));
  }

  /** Events per period and topic. */
  async topics(f: DashFilter, by: Period): Promise<TopicPeriodRow[]> {
    const len = PERIOD_LEN[by];
    const { sql, params } = this.where(f, [`e.date IS NOT NULL AND LENGTH(e.date) >= ${len}`]);
    const rows = await this.db.all(
      `SELECT SUBSTR(e.date, 1, ${len}) AS p, t.topic AS t, COUNT(*) AS n FROM event_topics t JOIN events e ON e.id = t.event_id ${sql} GROUP BY SUBSTR(e.date, 1, ${len}), t.topic ORDER BY p, t`,
      params,
    );
    return rows.map((r) => ({ period: String(r.p), topic: String(r.t), events: num(r.n) }));
  }

  /** The named persons who acted for a country, with their roles, events and first and last dates. */
  async persons(country: string, limit: number): Promise<PersonRow[]> {
    const rows = await this.db.all(
      `SELECT a.name AS name, a.role AS role, COUNT(*) AS n, MIN(e.date) AS first, MAX(e.date) AS last FROM event_actors a JOIN events e ON e.id = a.event_id
       WHERE a.country = ? AND a.name IS NOT NULL GROUP BY a.name, a.role ORDER BY n DESC, name, role LIMIT ${Math.max(1, Math.floor(limit))}`,
      [country],
    );
    return rows.map((r) => ({ name: String(r.name), country, role: (r.role as string) ?? null, events: num(r.n), first: (r.first as string) ?? null, last: (r.last as string) ?? null }));
  }

  /** The stored documents of an event's reports, in the order the event lists its reports. */
  async eventDocuments(eventId: number): Promise<EventDocumentRow[]> {
    const rows = await this.db.all("SELECT r.document_id AS d, d.origin AS o, d.name AS name FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.event_id = ? ORDER BY r.id", [eventId]);
    return rows.map((r, i) => ({ report: i, document_id: num(r.d), origin: String(r.o), name: String(r.name) }));
  }

  /** The ids of stored documents by origin (search hits name documents by origin). */
  async documentIds(origins: string[]): Promise<{ origin: string; id: number }[]> {
    if (!origins.length) return [];
    const rows = await this.db.all(`SELECT id, origin FROM documents WHERE origin IN (${origins.map(() => "?").join(", ")})`, origins);
    return rows.map((r) => ({ origin: String(r.origin), id: num(r.id) }));
  }

  /**
   * Which stored event each event of a document's extraction became. Reports keep the order of
   * the extraction's events but skip those with a status (planned, denied...), whose trigger
   * mentions say so; an event whose trigger lies outside its report's sentence is matched by
   * sentence instead.
   */
  async documentEvents(documentId: number): Promise<DocumentEventLink[]> {
    const reports = await this.db.all("SELECT event_id, start_offset, end_offset FROM reports WHERE document_id = ? ORDER BY idx, id", [documentId]);
    const triggers = await this.db.all("SELECT event_idx, value, start_offset FROM mentions WHERE document_id = ? AND kind = 'trigger' AND event_idx IS NOT NULL ORDER BY event_idx", [documentId]);
    const inside = (r: Row, at: number) => at >= num(r.start_offset) && at < num(r.end_offset);
    const out: DocumentEventLink[] = [];
    let k = 0;
    for (const t of triggers) {
      if (/\(\w+\)$/.test(String(t.value ?? ""))) continue; // an event with a status: not stored
      const at = num(t.start_offset);
      let r = reports[k];
      if (!r || !inside(r, at)) {
        const j = reports.findIndex((x, i) => i >= k && inside(x, at));
        if (j < 0) continue;
        k = j;
        r = reports[j];
      }
      out.push({ event: num(t.event_idx), id: num(r.event_id) });
      k++;
    }
    return out;
  }
}
