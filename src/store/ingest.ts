// Writing documents into the store: the rows a document gives (shared by the one-document path in
// sql.ts and the batch path here), and storing a batch of new documents with a few multi-row
// statements in all (issue 12: on PostgreSQL a round trip per statement is what ingest cost).
//
// A batch gives exactly the rows, ids and merges of ingesting its documents one after another:
// the events the batch could merge with are read at once (for each event of each document, the
// stored candidates with some to spare, their actors, folds and keys), then every document is
// decided in order in memory against the stored events and those the batch created or changed
// before it, each changed event's fold extended by its new reports (the fold recompute() makes
// from all of them), and the rows written at the end. Aggregates receive the batch's net change (counts exact; Goldstein sums
// added in another order, equal to within floating-point rounding, as a rebuild is).

import type { DocumentResult, EventRecord } from "../types.js";
import { chunkSize } from "./chunks.js";
import { Deltas, documentKeys, eventKeys, type Contribution } from "./derived.js";
import { dayNumber, mergeReason, type MergeCandidate } from "./merge.js";
import { documentMentions } from "./mentions.js";
import type { Row, SqlAdapter } from "./sql.js";
import type { IngestItem } from "./types.js";

/** Parameters per multi-row statement (both databases take far more; larger statements parse slower). */
const PARAMS_PER_STATEMENT = 4000;
/** Stored candidates an event of a document is compared with (oldest first). */
export const CANDIDATES = 50;

/** Multi-row INSERT in chunks of the fixed sizes (SQLite and PostgreSQL cap the parameters of one statement). */
export async function insertRows(tx: SqlAdapter, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  if (tx.kind === "postgres") return insertArrays(tx, table, cols, rows);
  const marks = `(${cols.map(() => "?").join(", ")})`;
  const maxRows = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / cols.length));
  const head = `INSERT INTO ${table} (${cols.join(", ")}) VALUES `;
  for (let i = 0; i < rows.length; ) {
    const n = chunkSize(rows.length - i, maxRows);
    const params: unknown[] = [];
    for (let k = i; k < i + n; k++) for (const v of rows[k]) params.push(v);
    await tx.run(head + Array(n).fill(marks).join(", "), params);
    i += n;
  }
}

/** PostgreSQL column types by table (every database the store opens has its schema). */
const columnTypes = new Map<string, Map<string, string>>();

/**
 * PostgreSQL: rows as one array per column, unnested in order (ids from sequences follow the
 * rows' order, as with VALUES): a statement of a few parameters that the server parses and plans
 * in no time, where a VALUES list of thousands was parsed and planned for every batch.
 */
async function insertArrays(tx: SqlAdapter, table: string, cols: string[], rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  let types = columnTypes.get(table);
  if (!types) {
    const found = await tx.all("SELECT attname, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped", [table]);
    types = new Map(found.map((r) => [String(r.attname), String(r.type)]));
    columnTypes.set(table, types);
  }
  const list = cols.join(", ");
  const sql = `INSERT INTO ${table} (${list}) SELECT ${list} FROM unnest(${cols.map((c) => `?::${types!.get(c)}[]`).join(", ")}) WITH ORDINALITY AS u (${list}, nth) ORDER BY nth`;
  for (let i = 0; i < rows.length; i += 10000) {
    const chunk = rows.slice(i, i + 10000);
    await tx.run(sql, cols.map((_, j) => chunk.map((r) => r[j])));
  }
}

/** `col IN (?, ...)` reads of many ids, in chunks. */
export async function readByIds(tx: SqlAdapter, sql: (marks: string) => string, ids: number[]): Promise<Row[]> {
  const out: Row[] = [];
  for (let s = 0; s < ids.length; s += 500) {
    const chunk = ids.slice(s, s + 500);
    out.push(...(await tx.all(sql(chunk.map(() => "?").join(", ")), chunk)));
  }
  return out;
}

/**
 * New ids for rows about to be inserted, ascending. SQLite (one writer, in its transaction) takes
 * those after the largest, as it would itself; PostgreSQL takes them from the sequences.
 */
