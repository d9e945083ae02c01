// The storage contract, run against SQLite always and against PostgreSQL when PARLEY_PG_URL
// names a server (CI starts one). Documents are built here, not extracted, so these tests pin
// the store's behaviour alone: idempotence, replacement, merging across documents and languages,
// reversibility, queries, full-text search.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import type { DocumentResult, EventRecord } from "../types.js";
import { openStore, type Store } from "./index.js";

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

const backends: [string, () => Promise<Store>][] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-store-"));
backends.push(["sqlite", () => openStore(path.join(tmp, `t${Math.random().toString(36).slice(2)}.db`))]);
const pgUrl = process.env.PARLEY_PG_URL;
if (pgUrl) {
  backends.push(["postgres", async () => {
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    await c.end();
    return openStore(pgUrl);
  }]);
} else {
  test("PostgreSQL store", { skip: "PARLEY_PG_URL not set: PostgreSQL tests skipped (.ci/run starts a server and sets it)" }, () => {});
}
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
