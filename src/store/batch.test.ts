// Storing documents in batches (Store.ingestBatch) against storing them one by one: the same
// outcomes and the same rows, ids and merges, on SQLite and (when PARLEY_PG_URL names a server)
// PostgreSQL, including stored events the batch merges with, more candidates than are compared,
// replacements and repeats inside a batch. Documents are generated here, not extracted.
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, test } from "node:test";
import type { DocumentResult, EventRecord } from "../types.js";
import { type IngestItem, type Store } from "./index.js";
import { foldReports, foldRow, foldText } from "./ingest.js";
import type { Row, SqlStore } from "./sql.js";
import { pgUrl, rng, storeBackends, tempFolder } from "./testing.js";


const SIDES = ["TJK", "RUS", "KAZ", "UZB"];
const PERSONS: Record<string, string[]> = { TJK: ["Emomali Rahmon", "Sirojiddin Muhriddin"], RUS: ["Sergey Lavrov", "Vladimir Putin"], KAZ: ["Kassym-Jomart Tokayev"], UZB: [] };
const ROLES = ["head_of_state", "foreign_minister", "minister", "official", null] as const;

function event(r: () => number, i: number, k: number, over: Partial<EventRecord> = {}): EventRecord {
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const a = pick(SIDES);
  let b = pick(SIDES);
  if (b === a) b = SIDES[(SIDES.indexOf(a) + 1) % SIDES.length];
  const sentence = `Report ${i}, sentence ${k}.`;
  const evidence = { document: `d${i}`, sentence, start: k * 10, end: k * 10 + sentence.length };
  const p = r();
  const date = p < 0.1 ? null : p < 0.2 ? "2024" : p < 0.35 ? `2024-0${1 + Math.floor(r() * 2)}` : `2024-0${1 + Math.floor(r() * 2)}-0${1 + Math.floor(r() * 3)}`;
  const type = pick(["CONSULT", "CONSULT", "AGREE"] as const);
  return {
    type, mode: type === "CONSULT" ? pick(["meeting", "phone"]) : null, cameo: type === "CONSULT" ? "040" : "057", goldstein: Math.round(r() * 100) / 10 - 2, date,
    actors: [a, b].map((c) => {
      const name = r() < 0.5 && PERSONS[c].length ? pick(PERSONS[c]) : null;
      return { country: c, name, role: pick(ROLES), evidence: [evidence] };
    }),
    location: r() < 0.3 ? { city: r() < 0.5 ? "Dushanbe" : null, country: pick(SIDES), evidence } : null,
    topics: r() < 0.6 ? [pick(["trade", "energy", "water"])] : [], evidence, trigger: { text: "met", start: 0, end: 3 },
    ...(r() < 0.1 ? { status: "planned" as const } : {}), ...over,
  };
}

function doc(id: string, lang: DocumentResult["lang"], events: EventRecord[], r: () => number): DocumentResult {
  const body = `Body of ${id}: the sides met and talked.`;
  return {
    id, origin: id, encoding: "UTF-8", lang, source: r() < 0.1 ? null : `${lang}.example`, published: "2024-02-01", title: `Title ${id}`, body, body_first: null, body_last: null,
    events, orgs: r() < 0.3 ? ["SCO"] : [], third_countries: [],
    figures: r() < 0.3 ? [{ what: "trade turnover", value: 1000 + Math.floor(r() * 100), unit: "USD", year: 2023, evidence: { document: id, sentence: "Trade grew.", start: 0, end: 11 } }] : [],
    evidence: { title: { start: 0, end: 5 }, published: null, body: [{ start: 0, end: body.length }], orgs: {}, third_countries: {} },
  };
}

/** A letter-only surname unlike the others (merging compares surnames with an edit distance). */
function surname(r: () => number): string {
  return Array.from({ length: 9 }, () => "bcdfghklmnprstvz"[Math.floor(r() * 16)]).join("");
}

/**
 * The documents and the order they are stored in: generated reports (many merge); 60 different
 * meetings of one pair about one day, the first dated by its month only (more than the 50
 * candidates compared); then in one batch a report that dates the first meeting to another day
 * (it leaves the others' window), reports naming the persons of the 51st and 56th meetings (the
 * 51st is now among the oldest 50 candidates, the 56th is not) and one of the first meeting's
 * old day (no longer a candidate); changed versions of earlier documents and repeats.
 */
