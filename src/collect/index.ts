// Live collection: feeds and news sitemaps -> page URLs in the frontier -> polite fetch ->
// HTML article -> pipeline -> store. One pass is `collect`; `watch` repeats passes until
// stopped. All state is in the database, so a restart resumes; a finished page is never
// fetched again, and a page stored twice is "unchanged" in the store (same origin, same hash).

import fs from "node:fs";
import { lexiconVersion } from "../lexicon/index.js";
import { openStore, type Store } from "../store/index.js";
import { PageError } from "./article.js";
import { openExtractor, TimeBudgetError, type Extractor } from "../pipeline/guard.js";
import { FeedError, parseFeed, parseFeedsFile, type FeedSource } from "./feeds.js";
import { FetchError, PoliteFetcher, type FetcherOptions } from "./fetch.js";
import { openFrontier, type Frontier, type FrontierEntry } from "./frontier.js";

export { parseFeedsFile, parseFeed, feedDate, FeedError, type FeedSource, type FeedItem, type ParsedFeed } from "./feeds.js";
export { PoliteFetcher, FetchError, USER_AGENT, type FetcherOptions, type FetchResult, type FetchRequest, type HostPolicy } from "./fetch.js";
export { openFrontier, type Frontier, type FrontierEntry, type FrontierState } from "./frontier.js";
export { documentFromHtml, slugOfUrl, looksLikeHtml, PageError, type PageDocument } from "./article.js";

export interface CollectSummary {
  sources: number;
  feedsRead: number;
  /** Feeds answered 304 Not Modified. */
  feedsUnchanged: number;
  newItems: number;
  fetched: number;
  stored: number;
  /** Pages fetched whose article the store already had (same hash). */
  unchanged: number;
  failed: number;
  events: number;
  errors: { url: string; reason: string }[];
}

export interface CollectOptions {
  /** Path of the feeds file, or the sources themselves. */
  feeds: string | FeedSource[];
  /** --db: SQLite file or postgres:// URL (store and frontier share it). */
  db?: string;
  /** An open store to use instead of opening `db` (the frontier still opens `db`). */
  store?: Store;
  fetcher?: FetcherOptions;
  /** Minimum ms between two readings of a feed; 0 reads every feed on every pass. */
  feedIntervalMs?: number;
  /** Stop a pass after this many page fetches (the rest stay due for the next pass). */
  maxPages?: number;
  /** Pages in flight at once over all hosts (per-host limits still apply). */
  parallel?: number;
  /** Attempts before a page failing transiently is given up. */
  maxAttempts?: number;
  /** First wait before a transiently failed page is due again; doubles per attempt. */
  retryAfterMs?: number;
  /** A claim left by a dead collector is free again after this long. */
  leaseMs?: number;
  signal?: AbortSignal;
  onProgress?: (s: CollectSummary) => void;
  onError?: (url: string, reason: string) => void;
  /** Clock, for tests. */
  now?: () => number;
  /** Milliseconds of extraction per page before it is stopped and reported (0: none); default DEFAULT_TIME_BUDGET_MS. */
  timeBudgetMs?: number;
}

function emptySummary(): CollectSummary {
  return { sources: 0, feedsRead: 0, feedsUnchanged: 0, newItems: 0, fetched: 0, stored: 0, unchanged: 0, failed: 0, events: 0, errors: [] };
}

function readSources(feeds: string | FeedSource[]): FeedSource[] {
  if (Array.isArray(feeds)) return feeds;
  return parseFeedsFile(fs.readFileSync(feeds, "utf8"), feeds);
}

function reasonOf(e: unknown): string {
  if (e instanceof FetchError || e instanceof FeedError || e instanceof PageError || e instanceof TimeBudgetError) return e.reason;
  return (e as Error)?.message ?? String(e);
}

/** One collection pass. Opens (and closes) the store and frontier unless given. */
export async function collect(opts: CollectOptions): Promise<CollectSummary> {
  const db = opts.db ?? "parley.db";
  const store = opts.store ?? (await openStore(db));
  const frontier = await openFrontier(db);
  const extractor = openExtractor({ timeBudgetMs: opts.timeBudgetMs });
  try {
    const fetcher = new PoliteFetcher(opts.fetcher);
    return await collectPass(opts, store, frontier, fetcher, extractor);
  } finally {
    await extractor.close();
    await frontier.close();
    if (!opts.store) await store.close();
  }
}