export async function allocateIds<K extends string>(tx: SqlAdapter, counts: Record<K, number>): Promise<Record<K, number[]>> {
  const out = {} as Record<K, number[]>;
  const tables = Object.keys(counts) as K[];
  if (tx.kind === "postgres") {
    const parts = tables.filter((t) => counts[t] > 0).map((t) => `SELECT '${t}' AS t, nextval(pg_get_serial_sequence('${t}', 'id')) AS id FROM generate_series(1, ${Math.floor(counts[t])})`);
    const rows = parts.length ? await tx.all(parts.join(" UNION ALL ")) : [];
    for (const t of tables) out[t] = rows.filter((r) => r.t === t).map((r) => Number(r.id)).sort((a, b) => a - b);
    return out;
  }
  for (const t of tables) {
    if (!counts[t]) { out[t] = []; continue; }
    const max = Number((await tx.all(`SELECT COALESCE(MAX(id), 0) AS m FROM ${t}`))[0].m);
    out[t] = Array.from({ length: counts[t] }, (_, i) => max + 1 + i);
  }
  return out;
}

export const countriesKey = (e: EventRecord) => [...new Set(e.actors.map((a) => a.country))].sort().join("-");

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

export const DOCUMENT_COLS = ["origin", "name", "hash", "source", "lang", "published", "title", "body", "encoding", "lexicon_version", "ingested_at", "orgs"];
export const documentValues = ({ meta, result, lexiconVersion }: IngestItem): unknown[] => [
  meta.origin, result.id, meta.hash, result.source, result.lang, result.published, result.title, result.body, result.encoding, lexiconVersion, new Date().toISOString(), result.orgs.join(","),
];

export const FIGURE_COLS = ["document_id", "what", "value", "unit", "year", "pair", "sentence", "start_offset", "end_offset"];
export const figureRows = (docId: number, r: DocumentResult): unknown[][] =>
  r.figures.map((f) => [docId, f.what, f.value, f.unit, f.year, figurePair(f, r), f.evidence.sentence, f.evidence.start, f.evidence.end]);

export const MENTION_COLS = ["document_id", "kind", "value", "start_offset", "end_offset", "body_start", "body_end", "event_idx"];
export const mentionRows = (docId: number, r: DocumentResult): unknown[][] =>
  documentMentions(r).map((m) => [docId, m.kind, m.value, m.start, m.end, m.body_start, m.body_end, m.event]);

export const EVENT_COLS = ["id", "type", "mode", "cameo", "goldstein", "date", "day", "countries", "location_city", "location_country"];
export const REPORT_COLS = ["id", "event_id", "document_id", "idx", "date", "actors", "topics", "location", "sentence", "start_offset", "end_offset", "why"];

/** The stored text of a report's date, sides, topics and place, and what that text parses to. */
export function reportFields(e: EventRecord): { date: string | null; actors: string; topics: string; location: string; parsed: NonNullable<FoldRow["parsed"]> } {
  const parsed = { actors: e.actors.map((a) => ({ country: a.country, name: a.name, role: a.role })), topics: e.topics, location: e.location ? { city: e.location.city, country: e.location.country } : null };
  return { date: e.date ?? null, actors: JSON.stringify(parsed.actors), topics: JSON.stringify(parsed.topics), location: JSON.stringify(parsed.location), parsed };
}

/** The events a document stores (planned, denied, hypothetical ones are mentions, not events). */
export function probesOf(r: DocumentResult): Probe[] {
  return r.events.filter((e) => !e.status).map((e) => ({ e, countries: countriesKey(e), day: dayNumber(e.date) }));
}

export interface Probe {
  e: EventRecord;
  countries: string;
  day: number | null;
}

/**
 * Which stored event each of a document's events joins (null: a new event) and why. Every
 * decision is on the events stored before this document: an event this document joined is not a
 * candidate for its other reports.
 */