function items(): IngestItem[] {
  const r = rng(42);
  const langs: DocumentResult["lang"][] = ["en", "ru", "ar"];
  const out: IngestItem[] = [];
  const add = (d: DocumentResult, hash = "1") => out.push({ meta: { origin: d.id, hash }, result: d, lexiconVersion: "v1" });
  const generate = (i: number) => add(doc(`gen-${i}`, langs[i % 3], Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => event(r, i, k)), r));
  for (let i = 0; i < 10; i++) generate(i);
  const names = Array.from({ length: 60 }, () => surname(r));
  // A pair no generated report has.
  const meeting = (i: number, name: string, date: string) => event(r, 1000 + i, 0, {
    type: "CONSULT", mode: "meeting", cameo: "040", date, status: undefined, location: null,
    actors: [{ country: "CHN", name: null, role: "head_of_state", evidence: [] }, { country: "TUR", name, role: "minister", evidence: [] }],
  });
  names.forEach((n, i) => add(doc(`crowd-${i}`, "en", [meeting(i, n, i ? "2024-03-10" : "2024-03")], r)));
  for (let i = 10; i < 70; i++) generate(i);
  add(doc("moves-first", "ru", [meeting(100, names[0], "2024-03-25")], r));
  add(doc("names-51st", "ru", [meeting(101, names[50], "2024-03-10")], r));
  add(doc("names-56th", "ru", [meeting(102, names[55], "2024-03-10")], r));
  add(doc("first-old-day", "ru", [meeting(104, names[0], "2024-03-11")], r));
  // Changed versions (replacements), one of them twice, and documents met again unchanged.
  for (const i of [2, 5, 40, 5]) add(doc(`gen-${i}`, "ru", [event(r, 500 + i, 0), event(r, 500 + i, 1)], r), `changed-${out.length}`);
  for (const i of [1, 7]) add(out[i].result);
  for (let i = 70; i < 110; i++) generate(i);
  return out;
}

/** Batches of varied sizes: a single document, small and large runs. */
function batches<T>(list: T[]): T[][] {
  const sizes = [1, 9, 3, 40, 2, 25, 60, 17]; // the four documents after the crowd fall in the batch of 60
  const out: T[][] = [];
  for (let at = 0, k = 0; at < list.length; k++) {
    out.push(list.slice(at, at + sizes[k % sizes.length]));
    at += sizes[k % sizes.length];
  }
  return out;
}

/** Stored rows in a form both databases give alike (ids as numbers, no ingest times, float sums apart). */
async function rows(s: Store): Promise<{ exact: Record<string, Row[]>; sums: number[] }> {
  const all = await (s as SqlStore).storedRows();
  const sums: number[] = [];
  const exact: Record<string, Row[]> = {};
  for (const [t, list] of Object.entries(all)) {
    exact[t] = list.map((r) => {
      const o: Row = {};
      for (const [k, v] of Object.entries(r)) {
        if (k === "ingested_at") continue;
        if (k === "g") sums.push(Number(v));
        else o[k] = ["id", "event_id", "document_id"].includes(k) && v !== null ? Number(v) : v;
      }
      return o;
    });
  }
  return { exact, sums };
}

const tmp = tempFolder("parley-batch-");
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const backends = storeBackends(tmp, "parley_batch_test");
const sqlite = backends[0][1];

/** Store the documents one by one or in batches; the outcomes, rows and full-text hits. */
async function storeAll(open: () => Promise<Store>, list: IngestItem[], batched: boolean) {
  const s = await open();
  const outcomes: string[] = [];
  if (batched) for (const b of batches(list)) outcomes.push(...(await s.ingestBatch(b)));
  else for (const it of list) outcomes.push(await s.ingest(it.meta, it.result, it.lexiconVersion));
  const stored = await rows(s);
  const found = (await s.search("talked", 500)).map((h) => h.document).sort();
  await s.close();
  return { outcomes, ...stored, found };
}