/** A pass over an already open store, frontier and fetcher (watch keeps them across passes). */
export async function collectPass(
  opts: CollectOptions, store: Store, frontier: Frontier, fetcher: PoliteFetcher, extractor: Extractor,
): Promise<CollectSummary> {
  const s = emptySummary();
  const now = opts.now ?? Date.now;
  const leaseMs = opts.leaseMs ?? 10 * 60_000;
  const maxAttempts = opts.maxAttempts ?? 4;
  const retryAfterMs = opts.retryAfterMs ?? 15 * 60_000;
  const parallel = Math.max(1, opts.parallel ?? 8);
  const version = lexiconVersion();
  // Loading the lexicon takes a while (CPU); doing it before any request is in flight keeps
  // that pause from counting against request timeouts.
  await extractor.ready();
  const aborted = () => opts.signal?.aborted ?? false;

  const fail = (url: string, reason: string) => {
    s.failed++;
    s.errors.push({ url, reason });
    opts.onError?.(url, reason);
    opts.onProgress?.(s);
  };

  const sources = readSources(opts.feeds);
  s.sources = sources.length;
  const byUrl = new Map(sources.map((src) => [src.url, src]));
  for (const src of sources) {
    if (src.delay != null || src.concurrency != null) {
      fetcher.setHostPolicy(new URL(src.url).host, {
        delayMs: src.delay != null ? src.delay * 1000 : undefined,
        concurrency: src.concurrency,
      });
    }
  }
  // Work is claimed as due at the pass start, and everything a pass finishes is due strictly
  // later, so each feed and page is handled at most once per pass.
  const passStart = now();
  const later = (t: number) => Math.max(t, passStart + 1);
  await frontier.addFeeds(sources.map((x) => x.url), passStart);
  opts.onProgress?.(s);

  // Feeds: every listed feed that is due, then the child sitemaps of sitemap indexes.
  const listed = new Set(sources.map((x) => x.url));
  for (;;) {
    if (aborted()) return s;
    const due = await frontier.claim("feed", 100, now(), leaseMs, passStart);
    if (!due.length) break;
    // Feeds dropped from the feeds file are set aside (sitemap children have a source and stay).
    const active = due.filter((f) => listed.has(f.url) || (f.source && listed.has(f.source)));
    for (const f of due) {
      if (!active.includes(f)) await frontier.finish(f.url, { state: f.state, nextFetch: null, error: "not in the feeds file" }, now());
    }
    await Promise.all(active.map(readFeed));
  }

  async function readFeed(f: FrontierEntry): Promise<void> {
    const src = byUrl.get(f.url) ?? (f.source ? byUrl.get(f.source) : undefined);
    const everyMs = src?.every != null ? src.every * 60_000 : opts.feedIntervalMs ?? 0;
    try {
      const r = await fetcher.fetch(f.url, {
        etag: f.etag, lastModified: f.lastModified,
        accept: "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5",
      });
      if (r.notModified) {
        s.feedsUnchanged++;
        await frontier.finish(f.url, { state: "done", nextFetch: later(now() + everyMs), status: 304, error: null, failedAttempt: false }, now());
        return;
      }
      const parsed = parseFeed(Buffer.from(r.bytes).toString("utf8"), r.finalUrl);
      s.feedsRead++;
      for (const w of parsed.warnings) opts.onError?.(f.url, `warning: ${w}`);
      const added = await frontier.addPages(parsed.items, f.url, passStart);
      s.newItems += added.length;
      if (parsed.feeds.length) {
        // Sitemap index children are feeds of their own, credited to the listed source.
        const root = f.source ?? f.url;
        await frontier.addFeeds(parsed.feeds.filter((c) => !listed.has(c)), passStart, root);
      }
      await frontier.finish(f.url, {
        state: "done", nextFetch: later(now() + everyMs), etag: r.headers["etag"] ?? null, lastModified: r.headers["last-modified"] ?? null,
        status: r.status, error: null, failedAttempt: false,
      }, now());
      opts.onProgress?.(s);
    } catch (e) {
      fail(f.url, reasonOf(e));
      const transient = e instanceof FetchError && e.transient;
      await frontier.finish(f.url, {
        state: "retry", nextFetch: later(now() + Math.max(everyMs, transient ? retryAfterMs : everyMs)), status: e instanceof FetchError ? e.status : null,
        error: reasonOf(e), failedAttempt: true,
      }, now());
    }
  }

  // Pages: claim due ones in batches and run them with bounded parallelism.
  let budget = opts.maxPages ?? Infinity;
  while (budget > 0 && !aborted()) {
    // Due by now, not by the pass's start: pages another collector found during this pass are
    // this one's work too (retries are scheduled further ahead and stay for a later pass).
    const batch = await frontier.claim("page", Math.min(parallel * 4, budget), now(), leaseMs);
    if (!batch.length) {
      // Pages another collector holds: wait while its claims run (it may finish them, or it died
      // and they run out), then take what is left; nothing held elsewhere ends the pass.
      const until = await frontier.leasedElsewhereUntil("page", now(), now());
      if (until === null) break;
      await sleepUnlessAborted(Math.max(20, Math.min(until - now() + 1, LEASE_POLL_MS)), opts.signal);
      continue;
    }
    budget -= batch.length;
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(parallel, batch.length) }, async () => {
      while (next < batch.length) {
        const p = batch[next++];
        if (aborted()) {
          await frontier.finish(p.url, { state: p.state, nextFetch: p.nextFetch }, now());
          continue;
        }
        await fetchPage(p);
      }
    }));
  }
  return s;

  async function fetchPage(p: FrontierEntry): Promise<void> {
    let status: number | null = null;
    try {
      const r = await fetcher.fetch(p.url, { etag: p.etag, lastModified: p.lastModified });
      status = r.status;
      s.fetched++;
      if (r.notModified) {
        s.unchanged++;
        await frontier.finish(p.url, { state: "done", nextFetch: null, status: 304, error: null, failedAttempt: false }, now());
        return;
      }
      const doc = await extractor.extract({ kind: "page", bytes: r.bytes, url: r.finalUrl, contentType: r.headers["content-type"], published: p.published });
      // The URL the feed named stays the document's identity, whatever it redirected to.
      doc.result.origin = p.url;
      const hash = doc.hash!;
      if (p.contentHash === hash && (await store.documentHash(p.url)) === hash) {
        s.unchanged++;
      } else {
        const outcome = await store.ingest({ origin: p.url, hash }, doc.result, version);
        if (outcome === "unchanged") s.unchanged++;
        else {
          s.stored++;
          s.events += doc.result.events.filter((e) => !e.status).length;
        }
      }
      await frontier.finish(p.url, {
        state: "done", nextFetch: null, etag: r.headers["etag"] ?? null, lastModified: r.headers["last-modified"] ?? null,
        contentHash: hash, status: r.status, error: null, failedAttempt: false,
      }, now());
      opts.onProgress?.(s);
    } catch (e) {
      const reason = reasonOf(e);
      fail(p.url, reason);
      const transient = e instanceof FetchError && e.transient;
      const attempts = p.attempts + 1;
      const giveUp = !transient || attempts >= maxAttempts;
      await frontier.finish(p.url, {
        state: giveUp ? "failed" : "retry",
        nextFetch: giveUp ? null : later(now() + retryAfterMs * 2 ** (attempts - 1)),
        status: e instanceof FetchError ? e.status : status, error: reason, failedAttempt: true,
      }, now());
    }
  }
}

