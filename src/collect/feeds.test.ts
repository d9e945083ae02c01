import assert from "node:assert/strict";
import { test } from "node:test";
import { feedDate, FeedError, parseFeed, parseFeedsFile } from "./feeds.js";
import { slugOfUrl, looksLikeHtml } from "./article.js";
import { parseDuration } from "./index.js";

test("feeds file: URLs, per-source settings, comments, duplicates", () => {
  const src = parseFeedsFile([
    "# agencies",
    "https://example.org/rss delay=2 concurrency=1   # the slow one",
    "",
    "https://example.org/news-sitemap.xml every=30 lang=ru",
    "https://example.org/rss",
    "https://example.com/feed#fragment-is-not-a-comment",
  ].join("\n"));
  assert.equal(src.length, 3);
  assert.deepEqual({ url: src[0].url, delay: src[0].delay, concurrency: src[0].concurrency }, { url: "https://example.org/rss", delay: 2, concurrency: 1 });
  assert.equal(src[1].every, 30);
  assert.equal(src[1].settings.lang, "ru");
  assert.equal(src[2].url, "https://example.com/feed#fragment-is-not-a-comment");
  assert.throws(() => parseFeedsFile("not a url"), /:1: not a URL/);
  assert.throws(() => parseFeedsFile("https://a.org/rss\nhttps://b.org/rss concurrency=0"), /:2: bad concurrency/);
  assert.throws(() => parseFeedsFile("ftp://a.org/rss"), /not an http/);
  assert.throws(() => parseFeedsFile("https://a.org/rss delay"), /key=value/);
});

test("RSS 2.0: link, permalink guid fallback, dates in the feed's offset, entities", () => {
  const feed = parseFeed(`<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
    <item><title>Talks in Tashkent &amp; Dushanbe</title><link>/a/1.html</link><pubDate>Tue, 12 Mar 2024 00:30:00 +0500</pubDate></item>
    <item><title>Second</title><guid>https://news.example/a/2.html</guid><dc:date>2024-03-13</dc:date></item>
    <item><title>No link</title><guid isPermaLink="false">urn:x</guid></item>
    <item><title>Dup</title><link>https://news.example/a/1.html#comments</link></item>
  </channel></rss>`, "https://news.example/rss.xml");
  assert.equal(feed.kind, "rss");
  assert.deepEqual(feed.items.map((i) => i.url), ["https://news.example/a/1.html", "https://news.example/a/2.html"]);
  assert.equal(feed.items[0].title, "Talks in Tashkent & Dushanbe");
  assert.equal(feed.items[0].published, "2024-03-12T00:30:00+05:00");
  assert.equal(feed.items[1].published, "2024-03-13");
});

test("RSS 1.0 (RDF), Atom with xml:base and several links, JSON Feed", () => {
  const rdf = parseFeed(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://r.example/"><title>R</title></channel>
    <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2024-01-02T10:00:00Z</dc:date></item>
    <item rdf:about="https://r.example/2"><title>Two</title></item></rdf:RDF>`, "https://r.example/rdf");
  assert.equal(rdf.kind, "rdf");
  assert.deepEqual(rdf.items.map((i) => i.url), ["https://r.example/1", "https://r.example/2"]);
  assert.equal(rdf.items[0].published, "2024-01-02T10:00:00Z");

  const atom = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/news/"><title>A</title>
    <entry><title type="html">Визит</title><link rel="enclosure" href="/img.jpg"/><link rel="alternate" type="text/html" href="2024/visit.html"/>
      <updated>2024-02-01T08:00:00+03:00</updated></entry>
    <entry><title>Plain</title><link href="https://a.example/plain"/><published>2024-02-02T00:00:00Z</published></entry></feed>`, "https://a.example/atom");
  assert.equal(atom.kind, "atom");
  assert.deepEqual(atom.items.map((i) => i.url), ["https://a.example/news/2024/visit.html", "https://a.example/plain"]);
  assert.equal(atom.items[0].title, "Визит");
  assert.equal(atom.items[0].published, "2024-02-01T08:00:00+03:00");

  const json = parseFeed(JSON.stringify({
    version: "https://jsonfeed.org/version/1.1", title: "J",
    items: [{ id: "1", url: "https://j.example/1", title: "Un", date_published: "2024-05-14T16:00:00+02:00" },
      { id: "https://j.example/2" }, { id: "no-url" }],
  }), "https://j.example/feed.json");
  assert.equal(json.kind, "json");
  assert.deepEqual(json.items.map((i) => i.url), ["https://j.example/1", "https://j.example/2", "https://j.example/no-url"]);
  assert.throws(() => parseFeed("{ not json", "https://j.example/feed.json"), (e: unknown) => e instanceof FeedError && /malformed JSON/.test(e.reason));
  assert.throws(() => parseFeed('{"hello": 1}', "https://j.example/x.json"), /items list/);
});