function assertSame(got: Awaited<ReturnType<typeof storeAll>>, want: Awaited<ReturnType<typeof storeAll>>, name: string): void {
  assert.deepEqual(got.outcomes, want.outcomes, `${name}: outcomes`);
  for (const t of Object.keys(want.exact)) assert.deepEqual(got.exact[t], want.exact[t], `${name}: table ${t}`);
  assert.equal(got.sums.length, want.sums.length);
  got.sums.forEach((g, i) => assert.ok(Math.abs(g - want.sums[i]) < 1e-9, `${name}: Goldstein sum ${i}: ${g} != ${want.sums[i]}`));
  assert.deepEqual(got.found, want.found, `${name}: full-text index`);
}

test("documents stored in batches give the rows of storing them one by one", async () => {
  const list = items();
  for (const [name, open] of backends) {
    const want = await storeAll(open, list, false);
    assert.ok(want.exact.reports.some((r) => String(r.why).startsWith("merged")), "some reports merged");
    assert.ok(want.outcomes.includes("replaced") && want.outcomes.includes("unchanged"));
    assert.equal(want.found.length, want.exact.documents.length);
    const reportsOf = (origin: string) => want.exact.reports.filter((r) => r.document_id === want.exact.documents.find((d) => d.origin === origin)!.id).map((r) => String(r.why));
    assert.match(reportsOf("moves-first")[0], /^merged: .*compatible dates 2024-03 ~ 2024-03-25/);
    assert.match(reportsOf("names-51st")[0], /^merged: /);
    assert.deepEqual(reportsOf("names-56th"), ["first report of this event"]);
    assert.deepEqual(reportsOf("first-old-day"), ["first report of this event"]);
    assertSame(await storeAll(open, list, true), want, name);
  }
});

test("new documents stored in batches through PostgreSQL read back as SQLite stores them one by one", { skip: pgUrl ? false : "PARLEY_PG_URL not set" }, async () => {
  // New documents only: PostgreSQL's sequences do not give back the ids of deleted rows as SQLite does.
  const list = items().filter((it) => it.meta.hash === "1").filter((it, i, all) => all.findIndex((o) => o.meta.origin === it.meta.origin) === i);
  assertSame(await storeAll(backends[1][1], list, true), await storeAll(sqlite, list, false), "postgres");
});

test("a batch is stored whole or not at all", async () => {
  for (const [name, open] of backends) {
    const s = await open();
    const list = items().slice(0, 12);
    const broken = { ...list[5], result: { ...list[5].result, events: [{ ...list[5].result.events[0], status: undefined, type: null as never }] } };
    await assert.rejects(s.ingestBatch([...list.slice(0, 5), broken, ...list.slice(6)]), Error, name);
    assert.deepEqual(await s.counts(), { documents: 0, events: 0, reports: 0 }, name);
    assert.deepEqual(await s.ingestBatch(list), list.map(() => "inserted"));
    await s.close();
  }
});

/** Each stored event's fold against the fold of all its reports, in id order, made anew. */
function foldsAgreeWithReports(exact: Record<string, Row[]>, name: string): void {
  const docs = new Map(exact.documents.map((d) => [d.id, d]));
  const byEvent = new Map<unknown, Row[]>();
  for (const r of exact.reports) byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r]);
  assert.equal(exact.event_folds.length, exact.events.length, `${name}: a fold per event`);
  for (const f of exact.event_folds) {
    const reps = (byEvent.get(f.event_id) ?? []).sort((a, b) => Number(a.id) - Number(b.id));
    const fresh = foldReports(reps.map((r) => foldRow({ ...r, ...pick(docs.get(r.document_id)!, ["lang", "source", "orgs"]) })));
    assert.equal(f.state, foldText(fresh.state), `${name}: fold of event ${f.event_id}`);
  }
}
const pick = (r: Row, keys: string[]): Row => Object.fromEntries(keys.map((k) => [k, r[k]]));