export function decide(probes: Probe[], cands: MergeCandidate[][]): { target: (number | null)[]; whys: string[] } {
  const own = new Set<number>();
  const target: (number | null)[] = [];
  const whys: string[] = [];
  probes.forEach(({ e, countries }, i) => {
    let eventId: number | null = null;
    let why = "first report of this event";
    for (const c of cands[i]) {
      if (own.has(c.id)) continue;
      const r = mergeReason(c, { type: e.type, mode: e.mode, countries, date: e.date, location: e.location, actors: e.actors });
      if (r) {
        eventId = c.id;
        why = `merged: ${r}`;
        break;
      }
    }
    if (eventId !== null) own.add(eventId);
    target.push(eventId);
    whys.push(why);
  });
  return { target, whys };
}

/** A report as an event is rebuilt from it, with its document's language, source and organisations. */
export interface FoldRow {
  date: string | null;
  actors: string;
  topics: string;
  location: string | null;
  lang: string | null;
  source: string | null;
  orgs: string | null;
  /** The JSON fields read, kept for the next rebuild of the event within a batch. */
  parsed?: { actors: FoldActor[]; topics: string[]; location: { city: string | null; country: string | null } | null };
}

export const foldRow = (r: Row): FoldRow => ({
  date: (r.date as string) ?? null, actors: String(r.actors), topics: String(r.topics), location: (r.location as string) ?? null,
  lang: (r.lang as string) ?? null, source: (r.source as string) ?? null, orgs: (r.orgs as string) ?? null,
});

const ROLE_ORDER = ["head_of_state", "head_of_government", "legislature_head", "foreign_minister", "org_head", "minister", "ambassador", "military", "official", "legislator", "governor_mayor", "delegation"];
const senior = (r: string | null) => (r ? ROLE_ORDER.length - ROLE_ORDER.indexOf(r) : 0);

export type FoldActor = { country: string; name: string | null; role: string | null };

/**
 * What an event's reports fold to, in id order: per side the named actor of the most senior role
 * first reported, every topic, the most precise date, the first place, and the language, source
 * and organisation keys of the reports' documents. Kept per event (event_folds) so that a new
 * report extends it: merging a report into an event with many reports does not read them again.
 */
export interface FoldState {
  actors: FoldActor[];
  topics: string[];
  date: string | null;
  location: { city: string | null; country: string | null } | null;
  /** The l:, s: and o: keys of the reports' documents, first seen first. */
  docKeys: string[];
}

export const emptyFold = (): FoldState => ({ actors: [], topics: [], date: null, location: null, docKeys: [] });

/** The fold of one more report (a later one than every report folded so far). Changes `s`; says whether it changed. */
export function foldStep(s: FoldState, r: FoldRow): boolean {
  r.parsed ??= { actors: JSON.parse(r.actors), topics: JSON.parse(r.topics), location: JSON.parse(r.location ?? "null") };
  let changed = false;
  for (const a of r.parsed.actors) {
    const at = s.actors.findIndex((x) => x.country === a.country);
    const have = at < 0 ? undefined : s.actors[at];
    if (!have) s.actors.push(a);
    else if ((!have.name && a.name) || (!!a.name === !!have.name && senior(a.role) > senior(have.role))) s.actors[at] = a;
    else continue;
    changed = true;
  }
  for (const t of r.parsed.topics) {
    if (s.topics.includes(t)) continue;
    s.topics.push(t);
    changed = true;
  }
  const d = r.date;
  if (d && (!s.date || d.length > s.date.length)) {
    s.date = d; // the most precise date reported
    changed = true;
  }
  if (s.location == null) {
    if (r.parsed.location != null) changed = true;
    s.location = r.parsed.location;
  }
  for (const k of documentKeys(r)) {
    if (s.docKeys.includes(k)) continue;
    s.docKeys.push(k);
    changed = true;
  }
  return changed;
}

