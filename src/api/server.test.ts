// The HTTP API on a real server on a loopback port, over SQLite always and over PostgreSQL when
// PARLEY_PG_URL names a server (a database of its own, parley_api_test, is created there).
// Documents are built here (sentences written for the test), except the posted ones, which go
// through the whole pipeline.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import type { FastifyInstance } from "fastify";
import type { DocumentResult, EventRecord } from "../types.js";
import { PoliteFetcher } from "../collect/fetch.js";
import { startNewsSite } from "../collect/fixture-site.js";
import { openStore, type Store } from "../store/index.js";
import { buildServer, checkServeOptions, type ServerOptions } from "./server.js";

const TOKEN = "test-token-0123456789abcdef";

function ev(p: Partial<EventRecord> & { countries: [string, string?][]; sentence: string; at?: number }): EventRecord {
  const evidence = { document: "x", sentence: p.sentence, start: p.at ?? 0, end: (p.at ?? 0) + p.sentence.length };
  return {
    type: p.type ?? "CONSULT", mode: p.mode ?? "meeting", cameo: p.cameo ?? "040", goldstein: p.goldstein ?? 1, date: p.date ?? null,
    actors: p.countries.map(([country, name]) => ({ country, name: name ?? null, role: name ? "head_of_state" : null, evidence: [evidence] })),
    location: p.location ?? null, topics: p.topics ?? [], evidence, trigger: { text: "", start: evidence.start, end: evidence.start + 3 },
    topicEvidence: p.topicEvidence,
  };
}

/** A document whose text is its body, one paragraph. */
function doc(id: string, lang: DocumentResult["lang"], source: string, published: string, body: string, events: EventRecord[], figures: DocumentResult["figures"] = []): DocumentResult {
  return {
    id, origin: id, encoding: "UTF-8", lang, source, published, title: id, body, body_first: null, body_last: null, events, orgs: ["SCO"],
    third_countries: [], figures, evidence: { title: null, published: null, body: [{ start: 0, end: body.length }], orgs: {}, third_countries: {} },
  };
}

const enBody = "President Rahmon held a telephone conversation with President Tokayev on labour migration. Lavrov met Rahmon. Trade turnover reached 1.2 billion dollars in 2023.";
const english = doc("call-en", "en", "en.example", "2024-03-12", enBody, [
  ev({ mode: "phone", cameo: "041", date: "2024-03-12", countries: [["TJK", "Emomali Rahmon"], ["KAZ", "Kassym-Jomart Tokayev"]], sentence: enBody.slice(0, 91), topics: ["migration"],
    topicEvidence: [{ document: "call-en", sentence: enBody.slice(0, 91), start: enBody.indexOf("migration"), end: enBody.indexOf("migration") + 9 }] }),
  ev({ date: "2024-03-12", countries: [["RUS", "Sergey Lavrov"], ["TJK", "Emomali Rahmon"]], sentence: "Lavrov met Rahmon.", at: 92 }),
], [{ what: "trade turnover", value: 1.2e9, unit: "USD", year: 2023, between: ["TJK", "KAZ"], evidence: { document: "call-en", sentence: enBody.slice(111), start: 111, end: enBody.length } }]);
const arBody = "أجرى الرئيس الطاجيكي اتصالا هاتفيا مع الرئيس الكازاخستاني بحثا خلاله الهجرة والتجارة.";
const arabic = doc("call-ar", "ar", "ar.example", "2024-03-13", arBody, [
  ev({ mode: "phone", cameo: "041", date: "2024-03-13", countries: [["KAZ"], ["TJK"]], sentence: arBody, topics: ["trade"] }),
]);
const ruBody = "Стороны подписали соглашение о трудовой миграции.";
const russian = doc("sign-ru", "ru", "ru.example", "2023-06-01", ruBody, [
  ev({ type: "AGREE", mode: "sign", cameo: "057", goldstein: 8, date: "2023-06-01", countries: [["TJK"], ["RUS"]], sentence: ruBody, topics: ["migration"] }),
]);

const posted = [
  "Tajikistan and Uzbekistan discuss water",
  "",
  "Dushanbe, 20 May 2024",
  "",
  "President of Tajikistan Emomali Rahmon held a telephone conversation with President of Uzbekistan Shavkat Mirziyoyev on Monday. The sides discussed water and energy.",
].join("\n");

