// The storage contract, run against SQLite always and against PostgreSQL when PARLEY_PG_URL
// names a server (CI starts one). Documents are built here, not extracted, so these tests pin
// the store's behaviour alone: idempotence, replacement, merging across documents and languages,
// reversibility, queries, full-text search.
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, describe, test } from "node:test";
import type { DocumentResult, EventRecord } from "../types.js";
import { type EventFilter, type EventRow, type Store } from "./index.js";
import type { SqlStore } from "./sql.js";
import { pgUrl, rng, storeBackends, tempFolder } from "./testing.js";

function ev(p: Partial<EventRecord> & { countries: [string, string?][]; sentence: string }): EventRecord {
  const evidence = { document: "x", sentence: p.sentence, start: 0, end: p.sentence.length };
  return {
    type: p.type ?? "CONSULT", mode: p.mode ?? "meeting", cameo: p.cameo ?? "040", goldstein: p.goldstein ?? 1, date: p.date ?? null,
    actors: p.countries.map(([country, name]) => ({ country, name: name ?? null, role: name ? "head_of_state" : null, evidence: [evidence] })),
    location: p.location ?? null, topics: p.topics ?? [], evidence, trigger: { text: "", start: 0, end: 0 }, ...(p.status ? { status: p.status } : {}),
  };
}

function doc(id: string, lang: DocumentResult["lang"], body: string, events: EventRecord[]): DocumentResult {
  return {
    id, origin: id, encoding: "UTF-8", lang, source: `${lang}.example`, published: "2024-03-12", title: id, body,
    body_first: null, body_last: null, events, orgs: ["SCO"], third_countries: [], figures: [],
    evidence: { title: null, published: null, body: [], orgs: {}, third_countries: {} },
  };
}

// One phone call reported in English (persons named) and Arabic (offices only, date a day off),
// plus two distinct meetings on one trip (same sides, same day, different persons).
const english = doc("call-en", "en", "President Rahmon held a telephone conversation with President Tokayev on labour migration.", [
  ev({ mode: "phone", cameo: "041", date: "2024-03-12", countries: [["TJK", "Emomali Rahmon"], ["KAZ", "Kassym-Jomart Tokayev"]], sentence: "President Rahmon held a telephone conversation with President Tokayev.", topics: ["migration"] }),
  ev({ date: "2024-03-12", countries: [["RUS", "Sergey Lavrov"], ["TJK", "Emomali Rahmon"]], sentence: "Lavrov met Rahmon." }),
  ev({ date: "2024-03-12", countries: [["RUS", "Sergey Lavrov"], ["TJK", "Sirojiddin Muhriddin"]], sentence: "Lavrov met Muhriddin." }),
  ev({ mode: "visit", date: "2024-04-20", countries: [["TJK"], ["KAZ"]], sentence: "He will visit Astana.", status: "planned" }),
]);
const arabic = doc("call-ar", "ar", "أجرى الرئيس الطاجيكي اتصالا هاتفيا مع الرئيس الكازاخستاني بحثا خلاله الهجرة والتجارة.", [
  ev({ mode: "phone", cameo: "041", date: "2024-03-13", countries: [["KAZ"], ["TJK"]], sentence: "أجرى الرئيس الطاجيكي اتصالا هاتفيا مع الرئيس الكازاخستاني", topics: ["trade"] }),
]);
const russian = doc("other-ru", "ru", "Стороны обсудили трудовую миграцию и торговлю.", [
  ev({ type: "AGREE", mode: "sign", cameo: "057", goldstein: 8, date: "2023-06-01", countries: [["TJK"], ["RUS"]], sentence: "Подписано соглашение.", topics: ["migration"] }),
]);

const tmp = tempFolder("parley-store-");
const backends = storeBackends(tmp);
if (!pgUrl) test("PostgreSQL store", { skip: "PARLEY_PG_URL not set: PostgreSQL tests skipped (.ci/run starts a server and sets it)" }, () => {});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