/** A fold's actors, topics, date, place and keys. */
export function foldResult(s: FoldState): { actors: FoldActor[]; topics: string[]; date: string | null; location: { city: string | null; country: string | null } | null; keys: string[] } {
  return { actors: [...s.actors], topics: [...s.topics], date: s.date, location: s.location, keys: eventKeys(s.actors, s.topics, s.docKeys) };
}

/** An event's sides, topics, date, place and keys from its reports in id order (see FoldState). */
export function foldReports(list: FoldRow[]): ReturnType<typeof foldResult> & { state: FoldState } {
  const state = emptyFold();
  for (const r of list) foldStep(state, r);
  return { ...foldResult(state), state };
}

/** The stored text of a fold (event_folds.state): one spelling for every path that writes it. */
export const foldText = (s: FoldState): string =>
  JSON.stringify({ actors: s.actors, topics: s.topics, date: s.date, location: s.location, docKeys: s.docKeys });

/** An event as the batch sees it: stored (a candidate) or new, and how the batch changed it. */
interface BatchEvent extends MergeCandidate {
  cameo: unknown;
  goldstein: number | null;
  day: number | null;
  city: string | null;
  roles: FoldActor[];
  topics: string[];
  keys: string[];
  /** What its reports so far fold to. */
  fold: FoldState;
  /** Created by the batch. */
  isNew: boolean;
  /** Created or joined by a document of the batch (its stored row no longer holds). */
  changed: boolean;
  /** Created, or its fold grown, by the batch: its rows are to be written. */
  dirty: boolean;
  /** A stored event's rows as read: its date and place, keys and fold (null: stored before folds were kept). */
  stored: { date: string | null; day: number | null; city: string | null; country: string | null; keys: string[]; fold: string | null } | null;
}

const contribution = (e: BatchEvent): Contribution => ({ type: e.type, countries: e.countries, date: e.date, goldstein: Number(e.goldstein ?? 0), keys: e.keys });
const near = (day: number | null, p: number | null) => p === null || day === null || (day >= p - 1 && day <= p + 1);

/**
 * Store new documents (none stored under their origins, no origin twice) as ingesting them one by
 * one in this order would; `index` keeps the full-text index.
 */