const INJECTIONS = ["'; DROP TABLE events; --", "\" OR 1=1 --", "%' OR '1'='1", "x) UNION SELECT * FROM documents --", "*\"; MATCH"];

const backends: [string, () => Promise<Store>][] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-api-"));
backends.push(["sqlite", () => openStore(path.join(tmp, `api${Math.random().toString(36).slice(2)}.db`))]);
const pgUrl = process.env.PARLEY_PG_URL;
if (pgUrl) {
  backends.push(["postgres", async () => {
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query("DROP DATABASE IF EXISTS parley_api_test WITH (FORCE)");
    await c.query("CREATE DATABASE parley_api_test");
    await c.end();
    const u = new URL(pgUrl);
    u.pathname = "/parley_api_test";
    return openStore(u.toString());
  }]);
} else {
  test("HTTP API on PostgreSQL", { skip: "PARLEY_PG_URL not set: PostgreSQL tests skipped (.ci/run starts a server and sets it)" }, () => {});
}
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A server listening on a loopback port, and a fetch helper for it. */
async function serve(opts: Omit<ServerOptions, "logger">) {
  const app: FastifyInstance = await buildServer({ ...opts, logger: false });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const call = async (method: string, url: string, init: { body?: string | Buffer; headers?: Record<string, string>; token?: string | null } = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token !== null && (init.token ?? (method !== "GET" ? TOKEN : undefined))) headers.authorization = `Bearer ${init.token ?? TOKEN}`;
    const r = await fetch(base + url, { method, headers, body: init.body });
    const text = await r.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch { /* not JSON */ }
    return { status: r.status, type: r.headers.get("content-type") ?? "", text, json };
  };
  return { app, base, call };
}

