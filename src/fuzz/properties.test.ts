// Property-based tests (fast-check): arbitrary and adversarial input never throws out of a
// stage (other than its own error class, by name), never runs past a time budget, and keeps the
// stage's invariants. A bounded run in `npm test` (PARLEY_FUZZ_MS per property, default 3 s);
// `npm run fuzz` runs each property for longer (see package.json).
// Every fragment below is written for these tests.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parseTextDump } from "../article/index.js";
import { FeedError, parseFeed } from "../collect/feeds.js";
import { findDates } from "../dates/index.js";
import { decode } from "../decode/index.js";
import { findFigures } from "../figures/index.js";
import { extractArticle } from "../html/index.js";
import { loadLexicon } from "../lexicon/index.js";
import { extractText } from "../pipeline/index.js";
import { openExtractor } from "../pipeline/guard.js";
import { InputError, type DocumentResult, type Evidence, type Lang, type Span } from "../types.js";
import { extractWarc } from "../warc/index.js";

/** Time each property may run (ms); fast-check stops generating after it. */
const PROPERTY_MS = Number(process.env.PARLEY_FUZZ_MS ?? 3000);
/** Most runs per property. */
const RUNS = Number(process.env.PARLEY_FUZZ_RUNS ?? 100_000);
/**
 * No single input may take more CPU time than this (ms; the default time budget per document):
 * far above the linear cost of these sizes. CPU time, not wall time, so a loaded machine does
 * not fail the test.
 */
const INPUT_BUDGET_MS = Number(process.env.PARLEY_FUZZ_INPUT_MS ?? 5000);
const params = { numRuns: RUNS, interruptAfterTimeLimit: PROPERTY_MS, markInterruptAsFailure: false, includeErrorInReport: true, seed: process.env.PARLEY_FUZZ_SEED ? Number(process.env.PARLEY_FUZZ_SEED) : undefined };

/** Inputs tried per property, reported as a test diagnostic. */
let inputs = 0;
function counted(t: { diagnostic(m: string): void }, run: () => void | Promise<void>): Promise<void> {
  inputs = 0;
  const started = performance.now();
  return Promise.resolve(run()).then(() => t.diagnostic(`${inputs} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s`));
}

function timed<T>(what: string, fn: () => T): T {
  inputs++;
  const t = process.cpuUsage();
  const out = fn();
  const used = process.cpuUsage(t);
  const ms = (used.user + used.system) / 1000;
  assert.ok(ms < INPUT_BUDGET_MS, `${what} took ${ms.toFixed(0)} ms`);
  return out;
}

const LANGS: Lang[] = ["en", "ru", "uk", "ar", "tg", "fa", "uz", "kk", "ky", "tr", "fr", "de", "es", "zh", "und"];

/** Pieces of news prose in several scripts, numbers, dates and hostile code points. */
const FRAGMENTS = [
  "President", "met", "the Foreign Minister of Kazakhstan", "in Astana", "on 3 March 2023", "Tuesday", "yesterday",
  "signed an agreement", "Uzbekistan", "Russia", "China", "$2.5 billion", "1,200 tonnes", "15 percent", "2024",
  "Президент", "встретился", "с министром", "в Душанбе", "12 мая 2022 года", "вчера", "млрд долларов",
  "الرئيس", "التقى", "وزير الخارجية", "في القاهرة", "أمس", "٢٠٢٣", "رئیس‌جمهور", "۱۴۰۲/۰۳/۱۲", "اسفند",
  "Prezident", "uchrashdi", "Cumhurbaşkanı", "görüştü", "习近平", "会见", "2023年5月", "亿美元",
  "\u202e", "\u202d", "\u200f", "\u200e", "\u2066", "\u2069", "\u200b", "\u200c", "\u00ad", "\ufeff", "\ud800", "\udfff", "\u0000",
  "\n", "\n\n", "\r\n", "\t", " ", ".", ",", ":", "—", "«", "»", "\"", "'", "(", ")", "Mr.", "U.S.", "No.", "...",
  "Read also:", "Photo: Agency", "© 2024", "Share", "12:45", "31.12.2023", "2023-02-30", "99/99/9999", "1e308",
];

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  // Very long tokens and runs.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("a", "9", "ж", ",", " ", "\n", "ب", "中"), fc.integer({ min: 100, max: 20_000 })).map(([c, n]) => c.repeat(n)) },
);
const prose = fc.array(fragment, { maxLength: 60 }).chain((parts) => fc.constantFrom(" ", "", "\n").map((sep) => parts.join(sep)));

/** Whether a date value is YYYY, YYYY-MM or a real YYYY-MM-DD. */
function validDate(v: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return false;
  if (!m[2]) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (!m[3]) return true;
  const d = new Date(Date.UTC(Number(m[1]), month - 1, Number(m[3])));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === Number(m[3]);
}