export async function storeNewDocuments(tx: SqlAdapter, index: SqlAdapter, items: IngestItem[]): Promise<void> {
  if (!items.length) return;
  const docs = items.map((item) => ({
    item, probes: probesOf(item.result),
    fold: { lang: item.result.lang ?? null, source: item.result.source ?? null, orgs: item.result.orgs.join(",") },
  }));
  const events = await readCandidates(tx, docs.flatMap((d) => d.probes));
  const { byKey, state } = events;

  // Every document in order, in memory.
  const live = new Map<string, Set<BatchEvent>>(); // type and sides -> events the batch created or changed
  const created: BatchEvent[] = [];
  const reports: { ev: BatchEvent; doc: number; idx: number; fields: ReturnType<typeof reportFields>; e: EventRecord; why: string }[] = [];
  const deltas = new Deltas(true);
  let provisional = 2 ** 52; // new events sort after every stored one, in the order they are made
  docs.forEach((d, k) => {
    const cands = d.probes.map((p) => {
      const out: BatchEvent[] = [];
      for (const id of byKey.get(probeKey(p)) ?? []) {
        const ev = state.get(id)!;
        if (!ev.changed) out.push(ev);
      }
      for (const ev of live.get(sidesKey(p)) ?? []) if (near(ev.day, p.day)) out.push(ev);
      return out.sort((a, b) => a.id - b.id).slice(0, CANDIDATES);
    });
    const { target, whys } = decide(d.probes, cands);
    const fresh = new Set<BatchEvent>();
    const evs = d.probes.map(({ e, countries, day }, i) => {
      if (target[i] !== null) return state.get(target[i]!)!;
      const ev: BatchEvent = {
        id: provisional++, type: e.type, mode: e.mode ?? null, cameo: e.cameo, goldstein: e.goldstein ?? null, countries, date: e.date ?? null, day,
        city: e.location?.city ?? null, location_country: e.location?.country ?? null, actors: [], roles: [], topics: [], keys: [], fold: emptyFold(), isNew: true, changed: false, dirty: false, stored: null,
      };
      state.set(ev.id, ev);
      created.push(ev);
      fresh.add(ev);
      return ev;
    });
    // The events whose fold the reports grew (every new one, and every one stored before folds
    // were kept): a report that adds nothing to its event's fold (a copy, or another source
    // telling what is known) changes none of its rows.
    const grown = new Set<BatchEvent>();
    d.probes.forEach(({ e }, i) => {
      const fields = reportFields(e);
      if (foldStep(evs[i].fold, { ...fields, ...d.fold }) || (evs[i].stored && evs[i].stored!.fold === null)) grown.add(evs[i]);
      reports.push({ ev: evs[i], doc: k, idx: i, fields, e, why: whys[i] });
    });
    // As recompute(): take away the old contribution of the events grown, rebuild each, add it.
    for (const ev of grown) if (!fresh.has(ev)) deltas.add(contribution(ev), -1);
    for (const ev of grown) {
      const f = foldResult(ev.fold);
      Object.assign(ev, {
        roles: f.actors, actors: f.actors.map((a) => ({ country: a.country, name: a.name ?? null })), topics: f.topics, keys: f.keys,
        date: f.date, day: dayNumber(f.date), city: f.location?.city ?? null, location_country: f.location?.country ?? null,
      });
      deltas.add(contribution(ev), 1);
      ev.dirty = true;
    }
    for (const ev of new Set(evs)) {
      if (!ev.changed) {
        ev.changed = true;
        const key = `${ev.type}\u0000${ev.countries}`;
        if (!live.has(key)) live.set(key, new Set());
        live.get(key)!.add(ev);
      }
    }
  });

  // The rows.
  const ids = await allocateIds(tx, { documents: docs.length, events: created.length, reports: reports.length });
  created.forEach((ev, i) => (ev.id = ids.events[i]));
  await insertRows(tx, "documents", ["id", ...DOCUMENT_COLS], docs.map((d, k) => [ids.documents[k], ...documentValues(d.item)]));
  await index.indexDocuments(tx, docs.map((d, k) => ({ id: ids.documents[k], title: d.item.result.title, body: d.item.result.body })));
  await insertRows(tx, "figures", FIGURE_COLS, docs.flatMap((d, k) => figureRows(ids.documents[k], d.item.result)));
  await insertRows(tx, "mentions", MENTION_COLS, docs.flatMap((d, k) => mentionRows(ids.documents[k], d.item.result)));
  await insertRows(tx, "events", EVENT_COLS, created.map((ev) => [ev.id, ev.type, ev.mode, ev.cameo, ev.goldstein, ev.date, ev.day, ev.countries, ev.city, ev.location_country]));
  await insertRows(tx, "reports", REPORT_COLS, reports.map((r, i) => [
    ids.reports[i], r.ev.id, ids.documents[r.doc], r.idx, r.fields.date, r.fields.actors, r.fields.topics, r.fields.location, r.e.evidence.sentence, r.e.evidence.start, r.e.evidence.end, r.why,
  ]));
  await writeEvents(tx, [...state.values()].filter((ev) => ev.dirty));
  await deltas.flush(tx);
}

/**
 * The rows of the events a batch made or grew: a new event's rows; for a stored one what differs
 * from its rows as read (an event stored before folds were kept has all its rows written again).
 */
