// What the store keeps beside the events so that queries stay fast as it grows (issue 12):
//   event_keys  one row per (event, filter value): c:country, p:country:person, t:topic,
//               o:organisation (from the reporting documents), l:language, s:source ("l"/"s" alone
//               when the document has none), with the event's date, indexed (key, date, id) so a
//               filter walks its events newest first and stops at the page;
//   key_counts  events per key (persons and countries for /api/actors, and how selective a filter is);
//   agg_month   events and Goldstein sums by month and type (counts, totals, deep pages);
//   agg_dyad    by country, month ('*' for all time), sorted side list and type (dyads);
//   agg_pair    by pair of countries and period (YYYY, YYYY-MM, YYYY-MM-DD) (timelines).
// All are derived from an event's type, sides, date, Goldstein score and keys: the store
// subtracts an event's old contribution and adds its new one in the transaction that changes it
// (ingest, removal, re-merge); rebuildDerived() makes them from the stored events (migration).

import { chunkSize } from "./chunks.js";
import type { SqlAdapter } from "./sql.js";

/** The key_counts row that counts every event. */
export const TOTAL_KEY = "*";

/** The part of a stored event the derived tables are made of. */
export interface Contribution {
  type: string;
  countries: string;
  date: string | null;
  goldstein: number;
  keys: string[];
}

/**
 * The keys of an event: its sides, persons and topics, then `docKeys`, those of its reports'
 * documents (documentKeys of each, first seen first).
 */
export function eventKeys(actors: { country: string; name: string | null }[], topics: Iterable<string>, docKeys: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const a of actors) {
    keys.add(`c:${a.country}`);
    if (a.name) keys.add(`p:${a.country}:${a.name}`);
  }
  for (const t of topics) keys.add(`t:${t}`);
  for (const k of docKeys) keys.add(k);
  return [...keys];
}

/** The keys a report's document gives its event: language, source ("l", "s" alone when it has none), organisations. */
export function documentKeys(d: { lang: string | null; source: string | null; orgs: string | null }): string[] {
  const keys = [d.lang == null ? "l" : `l:${d.lang}`, d.source == null ? "s" : `s:${d.source}`];
  for (const o of (d.orgs ?? "").split(",")) if (o) keys.push(`o:${o}`);
  return keys;
}

/** The columns of a key_counts row (kind, and the person's name, country and folded name). */
export function keyColumns(key: string): { kind: string; name: string | null; country: string | null; norm: string | null } {
  const colon = key.indexOf(":");
  const kind = colon < 0 ? key : key.slice(0, colon);
  if (kind === "c") return { kind, name: null, country: key.slice(2), norm: null };
  if (kind === "p") {
    const rest = key.slice(2);
    const at = rest.indexOf(":");
    const name = rest.slice(at + 1);
    return { kind, name, country: rest.slice(0, at), norm: name.toLowerCase() };
  }
  return { kind, name: null, country: null, norm: null };
}

export const sides = (countries: string) => countries.split("-").filter(Boolean);
export const monthOf = (date: string | null) => (date ? date.slice(0, 7) : "");

interface Cell {
  cols: unknown[];
  n: number;
  g: number;
  /** With `net`: how many times each Goldstein score was added (less taken away). */
  terms?: Map<number, number>;
}

/**
 * Changes to the derived tables within one transaction, written by flush(). A document's changes
 * are summed as they come. A batch of documents (`net`) sums each cell's scores from what is left
 * once an event's taking away meets its adding: an event that a batch changes again and again
 * leaves no rounding behind, and a cell whose events all left and came back is not written.
 */
export class Deltas {
  readonly keys = new Map<string, number>();
  readonly month = new Map<string, Cell>();
  readonly dyad = new Map<string, Cell>();
  readonly pair = new Map<string, Cell>();

  constructor(private readonly net = false) {}

  private bump(map: Map<string, Cell>, cols: string[], sign: number, g: number): void {
    const k = cols.join("\u0000"); // the columns are codes, months and periods: no NUL in them
    const c = map.get(k) ?? { cols, n: 0, g: 0, terms: this.net ? new Map() : undefined };
    c.n += sign;
    if (c.terms) c.terms.set(g, (c.terms.get(g) ?? 0) + sign);
    else c.g += sign * g;
    map.set(k, c);
  }

  private static sum(c: Cell): Cell {
    if (!c.terms) return c;
    let g = 0;
    for (const [v, k] of c.terms) if (k) g += v * k;
    return { cols: c.cols, n: c.n, g };
  }