for (const [name, open] of backends) {
  describe(`store: ${name}`, { concurrency: false }, () => {
    test("ingest is idempotent and replaces a changed document", async () => {
      const s = await open();
      assert.equal(await s.ingest({ origin: "a.txt", hash: "h1" }, english, "v1"), "inserted");
      const first = await s.counts();
      assert.equal(await s.ingest({ origin: "a.txt", hash: "h1" }, english, "v1"), "unchanged");
      assert.deepEqual(await s.counts(), first);
      assert.equal(first.documents, 1);
      assert.equal(first.reports, 3, "the planned visit is a mention, not stored as an event");
      assert.equal(await s.ingest({ origin: "a.txt", hash: "h2" }, russian, "v1"), "replaced");
      assert.deepEqual(await s.counts(), { documents: 1, events: 1, reports: 1 });
      await s.close();
    });

    test("one call reported in two languages is one event; two meetings on one trip stay two", async () => {
      const s = await open();
      await s.ingest({ origin: "en.txt", hash: "1" }, english, "v1");
      await s.ingest({ origin: "ar.txt", hash: "2" }, arabic, "v1");
      const c = await s.counts();
      assert.equal(c.reports, 4);
      assert.equal(c.events, 3, "3 events from 4 reports");
      const [call] = await s.events({ type: "CONSULT", mode: "phone" });
      assert.equal(call.reports.length, 2);
      assert.deepEqual(call.reports.map((r) => r.lang).sort(), ["ar", "en"]);
      assert.match(call.reports[1].why, /merged: .*same sides KAZ-TJK.*a day apart/);
      assert.deepEqual(call.topics.sort(), ["migration", "trade"]);
      assert.equal(call.actors.find((a) => a.country === "KAZ")?.name, "Kassym-Jomart Tokayev");
      assert.equal((await s.events({ country: "RUS", with: "TJK" })).length, 2);
      // Removing the English report leaves the Arabic one as its own event: the merge is reversible.
      assert.equal(await s.removeDocument("en.txt"), true);
      const after = await s.events({});
      assert.equal(after.length, 1);
      assert.equal(after[0].reports[0].lang, "ar");
      assert.equal(after[0].actors.find((a) => a.country === "KAZ")?.name, null);
      await s.close();
    });

    test("queries filter, sort and page; dyads and timelines aggregate", async () => {
      const s = await open();
      await s.ingest({ origin: "en.txt", hash: "1" }, english, "v1");
      await s.ingest({ origin: "ar.txt", hash: "2" }, arabic, "v1");
      await s.ingest({ origin: "ru.txt", hash: "3" }, russian, "v1");
      assert.equal((await s.events({ person: "lavrov" })).length, 2);
      assert.equal((await s.events({ topic: "migration" })).length, 2);
      assert.equal((await s.events({ since: "2024-01-01" })).length, 3);
      assert.equal((await s.events({ until: "2023-12-31" })).length, 1);
      assert.equal((await s.events({ lang: "ar" })).length, 1);
      const sorted = await s.events({ sort: "date" });
      assert.equal(sorted[0].date, "2023-06-01");
      const page = await s.events({ sort: "date", limit: 2, offset: 1 });
      assert.deepEqual(page.map((e) => e.id), sorted.slice(1, 3).map((e) => e.id));
      const dy = await s.dyads("TJK");
      assert.deepEqual(dy.map((d) => [d.partner, d.events]), [["RUS", 3], ["KAZ", 1]]);
      const tl = await s.timeline("TJK", "RUS", "year");
      assert.deepEqual(tl.map((t) => [t.period, t.events]), [["2023", 1], ["2024", 2]]);
      await s.close();
    });

    test("full-text search finds inflected Cyrillic and Arabic words", async () => {
      const s = await open();
      await s.ingest({ origin: "ar.txt", hash: "2" }, arabic, "v1");
      await s.ingest({ origin: "ru.txt", hash: "3" }, russian, "v1");
      const ru = await s.search("трудовая миграция");
      assert.deepEqual(ru.map((h) => h.document), ["other-ru"]);
      assert.equal(ru[0].events.length, 1);
      assert.deepEqual((await s.search("الهجرة")).map((h) => h.document), ["call-ar"]);
      assert.deepEqual(await s.search("\"; DROP TABLE documents; --"), []);
      await s.close();
    });
  });
}