function inText(text: string, s: Span | { start: number; end: number }, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length, `${what}: span ${s.start}-${s.end} outside 0-${text.length}`);
}

/** Evidence: its span is in the text, and its sentence is the text around the span. */
function checkEvidence(text: string, e: Evidence, what: string): void {
  inText(text, e, what);
  const at = text.lastIndexOf(e.sentence, e.start);
  assert.ok(at >= 0 && at + e.sentence.length >= e.end, `${what}: the quoted sentence does not surround ${e.start}-${e.end}`);
}

/** Invariants of a pipeline result over the text it was extracted from. */
function checkResult(text: string, r: DocumentResult): void {
  if (r.published) assert.ok(validDate(r.published), `published ${r.published}`);
  if (r.evidence.title) inText(text, r.evidence.title, "title");
  if (r.evidence.published) inText(text, r.evidence.published, "published");
  for (const b of r.evidence.body) inText(text, b, "body paragraph");
  for (const ev of r.events) {
    checkEvidence(text, ev.evidence, `event ${ev.type}`);
    inText(text, ev.trigger, "trigger");
    assert.equal(text.slice(ev.trigger.start, ev.trigger.end), ev.trigger.text, "trigger text is its slice");
    if (ev.date) assert.ok(validDate(ev.date), `event date ${ev.date}`);
    if (ev.dateEvidence) checkEvidence(text, ev.dateEvidence, "date evidence");
    for (const a of ev.actors) for (const e of a.evidence) checkEvidence(text, e, `actor ${a.country}`);
    if (ev.location) checkEvidence(text, ev.location.evidence, "location");
    assert.ok(Number.isFinite(ev.goldstein));
  }
  for (const f of r.figures) {
    assert.ok(Number.isFinite(f.value), `figure value ${f.value}`);
    checkEvidence(text, f.evidence, "figure");
  }
  for (const e of [...Object.values(r.evidence.orgs), ...Object.values(r.evidence.third_countries)]) checkEvidence(text, e, "mention");
}

loadLexicon();

test("property: decode never throws anything but InputError on arbitrary bytes", (t) => counted(t, () => {
  fc.assert(fc.property(fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    prose.map((s) => new TextEncoder().encode(s)),
    fc.tuple(prose, fc.constantFrom("utf-16le", "latin1")).map(([s, enc]) => new Uint8Array(Buffer.from(s, enc as BufferEncoding))),
  ), (bytes) => {
    try {
      const d = timed("decode", () => decode({ name: "x", origin: "x.bin", bytes }));
      assert.equal(typeof d.text, "string");
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }), params);
}));

test("property: the text-dump article stage keeps its spans inside the text and its dates valid", (t) => counted(t, () => {
  fc.assert(fc.property(prose, (text) => {
    const a = timed("parseTextDump", () => parseTextDump({ name: "x", origin: "x.txt", text, encoding: "UTF-8" }));
    if (a.titleSpan) inText(text, a.titleSpan, "title");
    for (const p of a.paragraphs) inText(text, p, "paragraph");
    if (a.published) assert.ok(validDate(a.published), `published ${a.published}`);
  }), params);
}));

test("property: the whole pipeline on arbitrary text never throws and its evidence quotes the text", (t) => counted(t, () => {
  fc.assert(fc.property(prose, (text) => {
    let r: DocumentResult;
    try {
      r = timed("extractText", () => extractText({ name: "x", origin: "x.txt", text, encoding: "UTF-8" }));
    } catch (e) {
      if (e instanceof InputError) return;
      throw e;
    }
    checkResult(text, r);
  }), params);
}));

const tagName = fc.constantFrom("div", "p", "span", "a", "article", "main", "section", "h1", "h2", "ul", "li", "table", "td", "tr", "b",
  "script", "style", "svg", "title", "form", "header", "nav", "footer", "br", "img", "textarea", "math", "template", "x-custom", "P", "DIV");
const attr = fc.oneof(
  fc.constantFrom(' class="article-body"', ' class="nav menu"', ' id="comments"', " hidden", ' style="display:none"', ' href="/x"', ' itemprop="articleBody"', ' role="main"'),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => ` class="${"a ".repeat(n / 2)}"`),
  fc.string({ maxLength: 30 }).map((s) => ` data-x="${s}"`),
);
const htmlPiece = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(tagName, fc.array(attr, { maxLength: 3 })).map(([t, a]) => `<${t}${a.join("")}>`) },
  { weight: 3, arbitrary: tagName.map((t) => `</${t}>`) },
  { weight: 5, arbitrary: prose },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("div", "span", "p", "li", "b", "table"), fc.integer({ min: 100, max: 30_000 }), fc.boolean()).map(([t, n, close]) => `<${t}>`.repeat(n) + (close ? `</${t}>`.repeat(n) : "")) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20_000 }).map((n) => "</span>".repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom("<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "<", ">", "&", '<meta property="article:published_time" content="2023-13-45">', '<script type="application/ld+json">{"datePublished":"2023-02-29","articleBody":', "<time datetime=\"9999-99-99\">") },
);

