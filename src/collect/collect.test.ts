import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { openStore } from "../store/index.js";
import { startFlakySite, startNewsSite, type FixtureSite } from "./fixture-site.js";
import { openFrontier } from "./frontier.js";
import { collect, watch, type CollectOptions } from "./index.js";

let news: FixtureSite;
let flaky: FixtureSite;
let tmp: string;

before(async () => {
  news = await startNewsSite();
  flaky = await startFlakySite(2000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-collect-"));
});
after(async () => {
  await news.close();
  await flaky.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function feedsFile(name: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, [
    "# test sources",
    `${news.origin}/rss.xml delay=0 concurrency=2`,
    `${news.origin}/atom.xml`,
    `${news.origin}/feed.json`,
    `${news.origin}/sitemap-index.xml`,
    `${news.origin}/malformed.xml`,
    `${flaky.origin}/feed.xml delay=0`,
  ].join("\n"));
  return file;
}

const fetcher = { delayMs: 0, timeoutMs: 300, retries: 1, backoffMs: 10, maxBytes: 1024 * 1024 };
const ARTICLES = ["/en/kz-uz-water.html", "/en/tr-az-gas.html", "/ru/tokayev-mirziyoyev.html", "/ar/sisi-lavrov.html",
  "/fr/macron-tokaiev.html", "/es/albares-burita.html", "/en/broken-markup.html"];

function resetHits(): void {
  news.hits.clear();
  flaky.hits.clear();
}

test("feeds -> fetch -> extract -> store, bad pages reported, robots respected, nothing fetched twice", async () => {
  resetHits();
  const db = path.join(tmp, "e2e.db");
  const errors: string[] = [];
  const opts: CollectOptions = { feeds: feedsFile("e2e.txt"), db, fetcher, retryAfterMs: 3_600_000, onError: (u, r) => errors.push(`${u}: ${r}`) };
  const s = await collect(opts);

  assert.equal(s.sources, 6);
  assert.equal(s.feedsRead, 6, "five listed feeds that parse plus the sitemap index's child");
  // 8 RSS items, 2 Atom (1 new), 2 JSON, 2 in the news sitemap (1 new), 2 on the flaky host.
  assert.equal(s.newItems, 14);
  assert.equal(s.stored, 8);
  assert.ok(s.events >= 8, `events: ${s.events}`);
  const reasons = Object.fromEntries(s.errors.map((e) => [new URL(e.url).pathname, e.reason]));
  assert.match(reasons["/malformed.xml"], /malformed XML/);
  assert.match(reasons["/private/draft.html"], /robots\.txt/);
  assert.match(reasons["/missing.html"], /HTTP 404/);
  assert.match(reasons["/photo-of-the-day.html"], /not an HTML page \(image\/png\)/);
  assert.match(reasons["/loop/a.html"], /redirect loop/);
  assert.match(reasons["/huge.html"], /too large/);
  assert.match(reasons["/slow.html"], /timed out/);
  assert.equal(s.failed, 7);
  assert.equal(errors.length, 7);

  assert.equal(news.hits.get("/private/draft.html"), undefined, "robots.txt forbids it");
  for (const p of ARTICLES) assert.equal(news.hits.get(p), 1, `${p} fetched once though listed by several feeds`);
  assert.equal(flaky.hits.get("/flaky.html"), 2, "500 then 200");

  const store = await openStore(db);
  try {
    assert.equal((await store.counts()).documents, 8);
    // The windows-1251 page, decoded by its <meta charset>.
    const ru = await store.search("Мирзиёевым");
    assert.equal(ru.length, 1);
    assert.equal(ru[0].origin, `${news.origin}/ru/tokayev-mirziyoyev.html`);
    assert.ok((await store.events({ country: "EGY", with: "RUS" })).length >= 1, "Arabic page gives Egypt-Russia events");
    assert.ok((await store.events({ country: "ESP", with: "MAR" })).length >= 1, "news sitemap page stored");
    assert.ok((await store.events({ country: "FRA", with: "KAZ" })).length >= 1, "JSON Feed page stored");
  } finally {
    await store.close();
  }

  const frontier = await openFrontier(db);
  try {
    const slow = await frontier.get(`${flaky.origin}/slow.html`);
    assert.equal(slow?.state, "retry");
    assert.equal(slow?.attempts, 1);
    assert.equal((await frontier.get(`${news.origin}/missing.html`))?.state, "failed");
    const done = await frontier.get(`${news.origin}/en/kz-uz-water.html`);
    assert.equal(done?.state, "done");
    assert.match(done?.contentHash ?? "", /^[0-9a-f]{64}$/);
  } finally {
    await frontier.close();
  }

  // A second pass: feeds answer 304 to their ETags, no page is fetched again, nothing is duplicated.
  resetHits();
  const again = await collect(opts);
  assert.equal(again.newItems, 0);
  assert.equal(again.fetched, 0);
  assert.equal(again.feedsUnchanged, 6, "five good listed feeds and the sitemap child");
  assert.deepEqual(again.errors.map((e) => new URL(e.url).pathname), ["/malformed.xml"], "a broken feed is tried again and reported again");
  assert.equal([...news.hits.keys()].filter((p) => p.endsWith(".html")).length, 0);
  const store2 = await openStore(db);
  assert.equal((await store2.counts()).documents, 8);
  await store2.close();
});

test("a pass cut short resumes where it stopped", async () => {
  resetHits();
  const db = path.join(tmp, "resume.db");
  const opts: CollectOptions = { feeds: feedsFile("resume.txt"), db, fetcher, retryAfterMs: 3_600_000, parallel: 1 };
  const first = await collect({ ...opts, maxPages: 3 });
  assert.equal(first.fetched + first.failed - 1 /* the malformed feed */, 3);
  const second = await collect(opts);
  assert.equal(second.newItems, 0, "items found before the restart are not new");
  for (const p of ARTICLES) assert.equal(news.hits.get(p), 1, `${p} fetched once over both runs`);
  const store = await openStore(db);
  assert.equal((await store.counts()).documents, 8);
  await store.close();
});

test("killed mid-run (SIGKILL), the next run finishes without duplicates", async () => {
  resetHits();
  const db = path.join(tmp, "killed.db");
  const feeds = feedsFile("killed.txt");
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "index.js");
  const script = `const { collect } = await import(${JSON.stringify(entry)});
    await collect({ feeds: ${JSON.stringify(feeds)}, db: ${JSON.stringify(db)}, parallel: 1, retryAfterMs: 3600000,
      fetcher: { delayMs: 150, timeoutMs: 300, retries: 1, backoffMs: 10, maxBytes: 1048576 } });`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: "ignore" });
  // Kill it once it has started fetching articles.
  await new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const poll = setInterval(() => {
      const pages = ARTICLES.filter((p) => news.hits.has(p)).length;
      if (pages >= 2 || Date.now() - t0 > 60_000) {
        clearInterval(poll);
        child.kill("SIGKILL");
        pages >= 2 ? resolve() : reject(new Error("child fetched no articles"));
      }
    }, 20);
  });
  await new Promise((r) => child.once("exit", r));
  const before = ARTICLES.filter((p) => news.hits.has(p)).length;
  assert.ok(before < ARTICLES.length, "killed before the end");

  const s = await collect({ feeds, db, fetcher, retryAfterMs: 3_600_000 });
  assert.equal(s.newItems, 0, "the frontier kept what the killed run had found");
  // At most the page in flight at the kill is fetched again.
  const twice = ARTICLES.filter((p) => (news.hits.get(p) ?? 0) > 1);
  assert.ok(twice.length <= 1, `fetched twice: ${twice.join(", ")}`);
  for (const p of ARTICLES) assert.ok(news.hits.has(p), `${p} fetched`);
  const store = await openStore(db);
  assert.equal((await store.counts()).documents, 8);
  await store.close();
});

test("watch: passes until the signal aborts, resuming from the frontier", async () => {
  resetHits();
  const db = path.join(tmp, "watch.db");
  const ctrl = new AbortController();
  const passes: number[] = [];
  await watch({
    feeds: feedsFile("watch.txt"), db, fetcher, retryAfterMs: 3_600_000, everyMs: 50, signal: ctrl.signal,
    onPass: (n, s) => {
      passes.push(s.fetched);
      if (n === 3) ctrl.abort();
    },
  });
  assert.equal(passes.length, 3);
  assert.ok(passes[0] >= 8);
  assert.deepEqual(passes.slice(1), [0, 0], "later passes fetch nothing new");
  // every=50ms: feeds are re-read (conditionally) on a pass that starts 50 ms after the last reading.
  const rssReads = news.hits.get("/rss.xml") ?? 0;
  assert.ok(rssReads >= 2 && rssReads <= 3, `rss.xml read ${rssReads} times`);
});