// The kept keys, counts and aggregates (derived.ts) against a recomputation from the events
// themselves, after ingest, removal, replacement (re-merge) and re-ingest of generated documents.
const SIDES = ["TJK", "RUS", "KAZ", "CHN", "UZB"];
const PERSONS: Record<string, string[]> = { TJK: ["Emomali Rahmon", "Sirojiddin Muhriddin"], RUS: ["Sergey Lavrov", "Vladimir Putin"], KAZ: ["Kassym-Jomart Tokayev"], CHN: ["Wang Yi"], UZB: [] };
const TOPICS = ["migration", "trade", "energy", "water"];
const LANGS: DocumentResult["lang"][] = ["en", "ru", "ar"];


function generated(seed: number, n: number): DocumentResult[] {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const docs: DocumentResult[] = [];
  for (let i = 0; i < n; i++) {
    const events: EventRecord[] = [];
    for (let k = 0, m = 1 + Math.floor(r() * 4); k < m; k++) {
      const a = pick(SIDES);
      let b = pick(SIDES);
      if (b === a) b = SIDES[(SIDES.indexOf(a) + 1) % SIDES.length];
      const sides: [string, string?][] = [a, b, ...(r() < 0.15 ? [pick(SIDES.filter((c) => c !== a && c !== b))] : [])].map((c) => [c, r() < 0.5 ? pick(PERSONS[c]) : undefined]);
      const day = 1 + Math.floor(r() * 4);
      const p = r();
      const date = p < 0.1 ? null : p < 0.2 ? `202${Math.floor(r() * 2) + 3}` : p < 0.3 ? `2024-0${1 + Math.floor(r() * 3)}` : `2024-0${1 + Math.floor(r() * 3)}-0${day}`;
      const type = pick(["CONSULT", "CONSULT", "AGREE", "COOPERATE"] as EventRecord["type"][]);
      events.push(ev({ type, mode: type === "CONSULT" ? pick(["meeting", "phone"]) : null, goldstein: Math.round(r() * 100) / 10 - 2, date, countries: sides, sentence: `Sentence ${i}.${k}.`, topics: r() < 0.6 ? [pick(TOPICS)] : [] }));
    }
    const d = doc(`gen-${seed}-${i}`, pick(LANGS), `Body ${i}.`, events);
    d.source = r() < 0.1 ? null : `${d.lang}.${pick(["a", "b"])}.example`;
    d.orgs = r() < 0.3 ? [pick(["SCO", "CIS", "EU"])] : [];
    docs.push(d);
  }
  return docs;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Every aggregate answer of the store equals the same answer worked out from its events. */
async function checkAggregates(s: Store, docs: Map<string, DocumentResult>): Promise<void> {
  const all = await s.events({});
  assert.equal(await s.countEvents({}), all.length);
  assert.equal((await s.counts()).events, all.length);
  const has = (e: EventRow, c: string) => e.actors.some((a) => a.country === c);
  const avg = (list: EventRow[]) => list.reduce((t, e) => t + e.goldstein, 0) / list.length;
  const sortRows = <T extends { key?: string | null }>(rows: T[]) => [...rows].sort((x, y) => String(x.key).localeCompare(String(y.key)));
  for (const c of SIDES) {
    const mine = all.filter((e) => has(e, c));
    const want = new Map<string, { events: number; types: Record<string, number>; g: number }>();
    for (const e of mine) for (const a of e.actors) {
      if (a.country === c) continue;
      const d = want.get(a.country) ?? { events: 0, types: {}, g: 0 };
      d.events++;
      d.types[e.type] = (d.types[e.type] ?? 0) + 1;
      d.g += e.goldstein;
      want.set(a.country, d);
    }
    const got = await s.dyads(c);
    assert.equal(got.length, want.size, `dyads ${c}`);
    for (const d of got) {
      const w = want.get(d.partner)!;
      assert.equal(d.events, w.events, `dyads ${c}-${d.partner}`);
      assert.deepEqual(d.types, w.types);
      assert.ok(near(d.goldstein, w.g / w.events), `dyads ${c}-${d.partner} goldstein ${d.goldstein} != ${w.g / w.events}`);
    }
    assert.equal(await s.countEvents({ country: c }), mine.length);
    // A month-bounded dyad query (the month aggregates) against the events of those months.
    const bounded = await s.dyads(c, { since: "2024-02", until: "2024-03" });
    const inMonths = mine.filter((e) => e.date && e.date >= "2024-02" && e.date <= "2024-03\uffff");
    assert.equal(bounded.reduce((t, d) => t + d.events, 0), inMonths.reduce((t, e) => t + e.actors.filter((a) => a.country !== c).length, 0));
    for (const b of SIDES) {
      if (b <= c) continue;
      for (const [by, len] of [["day", 10], ["month", 7], ["year", 4]] as const) {
        const both = all.filter((e) => has(e, c) && has(e, b) && e.date && e.date.length >= len);
        const periods = [...new Set(both.map((e) => e.date!.slice(0, len)))].sort();
        const tl = await s.timeline(b, c, by);
        assert.deepEqual(tl.map((t) => [t.period, t.events]), periods.map((p) => [p, both.filter((e) => e.date!.startsWith(p)).length]), `timeline ${c} ${b} ${by}`);
        tl.forEach((t) => assert.ok(near(t.goldstein, avg(both.filter((e) => e.date!.startsWith(t.period))))));
      }
    }
  }
  const count = (key: (e: EventRow) => (string | null)[]) => {
    const m = new Map<string | null, number>();
    for (const e of all) for (const k of new Set(key(e))) m.set(k, (m.get(k) ?? 0) + 1);
    return sortRows([...m].map(([k, n]) => ({ key: k, events: n })));
  };
  assert.deepEqual(sortRows(await s.breakdown("type", {})), count((e) => [e.type]));
  assert.deepEqual(sortRows(await s.breakdown("month", {})), count((e) => (e.date && e.date.length >= 7 ? [e.date.slice(0, 7)] : [])));
  assert.deepEqual(sortRows(await s.breakdown("language", {})), count((e) => e.reports.map((r) => r.lang)));
  assert.deepEqual(sortRows(await s.breakdown("source", {})), count((e) => e.reports.map((r) => r.source)));
  assert.deepEqual(sortRows(await s.breakdown("type", { since: "2024-02" })), count((e) => (e.date && e.date >= "2024-02" ? [e.type] : [])));
  const persons = await s.actors("person", {});
  const wantPersons = count((e) => e.actors.filter((a) => a.name).map((a) => `${a.country}|${a.name}`));
  assert.equal(persons.total, wantPersons.length);
  assert.deepEqual(persons.rows.map((p) => ({ key: `${p.country}|${p.name}`, events: p.events })).sort((x, y) => x.key.localeCompare(y.key)), wantPersons);
  assert.deepEqual(persons.rows.map((p) => p.events), [...persons.rows.map((p) => p.events)].sort((x, y) => y - x), "most events first");
  const countries = await s.actors("country", { limit: 2, offset: 1 });
  assert.equal(countries.total, count((e) => e.actors.map((a) => a.country)).length);
  assert.equal(countries.rows.length, Math.min(2, countries.total - 1));
  // Filtered pages against filtering the events here (newest first, undated last).
  const orgOf = (e: EventRow) => new Set([...e.actors.map((a) => a.country), ...e.reports.flatMap((r) => docs.get(r.origin)?.orgs ?? [])]);
  const filters: [EventFilter, (e: EventRow) => boolean][] = [
    [{ country: "TJK", with: "RUS" }, (e) => has(e, "TJK") && has(e, "RUS")],
    [{ person: "lavrov" }, (e) => e.actors.some((a) => a.name?.toLowerCase().includes("lavrov"))],
    [{ person: "o" }, (e) => e.actors.some((a) => a.name?.toLowerCase().includes("o"))],
    [{ topic: "trade", since: "2024-02-02" }, (e) => e.topics.includes("trade") && !!e.date && e.date >= "2024-02-02"],
    [{ lang: "ru", type: "CONSULT" }, (e) => e.type === "CONSULT" && e.reports.some((r) => r.lang === "ru")],
    [{ org: "SCO", until: "2024-02" }, (e) => orgOf(e).has("SCO") && !!e.date && e.date <= "2024-02\uffff"],
    [{ source: "en.a.example", country: "KAZ" }, (e) => has(e, "KAZ") && e.reports.some((r) => r.source === "en.a.example")],
    [{ person: "nobody at all" }, () => false],
  ];
  for (const [f, keep] of filters) {
    const want = all.filter(keep).map((e) => e.id);
    assert.deepEqual((await s.events(f)).map((e) => e.id), want, JSON.stringify(f));
    assert.deepEqual((await s.events({ ...f, limit: 3, offset: 2 })).map((e) => e.id), want.slice(2, 5), JSON.stringify(f));
    assert.equal(await s.countEvents(f), want.length, JSON.stringify(f));
    const asc = await s.events({ ...f, sort: "date" });
    assert.deepEqual(asc.map((e) => e.id).sort(), [...want].sort(), JSON.stringify(f));
    // Keyset paging in both orders gives every row once, in order.
    for (const sort of ["-date", "date"] as const) {
      const seen: number[] = [];
      let cursor: EventFilter["cursor"];
      for (;;) {
        const page = await s.events({ ...f, sort, limit: 3, cursor });
        seen.push(...page.map((e) => e.id));
        if (page.length < 3) break;
        cursor = { date: page[2].date, id: page[2].id };
      }
      assert.deepEqual(seen, sort === "date" ? asc.map((e) => e.id) : want, `cursor pages ${sort} ${JSON.stringify(f)}`);
    }
  }
  // Deep offset pages (started at their month) equal the plain ones, in both orders.
  const sql = s as unknown as SqlStore;
  const asc = await s.events({ sort: "date" });
  for (const offset of [0, 1, 7, Math.floor(all.length / 2), all.length - 3, all.length + 2]) {
    sql.deepOffset = 0;
    const deep = await s.events({ limit: 4, offset });
    const deepAsc = await s.events({ limit: 4, offset, sort: "date" });
    sql.deepOffset = 2000;
    assert.deepEqual(deep.map((e) => e.id), all.slice(offset, offset + 4).map((e) => e.id), `deep page at ${offset}`);
    assert.deepEqual(deepAsc.map((e) => e.id), asc.slice(offset, offset + 4).map((e) => e.id), `deep page at ${offset}, oldest first`);
  }
  // The kept tables equal a rebuild from the stored events (what migration 5 does).
  const kept = await sql.derivedRows();
  await sql.rebuildDerived();
  const rebuilt = await sql.derivedRows();
  for (const t of Object.keys(kept)) {
    assert.equal(kept[t].length, rebuilt[t].length, t);
    kept[t].forEach((r, i) => {
      for (const [k, v] of Object.entries(r)) {
        if (typeof v === "number" && k === "g") assert.ok(near(v, Number(rebuilt[t][i][k])), `${t}.${k}`);
        else assert.deepEqual(v, rebuilt[t][i][k], `${t}.${k} row ${i}`);
      }
    });
  }
}

for (const [name, open] of backends) {
  test(`store: ${name}: kept aggregates equal a recomputation after ingest, removal and re-merge`, async () => {
    const s = await open();
    const docs = generated(7, 60);
    const byOrigin = new Map<string, DocumentResult>();
    for (const d of docs) {
      await s.ingest({ origin: d.id, hash: "1" }, d, "v1");
      byOrigin.set(d.id, d);
    }
    const before = await s.counts();
    assert.ok(before.reports > before.events, "some reports merged into one event");
    await checkAggregates(s, byOrigin);
    // Removal: events lose reports (their dates change) or go.
    for (const d of docs.filter((_, i) => i % 4 === 1)) {
      assert.equal(await s.removeDocument(d.id), true);
      byOrigin.delete(d.id);
    }
    await checkAggregates(s, byOrigin);
    // Replacement with other content: reports leave their events and merge elsewhere.
    const others = generated(8, 15);
    for (const [i, d] of docs.filter((_, i) => i % 4 === 2).entries()) {
      const o = { ...others[i % others.length], id: d.id, origin: d.id };
      assert.equal(await s.ingest({ origin: d.id, hash: "2" }, o, "v1"), "replaced");
      byOrigin.set(d.id, o);
    }
    // The removed ones again.
    for (const d of docs.filter((_, i) => i % 4 === 1)) {
      await s.ingest({ origin: d.id, hash: "1" }, d, "v1");
      byOrigin.set(d.id, d);
    }
    await checkAggregates(s, byOrigin);
    await s.close();
  });
}