test("property: the HTML extractor never throws and never stalls on adversarial markup", (t) => counted(t, () => {
  fc.assert(fc.property(fc.array(htmlPiece, { maxLength: 40 }), (pieces) => {
    const html = pieces.join("");
    const a = timed("extractArticle", () => extractArticle(html, "https://news.example/2024/03/05/story.html"));
    for (const p of a.paragraphs) assert.ok(p.length > 0 && p === p.trim(), "paragraphs are trimmed and not empty");
    assert.equal(a.text, (a.title ? a.title + "\n\n" : "") + a.paragraphs.join("\n\n"));
    if (a.published) assert.ok(validDate(a.published.slice(0, 10)), `published ${a.published}`);
  }), params);
}));

const feedPiece = fc.oneof(
  fc.constantFrom('<?xml version="1.0"?>', "<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<link>", "</link>",
    "<pubDate>", "</pubDate>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<entry>", "</entry>", '<link href="/a"/>', "<updated>",
    "<urlset>", "<url>", "<loc>", "</loc>", "<sitemapindex>", "<sitemap>", "<news:publication_date>", "</url>", "</rss>",
    "https://news.example/a.html", "Tue, 31 Feb 2023 25:61:00 GMT", "2023-13-01T00:00:00Z", "<![CDATA[", "]]>", "&unknown;", "{\"items\":[", "]}"),
  prose,
  fc.integer({ min: 100, max: 20_000 }).map((n) => "<item>".repeat(n)),
);

test("property: feeds and sitemaps never throw anything but FeedError, and items are absolute URLs with valid dates", (t) => counted(t, () => {
  fc.assert(fc.property(fc.array(feedPiece, { maxLength: 40 }), (pieces) => {
    const body = pieces.join("");
    try {
      const f = timed("parseFeed", () => parseFeed(body, "https://news.example/feed.xml"));
      for (const it of f.items) {
        assert.doesNotThrow(() => new URL(it.url), `item URL ${it.url}`);
        if (it.published) assert.ok(!Number.isNaN(Date.parse(it.published)), `item date ${it.published}`);
      }
    } catch (e) {
      if (!(e instanceof FeedError)) throw e;
    }
  }), params);
}));

test("property: dates and figures on arbitrary text are valid and inside the text", (t) => counted(t, () => {
  fc.assert(fc.property(prose, fc.constantFrom(...LANGS), fc.constantFrom(null, "2024-02-29", "2023-01-01"), (text, lang, ref) => {
    const span = { start: 0, end: text.length };
    for (const d of timed("findDates", () => findDates(text, lang, ref, span))) {
      inText(text, d, "date");
      assert.ok(validDate(d.value), `date value ${d.value}`);
    }
    if (lang === "und") return;
    for (const f of timed("findFigures", () => findFigures(text, span, lang, 2024))) {
      inText(text, f, "figure");
      assert.ok(Number.isFinite(f.value), `figure ${f.value}`);
    }
  }), params);
}));

test("property: a WARC file of arbitrary or damaged bytes is reported, never thrown", (t) => counted(t, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-fuzz-warc-"));
  const ex = openExtractor({ timeBudgetMs: 0 });
  const page = "<html><head><title>Talks</title></head><body><article><p>President met the Foreign Minister of Kazakhstan in Astana on 3 March 2023, and they signed an agreement on trade, energy and water.</p></article></body></html>";
  const record = (url: string, body: string) => {
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`;
    return `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(http)}\r\n\r\n${http}\r\n\r\n`;
  };
  const good = Buffer.from(record("https://news.example/a.html", page) + record("https://news.example/b.html", page.replace("Astana", "Tashkent")));
  try {
    let i = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.integer({ min: 0, max: good.length }).map((n) => new Uint8Array(good.subarray(0, n))),
      fc.tuple(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, b]) => { const c = new Uint8Array(good); c[at] = b; return c; }),
    ), async (bytes) => {
      const file = path.join(dir, `f${i++}.warc`);
      fs.writeFileSync(file, bytes);
      const lines: string[] = [];
      const started = process.cpuUsage();
      inputs++;
      const s = await extractWarc(file, null, { extractor: ex, write: (l) => lines.push(l), onError: () => {} });
      const used = process.cpuUsage(started);
      assert.ok((used.user + used.system) / 1000 < INPUT_BUDGET_MS);
      assert.equal(s.documents, lines.length);
      for (const l of lines) {
        const r = JSON.parse(l) as DocumentResult;
        if (r.published) assert.ok(validDate(r.published), `published ${r.published}`);
        for (const ev of r.events) assert.ok(ev.evidence.start <= ev.evidence.end && ev.evidence.sentence.length > 0);
      }
      fs.rmSync(file);
    }), params);
  } finally {
    await ex.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}));