test("each event's kept fold is the fold of all its reports, after merges, replacements and removals", async () => {
  const list = items();
  for (const [name, open] of backends) {
    const s = await open();
    for (const b of batches(list)) await s.ingestBatch(b);
    foldsAgreeWithReports((await rows(s)).exact, `${name}, batches`);
    // A removal folds the events it leaves from their remaining reports.
    for (const origin of ["gen-3", "crowd-0", "gen-40"]) assert.ok(await s.removeDocument(origin));
    foldsAgreeWithReports((await rows(s)).exact, `${name}, after removals`);
    await s.close();
  }
});

test("events stored before folds were kept are folded from their reports when joined", async () => {
  const list = items().filter((it) => it.meta.hash === "1").filter((it, i, all) => all.findIndex((o) => o.meta.origin === it.meta.origin) === i);
  const [first, later] = [list.slice(0, 80), list.slice(80)];
  // (A PostgreSQL backend opens a database of its own name afresh: the second store needs another.)
  const others = storeBackends(tmp, "parley_batch_legacy_test");
  for (const [k, [name, open]] of backends.entries()) {
    const kept = await open();
    const legacy = await others[k][1]();
    for (const s of [kept, legacy]) await s.ingestBatch(first);
    const before = (await rows(legacy)).exact.events.map((e) => Number(e.id));
    // As a store made before migration 8 is: events without their fold.
    await (legacy as unknown as { db: { run(sql: string): Promise<unknown> } }).db.run("DELETE FROM event_folds");
    for (const s of [kept, legacy]) for (const b of batches(later)) await s.ingestBatch(b);
    const want = (await rows(kept)).exact, got = (await rows(legacy)).exact;
    const laterDocs = new Set(got.documents.filter((d) => later.some((it) => it.meta.origin === d.origin)).map((d) => d.id));
    assert.ok(got.reports.some((r) => laterDocs.has(r.document_id) && String(r.why).startsWith("merged") && before.includes(Number(r.event_id))), `${name}: a later report joins an event stored without its fold`);
    for (const t of Object.keys(want)) if (t !== "event_folds") assert.deepEqual(got[t], want[t], `${name}: table ${t}`);
    // The events the later documents joined or made have their fold again, the one kept all along.
    assert.ok(got.event_folds.length > 0 && got.event_folds.length < want.event_folds.length, `${name}: some folds made again`);
    const joined = new Set(got.reports.filter((r) => laterDocs.has(r.document_id)).map((r) => r.event_id));
    assert.deepEqual(got.event_folds.map((f) => f.event_id).filter((id) => joined.has(id)), [...joined].sort((a, b) => Number(a) - Number(b)), `${name}: every event joined has its fold`);
    for (const f of got.event_folds) assert.deepEqual(f, want.event_folds.find((w) => w.event_id === f.event_id), `${name}: fold of event ${f.event_id}`);
    for (const s of [kept, legacy]) await s.close();
  }
});

