// The dashboard's API routes over a store built here: two documents written for the test, one
// with a planned (not stored) event between two stored ones, so the document → event links
// must skip it.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { DocumentResult, EventRecord, EventType } from "../types.js";
import { openStore, type Store } from "../store/index.js";
import { AggregateCache } from "./dashboard.js";
import { buildServer } from "./server.js";

/** An event whose evidence is the `n`-th sentence of `body` and whose trigger is its first word. */
function event(body: string, n: number, type: EventType, sides: [string, string | null][], date: string, extra: Partial<EventRecord> = {}): EventRecord {
  const sentences = body.split(/(?<=\.) /);
  const start = sentences.slice(0, n).reduce((a, s) => a + s.length + 1, 0);
  const sentence = sentences[n];
  const evidence = { document: "d", sentence, start, end: start + sentence.length };
  return {
    type, mode: type === "CONSULT" ? "meeting" : null, cameo: type === "AGREE" ? "057" : type === "ACCUSE" ? "112" : "040", goldstein: type === "AGREE" ? 8 : type === "ACCUSE" ? -2 : 1, date,
    actors: sides.map(([country, name]) => ({ country, name, role: name ? "foreign_minister" : null, evidence: [evidence] })),
    location: null, topics: ["trade"], evidence, trigger: { text: sentence.split(" ")[0], start, end: start + sentence.split(" ")[0].length }, ...extra,
  };
}

function doc(id: string, lang: DocumentResult["lang"], body: string, events: EventRecord[]): DocumentResult {
  return {
    id, origin: `test:${id}`, encoding: "UTF-8", lang, source: `${lang}.example`, published: "2024-05-02", title: id, body, body_first: null, body_last: null, events, orgs: [],
    third_countries: [], figures: [], evidence: { title: null, published: null, body: [{ start: 0, end: body.length }], orgs: {}, third_countries: {} },
  };
}

const one = "Ministers of Tajikistan and Kyrgyzstan met in Khujand. They will sign a border treaty next year. Both signed a trade protocol. Kyrgyzstan accused Tajikistan of delays.";
const A = doc("border-talks", "en", one, [
  event(one, 0, "CONSULT", [["TJK", "Sirojiddin Muhriddin"], ["KGZ", "Jeenbek Kulubaev"]], "2024-05-01"),
  event(one, 1, "AGREE", [["TJK", null], ["KGZ", null]], "2025", { status: "planned" }),
  event(one, 2, "AGREE", [["TJK", null], ["KGZ", null]], "2024-05-01"),
  event(one, 3, "ACCUSE", [["KGZ", null], ["TJK", null]], "2024-06-03"),
]);
const two = "Министры Таджикистана и Узбекистана провели переговоры в Ташкенте.";
const B = doc("tashkent-talks", "ru", two, [event(two, 0, "CONSULT", [["TJK", "Sirojiddin Muhriddin"], ["UZB", null]], "2023-11-20")]);

// SQLite always; PostgreSQL too when PARLEY_PG_URL names a server (database parley_dash_test).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-dashapi-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const backends: [string, () => Promise<Store>][] = [["sqlite", () => openStore(path.join(tmp, "d.db"))]];
if (process.env.PARLEY_PG_URL) {
  backends.push(["postgres", async () => {
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: process.env.PARLEY_PG_URL });
    await c.connect();
    await c.query("DROP DATABASE IF EXISTS parley_dash_test WITH (FORCE)");
    await c.query("CREATE DATABASE parley_dash_test");
    await c.end();
    const u = new URL(process.env.PARLEY_PG_URL!);
    u.pathname = "/parley_dash_test";
    return openStore(u.toString());
  }]);
}