async function writeEvents(tx: SqlAdapter, dirty: BatchEvent[]): Promise<void> {
  const actors: unknown[][] = [], topics: unknown[][] = [], keys: unknown[][] = [], folds: unknown[][] = [], updates: unknown[][] = [];
  const goneActors: unknown[][] = [], goneTopics: unknown[][] = [], goneKeys: unknown[][] = [];
  const rewrite: number[] = [], rekey: number[] = [];
  for (const ev of dirty) {
    folds.push([ev.id, foldText(ev.fold)]);
    const was = ev.stored;
    if (was?.fold == null) {
      if (was) rewrite.push(ev.id);
      for (const a of ev.roles) actors.push([ev.id, a.country, a.name, a.role]);
      for (const t of ev.topics) topics.push([ev.id, t]);
      for (const key of ev.keys) keys.push([ev.id, key, ev.date]);
      if (was) updates.push([ev.id, ev.date, ev.day, ev.city, ev.location_country]);
      continue;
    }
    const old = JSON.parse(was.fold) as FoldState;
    const sameActor = (a: FoldActor, b: FoldActor | undefined) => !!b && (a.name ?? null) === (b.name ?? null) && (a.role ?? null) === (b.role ?? null);
    for (const a of old.actors) if (!sameActor(a, ev.roles.find((x) => x.country === a.country))) goneActors.push([ev.id, a.country]);
    for (const a of ev.roles) if (!sameActor(a, old.actors.find((x) => x.country === a.country))) actors.push([ev.id, a.country, a.name, a.role]);
    for (const t of old.topics) if (!ev.topics.includes(t)) goneTopics.push([ev.id, t]);
    for (const t of ev.topics) if (!old.topics.includes(t)) topics.push([ev.id, t]);
    if (ev.date !== was.date) {
      // Every key carries the event's date.
      rekey.push(ev.id);
      for (const key of ev.keys) keys.push([ev.id, key, ev.date]);
    } else {
      for (const key of was.keys) if (!ev.keys.includes(key)) goneKeys.push([ev.id, key]);
      for (const key of ev.keys) if (!was.keys.includes(key)) keys.push([ev.id, key, ev.date]);
    }
    if (ev.date !== was.date || ev.day !== was.day || ev.city !== was.city || ev.location_country !== was.country) {
      updates.push([ev.id, ev.date, ev.day, ev.city, ev.location_country]);
    }
  }
  const stored = dirty.filter((ev) => ev.stored).map((ev) => ev.id);
  for (const t of ["event_actors", "event_topics", "event_keys"]) await deleteByIds(tx, t, rewrite);
  await deleteByIds(tx, "event_keys", rekey);
  await deleteByIds(tx, "event_folds", stored);
  await deletePairs(tx, "event_actors", "country", goneActors);
  await deletePairs(tx, "event_topics", "topic", goneTopics);
  await deletePairs(tx, "event_keys", "key", goneKeys);
  await insertRows(tx, "event_actors", ["event_id", "country", "name", "role"], actors);
  await insertRows(tx, "event_topics", ["event_id", "topic"], topics);
  await insertRows(tx, "event_keys", ["event_id", "key", "date"], keys);
  await insertRows(tx, "event_folds", ["event_id", "state"], folds);
  await updateEvents(tx, updates);
}

/** Delete rows by [event_id, value of `col`]. */
async function deletePairs(tx: SqlAdapter, table: string, col: string, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; ) {
    const n = chunkSize(rows.length - i, 256);
    await tx.run(`DELETE FROM ${table} WHERE ${Array(n).fill(`(event_id = ? AND ${col} = ?)`).join(" OR ")}`, rows.slice(i, i + n).flat());
    i += n;
  }
}

const sidesKey = (p: Probe) => `${p.e.type}\u0000${p.countries}`;
const probeKey = (p: Probe) => `${sidesKey(p)}\u0000${p.day}`;

async function deleteByIds(tx: SqlAdapter, table: string, ids: number[]): Promise<void> {
  for (let s = 0; s < ids.length; s += 500) {
    const chunk = ids.slice(s, s + 500);
    await tx.run(`DELETE FROM ${table} WHERE event_id IN (${chunk.map(() => "?").join(", ")})`, chunk);
  }
}

/**
 * The stored events the probes could merge with: per probe (type, sides, day), the oldest that
 * match, CANDIDATES and as many more as the batch has events of that type and sides (each could
 * join one of them, which then answers from memory), with their actors, folds and keys.
 */