  /** Add (sign 1) or take away (sign -1) an event's contribution. */
  add(e: Contribution, sign: 1 | -1): void {
    for (const k of [TOTAL_KEY, ...e.keys]) this.keys.set(k, (this.keys.get(k) ?? 0) + sign);
    const g = Number(e.goldstein ?? 0) || 0;
    const m = monthOf(e.date);
    this.bump(this.month, [m, e.type], sign, g);
    const cs = sides(e.countries);
    for (const c of cs) {
      this.bump(this.dyad, [c, m, e.countries, e.type], sign, g);
      this.bump(this.dyad, [c, "*", e.countries, e.type], sign, g);
    }
    for (let i = 0; i < cs.length; i++) {
      for (let j = i + 1; j < cs.length; j++) {
        for (const len of [4, 7, 10]) if (e.date && e.date.length >= len) this.bump(this.pair, [cs[i], cs[j], e.date.slice(0, len)], sign, g);
      }
    }
  }

  async flush(tx: SqlAdapter): Promise<void> {
    const keyRows = [...this.keys].filter(([, n]) => n !== 0);
    await upsert(tx, "key_counts", ["key", "kind", "name", "country", "norm"], ["key"], keyRows.map(([k, n]) => {
      const c = keyColumns(k);
      return { cols: [k, c.kind, c.name, c.country, c.norm], n, g: null };
    }));
    await upsert(tx, "agg_month", ["month", "type"], ["month", "type"], [...this.month.values()].map(Deltas.sum));
    await upsert(tx, "agg_dyad", ["country", "month", "countries", "type"], ["country", "month", "countries", "type"], [...this.dyad.values()].map(Deltas.sum));
    await upsert(tx, "agg_pair", ["a", "b", "period"], ["a", "b", "period"], [...this.pair.values()].map(Deltas.sum));
    this.keys.clear();
    this.month.clear();
    this.dyad.clear();
    this.pair.clear();
  }
}

/**
 * Add n (and g) to the rows of a table by key, inserting missing rows; rows whose count falls to
 * zero are deleted. The cells are distinct keys (one statement may not touch a row twice).
 */
async function upsert(tx: SqlAdapter, table: string, cols: string[], pk: string[], cells: { cols: unknown[]; n: number; g: number | null }[]): Promise<void> {
  cells = cells.filter((c) => c.n !== 0 || (c.g !== null && c.g !== 0));
  if (!cells.length) return;
  const hasG = cells[0].g !== null;
  const all = [...cols, "n", ...(hasG ? ["g"] : [])];
  const set = `n = ${table}.n + excluded.n${hasG ? `, g = ${table}.g + excluded.g` : ""}`;
  const marks = `(${all.map(() => "?").join(", ")})`;
  const maxRows = Math.max(1, Math.floor(2000 / all.length));
  for (let i = 0; i < cells.length; ) {
    const chunk = cells.slice(i, (i += chunkSize(cells.length - i, maxRows)));
    await tx.run(`INSERT INTO ${table} (${all.join(", ")}) VALUES ${chunk.map(() => marks).join(", ")} ON CONFLICT (${pk.join(", ")}) DO UPDATE SET ${set}`,
      chunk.flatMap((c) => [...c.cols, c.n, ...(hasG ? [c.g] : [])]));
  }
  // Only a count that went down can have reached zero (a row that gained and lost alike kept its count).
  const gone = cells.filter((c) => c.n < 0);
  const pkAt = pk.map((p) => cols.indexOf(p));
  const match = `(${pk.map((p) => `${p} = ?`).join(" AND ")})`;
  for (let i = 0; i < gone.length; i += 200) {
    const chunk = gone.slice(i, i + 200);
    await tx.run(`DELETE FROM ${table} WHERE n <= 0 AND (${chunk.map(() => match).join(" OR ")})`, chunk.flatMap((c) => pkAt.map((j) => c.cols[j])));
  }
}

/** The derived tables' schema (both databases; REAL is double precision on PostgreSQL). */
export function derivedSchema(kind: "sqlite" | "postgres"): string[] {
  const real = kind === "postgres" ? "DOUBLE PRECISION" : "REAL";
  const id = kind === "postgres" ? "BIGINT" : "INTEGER";
  const norowid = kind === "sqlite" ? " WITHOUT ROWID" : "";
  // Newest first with undated events last: SQLite sorts NULL lowest (a backward scan gives
  // DESC NULLS LAST); PostgreSQL is told.
  const order = kind === "postgres" ? "date DESC NULLS LAST, event_id DESC" : "date, event_id";
  return [
    `CREATE TABLE event_keys (event_id ${id} NOT NULL, key TEXT NOT NULL, date TEXT, PRIMARY KEY (event_id, key))${norowid}`,
    `CREATE INDEX event_keys_key_date ON event_keys (key, ${order})`,
    `CREATE TABLE key_counts (key TEXT PRIMARY KEY, kind TEXT NOT NULL, n INTEGER NOT NULL, name TEXT, country TEXT, norm TEXT)`,
    "CREATE INDEX key_counts_kind ON key_counts (kind, n)",
    `CREATE TABLE agg_month (month TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, g ${real} NOT NULL, PRIMARY KEY (month, type))`,
    `CREATE TABLE agg_dyad (country TEXT NOT NULL, month TEXT NOT NULL, countries TEXT NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL, g ${real} NOT NULL,
      PRIMARY KEY (country, month, countries, type))`,
    `CREATE TABLE agg_pair (a TEXT NOT NULL, b TEXT NOT NULL, period TEXT NOT NULL, n INTEGER NOT NULL, g ${real} NOT NULL, PRIMARY KEY (a, b, period))`,
  ];
}