for (const [kind, open] of backends) describe(`dashboard API routes: ${kind}`, () => {
  let store: Store, app: FastifyInstance, base: string;
  const get = async (url: string) => {
    const r = await fetch(base + url);
    return { status: r.status, json: (await r.json()) as any };
  };
  before(async () => {
    store = await open();
    await store.ingest({ origin: A.origin, hash: "a" }, A, "test");
    await store.ingest({ origin: B.origin, hash: "b" }, B, "test");
    app = await buildServer({ store, noAuth: true, logger: false });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  test("series by type and mode, and by family", async () => {
    const t = await get("/api/series?by=month&country=TJK&with=KGZ");
    assert.equal(t.status, 200);
    assert.deepEqual(t.json.series.map((r: any) => [r.period, r.type, r.mode, r.events]), [["2024-05", "AGREE", null, 1], ["2024-05", "CONSULT", "meeting", 1], ["2024-06", "ACCUSE", null, 1]]);
    const f = await get("/api/series?by=year&group=family");
    const byFam = Object.fromEntries(f.json.series.map((r: any) => [`${r.period} ${r.type}`, r.events]));
    assert.deepEqual(byFam, { "2023 cooperative": 1, "2024 cooperative": 2, "2024 verbal conflict": 1 });
    assert.equal((await get("/api/series?group=colour")).status, 400);
  });

  test("pairs, countries, topics, persons", async () => {
    const p = await get("/api/pairs?limit=5");
    assert.deepEqual(p.json.pairs.map((x: any) => [x.sides.join("-"), x.events]), [["KGZ-TJK", 3], ["TJK-UZB", 1]]);
    assert.equal(p.json.pairs[0].goldstein, (1 + 8 - 2) / 3);
    const c = await get("/api/countries");
    assert.deepEqual(c.json.countries.map((x: any) => [x.country, x.events]), [["TJK", 4], ["KGZ", 3], ["UZB", 1]]);
    const t = await get("/api/topics?country=UZB&by=year");
    assert.deepEqual(t.json.topics, [{ period: "2023", topic: "trade", events: 1 }]);
    const ps = await get("/api/persons?country=TJK");
    assert.deepEqual(ps.json.persons.map((x: any) => [x.name, x.role, x.events, x.first, x.last]), [["Sirojiddin Muhriddin", "foreign_minister", 2, "2023-11-20", "2024-05-01"]]);
    assert.equal((await get("/api/persons?country=XXX")).status, 400);
  });

  test("an event's documents; a document's events skip the planned one", async () => {
    const docs = (await get("/api/documents?limit=10")).json.documents as { id: number; origin: string }[];
    const a = docs.find((d) => d.origin === A.origin)!;
    const links = (await get(`/api/documents/${a.id}/events`)).json.links as { event: number; id: number }[];
    assert.deepEqual(links.map((l) => l.event), [0, 2, 3], "extraction indices of the stored events (1 is planned)");
    for (const l of links) {
      const e = (await get(`/api/events/${l.id}`)).json;
      assert.equal(e.type, A.events[l.event].type);
      assert.equal(e.reports[0].sentence, A.events[l.event].evidence.sentence);
      const d = (await get(`/api/events/${l.id}/documents`)).json.documents;
      assert.deepEqual(d.map((x: any) => x.document_id), [a.id]);
    }
    assert.equal((await get("/api/events/999999/documents")).status, 404);
    const ids = await get(`/api/document-ids?origin=${encodeURIComponent(B.origin)}&origin=nowhere`);
    assert.deepEqual(ids.json.documents, [{ origin: B.origin, id: docs.find((d) => d.origin === B.origin)!.id }]);
  });

  test("cached aggregates are cleared by this server's writes", async () => {
    const before = (await get("/api/countries")).json.countries.length;
    const r = await fetch(`${base}/api/documents?name=extra.txt`, { method: "POST", headers: { "content-type": "text/plain" }, body: "Ankara, 2 May 2024\n\nThe foreign ministers of Turkey and Azerbaijan met in Ankara on Thursday and discussed transport corridors." });
    assert.equal(r.status, 201, await r.text());
    const now = (await get("/api/countries")).json.countries.map((x: any) => x.country);
    assert.ok(now.length > before && now.includes("TUR"), `the new sides show at once (${now})`);
  });
});

test("AggregateCache: fresh answers reused, stale ones given while one recomputation runs", async () => {
  const cache = new AggregateCache(20, 10_000);
  let calls = 0;
  const compute = async () => ++calls;
  assert.equal(await cache.get("k", compute), 1);
  assert.equal(await cache.get("k", compute), 1);
  await new Promise((r) => setTimeout(r, 30));
  assert.equal(await cache.get("k", compute), 1, "stale but within the limit: the old answer");
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(await cache.get("k", compute), 2, "the recomputed answer");
  assert.equal(calls, 2);
  cache.clear();
  assert.equal(await cache.get("k", compute), 3);
  await assert.rejects(cache.get("bad", async () => { throw new Error("no"); }));
  assert.equal(await cache.get("bad", async () => 7), 7, "a failure is not kept");
});