/** "15m", "30s", "1h", "2h30m" or bare minutes, to milliseconds. */
export function parseDuration(v: string): number {
  const t = v.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t) * 60_000;
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/gy;
  let total = 0;
  let pos = 0;
  for (let m; (m = re.exec(t)); pos = re.lastIndex) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as "ms" | "s" | "m" | "h" | "d"];
  }
  if (pos !== t.length || !t) throw new Error(`not a duration: ${v} (e.g. 30s, 15m, 1h)`);
  return total;
}

export interface WatchOptions extends CollectOptions {
  everyMs: number;
  /** Passes to run (tests); unlimited by default. */
  passes?: number;
  onPass?: (pass: number, s: CollectSummary) => void;
}

/** How often a collector looks again at pages another collector holds. */
const LEASE_POLL_MS = 1000;

/** Collect every `everyMs` until the signal aborts (SIGINT in the CLI). Resumes from the frontier. */
export async function watch(opts: WatchOptions): Promise<void> {
  const db = opts.db ?? "parley.db";
  const store = opts.store ?? (await openStore(db));
  const frontier = await openFrontier(db);
  const fetcher = new PoliteFetcher(opts.fetcher);
  const extractor = openExtractor({ timeBudgetMs: opts.timeBudgetMs });
  try {
    for (let pass = 1; !opts.signal?.aborted && (opts.passes == null || pass <= opts.passes); pass++) {
      const started = Date.now();
      const s = await collectPass({ ...opts, feedIntervalMs: opts.feedIntervalMs ?? opts.everyMs }, store, frontier, fetcher, extractor);
      opts.onPass?.(pass, s);
      if (opts.passes != null && pass >= opts.passes) break;
      await sleepUnlessAborted(Math.max(0, opts.everyMs - (Date.now() - started)), opts.signal);
    }
  } finally {
    await extractor.close();
    await frontier.close();
    if (!opts.store) await store.close();
  }
}

function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** One progress line: sources, new items, fetched, failed, events. */
export function formatSummary(s: CollectSummary): string {
  return `${s.sources} sources, ${s.feedsRead} feeds read${s.feedsUnchanged ? ` (${s.feedsUnchanged} unchanged)` : ""}, ` +
    `${s.newItems} new items, ${s.fetched} fetched, ${s.stored} stored, ${s.unchanged} unchanged, ${s.failed} failed, ${s.events} events`;
}