/** Build every derived table from the stored events, reports and documents. */
export async function rebuildDerived(tx: SqlAdapter): Promise<void> {
  for (const t of ["event_keys", "key_counts", "agg_month", "agg_dyad", "agg_pair"]) await tx.run(`DELETE FROM ${t}`);
  const g = "SUM(COALESCE(e.goldstein, 0))";
  const keyFrom = (key: string, from: string, where = "") => tx.run(`INSERT INTO event_keys (event_id, key, date) SELECT DISTINCT x.event_id, ${key}, e.date FROM ${from} JOIN events e ON e.id = x.event_id ${where}`);
  await keyFrom("'c:' || x.country", "event_actors x");
  await keyFrom("'p:' || x.country || ':' || x.name", "event_actors x", "WHERE x.name IS NOT NULL");
  await keyFrom("'t:' || x.topic", "event_topics x");
  await keyFrom("CASE WHEN d.lang IS NULL THEN 'l' ELSE 'l:' || d.lang END", "reports x JOIN documents d ON d.id = x.document_id");
  await keyFrom("CASE WHEN d.source IS NULL THEN 's' ELSE 's:' || d.source END", "reports x JOIN documents d ON d.id = x.document_id");
  // Organisations: each document's comma-separated list, split in the database.
  const orgs = tx.kind === "postgres"
    ? "reports x JOIN documents d ON d.id = x.document_id CROSS JOIN LATERAL unnest(string_to_array(d.orgs, ',')) AS j(value)"
    : "reports x JOIN documents d ON d.id = x.document_id JOIN json_each('[\"' || REPLACE(d.orgs, ',', '\",\"') || '\"]') j";
  await keyFrom("'o:' || j.value", orgs, "WHERE d.orgs IS NOT NULL AND d.orgs <> '' AND j.value <> ''");
  const counts = await tx.all(`SELECT key, COUNT(*) AS n FROM event_keys GROUP BY key UNION ALL SELECT '${TOTAL_KEY}', COUNT(*) FROM events`);
  const cells = counts.map((r) => {
    const k = String(r.key);
    const c = keyColumns(k);
    return [k, c.kind, Number(r.n), c.name, c.country, c.norm];
  });
  for (let i = 0; i < cells.length; i += 300) {
    const chunk = cells.slice(i, i + 300);
    await tx.run(`INSERT INTO key_counts (key, kind, n, name, country, norm) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`, chunk.flat());
  }
  const month = "COALESCE(SUBSTR(e.date, 1, 7), '')";
  await tx.run(`INSERT INTO agg_month (month, type, n, g) SELECT ${month}, e.type, COUNT(*), ${g} FROM events e GROUP BY ${month}, e.type`);
  await tx.run(`INSERT INTO agg_dyad (country, month, countries, type, n, g) SELECT a.country, ${month}, e.countries, e.type, COUNT(*), ${g}
    FROM event_actors a JOIN events e ON e.id = a.event_id GROUP BY a.country, ${month}, e.countries, e.type`);
  await tx.run(`INSERT INTO agg_dyad (country, month, countries, type, n, g) SELECT a.country, '*', e.countries, e.type, COUNT(*), ${g}
    FROM event_actors a JOIN events e ON e.id = a.event_id GROUP BY a.country, e.countries, e.type`);
  for (const len of [4, 7, 10]) {
    await tx.run(`INSERT INTO agg_pair (a, b, period, n, g) SELECT a1.country, a2.country, SUBSTR(e.date, 1, ${len}), COUNT(*), ${g}
      FROM event_actors a1 JOIN event_actors a2 ON a2.event_id = a1.event_id AND a1.country < a2.country JOIN events e ON e.id = a1.event_id
      WHERE LENGTH(e.date) >= ${len} GROUP BY a1.country, a2.country, SUBSTR(e.date, 1, ${len})`);
  }
}