async function readCandidates(tx: SqlAdapter, probes: Probe[]): Promise<{ byKey: Map<string, number[]>; state: Map<number, BatchEvent> }> {
  const spare = new Map<string, number>();
  for (const p of probes) spare.set(sidesKey(p), (spare.get(sidesKey(p)) ?? 0) + 1);
  const unique = [...new Map(probes.map((p) => [probeKey(p), p])).values()];
  const byKey = new Map<string, number[]>();
  const rows = await candidateRows(tx, unique.map((p) => ({ type: p.e.type, countries: p.countries, day: p.day, limit: CANDIDATES + spare.get(sidesKey(p))! })));
  const state = new Map<number, BatchEvent>();
  for (const r of rows) {
    const id = Number(r.id);
    const key = probeKey(unique[Number(r.probe)]);
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(id);
    if (state.has(id)) continue;
    state.set(id, {
      id, type: String(r.type), mode: (r.mode as string) ?? null, cameo: r.cameo, goldstein: r.goldstein == null ? null : Number(r.goldstein), countries: String(r.countries),
      date: (r.date as string) ?? null, day: r.day == null ? null : Number(r.day), city: (r.location_city as string) ?? null, location_country: (r.location_country as string) ?? null,
      actors: [], roles: [], topics: [], keys: [], fold: emptyFold(), isNew: false, changed: false, dirty: false, stored: null,
    });
  }
  for (const list of byKey.values()) list.sort((a, b) => a - b);
  const ids = [...state.keys()];
  // Each event's fold as stored, and its sides and keys as the fold gives them (they are written
  // with it). An event stored before folds were kept has its sides and keys read, and is folded
  // from its reports.
  const folds = new Map<number, string>();
  for (const f of await readByIds(tx, (m) => `SELECT event_id, state FROM event_folds WHERE event_id IN (${m})`, ids)) folds.set(Number(f.event_id), String(f.state));
  for (const [id, ev] of state) {
    const fold = folds.get(id) ?? null;
    if (fold !== null) {
      ev.fold = JSON.parse(fold) as FoldState;
      ev.actors = ev.fold.actors.map((a) => ({ country: a.country, name: a.name ?? null }));
      ev.keys = eventKeys(ev.fold.actors, ev.fold.topics, ev.fold.docKeys);
    }
    ev.stored = { date: ev.date, day: ev.day, city: ev.city, country: ev.location_country, keys: ev.keys, fold };
  }
  const unfolded = ids.filter((id) => !folds.has(id));
  for (const a of await readByIds(tx, (m) => `SELECT event_id, country, name FROM event_actors WHERE event_id IN (${m})`, unfolded)) {
    state.get(Number(a.event_id))!.actors.push({ country: String(a.country), name: (a.name as string) ?? null });
  }
  for (const k of await readByIds(tx, (m) => `SELECT event_id, key FROM event_keys WHERE event_id IN (${m})`, unfolded)) state.get(Number(k.event_id))!.keys.push(String(k.key));
  const reps = await readByIds(tx, (m) => `SELECT r.event_id, r.date, r.actors, r.topics, r.location, d.lang, d.source, d.orgs FROM reports r JOIN documents d ON d.id = r.document_id WHERE r.event_id IN (${m}) ORDER BY r.event_id, r.id`, unfolded);
  for (const r of reps) foldStep(state.get(Number(r.event_id))!.fold, foldRow(r));
  return { byKey, state };
}

const CANDIDATE_COLS = "id, type, mode, cameo, goldstein, countries, date, day, location_city, location_country";

/**
 * For each probe (type, sides, day), the oldest `limit` stored events of that type and sides with
 * the day within one of it or no day (any day for a probe without one); each row names its probe
 * by index. PostgreSQL answers all probes in one statement; SQLite a few probes per statement,
 * their number one of the fixed chunk sizes, so that the statements stay prepared (a statement
 * per probe cost four times as much: its start and finish outweigh the search).
 */