test("sitemaps: news sitemap titles and dates, sitemap index children", () => {
  const sm = parseFeed(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://s.example/a</loc><news:news><news:publication><news:name>S</news:name><news:language>uz</news:language></news:publication>
      <news:publication_date>2024-04-03T12:00:00+05:00</news:publication_date><news:title>Muzokaralar</news:title></news:news></url>
    <url><loc>https://s.example/b</loc><lastmod>2024-04-01</lastmod></url></urlset>`, "https://s.example/sitemap.xml");
  assert.equal(sm.kind, "sitemap");
  assert.deepEqual(sm.items, [
    { url: "https://s.example/a", title: "Muzokaralar", published: "2024-04-03T12:00:00+05:00" },
    { url: "https://s.example/b", title: null, published: "2024-04-01" },
  ]);
  const idx = parseFeed(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://s.example/news.xml</loc></sitemap>
    <sitemap><loc>https://s.example/archive.xml</loc></sitemap></sitemapindex>`, "https://s.example/index.xml");
  assert.equal(idx.kind, "sitemapindex");
  assert.deepEqual(idx.feeds, ["https://s.example/news.xml", "https://s.example/archive.xml"]);
});

test("malformed and foreign documents are FeedErrors naming the URL and reason", () => {
  assert.throws(() => parseFeed("<rss><channel><title>Cut off</channel><item><title>x</title></rss>", "https://x.example/rss"),
    (e: unknown) => e instanceof FeedError && e.url === "https://x.example/rss" && /malformed XML/.test(e.reason));
  // An error the parser gets past keeps the items it found, with a warning.
  const lenient = parseFeed("<rss><channel><item><link>https://x.example/1</link><title>A &nbsp;B</item></channel></rss>", "https://x.example/rss");
  assert.deepEqual(lenient.items.map((i) => i.url), ["https://x.example/1"]);
  assert.match(lenient.warnings[0], /malformed XML/);
  assert.throws(() => parseFeed("<html><body>Not a feed</body></html>", "https://x.example/page"), /root element <html>/);
  assert.throws(() => parseFeed("", "https://x.example/empty"), /empty feed/);
  assert.throws(() => parseFeed("just text", "https://x.example/t"), /neither XML nor JSON/);
});

test("feed dates, durations, slugs, HTML sniffing", () => {
  assert.equal(feedDate("Wed, 05 Jun 2024 08:00:00 GMT"), "2024-06-05T08:00:00Z");
  assert.equal(feedDate("yesterday-ish"), null);
  assert.equal(parseDuration("15m"), 900_000);
  assert.equal(parseDuration("1h30m"), 5_400_000);
  assert.equal(parseDuration("45s"), 45_000);
  assert.equal(parseDuration("10"), 600_000);
  assert.throws(() => parseDuration("soon"), /not a duration/);
  assert.equal(slugOfUrl("https://www.akorda.kz/ru/news/2024/03/12/visit.html"), "www-akorda-kz-ru-news-2024-03-12-visit");
  const long = slugOfUrl("https://x.example/" + "segment/".repeat(30));
  assert.ok(long.length <= 80 && /-[0-9a-f]{10}$/.test(long), long);
  assert.notEqual(slugOfUrl("https://x.example/" + "a/".repeat(50) + "1"), slugOfUrl("https://x.example/" + "a/".repeat(50) + "2"));
  assert.equal(looksLikeHtml("text/html; charset=utf-8", new Uint8Array()), true);
  assert.equal(looksLikeHtml("image/png", Buffer.from("<html>")), false);
  assert.equal(looksLikeHtml(null, Buffer.from("<!DOCTYPE html><html>")), true);
  assert.equal(looksLikeHtml("application/octet-stream", Buffer.from([0x3c, 0x70, 0x3e, 0, 1, 2])), false);
});