for (const [name, open] of backends) {
  describe(`HTTP API: ${name}`, { concurrency: false }, () => {
    let store: Store;
    let srv: Awaited<ReturnType<typeof serve>>;
    const get = (url: string, token?: string | null) => srv.call("GET", url, { token });
    before(async () => {
      store = await open();
      await store.ingest({ origin: "en.txt", hash: "1" }, english, "v1");
      await store.ingest({ origin: "ar.txt", hash: "2" }, arabic, "v1");
      await store.ingest({ origin: "ru.txt", hash: "3" }, russian, "v1");
      srv = await serve({ store, token: TOKEN });
    });
    after(async () => {
      await srv.app.close();
      await store.close();
    });

    test("events: filters, total, offset paging, cursor paging, sort", async () => {
      const all = await get("/api/events");
      assert.equal(all.status, 200);
      assert.equal(all.json.total, 3, "the call in two languages is one event");
      // The merged call keeps the first report's date (both are full dates); newest first, then by id.
      assert.deepEqual(all.json.events.map((e: any) => e.date), ["2024-03-12", "2024-03-12", "2023-06-01"]);
      const q = async (qs: string) => (await get(`/api/events?${qs}`)).json;
      assert.equal((await q("country=TJK&with=KAZ&type=CONSULT&mode=phone")).total, 1);
      assert.equal((await q("country=RUS")).total, 2);
      assert.equal((await q("person=lavrov")).total, 1);
      assert.equal((await q("topic=migration")).total, 2);
      assert.equal((await q("since=2024-01-01")).total, 2);
      assert.equal((await q("until=2023")).total, 1);
      assert.equal((await q("lang=ar")).total, 1);
      assert.equal((await q("source=ru.example")).total, 1);
      assert.equal((await q("org=SCO")).total, 3);
      assert.equal((await q("type=ASSAULT")).total, 0);
      const p2 = await q("limit=1&offset=1&sort=date");
      assert.equal(p2.total, 3);
      assert.deepEqual(p2.events.map((e: any) => e.date), ["2024-03-12"]);
      // Keyset paging visits every event once, in order.
      const seen: number[] = [];
      let page = await q("limit=1");
      for (;;) {
        seen.push(...page.events.map((e: any) => e.id));
        if (!page.next_cursor) break;
        page = await q(`limit=1&cursor=${page.next_cursor}`);
      }
      assert.deepEqual(seen, all.json.events.map((e: any) => e.id));
    });

    test("one event: sides, topics, reports with evidence offsets and the merge reason", async () => {
      const call = (await get("/api/events?mode=phone")).json.events[0];
      const r = await get(`/api/events/${call.id}`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.json.actors.map((a: any) => [a.country, a.name]), [["KAZ", "Kassym-Jomart Tokayev"], ["TJK", "Emomali Rahmon"]]);
      assert.deepEqual(r.json.topics.sort(), ["migration", "trade"]);
      assert.equal(r.json.reports.length, 2);
      assert.match(r.json.reports[1].why, /merged: .*same sides KAZ-TJK/);
      assert.equal(r.json.reports[0].start, 0);
      assert.equal((await get("/api/events/999999")).status, 404);
      const bad = await get("/api/events/abc");
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.parameter, "id");
    });

    test("documents: list with total and filters; one document with its body, mentions and figures", async () => {
      const list = await get("/api/documents?lang=en");
      assert.equal(list.json.total, 1);
      const id = list.json.documents[0].id;
      assert.equal(list.json.documents[0].events, 2);
      assert.equal((await get("/api/documents?since=2024-03-13")).json.total, 1);
      assert.equal((await get("/api/documents?limit=1&offset=2")).json.documents.length, 1);
      const d = (await get(`/api/documents/${id}`)).json;
      assert.equal(d.body, enBody);
      assert.equal(d.title, "call-en");
      const topic = d.mentions.find((m: any) => m.kind === "topic");
      assert.equal(d.body.slice(topic.body_start, topic.body_end), "migration", "mention offsets highlight the word in the body");
      assert.ok(d.mentions.some((m: any) => m.kind === "figure"));
      assert.deepEqual(d.figures.map((f: any) => [f.what, f.value, f.year, f.between]), [["trade turnover", 1.2e9, 2023, ["KAZ", "TJK"]]]);
      assert.equal(d.event_ids.length, 2);
      assert.equal((await get("/api/documents/424242")).status, 404);
    });

    test("actors, a person's offices, dyads, timeline, counts, figures, search", async () => {
      const countries = (await get("/api/actors?kind=country")).json;
      assert.deepEqual(countries.actors[0], { country: "TJK", name: null, events: 3 });
      assert.equal(countries.total, 3);
      const persons = (await get("/api/actors?kind=person&country=RUS")).json;
      assert.deepEqual(persons.actors.map((a: any) => a.name).sort(), ["Emomali Rahmon", "Sergey Lavrov"]);
      const offices = (await get(`/api/actors/persons/${encodeURIComponent("Emomali Rahmon")}`)).json;
      assert.deepEqual(offices.offices.map((o: any) => [o.country, o.role, o.first, o.last, o.events]), [["TJK", "head_of_state", "2024-03-12", "2024-03-12", 2]]);
      assert.ok(offices.terms.length >= 1, "the lexicon's terms of office come along");
      assert.equal((await get("/api/actors/persons/Nobody%20Known")).status, 404);
      const dyads = (await get("/api/dyads?country=TJK")).json.dyads;
      assert.deepEqual(dyads.map((d: any) => [d.partner, d.events]), [["KAZ", 1], ["RUS", 2]].sort((a, b) => (b[1] as number) - (a[1] as number)));
      const tl = (await get("/api/timeline?a=TJK&b=RUS&by=year")).json.timeline;
      assert.deepEqual(tl.map((t: any) => [t.period, t.events, t.goldstein]), [["2023", 1, 8], ["2024", 1, 1]]);
      assert.deepEqual((await get("/api/counts?by=type")).json.counts, [{ key: "CONSULT", events: 2 }, { key: "AGREE", events: 1 }]);
      assert.deepEqual((await get("/api/counts?by=month&country=KAZ")).json.counts, [{ key: "2024-03", events: 1 }]);
      assert.deepEqual((await get("/api/counts?by=language")).json.counts, [{ key: "en", events: 2 }, { key: "ar", events: 1 }, { key: "ru", events: 1 }]);
      assert.deepEqual((await get("/api/counts?by=source&type=AGREE")).json.counts, [{ key: "ru.example", events: 1 }]);
      const figs = (await get("/api/figures?country=TJK&with=KAZ&year=2023")).json;
      assert.equal(figs.total, 1);
      assert.equal(figs.figures[0].value, 1.2e9);
      assert.equal((await get("/api/figures?country=RUS")).json.total, 0);
      const hits = (await get(`/api/search?q=${encodeURIComponent("трудовая миграция")}`)).json.hits;
      assert.deepEqual(hits.map((h: any) => h.document), ["sign-ru"]);
    });

    test("formats: CSV by Accept or ?format=csv, JSON Lines, streamed exports", async () => {
      const csv = await srv.call("GET", "/api/events", { headers: { accept: "text/csv" } });
      assert.match(csv.type, /text\/csv/);
      const lines = csv.text.trim().split("\n");
      assert.equal(lines.length, 4);
      assert.ok(lines[0].startsWith("id,date,type"));
      assert.equal((await get("/api/dyads?country=TJK&format=csv")).text.split("\n")[0], "partner,events,types,goldstein");
      const jl = await get("/api/actors?format=jsonl");
      assert.equal(jl.text.trim().split("\n").map((l) => JSON.parse(l)).length, 3);
      const gdelt = await get("/api/export?format=gdelt");
      const rows = gdelt.text.trim().split("\n");
      assert.equal(rows.length, 3);
      assert.ok(rows.every((r) => r.split("\t").length === 61));
      const plover = (await get("/api/export?format=plover&country=RUS")).text.trim().split("\n").map((l) => JSON.parse(l));
      assert.equal(plover.length, 2);
    });

    test("bad parameters get a 400 naming the problem", async () => {
      const cases: [string, string, RegExp][] = [
        ["/api/events?limit=abc", "limit", /not an integer/],
        ["/api/events?limit=100000", "limit", /over the maximum 500/],
        ["/api/events?offset=-1", "offset", /under the minimum/],
        ["/api/events?country=XXX", "country", /unknown country or organisation code 'XXX'/],
        ["/api/events?type=FOO", "type", /'FOO' is not one of CONSULT, AGREE/],
        ["/api/events?since=notadate", "since", /not a date/],
        ["/api/events?until=2024-02-30", "until", /not a date/],
        ["/api/events?colour=red", "colour", /unknown parameter/],
        ["/api/events?cursor=bm90LWEtY3Vyc29y", "cursor", /not a cursor/],
        ["/api/timeline?a=TJK", "b", /b is required/],
        ["/api/counts?by=weekday", "by", /not one of type, month, language, source/],
        ["/api/figures?year=1066", "year", /under the minimum 1900/],
        ["/api/search?q=", "q", /must not be empty/],
      ];
      for (const [url, param, msg] of cases) {
        const r = await get(url);
        assert.equal(r.status, 400, url);
        assert.equal(r.json.error.status, 400);
        assert.equal(r.json.error.parameter, param, url);
        assert.match(r.json.error.message, msg, url);
      }
      const nf = await get("/api/nothing");
      assert.equal(nf.status, 404);
      assert.equal(nf.json.error.code, "not_found");
    });

    test("an injection string in every text parameter changes nothing", async () => {
      const before = await store.counts();
      for (const s of INJECTIONS) {
        const e = encodeURIComponent(s);
        for (const url of [`/api/events?person=${e}`, `/api/events?source=${e}`, `/api/documents?source=${e}`, `/api/search?q=${e}`, `/api/figures?what=${e}`, `/api/actors/persons/${e}`, `/api/events?country=${e}`, `/api/events?topic=${e}`]) {
          const r = await get(url);
          assert.ok([200, 400, 404].includes(r.status), `${url}: ${r.status}`);
          if (r.status === 200) assert.ok(r.json.total === 0 || r.json.hits?.length === 0 || r.json.events?.length === 0, `${url} matched nothing`);
          else assert.ok(r.json.error.message, url);
        }
      }
      assert.deepEqual(await store.counts(), before);
      assert.equal((await get("/api/events")).json.total, 3);
    });

    test("auth: writes need the token; read-only and private servers", async () => {
      const text = { body: posted, headers: { "content-type": "text/plain" } };
      const none = await srv.call("POST", "/api/documents", { ...text, token: null });
      assert.equal(none.status, 401);
      assert.equal(none.json.error.code, "unauthorized");
      const wrong = await srv.call("POST", "/api/documents", { ...text, token: "not-the-token-at-all" });
      assert.equal(wrong.status, 403);
      assert.equal((await srv.call("DELETE", "/api/documents/1", { token: null })).status, 401);
      const ro = await serve({ store, readOnly: true });
      try {
        assert.equal((await ro.call("POST", "/api/documents", text)).status, 403);
        assert.equal((await ro.call("GET", "/api/events")).status, 200);
      } finally {
        await ro.app.close();
      }
      const priv = await serve({ store, token: TOKEN, private: true });
      try {
        assert.equal((await priv.call("GET", "/api/events", { token: null })).status, 401);
        assert.equal((await priv.call("GET", "/api/events", { token: "wrong-token-wrong-token" })).status, 403);
        assert.equal((await priv.call("GET", "/api/events", { token: TOKEN })).status, 200);
        assert.equal((await priv.call("GET", "/api/openapi.json", { token: null })).status, 200, "the API description holds no data");
      } finally {
        await priv.app.close();
      }
      // CORS: no header unless an origin was allowed.
      const plain = await fetch(`${srv.base}/api`, { headers: { origin: "https://dash.example" } });
      assert.equal(plain.headers.get("access-control-allow-origin"), null);
      const cors = await serve({ store, readOnly: true, cors: "https://dash.example" });
      try {
        const r = await fetch(`${cors.base}/api`, { headers: { origin: "https://dash.example" } });
        assert.equal(r.headers.get("access-control-allow-origin"), "https://dash.example");
      } finally {
        await cors.app.close();
      }
      assert.deepEqual((await store.counts()).documents, 3);
      assert.throws(() => checkServeOptions({ host: "127.0.0.1" }), /writes need a token/);
      assert.throws(() => checkServeOptions({ host: "0.0.0.0", noAuth: true }), /loopback/);
      assert.doesNotThrow(() => checkServeOptions({ host: "127.0.0.1", noAuth: true }));
      assert.doesNotThrow(() => checkServeOptions({ host: "0.0.0.0", readOnly: true }));
    });

    test("bodies: malformed JSON, an empty text field, a 20 MB body", async () => {
      const before = await store.counts();
      const bad = await srv.call("POST", "/api/documents", { body: '{"text": "unterminated', headers: { "content-type": "application/json" } });
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error.parameter, "body");
      const empty = await srv.call("POST", "/api/documents", { body: JSON.stringify({ title: "no text" }), headers: { "content-type": "application/json" } });
      assert.equal(empty.status, 400);
      assert.match(empty.json.error.message, /text/);
      const big = await srv.call("POST", "/api/documents", { body: Buffer.alloc(20 * 1024 * 1024, 0x61), headers: { "content-type": "text/plain" } });
      assert.equal(big.status, 413);
      assert.equal(big.json.error.code, "body_too_large");
      assert.deepEqual(await store.counts(), before);
    });

    test("POST then GET shows the new events; posting again changes nothing; DELETE recomputes merged events", async () => {
      const r = await srv.call("POST", "/api/documents?name=water-call.txt", { body: posted, headers: { "content-type": "text/plain; charset=utf-8" } });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.outcome, "inserted");
      assert.ok(r.json.events.length >= 1);
      const uzb = (await get("/api/events?country=TJK&with=UZB&mode=phone")).json;
      assert.equal(uzb.total, 1);
      assert.equal(uzb.events[0].date, "2024-05-20");
      assert.equal(uzb.events[0].reports[0].document, "water-call");
      const again = await srv.call("POST", "/api/documents?name=water-call.txt", { body: posted, headers: { "content-type": "text/plain" } });
      assert.equal(again.status, 200);
      assert.equal(again.json.outcome, "unchanged");
      // JSON and HTML bodies go through the same pipeline.
      const j = await srv.call("POST", "/api/documents?name=water-call-json", { body: JSON.stringify({ title: "Water talks", text: posted.split("\n").slice(2).join("\n") }), headers: { "content-type": "application/json" } });
      assert.equal(j.status, 201, j.text);
      const html = `<html><head><title>Water talks</title></head><body><article><h1>Water talks</h1><p>${posted.split("\n").slice(4).join(" ")} The meeting was held in a friendly atmosphere and lasted for two hours, the press service said on its website.</p></article></body></html>`;
      const h = await srv.call("POST", "/api/documents?name=water.html", { body: html, headers: { "content-type": "text/html" } });
      assert.equal(h.status, 201, h.text);
      assert.equal((await get(`/api/documents/${h.json.document.id}`)).json.title, "Water talks");
      for (const id of [j.json.document.id, h.json.document.id, r.json.document.id]) assert.equal((await srv.call("DELETE", `/api/documents/${id}`)).status, 200);
      assert.equal((await get("/api/events?country=UZB")).json.total, 0);

      // The call reported in English and Arabic: deleting the English report leaves the Arabic one.
      const call = (await get("/api/events?mode=phone&country=KAZ")).json.events[0];
      assert.equal(call.reports.length, 2);
      const enId = (await get("/api/documents?lang=en")).json.documents[0].id;
      const del = await srv.call("DELETE", `/api/documents/${enId}`);
      assert.equal(del.status, 200);
      assert.ok(del.json.events_recomputed.includes(call.id));
      assert.equal(del.json.events_removed.length, 1, "Lavrov's meeting had no other report");
      const after = (await get(`/api/events/${call.id}`)).json;
      assert.equal(after.reports.length, 1);
      assert.equal(after.reports[0].lang, "ar");
      assert.equal(after.actors.find((a: any) => a.country === "KAZ").name, null, "the name came from the English report only");
      assert.deepEqual(after.topics, ["trade"]);
      assert.equal((await srv.call("DELETE", `/api/documents/${enId}`)).status, 404);
      assert.equal((await get("/api/figures")).json.total, 0, "the document's figures went with it");
    });

    test("POST { url } fetches the page politely and stores its article", async () => {
      const site = await startNewsSite();
      const fetching = await serve({ store, token: TOKEN, fetcher: new PoliteFetcher({ delayMs: 0, timeoutMs: 2000, retries: 0 }) });
      try {
        const url = `${site.origin}/en/kz-uz-water.html`;
        const r = await fetching.call("POST", "/api/documents", { body: JSON.stringify({ url }), headers: { "content-type": "application/json" } });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json.document.origin, url);
        assert.ok(r.json.events.length >= 1);
        const again = await fetching.call("POST", "/api/documents", { body: JSON.stringify({ url }), headers: { "content-type": "application/json" } });
        assert.equal(again.json.outcome, "unchanged");
        const robots = await fetching.call("POST", "/api/documents", { body: JSON.stringify({ url: `${site.origin}/private/draft.html` }), headers: { "content-type": "application/json" } });
        assert.equal(robots.status, 502);
        assert.equal(robots.json.error.parameter, "url");
        assert.match(robots.json.error.message, /robots/);
        assert.equal((await fetching.call("DELETE", `/api/documents/${r.json.document.id}`)).status, 200);
      } finally {
        await fetching.app.close();
        await site.close();
      }
    });

    test("the OpenAPI document validates and lists every route", async () => {
      const spec = (await get("/api/openapi.json")).json;
      const v = await new Validator().validate(spec);
      assert.equal(v.valid, true, JSON.stringify(v.errors));
      const want = ["/api", "/api/events", "/api/events/{id}", "/api/documents", "/api/documents/{id}", "/api/actors", "/api/actors/persons/{name}", "/api/dyads", "/api/timeline", "/api/counts", "/api/figures", "/api/search", "/api/export",
        // the dashboard's aggregates (src/api/dashboard.ts)
        "/api/series", "/api/pairs", "/api/countries", "/api/topics", "/api/persons", "/api/events/{id}/documents", "/api/documents/{id}/events", "/api/document-ids"];
      assert.deepEqual(Object.keys(spec.paths).sort(), want.sort());
      for (const p of want) assert.ok(srv.app.hasRoute({ method: "GET", url: p.replace(/\{(\w+)\}/, ":$1") }), p);
      assert.ok(spec.paths["/api/documents"].post.requestBody.content["text/html"]);
      assert.deepEqual(spec.paths["/api/documents/{id}"].delete.security, [{ bearer: [] }]);
      const docs = await get("/api/docs/static/index.html");
      assert.equal(docs.status, 200);
      assert.doesNotMatch(docs.text, /https?:\/\/(cdn|unpkg)/, "the reference page loads nothing from a CDN");
    });
  });
}
