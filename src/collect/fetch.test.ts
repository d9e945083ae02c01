import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { FetchError, PoliteFetcher } from "./fetch.js";
import { startFlakySite, startNewsSite, startSite, type FixtureSite } from "./fixture-site.js";

let news: FixtureSite;
let flaky: FixtureSite;

before(async () => {
  news = await startNewsSite();
  flaky = await startFlakySite(2000);
});
after(async () => {
  await news.close();
  await flaky.close();
});

const quick = { delayMs: 0, timeoutMs: 400, retries: 1, backoffMs: 10, maxBytes: 1024 * 1024 };

async function failure(p: Promise<unknown>): Promise<FetchError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof FetchError, String(e));
    return e;
  }
  assert.fail("expected a FetchError");
}

test("fetches a page with Parley's User-Agent and reports the final URL", async () => {
  const f = new PoliteFetcher(quick);
  const r = await f.fetch(`${news.origin}/en/kz-uz-water.html`);
  assert.equal(r.status, 200);
  assert.equal(r.finalUrl, `${news.origin}/en/kz-uz-water.html`);
  assert.match(Buffer.from(r.bytes).toString("utf8"), /Tokayev/);
  assert.ok([...news.userAgents].every((ua) => ua.startsWith("Parley/")), [...news.userAgents].join());
});

test("robots.txt: a disallowed path is never requested", async () => {
  const f = new PoliteFetcher(quick);
  const robotsBefore = news.hits.get("/robots.txt") ?? 0;
  const e = await failure(f.fetch(`${news.origin}/private/draft.html`));
  assert.equal(e.kind, "robots");
  assert.equal(e.url, `${news.origin}/private/draft.html`);
  assert.equal(news.hits.get("/private/draft.html"), undefined);
  // Fetched once per host by a fetcher, not once per URL.
  await f.fetch(`${news.origin}/es/albares-burita.html`);
  assert.equal(news.hits.get("/robots.txt"), robotsBefore + 1);
});

test("500 then 200 is retried; a missing robots.txt allows everything", async () => {
  const f = new PoliteFetcher(quick);
  const r = await f.fetch(`${flaky.origin}/flaky.html`);
  assert.equal(r.status, 200);
  assert.equal(flaky.hits.get("/flaky.html"), 2);
  assert.equal(flaky.hits.get("/robots.txt"), 1);
});

test("timeouts are retried, then reported with the URL", async () => {
  const f = new PoliteFetcher({ ...quick, timeoutMs: 150 });
  const e = await failure(f.fetch(`${flaky.origin}/slow.html`));
  assert.equal(e.kind, "timeout");
  assert.ok(e.transient);
  assert.match(e.message, /slow\.html: timed out after 150 ms \(after 2 attempts\)/);
  assert.equal(flaky.hits.get("/slow.html"), 2);
});

test("redirect loops, 404s, size caps", async () => {
  const f = new PoliteFetcher(quick);
  const loop = await failure(f.fetch(`${news.origin}/loop/a.html`));
  assert.equal(loop.kind, "redirects");
  assert.match(loop.reason, /redirect loop/);
  const missing = await failure(f.fetch(`${news.origin}/missing.html`));
  assert.equal(missing.status, 404);
  assert.equal(missing.transient, false);
  assert.equal(news.hits.get("/missing.html"), 1, "a 404 is not retried");
  const huge = await failure(f.fetch(`${news.origin}/huge.html`));
  assert.equal(huge.kind, "too-large");
  const capped = new PoliteFetcher({ ...quick, maxBytes: 100 });
  const declared = await failure(capped.fetch(`${news.origin}/en/kz-uz-water.html`));
  assert.match(declared.reason, /declared/);
});

test("redirect limit", async () => {
  const chain = await startSite("news", Object.fromEntries(
    Array.from({ length: 8 }, (_, i) => [`/r${i}`, (_q, res) => void res.writeHead(301, { location: `/r${i + 1}` }).end()]),
  ));
  try {
    const f = new PoliteFetcher({ ...quick, maxRedirects: 3 });
    const e = await failure(f.fetch(`${chain.origin}/r0`));
    assert.match(e.reason, /more than 3 redirects/);
    assert.equal(chain.hits.get("/r4"), undefined);
  } finally {
    await chain.close();
  }
});

test("conditional requests: a known ETag gets 304 Not Modified", async () => {
  const f = new PoliteFetcher(quick);
  const first = await f.fetch(`${news.origin}/rss.xml`);
  assert.ok(first.headers.etag);
  const second = await f.fetch(`${news.origin}/rss.xml`, { etag: first.headers.etag });
  assert.equal(second.notModified, true);
  assert.equal(second.bytes.length, 0);
});

test("per-host concurrency and delay", async () => {
  const site = await startSite("news");
  try {
    const f = new PoliteFetcher({ ...quick, concurrency: 1, delayMs: 100 });
    const paths = ["/en/kz-uz-water.html", "/ar/sisi-lavrov.html", "/fr/macron-tokaiev.html", "/es/albares-burita.html"];
    await Promise.all(paths.map((p) => f.fetch(site.origin + p)));
    assert.equal(site.maxActive, 1);
    // robots.txt plus four pages, each start at least the delay after the previous one.
    assert.equal(site.starts.length, 5);
    for (let i = 1; i < site.starts.length; i++) assert.ok(site.starts[i] - site.starts[i - 1] >= 60, `gap ${i}: ${site.starts[i] - site.starts[i - 1]} ms`);
  } finally {
    await site.close();
  }
});
