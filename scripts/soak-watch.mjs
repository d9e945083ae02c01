#!/usr/bin/env node
// A bounded `watch` soak on loopback: a feed that gains an item every few seconds, a second host
// that fails (HTTP 500) for a while and then recovers, and a restart of the watcher halfway.
// Reports pages fetched twice (should be none), items never stored (should be none) and the
// heap before and after (after a full GC). Run after `npm run build`:
//   node --expose-gc scripts/soak-watch.mjs            (SOAK_SECONDS=120 by default)

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSite } from "../dist/collect/fixture-site.js";
import { watch } from "../dist/collect/index.js";
import { openStore } from "../dist/store/index.js";

const seconds = Number(process.env.SOAK_SECONDS ?? 120);
const everyMs = 2000;
const t0 = Date.now();
const elapsed = () => (Date.now() - t0) / 1000;

// Article pages written for this soak: one template, a different city and figure per page.
const CITIES = ["Astana", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Tbilisi", "Yerevan"];
const page = (n) => `<html><head><title>Ministers meet, report ${n}</title></head><body><article><h1>Ministers meet, report ${n}</h1>
<p>The foreign ministers of Kazakhstan and Uzbekistan met in ${CITIES[n % CITIES.length]} on ${1 + (n % 27)} March 2025, discussing water, energy and transport, and agreed to raise trade to ${n + 1} billion dollars.</p>
<p>Both sides signed a memorandum on cooperation in agriculture and praised the work of their commissions, according to the statement issued after the talks.</p></article></body></html>`;
const rss = (host, items) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Soak</title>${items.map((n) =>
  `<item><title>Report ${n}</title><link>${host}/live/${n}.html</link><pubDate>${new Date(Date.UTC(2025, 2, 1 + (n % 27))).toUTCString()}</pubDate></item>`).join("")}</channel></rss>`;

const itemsAt = () => Math.min(200, 3 + Math.floor(elapsed() / 3));
// Pages: served by a catch-all on the same host.
const pagesSite = await startSite("news", Object.fromEntries(Array.from({ length: 600 }, (_, n) => [`/live/${n}.html`, (_q, res) => void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(n))])));
// The feed links to the pages site: rewrite the feed to name it.
// The most items the live feed has listed (what the last reading saw).
let listed = 0;
const feedHost = await startSite("news", {
  "/live.xml": (_q, res) => {
    listed = Math.max(listed, itemsAt());
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(pagesSite.origin, Array.from({ length: listed }, (_, i) => i)));
  },
  "/robots.txt": (_q, res) => void res.writeHead(404).end(),
});
// A host down (500) between 20% and 50% of the run, then back.
const down = () => elapsed() > seconds * 0.2 && elapsed() < seconds * 0.5;
const flaky = await startSite("news", {
  "/flaky.xml": (_q, res) => down() ? void res.writeHead(500).end("down")
    : void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(pagesSite.origin, Array.from({ length: Math.min(20, itemsAt()) }, (_, i) => 500 + i))),
  "/robots.txt": (_q, res) => void res.writeHead(404).end(),
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "parley-soak-"));
const db = path.join(tmp, "soak.db");
const feeds = path.join(tmp, "feeds.txt");
fs.writeFileSync(feeds, `${feedHost.origin}/live.xml delay=0\n${flaky.origin}/flaky.xml delay=0\n`);
const heap = () => { globalThis.gc?.(); return process.memoryUsage().heapUsed / 1e6; };
const errors = [];
let heapAfterFirstPass = null;
const run = async (until) => {
  const ctrl = new AbortController();
  const timer = setInterval(() => { if (elapsed() >= until) ctrl.abort(); }, 200);
  await watch({
    feeds, db, everyMs, signal: ctrl.signal, retryAfterMs: 1000, fetcher: { delayMs: 0, timeoutMs: 5000, retries: 0 },
    onError: (u, r) => errors.push(`${u}: ${r}`),
    onPass: (n) => { if (heapAfterFirstPass === null && n === 1) heapAfterFirstPass = heap(); },
  });
  clearInterval(timer);
};
console.log(`soak: ${seconds} s, a pass every ${everyMs / 1000} s, the flaky host down from ${seconds * 0.2} s to ${seconds * 0.5} s, a restart at ${seconds / 2} s`);
await run(seconds / 2);
const heapBeforeRestart = heap();
await run(seconds);
const heapEnd = heap();

const twice = [...pagesSite.hits].filter(([p, n]) => n > 1 && p !== "/robots.txt").map(([p]) => p);
const store = await openStore(db);
const docs = (await store.counts()).documents;
await store.close();
console.log(`items listed at the end: ${listed} on the live feed + 20 on the flaky one; documents stored: ${docs}`);
console.log(`page requests: ${[...pagesSite.hits].filter(([p]) => p !== "/robots.txt").reduce((a, [, n]) => a + n, 0)}; pages fetched more than once: ${twice.length ? twice.join(", ") : "none"}`);
console.log(`flaky feed requests: ${flaky.hits.get("/flaky.xml") ?? 0}; errors reported: ${errors.length} (${[...new Set(errors.map((e) => e.replace(/^\S+: /, "")))].join("; ")})`);
console.log(`heap (after GC): ${heapAfterFirstPass?.toFixed(1)} MB after the first pass, ${heapBeforeRestart.toFixed(1)} MB before the restart, ${heapEnd.toFixed(1)} MB at the end`);
for (const s of [pagesSite, feedHost, flaky]) await s.close();
fs.rmSync(tmp, { recursive: true, force: true });