async function candidateRows(tx: SqlAdapter, probes: { type: string; countries: string; day: number | null; limit: number }[]): Promise<Row[]> {
  const where = "e.type = v.type AND e.countries = v.countries";
  if (tx.kind === "postgres") {
    const dated = probes.map((p, i) => ({ ...p, i })).filter((p) => p.day !== null);
    const undated = probes.map((p, i) => ({ ...p, i })).filter((p) => p.day === null);
    const out: Row[] = [];
    for (let s = 0; s < Math.max(dated.length, undated.length); s += 500) {
      const parts: string[] = [];
      const params: unknown[] = [];
      const d = dated.slice(s, s + 500), u = undated.slice(s, s + 500);
      if (d.length) {
        parts.push(`SELECT v.probe, c.* FROM (VALUES ${d.map(() => "(?::integer, ?::text, ?::text, ?::integer, ?::integer)").join(", ")}) AS v (probe, type, countries, day, lim)
          CROSS JOIN LATERAL (SELECT ${CANDIDATE_COLS} FROM events e WHERE ${where} AND (e.day BETWEEN v.day - 1 AND v.day + 1 OR e.day IS NULL) ORDER BY e.id LIMIT v.lim) c`);
        for (const p of d) params.push(p.i, p.type, p.countries, p.day, p.limit);
      }
      if (u.length) {
        parts.push(`SELECT v.probe, c.* FROM (VALUES ${u.map(() => "(?::integer, ?::text, ?::text, ?::integer)").join(", ")}) AS v (probe, type, countries, lim)
          CROSS JOIN LATERAL (SELECT ${CANDIDATE_COLS} FROM events e WHERE ${where} ORDER BY e.id LIMIT v.lim) c`);
        for (const p of u) params.push(p.i, p.type, p.countries, p.limit);
      }
      out.push(...(await tx.all(parts.join(" UNION ALL "), params)));
    }
    return out;
  }
  const out: Row[] = [];
  const cols = CANDIDATE_COLS.split(", ").map((c) => `e.${c}`).join(", ");
  for (let i = 0; i < probes.length; ) {
    const n = chunkSize(probes.length - i, 64);
    const params: unknown[] = [];
    for (let k = i; k < i + n; k++) {
      const p = probes[k];
      params.push(k, p.type, p.countries, p.day === null ? null : p.day - 1, p.day === null ? null : p.day + 1, p.limit);
    }
    out.push(...(await tx.all(
      `WITH v (probe, type, countries, low, high, lim) AS (VALUES ${Array(n).fill("(?, ?, ?, ?, ?, ?)").join(", ")})
       SELECT probe, ${CANDIDATE_COLS} FROM (
         SELECT v.probe, v.lim, ROW_NUMBER() OVER (PARTITION BY v.probe ORDER BY e.id) AS nth, ${cols}
         FROM v JOIN events e ON ${where} AND (v.low IS NULL OR e.day BETWEEN v.low AND v.high OR e.day IS NULL)
       ) WHERE nth <= lim ORDER BY probe, id`,
      params,
    )));
    i += n;
  }
  return out;
}

/** Set date, day and place of events: [id, date, day, city, country] rows. */
export async function updateEvents(tx: SqlAdapter, rows: unknown[][]): Promise<void> {
  if (tx.kind !== "postgres") {
    for (const r of rows) await tx.run("UPDATE events SET date = ?, day = ?, location_city = ?, location_country = ? WHERE id = ?", [r[1], r[2], r[3], r[4], r[0]]);
    return;
  }
  // One statement on PostgreSQL (a round trip per row is what costs there).
  for (let s = 0; s < rows.length; s += 400) {
    const chunk = rows.slice(s, s + 400);
    await tx.run(
      `UPDATE events e SET date = v.date, day = v.day, location_city = v.city, location_country = v.country
       FROM (VALUES ${chunk.map(() => "(?::bigint, ?::text, ?::integer, ?::text, ?::text)").join(", ")}) AS v (id, date, day, city, country) WHERE e.id = v.id`,
      chunk.flat(),
    );
  }
}