test("a batch writes of the stored events it joins only what their new reports change", async () => {
  const s = await sqlite();
  const db = (s as unknown as { db: { run(sql: string): Promise<unknown>; all(sql: string, params?: unknown[]): Promise<Row[]> } }).db;
  const r = rng(7);
  const talks = (i: number, date: string, topics: string[]) => event(r, i, 0, {
    type: "CONSULT", mode: "meeting", cameo: "040", date, status: undefined, location: null, topics,
    actors: [{ country: "IND", name: "Anand Verhoeven", role: "foreign_minister", evidence: [] }, { country: "BRA", name: null, role: "official", evidence: [] }],
  });
  const signing = (i: number, date: string) => event(r, i, 1, {
    type: "AGREE", mode: null, cameo: "057", date, status: undefined, location: null, topics: [],
    actors: [{ country: "JPN", name: null, role: "minister", evidence: [] }, { country: "MEX", name: null, role: "minister", evidence: [] }],
  });
  const item = (origin: string, source: string, events: EventRecord[]): IngestItem =>
    ({ meta: { origin, hash: "1" }, result: { ...doc(origin, "en", events, r), source, orgs: [] }, lexiconVersion: "v1" });
  await s.ingestBatch([item("first", "a.example", [talks(1, "2024-05-02", ["trade"]), signing(1, "2024-05")])]);
  // Every write to an event's rows from here on is logged.
  await db.run("CREATE TABLE write_log (t TEXT, op TEXT, event_id INTEGER, v TEXT)");
  const logged: [string, string, string][] = [
    ["events", "id", "date"], ["event_actors", "event_id", "country || ':' || COALESCE(name, '') || ':' || COALESCE(role, '')"], ["event_topics", "event_id", "topic"],
    ["event_keys", "event_id", "key || '@' || COALESCE(date, '')"], ["event_folds", "event_id", "''"],
  ];
  for (const [t, id, v] of logged) {
    for (const [op, row] of [["INSERT", "NEW"], ["DELETE", "OLD"], ["UPDATE", "NEW"]]) {
      await db.run(`CREATE TRIGGER log_${t}_${op} AFTER ${op} ON ${t} BEGIN INSERT INTO write_log VALUES ('${t}', '${op}', ${row}.${id}, ${v.replace(/\b(country|name|role|topic|key|date)\b/g, `${row}.$1`)}); END`);
    }
  }
  const log = async () => (await db.all("SELECT t, op, event_id, v FROM write_log ORDER BY t, op, event_id, v")).map((w) => `${w.t} ${w.op} ${w.event_id} ${w.v}`);
  const [talksId, signingId] = (await db.all("SELECT id FROM events ORDER BY id")).map((e) => Number(e.id));
  const keysOf = async (id: number) => (await db.all("SELECT key, date FROM event_keys WHERE event_id = ? ORDER BY key", [id])).map((k) => `${k.key}@${k.date ?? ""}`);
  const signingKeys = await keysOf(signingId);

  // A copy from the same source adds nothing to either event: none of their rows is written.
  await s.ingestBatch([item("copy", "a.example", [talks(2, "2024-05-02", ["trade"]), signing(2, "2024-05")])]);
  assert.deepEqual((await db.all("SELECT event_id, why FROM reports WHERE document_id = (SELECT id FROM documents WHERE origin = 'copy') ORDER BY idx")).map((x) => [Number(x.event_id), String(x.why).slice(0, 7)]),
    [[talksId, "merged:"], [signingId, "merged:"]]);
  assert.deepEqual(await log(), []);

  // Another source, a topic more for the talks and a day for the signing: the new source and
  // topic keys and topic row are added, the signing's date and keys (each carries the date)
  // written again, both folds; the sides stay.
  await s.ingestBatch([item("second", "b.example", [talks(3, "2024-05-02", ["trade", "energy"]), signing(3, "2024-05-20")])]);
  const signingNow = await keysOf(signingId);
  assert.ok(signingNow.every((k) => k.endsWith("@2024-05-20")) && signingNow.includes("s:b.example@2024-05-20"), signingNow.join());
  assert.deepEqual(await log(), [
    `event_folds DELETE ${talksId} `, `event_folds DELETE ${signingId} `, `event_folds INSERT ${talksId} `, `event_folds INSERT ${signingId} `,
    ...signingKeys.map((k) => `event_keys DELETE ${signingId} ${k}`),
    `event_keys INSERT ${talksId} s:b.example@2024-05-02`, `event_keys INSERT ${talksId} t:energy@2024-05-02`,
    ...signingNow.map((k) => `event_keys INSERT ${signingId} ${k}`),
    `event_topics INSERT ${talksId} energy`,
    `events UPDATE ${signingId} 2024-05-20`,
  ].sort());
  // A person named for a side that had none: that side's row is replaced, the other kept.
  await db.run("DELETE FROM write_log");
  const named = talks(4, "2024-05-02", ["trade"]);
  named.actors[1] = { ...named.actors[1], name: "Paulo Tavarez" };
  await s.ingestBatch([item("third", "a.example", [named])]);
  assert.deepEqual((await log()).filter((w) => w.startsWith("event_actors")), [`event_actors DELETE ${talksId} BRA::official`, `event_actors INSERT ${talksId} BRA:Paulo Tavarez:official`]);
  // The kept keys, counts and aggregates still equal a rebuild from the stored events.
  const sql = s as unknown as SqlStore;
  const kept = await sql.derivedRows();
  await sql.rebuildDerived();
  assert.deepEqual(kept, await sql.derivedRows());
  await s.close();
});
