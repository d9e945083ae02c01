import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { WARCRecord, WARCSerializer } from "warcio";
import { FIXTURES } from "../collect/fixture-site.js";
import { openStore } from "../store/index.js";
import { extractWarc, ingestWarc, isWarcPath, readWarc } from "./index.js";

let tmp: string;
before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-warc-"));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

function response(url: string, body: Uint8Array, headers: Record<string, string>, statusline = "HTTP/1.1 200 OK"): WARCRecord {
  return WARCRecord.create({ url, type: "response", date: "2024-03-12T10:00:00Z", warcVersion: "WARC/1.0", statusline, httpHeaders: headers }, once(body));
}

/** A small crawl: two articles (one windows-1251), an image, a 404, a request record and a warcinfo. */
async function writeWarc(file: string, gzip: boolean): Promise<void> {
  const page = (p: string) => fs.readFileSync(path.join(FIXTURES, "news", p));
  const records = [
    WARCRecord.createWARCInfo({ filename: path.basename(file), warcVersion: "WARC/1.0" }, { software: "parley-test" }),
    WARCRecord.create({ url: "https://agency.example/en/kz-uz-water.html", type: "request", warcVersion: "WARC/1.0",
      statusline: "GET /en/kz-uz-water.html HTTP/1.1", httpHeaders: { host: "agency.example" } }, once(new Uint8Array())),
    response("https://agency.example/en/kz-uz-water.html", page("en/kz-uz-water.html"), { "content-type": "text/html; charset=utf-8" }),
    response("https://agency.example/img/photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), { "content-type": "image/png" }),
    response("https://agency.example/gone.html", Buffer.from("<html><body>gone</body></html>"), { "content-type": "text/html" }, "HTTP/1.1 404 Not Found"),
    response("https://agency.example/ru/tokayev.html", page("ru/tokayev-mirziyoyev.html"), { "content-type": "text/html; charset=windows-1251" }),
    response("https://agency.example/index.html", Buffer.from("<html><body><a href='/a'>A</a></body></html>"), { "content-type": "text/html" }),
  ];
  const parts: Uint8Array[] = [];
  for (const r of records) parts.push(await WARCSerializer.serialize(r, { gzip }));
  fs.writeFileSync(file, Buffer.concat(parts));
}

test("readWarc streams the HTML responses of .warc and .warc.gz files", async () => {
  for (const gzip of [true, false]) {
    const file = path.join(tmp, gzip ? "crawl.warc.gz" : "crawl.warc");
    await writeWarc(file, gzip);
    assert.ok(isWarcPath(file));
    const pages = [];
    for await (const p of readWarc(file)) pages.push(p);
    assert.deepEqual(pages.map((p) => p.url), [
      "https://agency.example/en/kz-uz-water.html", "https://agency.example/ru/tokayev.html", "https://agency.example/index.html",
    ]);
    assert.equal(pages[0].contentType, "text/html; charset=utf-8");
    assert.match(pages[0].date ?? "", /^2024-03-12T10:00:00/);
    assert.match(Buffer.from(pages[0].body).toString("utf8"), /Kassym-Jomart Tokayev/);
  }
  assert.equal(isWarcPath("news.html"), false);
});

test("ingestWarc stores each article once; a second ingest changes nothing", async () => {
  const file = path.join(tmp, "ingest.warc.gz");
  await writeWarc(file, true);
  const store = await openStore(path.join(tmp, "warc.db"));
  try {
    const errors: string[] = [];
    const s = await ingestWarc(store, file, { onError: (u, r) => errors.push(`${u}: ${r}`) });
    assert.equal(s.inserted, 2);
    assert.ok(s.events >= 4, `events: ${s.events}`);
    assert.equal(s.failed, 1);
    assert.match(errors[0], /index\.html: no article text/);
    const ru = await store.search("Мирзиёевым");
    assert.equal(ru[0]?.origin, "https://agency.example/ru/tokayev.html");
    const counts = await store.counts();
    const again = await ingestWarc(store, file);
    assert.equal(again.unchanged, 2);
    assert.equal(again.inserted, 0);
    assert.deepEqual(await store.counts(), counts);
  } finally {
    await store.close();
  }
});

test("extractWarc writes one JSON per article; a truncated archive is reported, not fatal", async () => {
  const file = path.join(tmp, "extract.warc.gz");
  await writeWarc(file, true);
  const out = path.join(tmp, "out");
  const s = await extractWarc(file, out);
  assert.equal(s.documents, 2);
  const names = fs.readdirSync(out).sort();
  assert.deepEqual(names, ["agency-example-en-kz-uz-water.json", "agency-example-ru-tokayev.json"]);
  const doc = JSON.parse(fs.readFileSync(path.join(out, names[1]), "utf8"));
  assert.equal(doc.encoding, "windows-1251");
  assert.equal(doc.lang, "ru");

  const cut = path.join(tmp, "cut.warc");
  await writeWarc(cut, false);
  const bytes = fs.readFileSync(cut);
  fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const errors: string[] = [];
  const partial = await extractWarc(cut, null, { write: () => {}, onError: (u, r) => errors.push(`${u}: ${r}`) });
  assert.equal(partial.documents, 1, "the article before the cut is read");
  assert.match(errors.join("\n"), /cut\.warc: unreadable WARC: .*truncated WARC/);
});
